// Report checks: structure (BG4xx) — the required parts of a 法治政府建设年度报告, their order, empty sections, skipped
// heading levels, duplicate headings and the reporting year. The checks on counts (BG22x) are in counts.ts.
import type * as ast from '../../../grammar/index.js';
import type { Diagnostic, TextEdit } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import { diagnostic } from '../makeDiagnostic.js';
import type { PlacedBlock, ReportModel, Scope, Section } from '../model.js';
import { printInlines } from '../printed.js';
import { isWhiteSpace } from '../whiteSpace.js';
import { checkedKind, NO_DIAGNOSTICS, type CheckSettings, type ReportCheck } from './contract.js';
import { blockCacheOn, cachedPerPlaced, detached } from './blockCache.js';
import { onForget } from './blockStore.js';
import { sameStructure } from './structureMemo.js';
import { blockTextNodes, eolOf, firstLineSpan, located } from './prose.js';
import { AttachedMap } from '../attached.js';
import { append } from '../append.js';
import { allMatches } from '../matches.js';

// ---------------------------------------------------------------- codes

export const structureCodes: CodeInfo[] = [
  // ---- extra figure checks
  // ---- structure
  {
    code: 'BG401', severity: 'error', title: '缺少必备部分',
    description: '法治政府建设年度报告须有五个部分：主要举措和成效、存在的不足和原因、党政主要负责人履行第一责任人职责情况、下一年度主要安排、其他需要报告的情况。前四个部分缺一即报错（在“@类型”一行报一次）。部分由一级标题的标签（{#举措} {#不足} {#第一责任人} {#安排}）或标题的用词识别。',
    example: '@类型 法治政府建设年度报告（全文没有“第一责任人”部分）', fix: '在正确的位置插入该部分的一级标题骨架（需要补写内容，不是安全修复）',
  },
  {
    code: 'BG402', severity: 'warning', title: '缺少“其他需要报告的情况”',
    description: '第五部分“其他需要报告的情况”只在有情况时才有内容，许多报告没有情况时整段省略，所以只作警告而不是错误；规定仍列有这一项，建议写明“我镇无其他需要报告的情况。”（如东赵各庄镇 2020 年报告）。',
    example: '@类型 法治政府建设年度报告（全文没有“其他”部分）', fix: '在文末插入“其他需要报告的情况”标题（不是安全修复）',
  },
  {
    code: 'BG403', severity: 'warning', title: '部分顺序不对',
    description: '必备部分应按 举措、不足、第一责任人、安排、其他 的顺序排列。',
    example: '# 存在的不足 {#不足}\n……\n# 主要举措和成效 {#举措}',
  },
  {
    code: 'BG404', severity: 'warning', title: '空的章节',
    description: '标题下面既没有正文也没有下级标题。',
    example: '# 存在问题\n# 下一步工作打算',
  },
  {
    code: 'BG405', severity: 'warning', title: '标题跳级',
    description: '标题比上级标题深了不止一级（例如“#”下直接写“###”），编号会从“一、”跳到“1.”。',
    example: '# 主要举措和成效\n### 全面部署法治建设', fix: '把该标题及其下级标题提升到正确的层级（安全）',
  },
  {
    code: 'BG406', severity: 'warning', title: '标题重复',
    description: '同一层级有两个文字相同的标题，多半是复制粘贴的遗留。',
    example: '## 全面推行法律顾问制度（出现两次）',
  },
  {
    code: 'BG407', severity: 'warning', title: '年份与“@年度”不符',
    description: '报告把别的年份写成了本年度：标题里的年份、“现将2020年……报告如下”、开头一段的“2020年，”，或含“今年”“本年度”的句子里的年份与“@年度”不同。多半是沿用上年报告时漏改；写“{年度}”就不会再错。标题里写明下一年度工作安排、计划、思路或要点的年份（“……2020年度法治政府建设情况及2021年度工作安排的报告”“……法治政府建设报告暨2025年工作计划”）不报告。',
    example: '@年度 2021\n现将2020年法治政府建设情况报告如下：', fix: '改为“{年度}”（不是安全修复）',
  },
  {
    code: 'BG408', severity: 'info', title: '未写报告类型',
    description: '没有“@类型”：按通用工作报告检查（只查结构，不查必备部分）。法治政府建设年度报告请写“@类型 法治政府建设年度报告”。',
    example: '@机关 桂圩镇人民政府（没有 @类型）', fix: '插入“@类型 法治政府建设年度报告”（不是安全修复）',
  },
];
registerCodes(structureCodes);

