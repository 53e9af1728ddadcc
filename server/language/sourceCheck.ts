// Checking a report as found — the text of a Word or .txt file — through the importer, in memory:
// the import is analysed and checked like any report, and every finding is placed back in the source
// (its line, or for Word its paragraph). Findings of the import itself (BG230) are added. A text that
// stops mid-sentence is an excerpt: what it lacks at its end (parts, the date) is not reported. Pure.
import { checkReport } from './checks/index.js';
import { withoutBlockCache } from './checks/blockCache.js';
import { compareCodeUnits, defaultSeverity } from './codes.js';
import { importReport, type ImportHints, type ImportResult } from './import/index.js';
import { baseLevel } from './import/levels.js';
import { typedNumber } from './import/numbers.js';
import { sourcePositions } from './import/positions.js';
import { SOURCE_LINE_BREAK } from './import/lines.js';
import type { LanguageService } from './service.js';

export interface SourceFinding {
  /** 1-based line (Word: paragraph) and column in the source, and where the finding ends. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

/** What a text cut off mid-sentence (an opening copied from a page) cannot be blamed for: what comes later. */
const LATER_PARTS = new Set(['BG401', 'BG402', 'BG404', 'BG701']);

/** A typed heading number with nothing after it: （三） (三) 三、 3. （3）. */
const BARE_NUMBER = /^(?:[（(]\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[）)]|[一二三四五六七八九十]+[、．.]|\d{1,2}[、．.])$/;

/** A bracketed word that modifies the name before it, at the end of a line. */
const NAME_MODIFIER_AT_END = /[\u4e00-\u9fff][（(](?:扩大|试行|暂行|草案|修订|修订稿|征求意见稿|送审稿|讨论稿)[）)]$/;

/** A first-level heading typed with 一 (一、 一. 一．): the first of a numbered list of parts. */
const FIRST_PART = /^[\s\u3000]*一[\s\u3000]*[、．.]/;

/**
 * Does the text stop in the middle of a sentence (an excerpt), with no signature or date after it, or within
 * its first part (its one first-level heading typed 一、 in the source — no one numbers a single part)?
 * `sourceLines`: the source's lines, split once for every reader of them.
 */
export function isExcerpt(imported: ImportResult, sourceLines: () => readonly string[]): boolean {
  // A signature's date ends a whole report; the page's 成文日期 above an opening says nothing of its end.
  if (imported.header.date && !imported.header.dateFromPage) return false;
  if (endsInFirstPart(imported, sourceLines)) return true;
  const last = withoutTrailingComments(imported.text).split('\n').pop() ?? '';
  if (last.startsWith('#')) return true; // a report never ends with a heading
  // Nor with a heading's number alone: the cut came between “（三）” and its words (an empty heading in the import).
  if (BARE_NUMBER.test(last.trim())) return true;
  // A report ends with a full sentence: a clause ended by ；，： (“……法律审查把关作用；”) has more after it,
  // and so has a quoted word with no full stop after it (“……将法治建设工作列入“一把手””).
  if (/[”’]$/.test(last)) return !/[。！？!?…][”’]$/.test(last);
  // A bracket that modifies a name (联席(扩大), 办法（试行）, 方案(草案)) ends no sentence: “组织召开第二次府院联动联席
  // (扩大)” was cut before its 会议. A note in brackets (“3件(含2024年结转)”) may end one.
  if (NAME_MODIFIER_AT_END.test(last)) return true;
  return !/^[@/]/.test(last) && !/[。！？!?”’）)…]$/.test(last);
}

/** Is the import's one first-level heading the source's 一、 (the opening of a page cut after a full sentence of part 一)? */
function endsInFirstPart(imported: ImportResult, sourceLines: () => readonly string[]): boolean {
  const lines = imported.text.split('\n');
  let heading = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('# ')) continue;
    if (heading >= 0) return false;
    heading = i;
  }
  const from = heading >= 0 ? imported.sourceLines[heading] : 0;
  return !!from && FIRST_PART.test(sourceLines()[from - 1] ?? '');
}

/**
 * The imported text without the comment lines at its end: a Word file's notes kept after its last paragraph
 * (BG242) are not where the text stops.
 */
function withoutTrailingComments(text: string): string {
  let out = text.trimEnd();
  for (let start = out.lastIndexOf('\n') + 1; start > 0 && out.startsWith('//', start); start = out.lastIndexOf('\n') + 1) out = out.slice(0, start).trimEnd();
  return out;
}

/** A quotation or title the cut may still be inside: this close to the end, or with no clause ended after it. */
const OPEN_AT_CUT = 40;

/**
 * What an excerpt is not blamed for: what it lacks at its end, and a mark left open on its last line by
 * the cut — one opened near the end, or with no clause ended after it (“制定了《某县实施方案(20”). A mark
 * opened long before the cut with clauses ended after it (“充分利用“某某网站、“某某公众号、…，…”) was left open
 * by the writer; nor the 。 of a heading on the last line (a run-in heading whose text the cut took off, BG714). Made once per imported text (its last line found once); `at` is 0-based in it.
 */
