// Generates docs/CODES.md from the code table (server/language/codes.ts plus the codes the report
// checks register). `npx tsx scripts/codes-doc.ts` writes it; `--check` exits 1 when it differs.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODES, type CodeInfo } from '../server/language/codes.js';
import '../server/language/checks/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CODES_DOC = path.join(ROOT, 'docs', 'CODES.md');

const SEVERITY: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '提示（弱）' };

const GROUPS: Array<[RegExp, string]> = [
  [/^BG0/, '语法'],
  [/^BG1/, '文头'],
  [/^BG2/, '指标'],
  [/^BG3/, '片段'],
  [/^BG4/, '结构'],
  [/^BG5/, '引用文件'],
  [/^BG6/, '标点与书写'],
  [/^BG7/, '日期与名称'],
  [/^BG9/, '文件、编码、上限与设置'],
];

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}bg\n${text}\n${marks}`;
}

export function renderCodesDoc(codes: Iterable<CodeInfo> = CODES.values()): string {
  const all = [...codes].sort((a, b) => a.code.localeCompare(b.code));
  const lines: string[] = [
    '# 诊断代码 · Diagnostic codes',
    '',
    '<!-- 本文件由 scripts/codes-doc.ts 根据 server/language/codes.ts 的代码表生成，请勿手改：',
    '     改代码表后运行 `npx tsx scripts/codes-doc.ts`。test/unit/checks/codes-doc.test.ts 保证两者一致。 -->',
    '',
    '每个诊断都有固定的代码。级别是默认级别，可在设置中或用文件的“@检查 BG601=关”改变。',
    '',
    '| 代码 | 级别 | 名称 |',
    '|---|---|---|',
    ...all.map((c) => `| [${c.code}](#${c.code.toLowerCase()}) | ${SEVERITY[c.severity] ?? c.severity} | ${c.title} |`),
    '',
  ];
  let group = '';
  for (const c of all) {
    const name = GROUPS.find(([re]) => re.test(c.code))?.[1] ?? '其他';
    if (name !== group) {
      group = name;
      lines.push(`## ${name}`, '');
    }
    lines.push(`### ${c.code}`, '', `**${c.title}** · ${SEVERITY[c.severity] ?? c.severity}`, '', c.description, '', '示例：', '', fence(c.example), '');
    lines.push(`修复：${c.fix ?? '无自动修复'}`, '');
  }
  return lines.join('\n');
}

function main(argv: string[]): number {
  const expected = renderCodesDoc();
  if (argv.includes('--check')) {
    let actual = '';
    try {
      actual = readFileSync(CODES_DOC, 'utf8');
    } catch {
      // missing: differs
    }
    if (actual !== expected) {
      process.stderr.write('docs/CODES.md 与代码表不一致：请运行 npx tsx scripts/codes-doc.ts\n');
      return 1;
    }
    process.stdout.write('docs/CODES.md 与代码表一致。\n');
    return 0;
  }
  writeFileSync(CODES_DOC, expected);
  process.stdout.write(`已写出 docs/CODES.md（${CODES.size} 个代码）\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
