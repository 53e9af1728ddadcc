// Import: last year's report as plain text exported from Word → a report in the language, so that a
// writer can start this year's report from it. Pure: text in, .bg text out.
//
// The importer only removes: Word debris ([bookmark: …], page numbers, blank and space-only lines,
// indentation), the typed heading numbers (the renderer numbers headings itself), the typed title lines
// and the hand-spaced signature and date (they become @标题, @机关 and @日期). Everything else is kept
// verbatim, defects included — half-width punctuation, wrong brackets, stale years: the checker reports
// them, the importer never fixes text silently. Every removal is listed in `notes`.
//
// Rules, in order:
// 1. Lines: a BOM is dropped; "[bookmark: …]" is removed wherever it is; each line is trimmed (the
//    renderer indents paragraphs itself); blank lines only separate paragraphs; "— 3 —" and "第3页"
//    lines are page numbers anywhere, a line of only digits is one at the end of the text.
// 2. The end: below the last paragraph, a date line ("2021年1月13日", also in Chinese numerals) is the
//    signature date → @日期; a short body name just above it (or far indented) is the signature → @机关.
// 3. The top: up to three short lines without a sentence in them, the last ending in 报告/总结/汇报, are
//    the title, joined into one line → @标题 (seeds 002 and 004 split it: body name, then the rest).
//    @类型 法治政府建设年度报告 when the title says 法治政府建设; @年度 from the title's year
//    ("2020年度", "关于2021年"); @机关 from the signature, else the title (a township's name without the
//    divisions in front of it: 重庆市沙坪坝区回龙坝镇人民政府 → 回龙坝镇人民政府). --org and --year win.
//    Without a title, 年度 and 机关 are guessed from the first sentence ("2020年，北屏乡……") and said so.
// 4. Headings: a line starting with a typed number is a heading; its level comes from the numbering
//    style (see levels.ts). The number is removed. What follows it decides the form:
//    - no sentence in it, or one short sentence ("加强组织领导，确保法治政府建设到位。"): a heading
//      `#`…`####` with that text, a final 。 kept as typed;
//    - a short heading sentence running into the paragraph ("（一）全面部署法治建设。桂圩镇党委……"):
//      at level 2, `## 全面部署法治建设` and the paragraph on the next line — the renderer runs level-2
//      headings into their paragraph and puts the 。 back, so the print is the original, word for word;
//    - otherwise (a level-3/4 heading running into its text — levels 3 and 4 do not run in — or a
//      numbered sentence too long to be a heading): a numbered paragraph `1. ……` with the whole text,
//      which the renderer numbers at the level below the current heading, again printing the original.
//      When the numbered paragraph would get the wrong level, the whole text becomes the heading.
//    Keeping every word and the printed result was chosen over a tidier outline: nothing is split
//    off, dropped or moved.
// 5. Labels: the first level-1 heading of each required part whose wording is recognised gets its label
//    ({#举措} {#不足} {#第一责任人} {#安排} {#其他}).
// 6. Escapes: what the language would read as markup is escaped with "\" (braces, a backslash, and at a
//    line start # @ // "- " "1. "), so it prints as typed.
// 7. Optional (--year-field): the report's year in prose becomes {年度} (and the next year {下年度}),
//    except inside 《》 titles and in ranges such as 2016年-2020年.
import { isOrgLike, isoDate, isTitleLike, orgFromProse, orgFromTitle, parseSignatureDate, TITLE_END, withoutRegionPrefix, yearFromTitle, type ImportedDate } from './header.js';
import { baseLevel, headingLevels } from './levels.js';
import { partOfHeading, type PartLabel } from './parts.js';
import { typedNumber, type TypedNumber } from './numbers.js';

export interface ImportHints {
  /** The issuing body (--org): wins over the signature and the title. */
  org?: string;
  /** The year reported on (--year): wins over the title. */
  year?: number;
  /** Write the report's year in prose as {年度} (and the next year as {下年度}). */
  yearField?: boolean;
  /** The source file's name, for a comment at the top of the result. */
  source?: string;
}

/** One thing the importer removed or decided, for the writer to review. */
export interface ImportNote {
  /** 1-based line of the input. */
  line: number;
  /** What was removed or changed (Chinese). */
  what: string;
  /** Why (Chinese). */
  why: string;
}

export interface ImportedHeader {
  title: string | undefined;
  kind: '法治政府建设年度报告' | undefined;
  org: string | undefined;
  year: number | undefined;
  date: string | undefined;
  to: string | undefined;
}

export interface ImportResult {
  text: string;
  notes: ImportNote[];
  header: ImportedHeader;
}

interface Line {
  /** 1-based line number in the input. */
  n: number;
  /** The raw line. */
  raw: string;
  /** Debris removed and trimmed; '' for a blank line. */
  text: string;
}