export function excusedInExcerpt(importedText: string): (code: string, at: { line: number; character: number }) => boolean {
  const text = withoutTrailingComments(importedText);
  const lastStart = text.lastIndexOf('\n') + 1;
  let lastLine = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lastLine++;
  const last = text.slice(lastStart);
  return (code, at) => {
    if (LATER_PARTS.has(code)) return true;
    // A heading's 。 where the text was cut (“（二）全面推进政府职能转变,推动协调高效便捷。”): a run-in heading whose text was cut off.
    if (code === 'BG714') return at.line === lastLine && last.startsWith('#');
    if (code !== 'BG602' || at.line < lastLine) return false;
    const after = last.slice(at.character + 1);
    return after.length <= OPEN_AT_CUT || !/[，,。；;]/.test(after);
  };
}

/**
 * A （一） heading run into its text as its style wants (“（一）加强组织领导。镇党委……”): its 。 is no BG714,
 * though an excerpt with no 一、 above it made the heading level 1 in the import (where it stands alone).
 * A 一、 run into its text is the writer's slip, and is reported.
 */
function runInAsTyped(sourceLine: string | undefined): boolean {
  return runInLevel(sourceLine) === 2;
}

/** The level of a typed heading number whose line runs on into text after its 。, or undefined. */
function runInLevel(sourceLine: string | undefined): number | undefined {
  const n = sourceLine ? typedNumber(sourceLine.trim()) : undefined;
  return n && runIn(n.rest) ? baseLevel(n) : undefined;
}

/** Does text go on after the heading's 。 on its line (“加强组织领导。镇党委……”)? */
function runIn(rest: string): boolean {
  const text = rest.trimEnd();
  const stop = text.indexOf('。');
  return stop >= 0 && stop < text.length - 1;
}

/**
 * BG714 of a 一、 heading the source ran into its text (“一、加强法治政府建设组织领导。一是……”): the import's
 * heading stands alone, but in the source the slip is the run-in itself — said so, not “单独成行”.
 */
function runInLevelOne(sourceLine: string | undefined, message: string): string {
  if (runInLevel(sourceLine) !== 1) return message;
  const heading = /^标题“(.*)”单独成行/.exec(message)?.[1];
  return heading ? `一级标题“${heading.replace(/[。．]$/, '')}”接排在了正文前：一级标题应单独成行，末尾不加句号，正文另起一段。` : message;
}

/**
 * The findings of `text` as found, placed in it; `asTyped`: the codes of findings of the import left out
 * because the source was right as typed (a run-in （一） heading's 。, BG714), or another finding tells it
 * (a section whose only line was a number alone, BG241).
 */
export function checkSourceText(service: LanguageService, path: string, text: string, hints: ImportHints = {}): { findings: SourceFinding[]; imported: ImportResult; excerpt: boolean; asTyped: string[] } {
  const imported = importReport(text, hints);
  const model = service.analyze(path, imported.text);
  let lines: string[] | undefined;
  const sourceLines = () => (lines ??= text.split(SOURCE_LINE_BREAK));
  // Headings whose only content was a number alone on its line (BG241, which tells it): an empty section (BG404) would tell it twice.
  const loneNumberHeadings = new Set(imported.loneNumberHeadings);
  const excerpt = isExcerpt(imported, sourceLines);
  const findings: SourceFinding[] = [];
  const asTyped: string[] = [];
  const sourcePosition = sourcePositions(imported, text);
  const excused = excerpt ? excusedInExcerpt(imported.text) : () => false;
  // Checked once (nobody types in a Word file): nothing remembered by block.
  for (const d of withoutBlockCache(() => checkReport(model, service.settings))) {
    if (d.uri && d.uri !== model.file.path) continue; // snippets are not part of a source file
    const start = model.file.lineIndex.positionAt(d.start);
    if (excused(d.code, start)) continue;
    const end = model.file.lineIndex.positionAt(d.end);
    const from = sourcePosition(start.line, start.character);
    if ((d.code === 'BG714' && runInAsTyped(sourceLines()[from.line - 1])) || (d.code === 'BG404' && loneNumberHeadings.has(start.line))) {
      asTyped.push(d.code);
      continue;
    }
    // The end is just after the finding's last character (the next one's place may be on the next source line).
    const after = start.line === end.line && end.character > start.character ? sourcePosition(end.line, end.character, 'end') : undefined;
    const to = after && (after.line > from.line || (after.line === from.line && after.column >= from.column)) ? after : from;
    // A message that names another place by its line (BG406: “与第9行的同级标题重复”) names the import's line: say the source's.
    const message =
      d.code === 'BG406' ? d.message.replace(/第(\d+)行/, (_, n: string) => `第${sourcePosition(Number(n) - 1, 0).line}行`)
      : d.code === 'BG714' ? runInLevelOne(sourceLines()[from.line - 1], d.message)
      : d.message;
    findings.push({ line: from.line, column: from.column, endLine: to.line, endColumn: to.column, severity: d.severity, code: d.code, message });
  }
  for (const f of imported.findings) findings.push({ line: f.line, column: f.column ?? 1, endLine: f.line, endColumn: f.column ?? 1, severity: defaultSeverity(f.code), code: f.code, message: f.message });
  findings.sort((a, b) => a.line - b.line || a.column - b.column || compareCodeUnits(a.code, b.code));
  return { findings, imported, excerpt, asTyped };
}
