// The corpus of real reports (test/fixtures/real/): each text as found, with its source address in a
// sidecar .json, its expected import (.bg) and its expected findings (.findings.json) — those of
// `baogao check` on the raw text. Refreshed only by `npm run golden:real` (after checking the diff).
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LanguageService } from '../server/language/service.js';
import { checkSourceText, type SourceFinding } from '../server/language/sourceCheck.js';
import { MemoryWorkspace } from '../server/language/workspace.js';
import { ROOT } from './helpers.js';

export const REAL_DIR = path.join(ROOT, 'test', 'fixtures', 'real');

export const REAL_REPORTS = readdirSync(REAL_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

export const realText = (name: string) => readFileSync(path.join(REAL_DIR, `${name}.txt`), 'utf8');
export const realPath = (name: string, ext: '.bg' | '.findings.json' | '.json') => path.join(REAL_DIR, `${name}${ext}`);

/** A finding as stored: where, which code, what it says. */
export type StoredFinding = Pick<SourceFinding, 'line' | 'column' | 'code' | 'message'>;

/**
 * The import of a real report, the findings of check on its raw text, the codes of those the import itself
 * found (about the source only) and of those of the import the source was right in (asTyped).
 */
export function checkReal(name: string): { bg: string; findings: StoredFinding[]; excerpt: boolean; fromImport: string[]; asTyped: string[] } {
  const service = new LanguageService(new MemoryWorkspace({}));
  const { findings, imported, excerpt, asTyped } = checkSourceText(service, `/real/${name}.bg`, realText(name), { source: `${name}.txt` });
  return { bg: imported.text, findings: findings.map(({ line, column, code, message }) => ({ line, column, code, message })), excerpt, fromImport: imported.findings.map((f) => f.code), asTyped };
}