// ---------------------------------------------------------------- required parts

export type Part = '举措' | '不足' | '第一责任人' | '安排' | '其他';
export const PARTS: readonly Part[] = ['举措', '不足', '第一责任人', '安排', '其他'];

const PART_HEADINGS: Record<Part, string> = {
  举措: '主要举措和成效',
  不足: '存在的不足和原因',
  第一责任人: '党政主要负责人履行推进法治建设第一责任人职责情况',
  安排: '下一年度推进法治政府建设的主要安排',
  其他: '其他需要报告的情况',
};

const PART_NAMES: Record<Part, string> = {
  举措: '主要举措和成效',
  不足: '存在的不足和原因',
  第一责任人: '党政主要负责人履行推进法治建设第一责任人职责情况',
  安排: '下一年度主要安排',
  其他: '其他需要报告的情况',
};

/** Words of the real phrasings, tried in this order (later parts' words first: "推进…存在的不足" is 不足). */
const PART_WORDS: Array<[Part, RegExp]> = [
  ['其他', /其他需要报告|其它需要报告|其他情况|其他事项/],
  ['第一责任人', /第一责任人|主要负责人履行|主要负责人.{0,30}职责/],
  ['不足', /不足|存在(的|主要)?问题|问题(和|及|与)(原因|不足)|短板|差距/],
  ['安排', /下一(年度|年|步|阶段)|明年|今后|主要安排|工作(计划|打算|思路|重点|措施)|打算/],
  ['举措', /举措|做法|成效|推进情况|履行.{0,30}职能|工作情况|主要工作|成绩/],
];

export function partOfHeading(heading: ast.Heading, text: string): Part | undefined {
  const label = heading.label?.text;
  if (label && (PARTS as readonly string[]).includes(label)) return label as Part;
  for (const [part, words] of PART_WORDS) if (words.test(text)) return part;
  return undefined;
}

interface PartSection {
  section: Section;
  part: Part | undefined;
}

/** Found once per model: two checks ask, and a report of 20,000 headings prints each heading to classify it. */
const classifiedParts = new AttachedMap<ReportModel, readonly PartSection[]>('classifiedParts');

/** The level-1 sections with their parts; the first sections before any other part are all 举措. */
export function classifyParts(model: ReportModel): readonly PartSection[] {
  const known = classifiedParts.get(model);
  if (known) return known;
  const out: PartSection[] = model.sections.map((section) => ({
    section,
    part: partOfHeading(section.heading, printedHeading(model, section).printed),
  }));
  for (const entry of out) {
    if (entry.part && entry.part !== '举措') break;
    entry.part = '举措';
  }
  classifiedParts.set(model, out);
  return out;
}

/** Where a block in a snippet sits in the checked file: the outermost @引用 that brought it in. */
function ownOffset(model: ReportModel, scope: Scope, offset: number): number {
  let s: Scope = scope;
  let at = offset;
  while (s.file !== model.file && s.site) {
    at = s.site.directive.start;
    s = s.site.scope;
  }
  return s.file === model.file ? at : model.file.text.length;
}

