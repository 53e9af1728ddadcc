// The snippets (client/snippets/baogao.json): valid JSON and snippet syntax; the report skeletons, with
// their placeholders at their defaults, are reports the checker accepts without an error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SKELETONS, skeletonBody } from '../../../client/skeleton.js';
import { checkReport } from '../../../server/language/checks/index.js';
import { ROOT, model } from '../../helpers.js';

interface Snippet { prefix: string | string[]; body: string | string[]; description: string }

const file = path.join(ROOT, 'client', 'snippets', 'baogao.json');
const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Snippet>;
const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2022', CURRENT_MONTH: '01', CURRENT_DATE: '20' };

/** Expands TextMate/VS Code snippet syntax to the text inserted when every placeholder keeps its default. */
function expand(body: string): string {
  let i = 0;
  const parse = (inside: boolean): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i]!;
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1]!)) {
        out += body[i + 1];
        i += 2;
      } else if (inside && c === '}') {
        return out;
      } else if (c === '$') {
        const simple = /^\$(\d+|[A-Z_]+)/.exec(body.slice(i));
        const braced = /^\$\{(\d+|[A-Z_]+)(:|\})/.exec(body.slice(i));
        if (braced) {
          i += braced[0].length;
          const name = braced[1]!;
          let value = '';
          if (braced[2] === ':') {
            value = parse(true);
            assert.equal(body[i], '}', `unclosed \${${name}: in ${body}`);
            i++;
          }
          out += /^\d+$/.test(name) ? value : (VARIABLES[name] ?? assert.fail(`unknown variable ${name}`));
        } else if (simple) {
          i += simple[0].length;
          const name = simple[1]!;
          out += /^\d+$/.test(name) ? '' : (VARIABLES[name] ?? assert.fail(`unknown variable ${name}`));
        } else assert.fail(`a bare $ at ${i} in ${body}`);
      } else {
        out += c;
        i++;
      }
    }
    assert.ok(!inside, `unclosed placeholder in ${body}`);
    return out;
  };
  return parse(false);
}

describe('client: snippets', () => {
  it('are valid: a prefix, a description and a body in correct snippet syntax each', () => {
    assert.ok(Object.keys(snippets).length >= 6);
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.prefix.length > 0 && s.description, name);
      assert.doesNotThrow(() => expand(bodyOf(s)), name);
    }
  });

  it('have a figure, a checked rate and an include', () => {
    const expanded = Object.values(snippets).map((s) => expand(bodyOf(s)));
    assert.ok(expanded.includes('{名称 = 0件}'));
    assert.ok(expanded.includes('{成功率 = 98% : 成功/调处}'));
    assert.ok(expanded.includes('@引用 片段名'));
  });

  it('include a 法治政府建设年度报告 skeleton with the five labelled parts, in order', () => {
    const text = expand(bodyOf(snippets['法治政府建设年度报告骨架']!));
    const labels = [...text.matchAll(/^# .*\{#(.+)\}$/gm)].map((m) => m[1]);
    assert.deepEqual(labels, ['举措', '不足', '第一责任人', '安排', '其他']);
    assert.match(text, /^@类型 法治政府建设年度报告$/m);
  });

  it('give skeletons the checker accepts as they are (no errors, no warnings)', () => {
    for (const { kind } of SKELETONS) {
      const text = expand(skeletonBody(kind, new Date(2022, 0, 20)));
      assert.match(text, /^@年度 2021$/m, 'the year reported on is last year');
      const found = checkReport(model(text));
      assert.deepEqual(found.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.code} ${d.message}`), [], kind);
    }
  });
});
