// The registry of report checks: small named functions over the resolved model, each with its codes.
// A check module exports its checks and its code table; both are listed here.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes } from '../codes.js';
import type { ReportModel } from '../model.js';
import { citationsChecks, citationsCodes } from './citations.js';
import { datesChecks, datesCodes } from './dates.js';
import { structureChecks, structureCodes } from './structure.js';
import { totalsChecks, totalsCodes } from './totals.js';
import { typographyChecks, typographyCodes } from './typography.js';

/** What checks may be configured with (from settings or a workspace file). */
export interface CheckSettings {
  /** Extra official titles for the citation registry, from settings or a workspace file. */
  extraCitations: Array<{ title: string; issuer?: string; date?: string; supersededBy?: string; validFrom?: number; validTo?: number }>;
  /** Publication deadline in the year after the reported one (default 1 April). */
  deadline: { month: number; day: number };
  /** Force a profile instead of the one @类型 gives. */
  profile: string | undefined;
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = { extraCitations: [], deadline: { month: 4, day: 1 }, profile: undefined };

export interface ReportCheck {
  /** A short English id, e.g. "required-parts". */
  id: string;
  /** The codes this check can emit. */
  codes: string[];
  /** Limit the check to some reports (e.g. one profile); runs on all when absent. */
  appliesTo?: (model: ReportModel) => boolean;
  run(model: ReportModel, settings: CheckSettings): Diagnostic[];
}

registerCodes([...structureCodes, ...totalsCodes, ...typographyCodes, ...citationsCodes, ...datesCodes]);

export const REPORT_CHECKS: ReportCheck[] = [...structureChecks, ...totalsChecks, ...typographyChecks, ...citationsChecks, ...datesChecks];