function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function requiredParts(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  if (model.isSnippet || checkedKind(model, settings) !== '法治政府建设年度报告') return [];
  const out: Diagnostic[] = [];
  const classified = classifyParts(model);
  const text = model.file.text;
  const eol = eolOf(text);
  const kindValue = model.header.values.类型;
  const at = kindValue ? { start: kindValue.directive.start, end: lineEndOf(text, kindValue.directive.start) } : firstLineSpan(text);
  const rank = (p: Part) => PARTS.indexOf(p);

  for (const part of PARTS) {
    if (classified.some((c) => c.part === part)) continue;
    // Insert before the first section of a later part, else at the end.
    const later = classified.find((c) => c.part && rank(c.part) > rank(part));
    const skeleton = `# ${PART_HEADINGS[part]} {#${part}}${eol}${eol}`;
    let edit: TextEdit;
    if (later) {
      const offset = lineStart(text, ownOffset(model, later.section.scope, later.section.heading.start));
      edit = { start: offset, end: offset, newText: skeleton };
    } else {
      const ending = text.length === 0 || /[\r\n]$/.test(text) ? '' : eol;
      const gap = /(\r?\n|\r){2}$/.test(text) || text.length === 0 ? '' : eol;
      edit = { start: text.length, end: text.length, newText: `${ending}${gap}# ${PART_HEADINGS[part]} {#${part}}${eol}` };
    }
    const code = part === '其他' ? 'BG402' : 'BG401';
    const message = part === '其他'
      ? `没有“其他需要报告的情况”部分：没有情况时也宜写明“无其他需要报告的情况”。`
      : `缺少必备部分“${PART_NAMES[part]}”：法治政府建设年度报告须有这一部分（用一级标题加标签 {#${part}} 标明）。`;
    out.push(diagnostic(code, at, message, [{ title: `插入“${PART_HEADINGS[part]}”标题`, edits: [edit], safe: false }]));
  }

  // Order: a part that comes after a later part.
  let highest = -1;
  let highestPart: Part | undefined;
  const seen = new Set<Part>();
  for (const c of classified) {
    if (!c.part || seen.has(c.part)) continue;
    seen.add(c.part);
    if (rank(c.part) < highest) {
      out.push(located(model, c.section.scope, diagnostic('BG403', c.section.heading, `“${PART_NAMES[c.part]}”应写在“${PART_NAMES[highestPart!]}”之前：必备部分的顺序为 举措、不足、第一责任人、安排、其他。`)));
    } else {
      highest = rank(c.part);
      highestPart = c.part;
    }
  }
  return out;
}

// ---------------------------------------------------------------- headings

/** The sections in document order (depth first), once a model: three passes read them. */
const flatSections = new AttachedMap<ReportModel, Section[]>('flatSections');

function sectionsInOrder(sections: readonly Section[], out: Section[] = []): Section[] {
  for (const s of sections) {
    out.push(s);
    sectionsInOrder(s.children, out);
  }
  return out;
}

function allSections(model: ReportModel): Section[] {
  let all = flatSections.get(model);
  if (!all) flatSections.set(model, (all = sectionsInOrder(model.sections)));
  return all;
}

function headings(model: ReportModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Empty sections.
  for (const s of allSections(model)) {
    if (s.children.length === 0 && !s.blocks.some((b) => b.block.kind === 'paragraph' || b.block.kind === 'list')) {
      out.push(located(model, s.scope, diagnostic('BG404', s.heading, `标题“${headingText(model, s)}”下面什么也没有：补写内容，或删去这个标题。`)));
    }
  }
  skippedLevels(model, model.sections, 0, out);
  // Duplicates: the same text at the same level (the texts are remembered strings: their hashes are kept).
  const seen: Array<Map<string, Section>> = [];
  for (const s of allSections(model)) {
    const text = printedHeading(model, s).key;
    if (!text) continue;
    const atLevel = (seen[s.level] ??= new Map());
    const first = atLevel.get(text);
    if (first) {
      const where = first.scope.file === model.file ? `第${model.file.lineIndex.positionAt(first.heading.start).line + 1}行` : first.scope.file.path;
      out.push(located(model, s.scope, diagnostic('BG406', s.heading, `标题“${text}”与${where}的同级标题重复。`)));
    } else atLevel.set(text, s);
  }
  return out;
}

