// baogao.json in the editor, applied exactly as the command applies it: each report takes the nearest
// baogao.json at or above its folder (server/node/projectConfig.ts), read by the same core reader
// (readSettingsFile). The editor's `baogao.*` settings are the base a baogao.json's keys override. One
// language service per baogao.json (as `baogao check` builds one per file); all are dropped when a
// baogao.json or the settings change.
import { readSettings, readSettingsFile, type SettingsProblem } from '../language/config.js';
import { LanguageService } from '../language/service.js';
import type { Workspace } from '../language/workspace.js';
import { nearestConfigFile } from '../node/projectConfig.js';
import { toCorePath, toOsPath } from '../node/paths.js';

export interface Project {
  /** Full-width columns a line of print-ready text. */
  lineWidth: number;
  /** The baogao.json applied (a core path), or undefined when there is none. */
  file: string | undefined;
  /** What in that baogao.json was not understood (shown on the file itself), and the text read. */
  fileProblems: SettingsProblem[];
  fileText: string;
  service: LanguageService;
}

export class Projects {
  private clientRaw: Record<string, unknown> = {};
  private readonly byConfig = new Map<string, Project>();
  private readonly configOfFolder = new Map<string, string | undefined>();
  readonly base: Project;

  constructor(private readonly workspace: Workspace) {
    this.base = this.build(undefined, '');
  }

  /** The `baogao.*` settings the client sent (a plain object). */
  setClientSettings(raw: unknown): void {
    this.clientRaw = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {};
    this.changed();
  }

  /** Something a project reads changed (a baogao.json created, edited or deleted; the settings). */
  changed(): void {
    this.byConfig.clear();
    this.configOfFolder.clear();
    const fresh = this.build(undefined, '');
    this.base.service.updateSettings(fresh.service.settings);
    Object.assign(this.base, { ...fresh, service: this.base.service });
  }

  /** The project a report (core path) belongs to; the base project for a path outside any baogao.json. */
  for(path: string | undefined): Project {
    if (!path) return this.base;
    const folder = path.slice(0, path.lastIndexOf('/')) || '/';
    let file = this.configOfFolder.get(folder);
    if (!this.configOfFolder.has(folder)) {
      const found = nearestConfigFile(toOsPath(path));
      file = found ? toCorePath(found) : undefined;
      this.configOfFolder.set(folder, file);
    }
    if (!file) return this.base;
    let project = this.byConfig.get(file);
    if (!project) {
      const text = this.workspace.readFile(file);
      // Not read (outside the workspace through a symlink, a folder, too large): said so, as the command
      // says it (was: “不是有效的 JSON（缺少值）” of a file that may be valid).
      const unread = text === undefined ? (this.workspace.whyUnreadable?.(file) ?? '文件不存在') : undefined;
      this.byConfig.set(file, (project = this.build(file, text ?? '', unread)));
    }
    return project;
  }

  /** Every language service in use (their snippet caches go stale together). */
  services(): LanguageService[] {
    return [this.base.service, ...[...this.byConfig.values()].map((p) => p.service)];
  }

  /** Every baogao.json read so far, with its problems. */
  configFiles(): Array<{ file: string; problems: SettingsProblem[]; text: string }> {
    return [...this.byConfig.values()].map((p) => ({ file: p.file!, problems: p.fileProblems, text: p.fileText }));
  }

  private build(file: string | undefined, text: string, unread?: string): Project {
    const own = !file ? undefined : unread === undefined ? readSettingsFile(text) : unreadSettings(unread);
    let raw: unknown = this.clientRaw;
    if (file) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) raw = { ...this.clientRaw, ...(parsed as Record<string, unknown>) };
      } catch {
        // reported through `own.problems`; the editor's settings apply meanwhile
      }
    }
    const settings = readSettings(raw);
    return { lineWidth: settings.lineWidth, file, fileProblems: own?.problems ?? [], fileText: text, service: new LanguageService(this.workspace, settings.service) };
  }
}

/** The settings of a baogao.json that could not be read: the defaults, with the reason (BG962, as the command gives it). */
function unreadSettings(reason: string): ReturnType<typeof readSettingsFile> {
  const settings = readSettings({});
  settings.problems.push({ code: 'BG962', path: [], message: `无法读取：${reason.replace(/。$/, '')}。全部设置按默认值。` });
  return settings;
}
