// Settings from a plain object: the `baogao.*` settings an editor sends, or a project's baogao.json
// (found next to the reports or above them). One reader for both, so they cannot drift apart.
import type { Severity } from '../../grammar/diagnostic.js';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from './checks/contract.js';
import { parseSeverityWord } from './header.js';
import type { ServiceSettings } from './service.js';
import { createScanner, findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError, type SyntaxKind } from 'jsonc-parser';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { defaultSeverity } from './codes.js';
import { validateSettings, type SettingsProblem } from './settingsSchema.js';
import { windowMessage, type WindowMessageKey } from './windowMessages.js';

export type { SettingsProblem } from './settingsSchema.js';

export const CONFIG_FILE_NAME = 'baogao.json';

export interface ProjectSettings {
  service: ServiceSettings;
  /** Full-width columns a line for print-ready text. */
  lineWidth: number;
  /** What in the input was not understood, in Chinese, for the user (with its code and place). */
  problems: SettingsProblem[];
}

/**
 * Reads settings: `snippetFolders` (string[]), `profile` (report kind), `lineWidth` (8–200),
 * `deadline` ("4-1" or {month, day}), `disabledChecks` (codes), `severities` ({BG601: "关"}),
 * `citations` (extra official titles: strings or {title, issuer, date, supersededBy, validFrom, validTo}),
 * `terms` (extra standard terms: {wrong form: standard}), `indicators` (collect's vocabulary: {indicator: [names]}).
 * Every value is checked against the schema in package.json first; one that fails is told in `problems`
 * and the default stands.
 */
export function readSettings(raw: unknown): ProjectSettings {
  // Types, ranges and patterns come from the one schema (package.json); what fails it is dropped.
  const { values: s, problems } = validateSettings(raw);
  const strings = (v: unknown) => (v as string[] | undefined) ?? [];
  const severities = new Map<string, Severity | 'off'>();
  for (const [code, word] of Object.entries((s.severities ?? {}) as Record<string, string>)) {
    const level = parseSeverityWord(word);
    if (level) severities.set(code.toUpperCase(), level);
  }
  for (const code of strings(s.disabledChecks)) severities.set(code.toUpperCase(), 'off');

  let deadline = DEFAULT_CHECK_SETTINGS.deadline;
  if (typeof s.deadline === 'string') {
    const m = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(s.deadline.trim());
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1 && Number(m[2]) <= 31) deadline = { month: Number(m[1]), day: Number(m[2]) };
    else problems.push({ code: 'BG906', path: ['deadline'], message: windowMessage('settingDeadline', s.deadline) });
  }

  const extraCitations: CheckSettings['extraCitations'] = [];
  for (const entry of (s.citations ?? []) as Array<string | CheckSettings['extraCitations'][number]>) {
    if (typeof entry !== 'string') extraCitations.push(entry);
    else if (entry.trim()) extraCitations.push({ title: entry.trim().replace(/^《|》$/g, '') });
  }

  const extraTerms = readTerms(s.terms, problems);
  const extraIndicators = readIndicators(s.indicators, problems);

  const profile = typeof s.profile === 'string' && s.profile.trim() ? s.profile.trim() : undefined;
  return {
    service: {
      snippetFolders: strings(s.snippetFolders),
      severities,
      checks: { ...DEFAULT_CHECK_SETTINGS, deadline, profile, extraCitations, extraTerms, extraIndicators },
    },
    lineWidth: (s.lineWidth as number | undefined) ?? 28,
    problems,
  };
}

/** An object setting whose entries each become one item (or a problem); `notObject` tells its form. */
function readEntries<T>(raw: unknown, key: string, notObject: WindowMessageKey, problems: SettingsProblem[], entry: (name: string, value: unknown) => T | string): T[] {
  if (raw === undefined) return [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ code: 'BG906', path: [key], message: windowMessage(notObject) });
    return [];
  }
  const out: T[] = [];
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const item = entry(name, value);
    if (typeof item === 'string') problems.push({ code: 'BG906', path: [key, name], message: windowMessage('settingEntry', key, name, item) });
    else out.push(item);
  }
  return out;
}

/** `terms`: {"行政规范文件": "行政规范性文件"} (wrong form → standard term). */
function readTerms(raw: unknown, problems: SettingsProblem[]): CheckSettings['extraTerms'] {
  return readEntries(raw, 'terms', 'settingTermsNotObject', problems, (miss, standard) =>
    typeof standard === 'string' && standard.trim() && miss.trim() && miss.trim() !== standard.trim()
      ? { standard: standard.trim(), misses: [miss.trim()] }
      : windowMessage('settingTermSame'));
}

