import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readSettings, readSettingsFile, settingsFileDiagnostics } from '../../../server/language/config.js';
import { ROOT } from '../../helpers.js';

describe('settings (editor settings and baogao.json)', () => {
  it('reads every setting', () => {
    const s = readSettings({
      snippetFolders: ['库'], profile: '工作总结', lineWidth: 30, deadline: '3-1', disabledChecks: ['bg609'],
      severities: { BG601: '警告' }, citations: ['《某县法治建设规划（2021—2025年）》', { title: '某条例', validFrom: 2022 }],
    });
    assert.deepEqual(s.problems, []);
    assert.deepEqual(s.service.snippetFolders, ['库']);
    assert.equal(s.service.checks.profile, '工作总结');
    assert.equal(s.lineWidth, 30);
    assert.deepEqual(s.service.checks.deadline, { month: 3, day: 1 });
    assert.deepEqual([...s.service.severities], [['BG601', 'warning'], ['BG609', 'off']]);
    assert.deepEqual(s.service.checks.extraCitations.map((c) => c.title), ['某县法治建设规划（2021—2025年）', '某条例']);
  });

  it('keeps the defaults and says in Chinese what it did not understand', () => {
    const s = readSettings({ lineWidth: 3, deadline: '明年', severities: { BG601: '不要' }, citations: [42] });
    assert.equal(s.lineWidth, 28);
    assert.deepEqual(s.service.checks.deadline, { month: 4, day: 1 });
    assert.equal(s.problems.length, 4);
    for (const p of s.problems) assert.match(p.message, /[\u4e00-\u9fff]/);
    assert.match(readSettingsFile('{ 不是 JSON').problems[0]!.message, /不是有效的 JSON/);
  });

  it('places each problem of a baogao.json on its key or value, with its code (BG960–BG964, BG906)', () => {
    const placed = (text: string) => {
      const found = settingsFileDiagnostics(text, readSettingsFile(text).problems);
      return found.map((d) => `${d.code} ${d.severity} ${text.slice(d.start, d.end)}`);
    };
    const text = '{\n  "lineWidth": "宽",\n  "disabledCheck": ["BG601"],\n  "citations": ["甲", 42],\n  "profile": "工作总结",\n  "profile": "工作报告"\n}';
    assert.deepEqual(placed(text), ['BG964 warning "profile"', 'BG906 warning "宽"', 'BG961 warning "disabledCheck"', 'BG906 warning 42']);
    assert.equal(placed(text).length, readSettingsFile(text).problems.length);
    const [syntax] = settingsFileDiagnostics('{"lineWidth": 30,}', readSettingsFile('{"lineWidth": 30,}').problems);
    assert.equal(syntax!.code, 'BG960');
    assert.equal(syntax!.start, '{"lineWidth": 30,'.length, 'at the trailing comma’s end, where the value is missing');
    assert.match(syntax!.message, /不是有效的 JSON（缺少键名）/);
    assert.deepEqual(placed('["BG601"]'), ['BG963 error ']);
    assert.deepEqual(placed('{"lineWidth": 30}'), []);
  });

  it('baogao check uses the nearest baogao.json above the report', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baogao-config-'));
    mkdirSync(path.join(dir, '2021'));
    writeFileSync(path.join(dir, 'baogao.json'), JSON.stringify({ disabledChecks: ['BG601'], profile: '工作总结' }));
    const report = path.join(dir, '2021', 'a.bg');
    writeFileSync(report, '@年度 2021\n@日期 2022-01-10\n\n# 工作\n依法履行职责,规范行政行为。\n');
    const cli = path.join(ROOT, 'dist', 'cli.cjs');
    const withConfig = spawnSync(process.execPath, [cli, 'check', report], { encoding: 'utf8' });
    assert.doesNotMatch(withConfig.stdout, /BG601/);
    writeFileSync(path.join(dir, 'baogao.json'), '{ "lineWidth": "宽" }');
    const bad = spawnSync(process.execPath, [cli, 'check', report], { encoding: 'utf8' });
    assert.match(bad.stdout, /BG601/, 'defaults stand in for a bad file');
    assert.match(bad.stderr, /baogao\.json：“lineWidth”应是整数，已忽略，按默认值（所写的是 "宽"）。/);
  });
});
