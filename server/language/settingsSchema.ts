// The one schema of the settings: package.json's contributes.configuration (what VS Code shows and
// checks in its settings editor) also validates what the server receives and every baogao.json, so a
// bad value is told in Chinese and dropped — the other settings still apply, nothing crashes.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import manifest from '../../package.json' with { type: 'json' };
import { windowMessage, type WindowMessageKey } from './windowMessages.js';

type JsonSchema = Record<string, unknown>;

const PREFIX = 'baogao.';
/** Editor-only settings, not part of a report's settings. */
const EDITOR_ONLY = new Set(['trace.server']);

/** The schema of each setting, by its key in baogao.json (without "baogao."). */
export const SETTING_SCHEMAS: ReadonlyMap<string, JsonSchema> = new Map(
  Object.entries(manifest.contributes.configuration.properties as Record<string, JsonSchema>)
    .map(([key, schema]) => [key.slice(PREFIX.length), schema] as const)
    .filter(([key]) => !EDITOR_ONLY.has(key)),
);

let validators: Map<string, { whole: ValidateFunction; item: ValidateFunction | undefined }> | undefined;

function compiled() {
  if (!validators) {
    // strict: false — the manifest carries VS Code's own keywords (scope, markdownDescription, …).
    const ajv = new Ajv({ strict: false, allErrors: true, verbose: true });
    validators = new Map();
    for (const [key, schema] of SETTING_SCHEMAS) {
      const items = schema.type === 'array' ? (schema.items as JsonSchema | undefined) : undefined;
      validators.set(key, { whole: ajv.compile(schema), item: items ? ajv.compile(items) : undefined });
    }
  }
  return validators;
}

/** A value as the user wrote it, short, for a message (never "[object Object]"). */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const TYPE_NAMES: Record<string, WindowMessageKey> = { string: 'typeString', integer: 'typeInteger', number: 'typeNumber', array: 'typeArray', object: 'typeObject', boolean: 'typeBoolean' };

/** The settings' patterns (package.json's patternErrorMessage, package.nls.json's words without the full stop). */
const PATTERN_MESSAGES: Record<string, WindowMessageKey> = { '%config.deadline.pattern%': 'valueDeadlinePattern', '%config.code.pattern%': 'valueCodePattern' };

/** One ajv error in Chinese, of a template the VS Code client can translate (windowMessages.ts). */
function describe(error: ErrorObject, schema: JsonSchema): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return windowMessage('valueType', String(p.type).split(',').map((t) => (TYPE_NAMES[t] ? windowMessage(TYPE_NAMES[t]) : t)).join('或'));
    case 'enum':
      return windowMessage('valueEnum', (p.allowedValues as unknown[]).map((v) => (v === '' ? '（空）' : String(v))).join('、'));
    case 'minimum':
    case 'maximum':
      return windowMessage('valueRange', String(schema.minimum ?? ''), String(schema.maximum ?? ''));
    case 'pattern': {
      const own = typeof schema.patternErrorMessage === 'string' ? PATTERN_MESSAGES[schema.patternErrorMessage] : undefined;
      return windowMessage(own ?? 'valueMalformed');
    }
    case 'required':
      return windowMessage('valueMissing', String(p.missingProperty));
    case 'additionalProperties':
      return windowMessage('valueUnknownKey', String(p.additionalProperty));
    case 'anyOf':
      return windowMessage('valueTitleOrObject');
    default:
      return error.message ?? windowMessage('valueMalformed');
  }
}

/** The most telling error: the deepest one (inside an object of a list), else the "anyOf" summary; with where it is. */
function firstProblem(validate: ValidateFunction): { text: string; path: JsonPath } {
  const errors = validate.errors ?? [];
  const deepest = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  const error = deepest?.instancePath ? deepest : (errors.find((e) => e.keyword === 'anyOf') ?? errors[0]);
  if (!error) return { text: windowMessage('valueMalformed'), path: [] };
  const what = describe(error, (error.parentSchema ?? {}) as JsonSchema);
  const path = error.instancePath ? error.instancePath.slice(1).split('/').map((k) => (/^\d+$/.test(k) ? Number(k) : k.replace(/~1/g, '/').replace(/~0/g, '~'))) : [];
  return { text: error.instancePath ? windowMessage('valueAt', error.instancePath.slice(1).replace(/\//g, '.'), what) : what, path };
}

/** Where in a settings object: keys and list indexes ("citations", 1, "validFrom"). */
export type JsonPath = Array<string | number>;

/**
 * A problem in settings, in Chinese, with its code (BG906 a value, BG960–BG964 the file) and where it is:
 * `key` set for a problem with the key itself (an unknown setting), else at the value; `offset` for a
 * syntax error.
 */
export interface SettingsProblem {
  code: string;
  message: string;
  path: JsonPath;
  key?: boolean;
  offset?: { start: number; end: number };
}

export interface ValidatedSettings {
  /** Only the settings that passed (bad list items dropped, the rest of the list kept). */
  values: Record<string, unknown>;
  /** One Chinese sentence per problem, with its code and place. */
  problems: SettingsProblem[];
}

/** A list's problems told one by one, up to this many; the rest in one sentence (a list of 300,000 bad items is one file). */
const MAX_ITEM_PROBLEMS = 20;

/** The items of a list setting that pass, at most its schema's maxItems; the others told in `problems`. */
function validList(key: string, list: unknown[], item: ValidateFunction, problems: SettingsProblem[]): unknown[] {
  const maxItems = SETTING_SCHEMAS.get(key)?.maxItems;
  let items = list;
  if (typeof maxItems === 'number' && list.length > maxItems) {
    problems.push({ code: 'BG906', path: [key, maxItems], message: windowMessage('settingTooLong', key, list.length, maxItems) });
    items = list.slice(0, maxItems);
  }
  let bad = 0;
  const kept = items.filter((value, i) => {
    if (item(value)) return true;
    if (++bad <= MAX_ITEM_PROBLEMS) {
      const { text, path } = firstProblem(item);
      problems.push({ code: 'BG906', path: [key, i, ...path], message: windowMessage('settingBadItem', key, i + 1, text, shown(value)) });
    }
    return false;
  });
  if (bad > MAX_ITEM_PROBLEMS) problems.push({ code: 'BG906', path: [key], message: windowMessage('settingMoreBadItems', key, bad - MAX_ITEM_PROBLEMS) });
  return kept;
}

/** Validates settings (baogao.json, or the editor's baogao.* section) against the manifest's schema. */
export function validateSettings(raw: unknown): ValidatedSettings {
  const problems: SettingsProblem[] = [];
  const values: Record<string, unknown> = {};
  if (raw === undefined || raw === null) return { values, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { values, problems: [{ code: 'BG963', path: [], message: windowMessage('settingsNotObject', shown(raw)) }] };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const checker = compiled().get(key);
    if (!checker) {
      if (!EDITOR_ONLY.has(key) && key !== 'trace') problems.push({ code: 'BG961', path: [key], key: true, message: windowMessage('settingUnknown', key, [...SETTING_SCHEMAS.keys()].join('、')) });
      continue;
    }
    if (value === undefined || value === null) continue;
    if (checker.item && Array.isArray(value)) {
      values[key] = validList(key, value, checker.item, problems);
      continue;
    }
    if (checker.whole(value)) values[key] = value;
    else {
      const { text, path } = firstProblem(checker.whole);
      problems.push({ code: 'BG906', path: [key, ...path], message: windowMessage('settingBadValue', key, text, shown(value)) });
    }
  }
  return { values, problems };
}
