// The citation registry (server/language/data/citations.json), read defensively: it may be absent,
// empty or in a shape still being settled. Returns [] rather than failing.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CitationEntry } from '../language/features/hover.js';

let cached: CitationEntry[] | undefined;

export function loadCitations(): CitationEntry[] {
  if (cached) return cached;
  cached = [];
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const candidates = [
      path.join(here, '..', 'language', 'data', 'citations.json'),
      path.join(here, '..', 'server', 'language', 'data', 'citations.json'),
    ];
    const file = candidates.find((c) => existsSync(c));
    if (!file) return cached;
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const list = Array.isArray(data) ? data : data && typeof data === 'object' ? (Object.values(data).find(Array.isArray) ?? []) : [];
    cached = (list as unknown[])
      .filter((e): e is CitationEntry => !!e && typeof e === 'object' && typeof (e as { title?: unknown }).title === 'string')
      .map((e) => ({ ...e }));
  } catch {
    cached = [];
  }
  return cached;
}
