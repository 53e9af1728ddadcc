// Settings never crash anything (issue 14, item 5): every value is checked against the one schema
// (package.json's contributes.configuration); a bad one is told in Chinese and dropped, the rest applies.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readSettings } from '../../../server/language/config.js';
import { SETTING_SCHEMAS, validateSettings } from '../../../server/language/settingsSchema.js';
import { blockCacheLimits, forgetBlockResults, useBlockCache } from '../../../server/language/checks/blockCache.js';
import { checkReport } from '../../../server/language/checks/index.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace, ParseCache } from '../../../server/language/workspace.js';
import { ROOT } from '../../helpers.js';
import manifest from '../../../package.json' with { type: 'json' };

describe('settings are validated against the manifest schema', () => {
  it('the schema is package.json’s, one source for the editor and baogao.json', () => {
    const keys = Object.keys(manifest.contributes.configuration.properties).map((k) => k.slice('baogao.'.length)).filter((k) => k !== 'trace.server');
    assert.deepEqual([...SETTING_SCHEMAS.keys()], keys);
  });

  it('a bad value is told and dropped; the other settings still apply; never “[object Object]”', () => {
    const s = readSettings({
      lineWidth: { 宽: 1 },
      severities: { BG601: { x: 1 } },
      citations: [{ title: '某某条例', aliases: 5 }, { x: 1 }, '某县规划（2021—2025年）'],
      disabledChecks: ['BG609', 7, 'abc'],
      deadline: '13-40',
      profile: '工作总结',
      snippetFolders: '库',
      unknownKey: true,
    });
    assert.equal(s.lineWidth, 28);
    assert.equal(s.service.checks.profile, '工作总结');
    assert.deepEqual(s.service.checks.extraCitations, [{ title: '某县规划（2021—2025年）' }]);
    assert.deepEqual([...s.service.severities], [['BG609', 'off']]);
    assert.deepEqual(s.service.snippetFolders, []);
    assert.deepEqual(s.service.checks.deadline, { month: 4, day: 1 });
    const told = s.problems.map((p) => p.message).join('\n');
    for (const expected of ['“lineWidth”应是整数，已忽略，按默认值（所写的是 {"宽":1}）。', '“citations”的第 1 项', '中“aliases”应是列表', '“disabledChecks”的第 2 项应是字符串，已忽略这一项（所写的是 7）。', '“disabledChecks”的第 3 项检查代码形如 BG601，已忽略这一项（所写的是 "abc"）。', '“deadline”', '“snippetFolders”应是列表，已忽略，按默认值（所写的是 "库"）。', '不认识的设置“unknownKey”']) {
      assert.ok(told.includes(expected), `${expected} in\n${told}`);
    }
    assert.doesNotMatch(told, /object Object/);
  });

  it('anything at all as settings never throws', () => {
    for (const raw of [null, undefined, 5, 'x', [], [1], { citations: null }, { severities: [] }, { citations: [[]] }, Object.create(null)]) {
      assert.doesNotThrow(() => readSettings(raw));
    }
    assert.match(validateSettings([1]).problems[0]!.message, /设置应是一个 JSON 对象/);
  });

  it('a non-array aliases in baogao.json no longer crashes check (was: 内部错误, exit 2)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baogao-settings-'));
    writeFileSync(path.join(dir, 'baogao.json'), JSON.stringify({ citations: [{ title: '某某条例', aliases: 5 }] }));
    writeFileSync(path.join(dir, 'r.bg'), '@标题 t\n\n引用《某某条例》。\n');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), 'check', path.join(dir, 'r.bg')], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /“aliases”应是列表，已忽略这一项/);
    assert.doesNotMatch(r.stderr, /内部错误/);
  });
});

describe('memory', () => {
  it('the parse cache forgets a closed document, and holds a bounded amount of text', () => {
    const cache = new ParseCache(500, 1000);
    for (let i = 0; i < 50; i++) cache.parse(`/w/${i}.bg`, '中'.repeat(100));
    const held = (cache as unknown as { entries: Map<string, unknown> }).entries;
    assert.ok(held.size <= 10, `${held.size} trees held`);
    cache.forget('/w/49.bg');
    assert.ok(!held.has('/w/49.bg'));
  });

  it('the remembered block results stay within their limits (or the last check’s blocks, when more), and a full cache still gives the computed results', () => {
    const before = blockCacheLimits();
    blockCacheLimits({ blocks: 40, characters: 4000 });
    forgetBlockResults();
    try {
      const service = new LanguageService(new MemoryWorkspace({}));
      const base = readFileSync(path.join(ROOT, 'samples', 'guiwei-2020.bg'), 'utf8');
      for (let i = 0; i < 6; i++) {
        const text = base.replace(/桂圩镇/g, `桂圩${'镇'.repeat(i + 2)}`);
        const remembered = checkReport(service.analyze('/w/r.bg', text));
        const { held, lastCheck } = blockCacheLimits();
        // The report has more blocks than the limits: what its check used is kept whole, nothing else.
        assert.ok(lastCheck.blocks > 40, JSON.stringify(lastCheck));
        assert.deepEqual(held, lastCheck);
        useBlockCache(false);
        try {
          assert.deepStrictEqual(remembered, checkReport(new LanguageService(new MemoryWorkspace({})).analyze('/w/r.bg', text)));
        } finally {
          useBlockCache(true);
        }
      }
      // A small report's check, after: the store is back within its limits.
      checkReport(service.analyze('/w/small.bg', '@年度 2020\n\n# 一、工作\n\n推进依法行政。\n'));
      const { held } = blockCacheLimits();
      assert.ok(held.blocks <= 40 && held.characters <= 4000, JSON.stringify(held));
    } finally {
      blockCacheLimits(before);
    }
  });
});

describe('huge lists in settings', () => {
  it('300,000 snippet folders: the first 100 and one BG906 (was: 300,000 folders searched for every snippet, a workspace symbol in 9 s)', () => {
    const settings = readSettings({ snippetFolders: Array.from({ length: 300_000 }, (_, i) => `片段${i}`) });
    assert.equal(settings.service.snippetFolders.length, 100);
    assert.equal(settings.service.snippetFolders[99], '片段99');
    assert.deepEqual(settings.problems.map((p) => p.code), ['BG906']);
    assert.match(settings.problems[0]!.message, /“snippetFolders”有 300000 项，最多 100 项：只用前 100 项。/);
  });

  it('a list of 100,000 bad items: 20 told one by one, the rest in one sentence (was: 100,000 problems on baogao.json)', () => {
    const { problems } = validateSettings({ disabledChecks: Array(100_000).fill(5) });
    assert.equal(problems.length, 21);
    assert.match(problems[20]!.message, /“disabledChecks”还有 99980 项有误，都已忽略。/);
  });
});
