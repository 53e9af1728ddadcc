// Settings from a plain object: the `baogao.*` settings an editor sends, or a project's baogao.json
// (found next to the reports or above them). One reader for both, so they cannot drift apart.
import type { Severity } from '../../grammar/diagnostic.js';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from './checks/contract.js';
import { parseSeverityWord } from './header.js';
import type { ServiceSettings } from './service.js';
import { validateSettings } from './settingsSchema.js';

export const CONFIG_FILE_NAME = 'baogao.json';

export interface ProjectSettings {
  service: ServiceSettings;
  /** Full-width columns a line for print-ready text. */
  lineWidth: number;
  /** What in the input was not understood, in Chinese, for the user. */
  problems: string[];
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
    else problems.push(`“deadline”的“${s.deadline}”不是真实的月日：应写成 "4-1" 表示次年4月1日。`);
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

/** An object setting whose entries each become one item (or a problem); `example` shows the form. */
function readEntries<T>(raw: unknown, key: string, example: string, problems: string[], entry: (name: string, value: unknown) => T | string): T[] {
  if (raw === undefined) return [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`“${key}”应是对象，例如 ${example}。`);
    return [];
  }
  const out: T[] = [];
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const item = entry(name, value);
    if (typeof item === 'string') problems.push(`“${key}”中的“${name}”无法识别：${item}`);
    else out.push(item);
  }
  return out;
}

/** `terms`: {"行政规范文件": "行政规范性文件"} (wrong form → standard term). */
function readTerms(raw: unknown, problems: string[]): CheckSettings['extraTerms'] {
  return readEntries(raw, 'terms', '{"行政规范文件": "行政规范性文件"}（键为错误写法、值为规范用语）', problems, (miss, standard) =>
    typeof standard === 'string' && standard.trim() && miss.trim() && miss.trim() !== standard.trim()
      ? { standard: standard.trim(), misses: [miss.trim()] }
      : '值应是与之不同的规范用语。');
}

/** `indicators`: {"矛盾纠纷调处": ["调处件数", "化解纠纷"]} (standard indicator → the names writers use for it). */
function readIndicators(raw: unknown, problems: string[]): CheckSettings['extraIndicators'] {
  return readEntries(raw, 'indicators', '{"矛盾纠纷调处": ["调处", "化解纠纷"]}（键为标准指标、值为各报告中的指标名称）', problems, (indicator, names) =>
    Array.isArray(names) && names.every((n) => typeof n === 'string') ? { indicator, names: names as string[] } : '应是指标名称的列表。');
}

/** Reads a baogao.json text; a syntax error is a problem, not an exception. */
export function readSettingsFile(text: string): ProjectSettings {
  try {
    return readSettings(JSON.parse(text));
  } catch (error) {
    const settings = readSettings({});
    settings.problems.push(`不是有效的 JSON：${(error as Error).message}`);
    return settings;
  }
}
