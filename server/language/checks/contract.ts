// What a report check is: a named function over the resolved model, with the codes it can emit, and
// the settings it may read. Check modules import this; checks/index.ts lists them.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { REPORT_KINDS, type ReportKind } from '../header.js';
import type { ReportModel } from '../model.js';
import { NOTHING_FOUND } from '../nothingFound.js';

/** What checks may be configured with (from settings or a workspace file). */
export interface CheckSettings {
  /** Extra official titles for the citation registry, from settings or a workspace file. */
  extraCitations: Array<{ title: string; issuer?: string; date?: string; supersededBy?: string; validFrom?: number; validTo?: number }>;
  /** Extra standard terms and their near-misses, from settings or a workspace file. */
  extraTerms: Array<{ standard: string; misses: string[] }>;
  /** Extra names of standard indicators for `collect`: written name → indicator. */
  extraIndicators: Array<{ indicator: string; names: string[] }>;
  /** Publication deadline in the year after the reported one (default 1 April). */
  deadline: { month: number; day: number };
  /** Force a profile instead of the one @类型 gives. */
  profile: string | undefined;
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = { extraCitations: [], extraTerms: [], extraIndicators: [], deadline: { month: 4, day: 1 }, profile: undefined };

/**
 * What a check finds in a block where it finds nothing: one shared empty list, not a new one. A batch check
 * runs some forty checks on every block, and an empty list made each time was a fifth of what they allocated.
 */
export const NO_DIAGNOSTICS: readonly Diagnostic[] = NOTHING_FOUND;

/** `found` with `more` added, the list made only when there is something to add (a block's checks mostly find nothing). */
export function joined(found: Diagnostic[] | undefined, more: readonly Diagnostic[]): Diagnostic[] | undefined {
  if (more.length === 0) return found;
  if (!found) return [...more];
  for (const d of more) found.push(d);
  return found;
}

export interface ReportCheck {
  /** A short English id, e.g. "required-parts". */
  id: string;
  /** The codes this check can emit. */
  codes: string[];
  /** Limit the check to some reports (e.g. one profile); runs on all when absent. */
  appliesTo?: (model: ReportModel) => boolean;
  run(model: ReportModel, settings: CheckSettings): Diagnostic[];
}

/** The kind a report is checked as: the `profile` setting when set, else its @类型. */
export function checkedKind(model: ReportModel, settings: Pick<CheckSettings, 'profile'>): ReportKind | undefined {
  const kind = settings.profile ?? model.header.kind;
  return (REPORT_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ReportKind) : undefined;
}
