// Running the checks: the model's own diagnostics plus every registered report check, with the
// severity overrides of the settings and of the file's @检查 applied last.
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { applySeverities } from './diagnostics.js';
import type { ReportModel } from './model.js';
import { DEFAULT_SETTINGS, type ServiceSettings } from './service.js';
import { REPORT_CHECKS } from './checks/registry.js';

export function checkReport(model: ReportModel, settings: Pick<ServiceSettings, 'severities' | 'checks'> = DEFAULT_SETTINGS): Diagnostic[] {
  const found = [...model.diagnostics];
  for (const check of REPORT_CHECKS) {
    if (check.appliesTo && !check.appliesTo(model)) continue;
    found.push(...check.run(model, settings.checks));
  }
  const ordered = found.sort((a, b) => (a.uri ?? '').localeCompare(b.uri ?? '') || a.start - b.start || a.code.localeCompare(b.code));
  return applySeverities(ordered, settings.severities, model.header.severities);
}
