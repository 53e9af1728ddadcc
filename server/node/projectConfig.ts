// Finds a report's baogao.json: in its folder or the nearest folder above it (like .editorconfig).
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, readSettings, readSettingsFile, type ProjectSettings } from '../language/config.js';
import { readTextFile, withoutCode } from './files.js';

export interface FoundSettings extends ProjectSettings {
  /** The baogao.json read, or undefined for the defaults. */
  file: string | undefined;
  /** Its text, to place its problems ('' when unread). */
  text: string;
}

const byFolder = new Map<string, FoundSettings>();

export function projectSettingsFor(reportFile: string): FoundSettings {
  let folder = path.dirname(path.resolve(reportFile));
  const visited: string[] = [];
  for (;;) {
    const known = byFolder.get(folder);
    if (known) return remember(visited, known);
    visited.push(folder);
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    if (existsSync(candidate)) {
      let found: FoundSettings;
      try {
        const { text } = readTextFile(candidate, 1024 * 1024);
        found = { ...readSettingsFile(text), file: candidate, text };
      } catch (error) {
        found = { ...readSettings({}), file: candidate, text: '' };
        found.problems.push({ code: 'BG962', path: [], message: `无法读取：${withoutCode((error as Error).message)}。全部设置按默认值。` });
      }
      return remember(visited, found);
    }
    const parent = path.dirname(folder);
    if (parent === folder) return remember(visited, { ...readSettings({}), file: undefined, text: '' });
    folder = parent;
  }
}

function remember(folders: string[], found: FoundSettings): FoundSettings {
  for (const folder of folders) byFolder.set(folder, found);
  return found;
}

/** The nearest baogao.json at or above a report's folder, read fresh (the language server caches and watches it). */
export function nearestConfigFile(reportFile: string): string | undefined {
  let folder = path.dirname(path.resolve(reportFile));
  for (;;) {
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