/** Skipped levels: a section deeper than its parent + 1 (top-level sections: deeper than 1). */
function skippedLevels(model: ReportModel, list: readonly Section[], parentLevel: number, out: Diagnostic[]): void {
  for (const s of list) {
    const expected = parentLevel + 1;
    if (s.level > expected) {
      const gap = s.level - expected;
      const subtree = sectionsInOrder([s]);
      const sameFile = subtree.every((t) => t.scope.file === s.scope.file);
      const fixes = sameFile
        ? [{
            title: `改为${expected}级标题（下级标题一并提升）`,
            safe: true,
            edits: subtree.map((t) => {
              const marker = t.heading.line.marker;
              const typed = t.scope.file.text.slice(marker.start, marker.end);
              const mark = typed.includes('＃') ? '＃' : '#';
              return { start: marker.start, end: marker.end, newText: mark.repeat(Math.max(1, t.level - gap)) + typed.replace(/^[#＃]+/u, '') };
            }),
          }]
        : undefined;
      out.push(located(model, s.scope, diagnostic('BG405', s.heading.line.marker, `标题跳级：上级是${parentLevel === 0 ? '正文' : `${parentLevel}级标题`}，这里却是${s.level}级标题，应为${expected}级。`, fixes)));
    }
    skippedLevels(model, s.children, s.level, out);
  }
}

const CLOSING_MARKS = new Set([...'。．.，,；;：:']);

/** A heading's text without the white space and punctuation it ends with (as /[\s。．.，,；;：:]+$/u removes). */
function withoutClosingMarks(text: string): string {
  let end = text.length;
  while (end > 0 && (CLOSING_MARKS.has(text[end - 1]!) || isWhiteSpace(text.charCodeAt(end - 1)))) end--;
  return end === text.length ? text : text.slice(0, end);
}

function headingText(model: ReportModel, s: Section): string {
  return printedHeading(model, s).text;
}

/** A heading as printed; trimmed; and without its closing marks (what two headings are compared by). */
interface PrintedHeading {
  printed: string;
  text: string;
  key: string;
}

/** Headings of the report itself by their source, while the figures resolve the same: a keystroke prints no heading again. */
const printedHeadings = new Map<string, PrintedHeading & { resolution: number }>();
onForget(() => printedHeadings.clear());

function printedHeading(model: ReportModel, s: Section): PrintedHeading {
  const own = blockCacheOn() && s.scope.file === model.file && !s.scope.parent;
  const source = own ? model.file.text.slice(s.heading.start, s.heading.end) : '';
  const known = own ? printedHeadings.get(source) : undefined;
  if (known?.resolution === model.figures.resolutionId) return known;
  const printed = printInlines(s.heading.content, s.scope, model.figures);
  const text = printed.trim();
  const heading = { printed, text, key: withoutClosingMarks(text), resolution: model.figures.resolutionId };
  if (own) {
    if (printedHeadings.size >= 50_000) printedHeadings.clear();
    printedHeadings.set(detached(source), heading);
  }
  return heading;
}

// ---------------------------------------------------------------- the reporting year

/** After a year in a title: the plan of that year (年度工作安排, 年依法治区工作思路, 年工作计划, 年工作要点). */
const NEXT_YEARS_PLAN = /^年度?[\u4e00-\u9fff]{0,12}?(?:安排|计划|思路|打算|要点)/;

const YEAR_IN_TEXT = /(?<![\d—\-－~～至到])(\d{4})(?=年)(?!年?\s*[—\-－~～至到])/g;

function reportingYear(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  void settings;
  const year = model.header.year;
  if (year === undefined || model.isSnippet) return [];
  const out: Diagnostic[] = [];
  const flag = (scope: Scope, start: number, found: string, why: string) => {
    const fix = { title: '改为“{年度}”', safe: false, edits: [{ start, end: start + 4, newText: '{年度}' }] };
    out.push(located(model, scope, diagnostic('BG407', { start, end: start + 4 }, `${why}写的是${found}年，而“@年度”是${year}年：多半是沿用上年报告时漏改，建议写“{年度}”。`, [fix])));
  };

  // The title.
  const title = model.header.values.标题;
  if (title) {
    for (const node of model.header.titleInlines ?? []) {
      if (node.kind !== 'text') continue;
      for (const m of allMatches(YEAR_IN_TEXT, node.text)) {
        const found = Number(m[1]);
        // “……2020年度法治政府建设情况及2021年度工作安排的报告”: the next year's plan, named as such.
        if (found === year + 1 && NEXT_YEARS_PLAN.test(node.text.slice(m.index! + 4, m.index! + 24))) continue;
        if (found !== year) flag({ file: model.file, params: new Map(), parent: undefined, site: undefined }, node.start + m.index!, m[1]!, '标题里');
      }
    }
  }

  // Sentences of paragraphs and lists: their text and the year alone decide (remembered per block).
  append(out, cachedPerPlaced(`reporting-year:${year}`, model, (placed) => yearsInSentences(model, placed, year)));
  // The opening paragraph: "2020年，我镇……" in a 2021 report.
  for (const placed of model.blocks) {
    const block = placed.block;
    if (block.kind === 'heading') break;
    if (block.kind !== 'paragraph' || placed.scope.file !== model.file) continue;
    const first = block.lines[0]?.[0];
    if (first?.kind === 'text') {
      const m = /^\s*(\d{4})年(度)?[，,]/.exec(first.text);
      if (m && Number(m[1]) !== year) flag(placed.scope, first.start + first.text.indexOf(m[1]!), m[1]!, '开头一段');
    }
  }
  // Deduplicate (a position may be found by two rules).
  const seen = new Set<string>();
  return out.filter((d) => {
    const key = `${d.uri ?? ''}:${d.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What either rule below needs in a text (most have neither). */
const THIS_YEAR_OR_REPORTING = /现将|今年|本年度/;

const REPORTED_BELOW = /现将(\d{4})年度?[^。；，]{0,30}?(报告|汇报)如下/g;
/** A clause: the text between two stops. */
const CLAUSE = /[^。；！？!?;]+/g;

/** "现将2020年……报告如下" and clauses with 今年/本年度 that name another year. */
function yearsInSentences(model: ReportModel, placed: PlacedBlock, year: number): readonly Diagnostic[] {
  const block = placed.block;
  if (block.kind !== 'paragraph' && block.kind !== 'list') return NO_DIAGNOSTICS;
  let out: Diagnostic[] | undefined;
  const flag = (start: number, found: string, why: string) => {
    const fix = { title: '改为“{年度}”', safe: false, edits: [{ start, end: start + 4, newText: '{年度}' }] };
    (out ??= []).push(located(model, placed.scope, diagnostic('BG407', { start, end: start + 4 }, `${why}写的是${found}年，而“@年度”是${year}年：多半是沿用上年报告时漏改，建议写“{年度}”。`, [fix])));
  };
  for (const node of blockTextNodes(placed)) {
    if (!THIS_YEAR_OR_REPORTING.test(node.text)) continue;
    // "现将2020年法治政府建设情况报告如下"
    for (const m of allMatches(REPORTED_BELOW, node.text)) {
      if (Number(m[1]) !== year) flag(node.start + m.index! + 2, m[1]!, '“现将……报告如下”');
    }
    // A clause with 今年/本年度 naming another year (not in a comparison).
    for (const clause of allMatches(CLAUSE, node.text)) {
      const c = clause[0];
      if (!/今年|本年度/.test(c) || /比|较|上年|去年|同期|以来|至今/.test(c)) continue;
      for (const m of allMatches(YEAR_IN_TEXT, c)) {
        const y = Number(m[1]);
        if (y !== year && y !== year + 1) flag(node.start + clause.index! + m.index!, m[1]!, '含“今年”“本年度”的句子里');
      }
    }
  }
  return out ?? NO_DIAGNOSTICS;
}

function missingKind(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  if (model.isSnippet || settings.profile !== undefined || model.header.values.类型) return [];
  const text = model.file.text;
  const eol = eolOf(text);
  const fix = { title: '插入“@类型 法治政府建设年度报告”', safe: false, edits: [{ start: 0, end: 0, newText: `@类型 法治政府建设年度报告${eol}` }] };
  return [diagnostic('BG408', firstLineSpan(text), '没有写“@类型”：按通用工作报告检查，不检查法治政府建设年度报告的五个必备部分。', [fix])];
}

export const structureChecks: ReportCheck[] = [
  { id: 'report-kind', codes: ['BG408'], run: missingKind },
  { id: 'required-parts', codes: ['BG401', 'BG402', 'BG403'], run: (model, settings) => sameStructure(`required-parts:${settings.profile}`, model, () => requiredParts(model, settings)) },
  { id: 'headings', codes: ['BG404', 'BG405', 'BG406'], run: (model) => sameStructure('headings', model, () => headings(model)) },
  { id: 'reporting-year', codes: ['BG407'], run: reportingYear },
];
