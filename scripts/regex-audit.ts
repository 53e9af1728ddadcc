// Every regular expression literal of the product, checked for super-linear backtracking (ReDoS) by
// recheck. V8's engine backtracks: /\s+$/ on a line of spaces that ends in a letter, or a class repeated
// twice in a row over the same characters, takes time quadratic in the run, and a repetition that can
// split its input in many ways (/^(?:\s*x?\n)*/) exponential — a hang on one hostile line.
//
// Literals recheck has found safe are remembered in test/fixtures/regex-audit.json, so that the test
// checks only new or changed ones; those it flags and that stay are listed there with the reason they are
// harmless (an input bounded in length, repetitions bounded by a small count). Run
// `npm run audit:regex` after changing patterns (`-- --update` rewrites the remembered safe ones).
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '..');
export const AUDIT_FILE = path.join(ROOT, 'test', 'fixtures', 'regex-audit.json');
/** The product's sources: what runs on the writer's text, files and requests. */
const SOURCES = /^(server|grammar|templates|client)\/.*\.ts$/;

export interface AuditFile {
  /** Literal → why it is harmless although recheck flags it. */
  accepted: Record<string, string>;
  /** Literals recheck found safe. */
  safe: string[];
  /** The same for patterns built at run time (scripts/regex-dynamic.ts). */
  dynamicAccepted?: Record<string, string>;
  dynamicSafe?: string[];
}

/** recheck's verdict on a pattern written as a literal (`/source/flags`), as the audits report it. */
export function verdictOf(literal: string, timeoutMs = 10_000): { status: string; complexity: string; attack: string } {
  const end = literal.lastIndexOf('/');
  const verdict = checkSync(literal.slice(1, end), literal.slice(end + 1), { timeout: timeoutMs });
  const complexity = verdict.status === 'vulnerable' ? `${verdict.complexity.type}${verdict.complexity.type === 'polynomial' ? ` (degree ${verdict.complexity.degree})` : ''}` : verdict.status;
  const attack = verdict.status === 'vulnerable' ? verdict.attack.pattern : verdict.status === 'unknown' ? verdict.error.kind : '';
  return { status: verdict.status, complexity, attack };
}

export interface Literal {
  file: string;
  line: number;
  literal: string;
}

export interface Finding extends Literal {
  status: string;
  complexity: string;
  attack: string;
}

/** Every regular expression literal in the product's sources. */
export function regexLiterals(): Literal[] {
  const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((f) => SOURCES.test(f));
  const out: Literal[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        out.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, literal: node.getText(source) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

export function readAudit(): AuditFile {
  return JSON.parse(readFileSync(AUDIT_FILE, 'utf8')) as AuditFile;
}

/** Checks the literals not yet known safe or accepted; with `update`, remembers the safe ones. */
export function auditRegexes(options: { update?: boolean; timeoutMs?: number } = {}): { findings: Finding[]; checked: number; total: number } {
  const audit = readAudit();
  const known = new Set(audit.safe);
  const literals = regexLiterals();
  const findings: Finding[] = [];
  const safe = new Set<string>();
  let checked = 0;
  const verdicts = new Map<string, ReturnType<typeof verdictOf>>();
  for (const l of literals) {
    if (known.has(l.literal)) {
      safe.add(l.literal);
      continue;
    }
    if (l.literal in audit.accepted) continue;
    let verdict = verdicts.get(l.literal);
    if (!verdict) {
      verdict = verdictOf(l.literal, options.timeoutMs);
      verdicts.set(l.literal, verdict);
      checked++;
    }
    if (verdict.status === 'safe') safe.add(l.literal);
    else findings.push({ ...l, ...verdict });
  }
  if (options.update) {
    // Only literals still in the sources are kept: a pattern changed or removed leaves no trace.
    const present = new Set(literals.map((l) => l.literal));
    const accepted = Object.fromEntries(Object.entries(audit.accepted).filter(([k]) => present.has(k)));
    writeFileSync(AUDIT_FILE, `${JSON.stringify({ ...audit, accepted, safe: [...safe].sort() }, null, 1)}\n`);
  }
  return { findings, checked, total: literals.length };
}

if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith('regex-audit.ts')) {
  const { findings, checked, total } = auditRegexes({ update: process.argv.includes('--update') });
  for (const f of findings) console.log(`${f.file}:${f.line} ${f.literal}\n  ${f.complexity}; attack: ${f.attack.slice(0, 120)}`);
  console.log(`${total} literals, ${checked} checked now, ${findings.length} flagged and not accepted.`);
  process.exitCode = findings.length ? 1 : 0;
}
