// The `baogao.*` settings a client sends (workspace/configuration) → the language service's settings.
// The reading itself is the core's (server/language/config.ts), shared with baogao.json files.
import { readSettings, type ProjectSettings } from '../language/config.js';

export type ServerSettings = ProjectSettings;

export function toServerSettings(raw: unknown): ServerSettings {
  return readSettings(raw);
}
