// Every report check, and running them: the model's own diagnostics plus each check's, with the
// severity overrides of the settings and of the file's @检查 applied last. To add a check module, list
// its checks here (each module registers its own codes, so a check run on its own has its severities).
import type { Diagnostic, Severity } from '../../../grammar/diagnostic.js';
import { compareCodeUnits } from '../codes.js';
import type { ReportModel } from '../model.js';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../service.js';
import { citationsChecks } from './citations.js';
import { countsChecks } from './counts.js';
import { lastYearsPlanChecks } from './lastYearsPlan.js';
import { plenumsChecks } from './plenums.js';
import { outdatedGoalsChecks } from './outdatedGoals.js';
import { selfReferenceChecks } from './selfReference.js';
import { staleBodiesChecks } from './staleBodies.js';
import { partyBodiesChecks } from './partyBodies.js';
import type { ReportCheck } from './contract.js';
import { datesChecks } from './dates.js';
import { paragraphEndChecks } from './paragraphEnd.js';
import { reportTitleChecks } from './reportTitle.js';
import { unmarkedTitlesChecks } from './unmarkedTitles.js';
import { refillChecks } from './refill.js';
import { structureChecks } from './structure.js';
import { ratesChecks } from './rates.js';
import { slipsChecks } from './slips.js';
import { totalsChecks } from './totals.js';
import { termsChecks } from './terms.js';
import { titlesChecks } from './titles.js';
import { typographyChecks } from './typography.js';
import { wordingChecks } from './wording.js';
import { doubledChecks } from './doubled.js';
import { disclosureRulesChecks } from './disclosureRules.js';
import { boundPerCode } from '../perCodeBound.js';
import { append } from '../append.js';
import { duringCheck } from './blockCache.js';

export const REPORT_CHECKS: ReportCheck[] = [
  ...structureChecks, ...countsChecks, ...totalsChecks, ...ratesChecks, ...slipsChecks, ...typographyChecks, ...citationsChecks, ...unmarkedTitlesChecks, ...datesChecks,
  ...refillChecks, ...lastYearsPlanChecks, ...plenumsChecks, ...outdatedGoalsChecks, ...selfReferenceChecks, ...staleBodiesChecks, ...partyBodiesChecks, ...wordingChecks, ...doubledChecks, ...reportTitleChecks, ...termsChecks, ...titlesChecks, ...disclosureRulesChecks, ...paragraphEndChecks,
];

export function checkReport(model: ReportModel, settings: Pick<ServiceSettings, 'severities' | 'checks'> = DEFAULT_SETTINGS): Diagnostic[] {
  // The block results this check uses stay remembered until it ends (a report larger than the store's limits).
  return duringCheck(() => runChecks(model, settings));
}

function runChecks(model: ReportModel, settings: Pick<ServiceSettings, 'severities' | 'checks'>): Diagnostic[] {
  const found = [...model.diagnostics];
  // A document not analysed (too large, not text) has only its BG905 or BG908: the checks would judge an empty report.
  if (model.notAnalysed) return found;
  for (const check of REPORT_CHECKS) {
    if (check.appliesTo && !check.appliesTo(model)) continue;
    append(found, check.run(model, settings.checks));
  }
  const ordered = found.sort((a, b) => compareCodeUnits(a.uri ?? '', b.uri ?? '') || a.start - b.start || compareCodeUnits(a.code, b.code));
  // Bounded after the severities: a code turned off is not counted.
  return boundPerCode(applySeverities(ordered, settings.severities, model.header.severities));
}

/** Applies severity overrides (settings first, then the file's own @检查, which wins); 'off' removes. */
export function applySeverities(diagnostics: Diagnostic[], ...overrides: ReadonlyMap<string, Severity | 'off'>[]): Diagnostic[] {
  if (overrides.every((o) => o.size === 0)) return diagnostics;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    let level: Severity | 'off' = d.severity;
    for (const o of overrides) level = o.get(d.code) ?? level;
    if (level === 'off') continue;
    out.push(level === d.severity ? d : { ...d, severity: level });
  }
  return out;
}