type Block =
  | { kind: 'heading'; level: number; text: string; label?: PartLabel }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; number: number; text: string }
  | { kind: 'directive'; text: string }
  | { kind: 'comment'; text: string };

const BOOKMARK = /\[bookmark:[^\]\r\n]*\]/g;
// \s covers the ASCII, full-width (U+3000), no-break and en/em spaces; add the zero-width ones.
const EDGE_SPACE = /^[\s\u200b\u200c\u200d\u2060]+|[\s\u200b\u200c\u200d\u2060]+$/g;
const DASHED_PAGE = /^[-—－–]\s*\d{1,3}\s*[-—－–]$|^第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?$/;

export function importReport(text: string, hints: ImportHints = {}): ImportResult {
  const notes: ImportNote[] = [];
  const note = (line: number, what: string, why: string) => notes.push({ line, what, why });

  // ---- 1. lines and debris
  const lines: Line[] = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).map((raw, i) => ({ n: i + 1, raw, text: raw }));
  if (lines.length > 1 && lines[lines.length - 1]!.raw === '') lines.pop(); // the final newline ends a line, it is not a blank line
  const trimmed: number[] = [];
  for (const line of lines) {
    for (const match of line.text.matchAll(BOOKMARK)) note(line.n, `Word 书签残留“${match[0]}”`, 'Word 导出纯文本时留下的书签标记，不是报告的文字');
    const cleaned = line.text.replace(BOOKMARK, '');
    line.text = cleaned.replace(EDGE_SPACE, '');
    if (line.text && line.text !== cleaned) trimmed.push(line.n);
    if (DASHED_PAGE.test(line.text)) {
      note(line.n, `页码“${line.text}”`, 'Word 的页码，渲染时按 GB/T 9704 重新生成');
      line.text = '';
    }
  }

  // ---- 2. the end: page number, signature date, signature
  let signatureDate: ImportedDate | undefined;
  let signatureOrg: string | undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (!line.text) continue;
    if (!signatureDate && !signatureOrg && /^\d{1,3}$/.test(line.text)) {
      note(line.n, `页码“${line.text}”`, '文末单独一行的数字是 Word 的页码，渲染时按 GB/T 9704 重新生成');
      line.text = '';
      continue;
    }
    const date = !signatureDate && !signatureOrg ? parseSignatureDate(line.text) : undefined;
    if (date) {
      signatureDate = date;
      note(line.n, `成文日期“${line.text}”`, `写为“@日期 ${isoDate(date)}”，落款由渲染器按 GB/T 9704 排版`);
      line.text = '';
      continue;
    }
    const indented = /^[ \t\u3000\u2000-\u200a]{6,}/.test(line.raw);
    if (!signatureOrg && isOrgLike(line.text) && (signatureDate || indented)) {
      signatureOrg = line.text;
      note(line.n, `手工排版的落款“${line.text}”`, `写为“@机关”，落款由渲染器按 GB/T 9704 排版`);
      line.text = '';
    }
    break;
  }

  // ---- 3. the top: title (and an addressee line under it)
  let index = lines.findIndex((l) => l.text !== '');
  const titleParts: Line[] = [];
  for (let j = index, seen = 0; j >= 0 && j < lines.length && seen < 3; j++) {
    const line = lines[j]!;
    if (!line.text) continue;
    if (!isTitleLike(line.text) || typedNumber(line.text)) break;
    seen++;
    titleParts.push(line);
    if (TITLE_END.test(line.text)) break;
  }
  let title: string | undefined;
  const last = titleParts[titleParts.length - 1];
  if (last && TITLE_END.test(last.text)) {
    title = titleParts.map((l) => l.text).join('');
    if (titleParts.length > 1) note(titleParts[0]!.n, `标题分 ${titleParts.length} 行（第${titleParts.map((l) => l.n).join('、')}行）`, '合为一行写在“@标题”里；标题的换行由渲染器决定');
    else note(last.n, '标题行', '写在“@标题”里，由渲染器居中排版');
    for (const l of titleParts) l.text = '';
    index = last.n; // continue after the title (line numbers are 1-based: this is the next index)
  } else index = Math.max(index, 0);
  let to: string | undefined;
  const afterTitle = title ? lines.slice(index).find((l) => l.text !== '') : undefined;
  if (afterTitle && /^[^。；，,]{2,30}[：:]$/.test(afterTitle.text) && !typedNumber(afterTitle.text)) {
    to = afterTitle.text.slice(0, -1);
    note(afterTitle.n, `主送机关“${afterTitle.text}”`, '写为“@主送”，冒号由渲染器加上');
    afterTitle.text = '';
  }

  const body = lines.filter((l) => l.text !== '');
  const firstProse = body.find((l) => !typedNumber(l.text))?.text ?? '';

  // ---- header values
  let year = hints.year;
  const titleYear = title ? yearFromTitle(title) : undefined;
  if (year === undefined && titleYear !== undefined) year = titleYear;
  if (year === undefined) {
    const lead = /^(\d{4})\s*年(?!\d|度?[-—－~～至到])/.exec(firstProse)?.[1];
    if (lead) {
      year = Number(lead);
      note(body[0]?.n ?? 1, `年度 ${year}`, '原文没有标题，年度取自正文开头的年份，请核对（或用 --year 指定）');
    } else if (signatureDate) {
      year = signatureDate.month <= 6 ? signatureDate.year - 1 : signatureDate.year;
      note(1, `年度 ${year}`, '原文没有写明年度，按成文日期推断，请核对（或用 --year 指定）');
    }
  }
  let org = hints.org;
  if (!org && signatureOrg) org = signatureOrg;
  if (!org && title) {
    const named = orgFromTitle(title);
    if (named) {
      org = withoutRegionPrefix(named);
      if (org !== named) note(titleParts[0]!.n, `机关“${org}”`, `取自标题中的“${named}”，去掉了前面的上级行政区划（落款和地名检查用本级名称）；标题照原样保留`);
    }
  }
  if (!org) {
    const guessed = orgFromProse(firstProse);
    if (guessed) {
      org = guessed;
      note(body[0]?.n ?? 1, `机关“${guessed}”`, '原文没有标题和落款，机关名称由正文开头推断，请核对（或用 --org 指定）');
    }
  }
  const saysFazhi = (s: string | undefined) => !!s && /法治政府建设/.test(s);
  const kind = saysFazhi(title) || (!title && saysFazhi(firstProse)) ? ('法治政府建设年度报告' as const) : undefined;
  if (kind && !title) note(body[0]?.n ?? 1, '类型“法治政府建设年度报告”', '原文没有标题，类型由正文开头的“法治政府建设”推断');
  const date = signatureDate ? isoDate(signatureDate) : undefined;

  // ---- 4. headings and paragraphs
  const numbered = body.map((l) => typedNumber(l.text));
  const headingNumbers = numbered.filter((n): n is TypedNumber => n !== undefined);
  const levels = headingLevels(headingNumbers);
  const blocks: Block[] = [];
  if (hints.source) blocks.push({ kind: 'comment', text: `// 由 baogao import 从“${hints.source}”转换：原文一字未改，只去掉了手打的标题序号和 Word 残留。` });
  const header: Block[] = [];
  if (title) header.push({ kind: 'directive', text: `@标题 ${escapeInline(title)}` });
  if (kind) header.push({ kind: 'directive', text: `@类型 ${kind}` });
  if (org) header.push({ kind: 'directive', text: `@机关 ${escapeInline(org)}` });
  if (year !== undefined) header.push({ kind: 'directive', text: `@年度 ${year}` });
  if (date) header.push({ kind: 'directive', text: `@日期 ${date}` });
  if (to) header.push({ kind: 'directive', text: `@主送 ${escapeInline(to)}` });
  blocks.push(...header);

  let current = 0; // level of the last heading written
  let headingIndex = 0;
  const usedLabels = new Set<PartLabel>();
  const prose = (s: string) => fieldYears(escapeLine(s), year, hints.yearField);
  const inline = (s: string) => fieldYears(escapeInline(s), year, hints.yearField);
  body.forEach((line, i) => {
    const number = numbered[i];
    if (!number) {
      blocks.push({ kind: 'paragraph', text: prose(line.text) });
      return;
    }
    const level = levels[headingIndex++]!;
    const rest = number.rest;
    const base = baseLevel(number);
    const context = level === base ? '' : `（这种序号通常是第${base}级，${level < base ? '这里它下面有“（一）”级标题' : '这里它的上级标题是第' + (level - 1) + '级，标题不跳级'}）`;
    const numberNote = (became: string) => note(line.n, `标题序号“${number.typed.trim()}”`, `按序号样式定为第${level}级${context}，${became}；序号由渲染器生成`);
    const stop = rest.indexOf('。');
    const lead = stop < 0 ? rest : rest.slice(0, stop);
    const runIn = stop >= 0 && stop < rest.length - 1;
    const headingLike = stop < 0 ? rest.length <= 60 : lead.length <= SHORT_HEADING && !/[，,；;：:、]$/.test(lead);
    const heading = (text: string) => {
      const block: Block = { kind: 'heading', level, text: inline(text) };
      if (level === 1) {
        const part = partOfHeading(text);
        if (part && !usedLabels.has(part)) {
          usedLabels.add(part);
          block.label = part;
        }
      }
      blocks.push(block);
      current = level;
    };
    const runInHeading = () => {
      numberNote(`写成标题“${lead}”和其后的段落（二级标题渲染时接排，句号由渲染器加回）`);
      heading(lead);
      blocks.push({ kind: 'paragraph', text: prose(rest.slice(stop + 1).replace(EDGE_SPACE, '')) });
    };
    if (headingLike && !runIn) {
      numberNote('写成标题');
      heading(rest);
    } else if (headingLike && level === 2) runInHeading();
    else if (level >= 2 && level === current + 1) {
      numberNote(`写成编号段落“1. ”（${runIn && headingLike ? '三、四级标题不接排，' : '不像标题，'}整段照原样保留）`);
      const previous = blocks[blocks.length - 1];
      blocks.push({ kind: 'item', number: previous?.kind === 'item' ? previous.number + 1 : 1, text: inline(rest) });
    } else if (runIn && level === 2) runInHeading();
    else {
      numberNote('整行写成标题');
      heading(rest);
    }
  });

  // ---- blank and trimmed lines, one note each kind
  const empty = lines.filter((l) => l.raw === '').map((l) => l.n);
  const spaceOnly = lines.filter((l) => l.raw !== '' && l.raw.replace(EDGE_SPACE, '') === '').map((l) => l.n);
  if (spaceOnly.length) note(spaceOnly[0]!, `只有空格的行 ${spaceOnly.length} 行（第${ranges(spaceOnly)}行）`, 'Word 手工排版留下的空白；段落之间统一空一行');
  if (empty.length) note(empty[0]!, `空行 ${empty.length} 行（第${ranges(empty)}行）`, '段落之间统一空一行，多余的空行不影响排版');
  const kept = new Set(body.map((l) => l.n));
  trimmed.splice(0, trimmed.length, ...trimmed.filter((n) => kept.has(n)));
  if (trimmed.length) note(trimmed[0]!, `行首行尾的空格 ${trimmed.length} 处（第${ranges(trimmed)}行）`, '缩进和对齐由渲染器按 GB/T 9704 处理');
  notes.sort((a, b) => a.line - b.line);

  return { text: joinBlocks(blocks), notes, header: { title, kind, org, year, date, to } };
}

