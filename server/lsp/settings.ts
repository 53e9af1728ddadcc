// The `baogao.*` settings a client sends (workspace/configuration) → the language service's settings.
import { DEFAULT_CHECK_SETTINGS } from '../language/checks/registry.js';
import { parseSeverityWord } from '../language/header.js';
import type { ServiceSettings } from '../language/service.js';
import type { Severity } from '../../grammar/diagnostic.js';

export interface ClientSettings {
  snippetFolders?: unknown;
  profile?: unknown;
  lineWidth?: unknown;
  deadline?: unknown;
  disabledChecks?: unknown;
  severities?: unknown;
}

export interface ServerSettings {
  service: ServiceSettings;
  lineWidth: number;
}

export function toServerSettings(raw: unknown): ServerSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as ClientSettings;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const severities = new Map<string, Severity | 'off'>();
  if (s.severities && typeof s.severities === 'object') {
    for (const [code, word] of Object.entries(s.severities as Record<string, unknown>)) {
      const level = typeof word === 'string' ? parseSeverityWord(word) : undefined;
      if (level && /^BG\d{3}$/i.test(code)) severities.set(code.toUpperCase(), level);
    }
  }
  for (const code of strings(s.disabledChecks)) severities.set(code.toUpperCase(), 'off');
  let deadline = DEFAULT_CHECK_SETTINGS.deadline;
  if (typeof s.deadline === 'string') {
    const m = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(s.deadline.trim());
    if (m) deadline = { month: Number(m[1]), day: Number(m[2]) };
  } else if (s.deadline && typeof s.deadline === 'object') {
    const d = s.deadline as { month?: unknown; day?: unknown };
    if (typeof d.month === 'number' && typeof d.day === 'number') deadline = { month: d.month, day: d.day };
  }
  const lineWidth = typeof s.lineWidth === 'number' && s.lineWidth >= 8 && s.lineWidth <= 200 ? s.lineWidth : 28;
  return {
    service: {
      snippetFolders: strings(s.snippetFolders),
      severities,
      checks: { ...DEFAULT_CHECK_SETTINGS, deadline, profile: typeof s.profile === 'string' && s.profile ? s.profile : undefined },
    },
    lineWidth,
  };
}
