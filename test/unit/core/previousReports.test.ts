// Last year's report is analysed once while it and what it reads stay the same: typing in this year's
// report must not re-analyse last year's on every keystroke, and a change to either is never missed.
import assert from 'node:assert/strict';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';

const LAST = '@年度 2020\n@引用 调解\n\n# 工作\n\n调处{调处 = 100起}。\n';
const SNIPPET = '@片段 调解\n\n成功{成功 = 90起}。\n';
const THIS = (extra: string) => `@年度 2021\n@上年 2020.bg\n\n# 工作\n\n调处{调处 = 120起}，{调处 增减}。${extra}\n`;

function setUp() {
  const workspace = new MemoryWorkspace({ '/r/2020.bg': LAST, '/r/snippets/调解.bg': SNIPPET });
  return { workspace, service: new LanguageService(workspace) };
}

describe('last year’s report, analysed once while unchanged', () => {
  it('keystrokes in this year’s report reuse last year’s model', () => {
    const { service } = setUp();
    const first = service.analyze('/r/2021.bg', THIS(''));
    const second = service.analyze('/r/2021.bg', THIS('又'));
    assert.ok(first.previous);
    assert.equal(second.previous, first.previous);
    assert.equal(second.figures.definitions.get('调处')?.value?.type, 'number');
  });

  it('a change to last year’s text is analysed again', () => {
    const { workspace, service } = setUp();
    const first = service.analyze('/r/2021.bg', THIS(''));
    workspace.files.set('/r/2020.bg', LAST.replace('100起', '110起'));
    const second = service.analyze('/r/2021.bg', THIS(''));
    assert.notEqual(second.previous, first.previous);
    const value = second.previous!.figures.definitions.get('调处')!.value;
    assert.ok(value?.type === 'number' && value.value === 110);
  });

  it('a change to a snippet last year’s report reads is seen, even unannounced', () => {
    const { workspace, service } = setUp();
    const first = service.analyze('/r/2021.bg', THIS(''));
    workspace.files.set('/r/snippets/调解.bg', SNIPPET.replace('90起', '95起'));
    const second = service.analyze('/r/2021.bg', THIS(''));
    assert.notEqual(second.previous, first.previous);
    const value = second.previous!.figures.definitions.get('成功')!.value;
    assert.ok(value?.type === 'number' && value.value === 95);
  });

  it('snippets invalidated (a file appeared) analyse it again', () => {
    const { service } = setUp();
    const first = service.analyze('/r/2021.bg', THIS(''));
    service.snippets.invalidate();
    assert.notEqual(service.analyze('/r/2021.bg', THIS('')).previous, first.previous);
  });
});