/** A heading sentence: at most this many characters before its 。 (the seeds' run-in headings are 6–23). */
const SHORT_HEADING = 25;

function joinBlocks(blocks: Block[]): string {
  let out = '';
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    if (previous) {
      const tight =
        (previous.kind === 'directive' && block.kind === 'directive') ||
        (previous.kind === 'comment' && block.kind === 'directive') ||
        (previous.kind === 'heading' && block.kind !== 'heading') ||
        (previous.kind === 'item' && block.kind === 'item');
      out += tight ? '\n' : '\n\n';
    }
    switch (block.kind) {
      case 'heading':
        out += `${'#'.repeat(block.level)} ${block.text}${block.label ? ` {#${block.label}}` : ''}`;
        break;
      case 'item':
        out += `${block.number}. ${block.text}`;
        break;
      default:
        out += block.text;
    }
  });
  return `${out}\n`;
}

/** "3, 5, 6, 7, 9" → "3、5—7、9". */
function ranges(numbers: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    out.push(j > i ? `${numbers[i]}—${numbers[j]}` : String(numbers[i]));
    i = j;
  }
  return out.join('、');
}

/** Escapes what the language reads as markup anywhere in a line: braces and backslashes. */
export function escapeInline(text: string): string {
  return text.replace(/[\\{}｛｝]/g, '\\$&');
}

