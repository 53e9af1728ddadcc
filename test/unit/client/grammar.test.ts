// The TextMate grammar (client/syntaxes/baogao.tmLanguage.json) without VS Code: vscode-textmate and
// vscode-oniguruma are not installed, so every regular expression must compile as JavaScript (the
// grammar avoids Oniguruma-only syntax), and a small tokenizer that follows TextMate's rules for
// single-line constructs (earliest match wins, ties go to the first rule, `end` before inner rules,
// captures with their own patterns) checks that each kind of line gets the intended scopes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../helpers.js';

interface Capture { name?: string; patterns?: Rule[] }
interface Rule {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  contentName?: string;
  captures?: Record<string, Capture>;
  beginCaptures?: Record<string, Capture>;
  endCaptures?: Record<string, Capture>;
  patterns?: Rule[];
}
interface Grammar { scopeName: string; patterns: Rule[]; repository: Record<string, Rule> }

const grammar = JSON.parse(readFileSync(path.join(ROOT, 'client', 'syntaxes', 'baogao.tmLanguage.json'), 'utf8')) as Grammar;

/** Oniguruma-only syntax the grammar must not use: JavaScript would read it differently or not at all. */
const ONIGURUMA_ONLY = [/\\[hHAzZGK]/, /\(\?[imx-]+[:)]/, /\\p\{/, /[*+?}]\+/, /\(\?>/, /\\[xX]\{/, /\[\[:/];

function* allRules(rules: readonly Rule[] | undefined = grammar.patterns, seen = new Set<Rule>()): Generator<Rule> {
  for (const rule of rules ?? []) {
    if (seen.has(rule)) continue;
    seen.add(rule);
    yield rule;
    yield* allRules(rule.patterns, seen);
    for (const captures of [rule.captures, rule.beginCaptures, rule.endCaptures]) {
      for (const c of Object.values(captures ?? {})) yield* allRules(c.patterns, seen);
    }
  }
}
const everyRule = () => [...allRules([...grammar.patterns, ...Object.values(grammar.repository)])];

const compiled = new Map<string, RegExp>();
const regex = (source: string) => {
  let r = compiled.get(source);
  if (!r) compiled.set(source, (r = new RegExp(source, 'gu')));
  return r;
};

function resolve(rule: Rule): Rule[] {
  if (!rule.include) return [rule];
  if (rule.include === '$self') return grammar.patterns.flatMap(resolve);
  const target = grammar.repository[rule.include.replace(/^#/, '')];
  assert.ok(target, `unknown include ${rule.include}`);
  return target.match || target.begin ? [target] : (target.patterns ?? []).flatMap(resolve);
}

interface Token { text: string; scopes: string[] }

function search(source: string, line: string, from: number): RegExpExecArray | null {
  const r = regex(source);
  r.lastIndex = from;
  return r.exec(line);
}

/** Tokenizes one line (every construct of the grammar ends with its line). */
function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  const emit = (text: string, scopes: string[]) => {
    if (text) tokens.push({ text, scopes });
  };
  const captures = (m: RegExpExecArray, spec: Record<string, Capture> | undefined, outer: string[]) => {
    // Capture 0 names the whole match; groups in order (enough for this grammar's flat captures).
    const whole = m[0];
    const scopes = spec?.['0']?.name ? [...outer, spec['0'].name] : outer;
    const marks: Array<{ start: number; end: number; capture: Capture }> = [];
    let cursor = 0;
    for (let g = 1; g < m.length; g++) {
      const text = m[g];
      const capture = spec?.[String(g)];
      if (text === undefined) continue;
      const start = whole.indexOf(text, cursor);
      if (start < 0) continue;
      cursor = start + text.length;
      if (capture) marks.push({ start, end: start + text.length, capture });
    }
    let pos = 0;
    for (const mark of marks) {
      emit(whole.slice(pos, mark.start), scopes);
      const inner = mark.capture.name ? [...scopes, mark.capture.name] : scopes;
      const text = whole.slice(mark.start, mark.end);
      if (mark.capture.patterns) scan(text, 0, undefined, mark.capture.patterns, inner, tokens);
      else emit(text, inner);
      pos = mark.end;
    }
    emit(whole.slice(pos), scopes);
  };
  const scan = (text: string, start: number, end: string | undefined, patterns: readonly Rule[], scopes: string[], into: Token[]): number => {
    const rules = patterns.flatMap(resolve);
    let pos = start;
    while (pos <= text.length) {
      const endMatch = end !== undefined ? search(end, text, pos) : null;
      let best: { rule: Rule; m: RegExpExecArray } | undefined;
      for (const rule of rules) {
        const m = search((rule.match ?? rule.begin)!, text, pos);
        if (m && (!best || m.index < best.m.index)) best = { rule, m };
      }
      if (endMatch && (!best || endMatch.index <= best.m.index)) {
        into.push(...(endMatch.index > pos ? [{ text: text.slice(pos, endMatch.index), scopes }] : []));
        return endMatch.index;
      }
      if (!best) {
        emit(text.slice(pos), scopes);
        return text.length;
      }
      emit(text.slice(pos, best.m.index), scopes);
      const { rule, m } = best;
      const ruleScopes = rule.name ? [...scopes, rule.name] : scopes;
      if (rule.match !== undefined) {
        captures(m, rule.captures, ruleScopes);
        pos = m.index + m[0].length;
      } else {
        captures(m, rule.beginCaptures ?? rule.captures, ruleScopes);
        const inner = rule.contentName ? [...ruleScopes, rule.contentName] : ruleScopes;
        const stop = scan(text, m.index + m[0].length, rule.end!, rule.patterns ?? [], inner, tokens);
        const closing = search(rule.end!, text, stop);
        if (closing && closing.index === stop) {
          captures(closing, rule.endCaptures ?? rule.captures, ruleScopes);
          pos = stop + closing[0].length;
        } else pos = stop;
      }
      if (m[0].length === 0 && pos === m.index) {
        // A zero-length match: move on by one character, as TextMate does.
        emit(text.slice(pos, pos + 1), scopes);
        pos++;
      }
    }
    return pos;
  };
  scan(line, 0, undefined, grammar.patterns, [grammar.scopeName], tokens);
  return tokens;
}

/** The scopes of the token that holds the `occurrence`-th appearance of `needle`'s first character. */
function scopesAt(line: string, needle: string, occurrence = 0): string[] {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = line.indexOf(needle, index + 1);
  assert.ok(index >= 0, `“${needle}” not in “${line}”`);
  let offset = 0;
  for (const token of tokenize(line)) {
    if (index >= offset && index < offset + token.text.length) return token.scopes;
    offset += token.text.length;
  }
  throw new Error(`no token at ${index} in “${line}”`);
}

function expectScope(line: string, needle: string, scope: string, occurrence = 0) {
  const scopes = scopesAt(line, needle, occurrence);
  assert.ok(scopes.some((s) => s === scope || s.startsWith(`${scope}.`)), `“${needle}” in “${line}”: expected ${scope}, got ${scopes.join(' ')}`);
}

describe('client: TextMate grammar', () => {
  it('is scoped source.baogao and every include resolves', () => {
    assert.equal(grammar.scopeName, 'source.baogao');
    for (const rule of everyRule()) if (rule.include) resolve(rule);
  });

  it('uses only regular expressions that compile in JavaScript, without Oniguruma-only syntax', () => {
    const sources = everyRule().flatMap((r) => [r.match, r.begin, r.end].filter((s): s is string => s !== undefined));
    assert.ok(sources.length > 20);
    for (const source of sources) {
      assert.doesNotThrow(() => new RegExp(source, 'u'), source);
      assert.doesNotThrow(() => new RegExp(source), source);
      for (const bad of ONIGURUMA_ONLY) assert.ok(!bad.test(source), `${source} uses ${bad}`);
    }
  });

  it('tokenizes without losing a character', () => {
    const text = readFileSync(path.join(ROOT, 'samples', 'guiwei-2021.bg'), 'utf8');
    for (const line of text.split('\n')) assert.equal(tokenize(line).map((t) => t.text).join(''), line);
  });

  it('colours comments', () => {
    expectScope('// 原文见 test/fixtures', '原文', 'comment.line.double-slash.baogao');
    expectScope('  // 缩进的注释', '//', 'punctuation.definition.comment.baogao');
    // `//` inside prose is prose.
    assert.ok(!scopesAt('见 https://example.cn/a', 'https').some((s) => s.startsWith('comment')));
  });

  it('colours directives, ASCII and full-width, and their values', () => {
    expectScope('@标题 {机关}{年度}年度法治政府建设情况报告', '@', 'punctuation.definition.directive.baogao');
    expectScope('@标题 {机关}{年度}年度法治政府建设情况报告', '标题', 'keyword.control.directive.baogao');
    expectScope('@标题 {机关}{年度}年度法治政府建设情况报告', '机关', 'variable.other.figure.baogao');
    expectScope('@标题 {机关}{年度}年度法治政府建设情况报告', '年度法治', 'string.unquoted.directive-value.baogao');
    expectScope('＠机关 桂圩镇人民政府', '＠', 'punctuation.definition.directive.baogao');
    expectScope('＠机关 桂圩镇人民政府', '机关', 'keyword.control.directive.baogao');
    expectScope('@year 2020', 'year', 'keyword.control.directive.baogao');
    expectScope('@类型 法治政府建设年度报告', '法治', 'support.constant.kind.baogao');
    expectScope('@指标 应领证 = 54人', '应领证', 'variable.other.definition.figure.baogao');
    expectScope('@指标 应领证 = 54人', '54', 'constant.numeric.baogao');
    expectScope('@指标 应领证 = 54人', '人', 'keyword.other.unit.baogao');
    expectScope('@引用 法律顾问制度 机关=桂圩镇人民政府', '法律顾问制度', 'entity.name.function.snippet.baogao');
    expectScope('@引用 法律顾问制度 机关=桂圩镇人民政府', '机关', 'variable.parameter.baogao');
    expectScope('@片段 法律顾问制度', '法律', 'entity.name.function.snippet.baogao');
    expectScope('@参数 机关, 年度', '年度', 'variable.parameter.baogao');
    expectScope('@检查 BG601=关 BG302=警告', 'BG302', 'constant.other.code.baogao');
    expectScope('@检查 BG601=关 BG302=警告', '警告', 'constant.language.severity.baogao');
    expectScope('@落款', '落款', 'keyword.control.directive.baogao');
    expectScope('@未知 值', '未知', 'keyword.control.directive.unknown.baogao');
  });

  it('colours headings with their level marks and labels', () => {
    const line = '# 依法全面履行政府职能情况 {#举措}';
    expectScope(line, '#', 'punctuation.definition.heading.baogao');
    expectScope(line, '依法', 'entity.name.section.baogao');
    expectScope(line, '依法', 'markup.heading.baogao');
    expectScope(line, '举措', 'entity.name.label.baogao');
    expectScope('＃＃ 创新社会治理，依法化解矛盾纠纷 ｛＃不足｝', '创新', 'entity.name.section.baogao');
    expectScope('＃＃ 创新社会治理，依法化解矛盾纠纷 ｛＃不足｝', '不足', 'entity.name.label.baogao');
    expectScope('####（1）四级', '四级', 'entity.name.section.baogao');
    expectScope('## 调处{调处}起', '调处', 'variable.other.figure.baogao', 1);
    assert.ok(!scopesAt('##### 五级不是标题', '五级').includes('markup.heading.baogao'));
  });

  it('colours list markers', () => {
    expectScope('- 执行行政执法公示制度。', '-', 'punctuation.definition.list.begin.baogao');
    expectScope('－ 全角的列表项', '－', 'punctuation.definition.list.begin.baogao');
    expectScope('12. 第十二项', '12', 'punctuation.definition.list.begin.baogao');
    assert.ok(!scopesAt('-5度', '-').some((s) => s.startsWith('punctuation.definition.list')));
  });

  it('colours figures: name, operator, number, unit, %, check, qualifiers, 同比, whole count', () => {
    const def = '共调处矛盾纠纷{调处 = 150起}，';
    expectScope(def, '{', 'punctuation.section.figure.begin.baogao');
    expectScope(def, '调处', 'variable.other.definition.figure.baogao', 1);
    expectScope(def, '=', 'keyword.operator.assignment.baogao');
    expectScope(def, '150', 'constant.numeric.baogao');
    expectScope(def, '起', 'keyword.other.unit.baogao');
    expectScope(def, '}', 'punctuation.section.figure.end.baogao');
    assert.ok(!scopesAt(def, '共').some((s) => s.startsWith('meta.figure')));
    const computed = '成功率达{成功率 = 成功/调处 %}。';
    expectScope(computed, '成功/', 'variable.other.figure.baogao');
    expectScope(computed, '/', 'keyword.operator.arithmetic.baogao');
    expectScope(computed, '%', 'keyword.other.unit.percent.baogao');
    const checked = '{持证率 = 81.48% : 持证/应领证}';
    expectScope(checked, '81.48', 'constant.numeric.baogao');
    expectScope(checked, '%', 'keyword.other.unit.percent.baogao');
    expectScope(checked, ':', 'keyword.operator.check.baogao');
    expectScope(checked, '应领证', 'variable.other.figure.baogao');
    const wide = '｛成功率 ＝ 97.33％ ： _/调处｝';
    expectScope(wide, '｛', 'punctuation.section.figure.begin.baogao');
    expectScope(wide, '成功率', 'variable.other.definition.figure.baogao');
    expectScope(wide, '＝', 'keyword.operator.assignment.baogao');
    expectScope(wide, '％', 'keyword.other.unit.percent.baogao');
    expectScope(wide, '：', 'keyword.operator.check.baogao');
    expectScope(wide, '_', 'variable.language.whole.baogao');
    expectScope(wide, '｝', 'punctuation.section.figure.end.baogao');
    expectScope('{资料 = 5000多份}', '多', 'storage.modifier.qualifier.baogao');
    expectScope('{资料 = 5000多份}', '份', 'keyword.other.unit.baogao');
    expectScope('{资料 = 约5000份}', '约', 'storage.modifier.qualifier.baogao');
    expectScope('{调处 同比}', '同比', 'keyword.other.comparison.baogao');
    expectScope('{合计 = （甲 ＋ 乙）× 2}', '＋', 'keyword.operator.arithmetic.baogao');
    expectScope('{合计 = （甲 ＋ 乙）× 2}', '×', 'keyword.operator.arithmetic.baogao');
    // An unclosed figure ends with its line.
    expectScope('{调处 = 150起', '起', 'keyword.other.unit.baogao');
  });

  it('colours citations (with figures inside) and escapes', () => {
    const line = '贯彻《法治政府建设实施纲要（2015-2020年）》，';
    expectScope(line, '《', 'punctuation.definition.string.begin.baogao');
    expectScope(line, '法治', 'string.quoted.other.citation.baogao');
    expectScope(line, '》', 'punctuation.definition.string.end.baogao');
    assert.ok(!scopesAt(line, '，').some((s) => s.startsWith('string.quoted')));
    expectScope('《{年度}年度工作要点》', '年度', 'variable.other.figure.baogao');
    expectScope('《{年度}年度工作要点》', '工作', 'string.quoted.other.citation.baogao');
    expectScope('《未闭合的书名号', '未闭合', 'string.quoted.other.citation.baogao');
    expectScope('写 \\{ 表示花括号', '\\', 'constant.character.escape.baogao');
    assert.ok(!scopesAt('写 \\{ 表示花括号', '表示').some((s) => s.startsWith('meta.figure')));
  });
});
