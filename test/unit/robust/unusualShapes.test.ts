// Reports of unusual shape (session 21): each was checked far slower per kilobyte than a usual report.
// A report with more blocks than the block store's limits (50,000 short paragraphs) evicted a quarter of
// its own results at every keystroke and checked them again at the next; a line of broken figures searched
// every diagnostic per parse error (quadratic: 100,000 on one line took 32 s to parse). Timing ratios, not
// times: generous enough for a loaded machine, far from what the faults gave.
import { strict as assert } from 'node:assert';
import { parseLine } from '../../../grammar/index.js';
import { blockCacheLimits, forgetBlockResults } from '../../../server/language/checks/blockCache.js';
import { checkReport } from '../../../server/language/checks/index.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
import { cpuTimed } from '../../helpers.js';

const HEADER = '@类型 法治政府建设年度报告\n@机关 桂圩镇人民政府\n@年度 2020\n@日期 2021年1月10日\n\n';
const HAN = '〇一二三四五六七八九';
const han = (n: number) => [...String(n)].map((d) => HAN[Number(d)]).join('');

/**
 * CPU time of `run` on inputs of n and 4n, the least of five runs of each taken in turn (a collection, or
 * another process's burst on a loaded machine, lands in some runs of both sizes, not in all): linear work
 * grows about fourfold, quadratic sixteenfold. Under the load of a full test run beside other work the
 * first form of this test (least of three, one size after the other, 8×) once saw 9× on linear work.
 */
function assertLinear(what: string, run: (n: number) => unknown, n: number): void {
  run(n / 10); // compiled before it is timed
  run(n);
  let [small, large] = [Infinity, Infinity];
  for (let i = 0; i < 5; i++) {
    small = Math.min(small, cpuTimed(() => run(n)).ms);
    large = Math.min(large, cpuTimed(() => run(4 * n)).ms);
  }
  assert.ok(large < 200 || large < 11 * Math.max(small, 1), `${what}: ${small.toFixed(1)} ms at ${n}, ${large.toFixed(1)} ms at ${4 * n}`);
}

const paragraphs = (n: number) => `${HEADER}# 一、工作\n\n${Array.from({ length: n }, (_, i) => `推进工作${han(i)}。`).join('\n\n')}\n`;
const headings = (n: number) => HEADER + Array.from({ length: n }, (_, i) => `# 标题${i}\n\n推进依法行政工作。\n`).join('\n');

/** CPU time of `keys` keystrokes, each a new character typed in the middle of `text` and the report checked again. */
function keystrokes(text: string, keys: number): number {
  const service = new LanguageService(new MemoryWorkspace({}));
  checkReport(service.analyze('/w/r.bg', text));
  const at = text.indexOf('。', text.length >> 1);
  let typed = text;
  return cpuTimed(() => {
    for (let k = 0; k < keys; k++) {
      typed = typed.slice(0, at) + String.fromCharCode(0x4e00 + k) + typed.slice(at);
      checkReport(service.analyze('/w/r.bg', typed));
    }
  }).ms;
}

describe('reports of unusual shape', function () {
  this.timeout(600_000);

  it('a report with more blocks than the store holds: a keystroke re-checks what it touched, not a quarter of the report (was: evicted and checked again at every keystroke)', () => {
    const text = paragraphs(6_000);
    const before = blockCacheLimits();
    forgetBlockResults();
    try {
      keystrokes(text, 3); // compiled before it is timed
      const roomy = keystrokes(text, 20);
      // The report’s 12,000 blocks (its own and its prose) in a store of 3,000.
      blockCacheLimits({ blocks: 3_000, characters: before.characters });
      forgetBlockResults();
      const tight = keystrokes(text, 20);
      assert.ok(tight < 200 || tight < 3 * Math.max(roomy, 1), `20 keystrokes: ${roomy.toFixed(0)} ms in a store that holds the report, ${tight.toFixed(0)} ms in one that does not`);
      assert.ok(blockCacheLimits().held.blocks > 3_000, 'the report being checked keeps its blocks');
    } finally {
      blockCacheLimits(before);
      forgetBlockResults();
    }
  });

  it('the first check of many headings, and of many short paragraphs, grows linearly', () => {
    assertLinear('headings', (n) => {
      forgetBlockResults();
      return checkReport(new LanguageService(new MemoryWorkspace({})).analyze('/w/h.bg', headings(n)));
    }, 1_000);
    assertLinear('paragraphs', (n) => {
      forgetBlockResults();
      return checkReport(new LanguageService(new MemoryWorkspace({})).analyze('/w/p.bg', paragraphs(n)));
    }, 2_000);
    forgetBlockResults();
  });

  it('a line of broken figures parses in linear time, each with its diagnostic', () => {
    for (const figure of ['{甲 = 1件 + }', '{甲 乙 丙}']) {
      assertLinear(figure, (n) => parseLine(`${figure.repeat(n)}\n`), 1_500);
      const { diagnostics } = parseLine(`${figure.repeat(300)}\n`);
      assert.equal(diagnostics.length, 300);
      assert.ok(diagnostics.every((d) => d.code === 'BG002'), figure);
    }
  });
});