/** Escapes a prose line: inline markup, and what would make the line a heading, directive, comment or list item. */
export function escapeLine(text: string): string {
  const inline = escapeInline(text);
  return /^(?:[#＃@＠]|\/\/|[-－*＊][ \t\u3000]|[0-9]+[.．][ \t\u3000])/.test(inline) ? `\\${inline}` : inline;
}

/**
 * --year-field: the report's year → {年度}, the next year → {下年度}, in escaped prose. Not inside 《》
 * (document titles keep their year) and not in a range (2016年-2020年, 2021至2025年).
 */
export function fieldYears(text: string, year: number | undefined, on: boolean | undefined): string {
  if (!on || year === undefined) return text;
  let depth = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '《') depth++;
    else if (c === '》') depth = Math.max(0, depth - 1);
    const digits = text.slice(i, i + 4);
    if (depth === 0 && /^\d{4}$/.test(digits) && text[i + 4] === '年' && !/\d/.test(text[i - 1] ?? '') && !/[-—－~～至到]/.test(text[i - 1] ?? '')) {
      const after = text.slice(i + 5, i + 7);
      const value = Number(digits);
      const name = value === year ? '年度' : value === year + 1 ? '下年度' : undefined;
      if (name && !/^度?[-—－~～至到]/.test(after)) {
        out += `{${name}}`;
        i += 3;
        continue;
      }
    }
    out += c;
  }
  return out;
}
