// Renamed or moved reports and folders: the @上年 edits that keep each report reading the same last year's report.
import assert from 'node:assert/strict';
import { lastYearLinkEdits, movedPath, type LastYearLink } from '../../../server/language/features/moves.js';

const link = (path: string, written: string): LastYearLink => ({ path, written, span: { start: 10, end: 10 + written.length } });
const edits = (links: LastYearLink[], moves: Array<{ from: string; to: string }>) => lastYearLinkEdits(links, moves).map((e) => [e.path, e.newText]);

describe('feature: @上年 follows moved reports', () => {
  it('rewrites the link of a report that reads a renamed or moved report', () => {
    assert.deepEqual(edits([link('/w/2021/桂圩镇.bg', '../2020/桂圩镇.bg')], [{ from: '/w/2020/桂圩镇.bg', to: '/w/2020/桂圩镇2020.bg' }]), [['/w/2021/桂圩镇.bg', '../2020/桂圩镇2020.bg']]);
    assert.deepEqual(edits([link('/w/b.bg', 'a.bg')], [{ from: '/w/a.bg', to: '/w/old/a.bg' }]), [['/w/b.bg', 'old/a.bg']]);
  });

  it('rewrites the link of a report that moves away from the report it reads', () => {
    assert.deepEqual(edits([link('/w/2021/r.bg', '../2020/r.bg')], [{ from: '/w/2021/r.bg', to: '/w/归档/2021/r.bg' }]), [['/w/2021/r.bg', '../../2020/r.bg']]);
  });

  it('follows a renamed folder, and leaves links alone when both ends move together', () => {
    assert.deepEqual(edits([link('/w/2021/r.bg', '../2020/r.bg')], [{ from: '/w/2020', to: '/w/二〇二〇' }]), [['/w/2021/r.bg', '../二〇二〇/r.bg']]);
    assert.deepEqual(edits([link('/w/2021/r.bg', '../2020/r.bg')], [{ from: '/w', to: '/报告' }]), []);
    assert.deepEqual(edits([link('/w/r2021.bg', 'r2020.bg')], [{ from: '/w/r2021.bg', to: '/w/r-2021.bg' }]), [], 'a rename in the same folder changes nothing');
  });

  it('keeps an absolute link absolute, and touches nothing a move does not reach', () => {
    assert.deepEqual(edits([link('/w/b.bg', '/w/a.bg')], [{ from: '/w/a.bg', to: '/w/x/a.bg' }]), [['/w/b.bg', '/w/x/a.bg']]);
    assert.deepEqual(edits([link('/w/b.bg', 'a.bg')], [{ from: '/w/c.bg', to: '/w/d.bg' }]), []);
    assert.equal(movedPath('/w/20201/r.bg', [{ from: '/w/2020', to: '/w/x' }]), '/w/20201/r.bg', 'a folder moves only what is under it');
    assert.equal(movedPath('/w/2020/r.bg', [{ from: '/w/2020', to: '/w/x' }]), '/w/x/r.bg');
  });
});