/** `indicators`: {"矛盾纠纷调处": ["调处件数", "化解纠纷"]} (standard indicator → the names writers use for it). */
function readIndicators(raw: unknown, problems: SettingsProblem[]): CheckSettings['extraIndicators'] {
  return readEntries(raw, 'indicators', 'settingIndicatorsNotObject', problems, (indicator, names) =>
    Array.isArray(names) && names.every((n) => typeof n === 'string') ? { indicator, names: names as string[] } : windowMessage('settingIndicatorNames'));
}

/**
 * Reads a baogao.json text. A syntax error (BG960, at the place jsonc-parser finds it) is a problem, not
 * an exception, and leaves every default; a key written twice (BG964) is told, the last one counting as
 * JSON.parse takes it.
 */
export function readSettingsFile(text: string): ProjectSettings {
  const tooDeep = nestingBeyond(text, MAX_JSON_NESTING);
  if (tooDeep !== undefined) {
    const settings = readSettings({});
    settings.problems.push({ code: 'BG960', path: [], offset: { start: tooDeep, end: tooDeep + 1 }, message: `不是可用的设置（括号嵌套超过 ${MAX_JSON_NESTING} 层），全部设置按默认值。` });
    return settings;
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const settings = readSettings({});
    const first = errors[0];
    const where = first ? { start: first.offset, end: first.offset + Math.max(first.length, 1) } : { start: 0, end: 0 };
    // jsonc-parser names the error in words we can give in Chinese; JSON.parse's own message is the fallback.
    const what = first ? (JSON_ERRORS[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error)) : (error as Error).message;
    settings.problems.push({ code: 'BG960', path: [], offset: where, message: `不是有效的 JSON（${what}），全部设置按默认值。` });
    return settings;
  }
  const settings = readSettings(raw);
  if (tree) settings.problems.unshift(...duplicateKeys(tree));
  return settings;
}

/**
 * Settings nest three levels at most; the tree parser and the readers after it recurse once per level, so
 * a file of 100,000 nested brackets ended in "Maximum call stack size exceeded". Far deeper than any
 * setting, and checked by jsonc-parser's scanner, which does not recurse.
 */
const MAX_JSON_NESTING = 64;

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values, as it declares them.
const [OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, EOF] = [1, 2, 3, 4, 17] as SyntaxKind[];

/** The offset of the first bracket nested deeper than `limit`, or undefined. */
function nestingBeyond(text: string, limit: number): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (++depth > limit) return scanner.getTokenOffset();
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) depth--;
  }
  return undefined;
}

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: '有无法识别的字符', InvalidNumberFormat: '数字格式不对', PropertyNameExpected: '缺少键名', ValueExpected: '缺少值',
  ColonExpected: '缺少冒号', CommaExpected: '缺少逗号', CloseBraceExpected: '缺少“}”', CloseBracketExpected: '缺少“]”',
  EndOfFileExpected: '结尾有多余内容', InvalidCommentToken: 'JSON 不能有注释', UnexpectedEndOfComment: '注释未结束',
  UnexpectedEndOfString: '字符串未结束', UnexpectedEndOfNumber: '数字未结束', InvalidUnicode: 'Unicode 转义不对',
  InvalidEscapeCharacter: '转义字符不对', InvalidCharacter: '字符串中有不允许的字符',
};

/** Keys written twice in one object, anywhere in the file. */
function duplicateKeys(node: Node, path: Array<string | number> = []): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key) continue;
      const name = String(key.value);
      if (seen.has(name)) out.push({ code: 'BG964', path: [...path, name], key: true, offset: { start: key.offset, end: key.offset + key.length }, message: `“${name}”写了两次，以后一次为准。` });
      seen.add(name);
      if (value) out.push(...duplicateKeys(value, [...path, name]));
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((item, i) => out.push(...duplicateKeys(item, [...path, i])));
  }
  return out;
}

/**
 * The problems of a baogao.json as diagnostics on its text: each at the key or value it is about (the
 * first of a key written twice), a syntax error where it is, a problem about the whole file at its start.
 */
export function settingsFileDiagnostics(text: string, problems: readonly SettingsProblem[]): Diagnostic[] {
  const tree = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  return problems.map((p) => {
    const at = p.offset ?? placeOf(tree, p);
    return { code: p.code, severity: defaultSeverity(p.code), message: p.message, start: at.start, end: at.end };
  });
}

function placeOf(tree: Node | undefined, problem: SettingsProblem): { start: number; end: number } {
  let node = tree && problem.path.length ? findNodeAtLocation(tree, problem.path) : undefined;
  // The deepest part of the path that exists (a whole-value problem inside a list item that is gone).
  for (let n = problem.path.length - 1; tree && !node && n > 0; n--) node = findNodeAtLocation(tree, problem.path.slice(0, n));
  if (node && problem.key && node.parent?.type === 'property') node = node.parent.children?.[0];
  return node ? { start: node.offset, end: node.offset + node.length } : { start: 0, end: 0 };
}
