// The language service: one object that owns the caches and answers "analyse this file" for the
// command line and the language server alike.
import type { Severity } from '../../grammar/diagnostic.js';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from './checks/contract.js';
import { analyze } from './analyze.js';
import { LastResolutions } from './figureReuse.js';
import type { ReportModel } from './model.js';
import { PreviousReports } from './previousReports.js';
import { SnippetIndex } from './snippets.js';
import { ParseCache, type Workspace } from './workspace.js';

export interface ServiceSettings {
  /** Extra snippet folders, absolute or relative to each report's folder. */
  snippetFolders: string[];
  /** Severity overrides by code: 'off' disables a check. */
  severities: Map<string, Severity | 'off'>;
  checks: CheckSettings;
}

export const DEFAULT_SETTINGS: ServiceSettings = { snippetFolders: [], severities: new Map(), checks: DEFAULT_CHECK_SETTINGS };

export class LanguageService {
  readonly cache = new ParseCache();
  readonly previousReports = new PreviousReports();
  readonly lastResolutions = new LastResolutions();
  snippets: SnippetIndex;

  constructor(
    readonly workspace: Workspace,
    public settings: ServiceSettings = DEFAULT_SETTINGS,
  ) {
    this.snippets = new SnippetIndex(workspace, this.cache, settings.snippetFolders);
  }

  updateSettings(settings: ServiceSettings): void {
    this.settings = settings;
    this.snippets = new SnippetIndex(this.workspace, this.cache, settings.snippetFolders);
  }

  analyze(path: string, text: string): ReportModel {
    return analyze(path, text, { workspace: this.workspace, snippets: this.snippets, cache: this.cache, previousReports: this.previousReports, lastResolutions: this.lastResolutions });
  }

  /** Drops what is remembered of a file (its document was closed), so that its memory is released. */
  forget(path: string): void {
    this.cache.forget(path);
    this.previousReports.forget(path);
    this.lastResolutions.forget(path);
  }
}
