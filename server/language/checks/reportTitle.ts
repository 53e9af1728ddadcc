// Report checks on the report's title (@标题): two issuers of a joint title run together (BG724), an annual
// report's title without its year (BG726), 关于 with no 的 between the matter and the kind (BG729), a title
// that ends with its matter and names no kind of document (BG731), 法治政府 without its 建设 (BG749). The title is the report's own text (never a
// snippet's): its diagnostics need no locating.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import { diagnostic } from '../makeDiagnostic.js';
import type { ReportModel } from '../model.js';
import { RUN_TOGETHER_ISSUERS } from '../header.js';
import { checkedKind, type CheckSettings, type ReportCheck } from './contract.js';

export const reportTitleCodes: CodeInfo[] = [
  {
    code: 'BG724', severity: 'warning', title: '联合行文的机关名称连写',
    description: '标题开头两个机关的名称连在了一起（“中共楠木铺乡党委楠木铺乡人民政府关于……的报告”）：联合行文时机关名称之间空一字或分行排列，否则读不出是两个机关。只查党委、党工委、党组、委员会后面紧接着某某人民政府、办事处，再接“关于”或年份的写法；导入时取后一个（政府）作“@机关”。',
    example: '@标题 中共楠木铺乡党委楠木铺乡人民政府关于2024年法治政府建设工作的报告', fix: '在两个机关名称之间加空格（安全）',
  },
  {
    code: 'BG726', severity: 'warning', title: '年度报告的标题没有年度',
    description: '法治政府建设年度报告的标题要写明报告的是哪一年（“眉山市生态环境局2019年法治政府建设工作总结”“某县人民政府关于2024年度法治政府建设情况的报告”）：没有年份的标题（“某局法治政府建设工作总结”）看不出是哪一年的报告，归档和汇总时容易混。写“{年度}”也可以。标题里有“20xx”“x年”之类的占位符时由 BG233 报告。',
    example: '@标题 眉山市生态环境局法治政府建设工作总结', fix: '无自动修复',
  },
  {
    code: 'BG729', severity: 'warning', title: '“关于……报告”缺“的”',
    description: '标题的事由用“关于”引出时，事由和文种之间用“的”连接：“某街道办事处关于2023年度法治政府建设情况的报告”，不写“关于2023年法治政府建设年度报告”“关于2022年度法治政府建设情况报告”。“关于”之后已有“的”（“关于法治政府建设的情况报告”）不报。',
    example: '@标题 关于2022年度法治政府建设情况报告', fix: '“情况报告”“工作报告”改为“情况的报告”“工作的报告”（安全）；其他写法请改为“关于……情况的报告”',
  },
  {
    code: 'BG731', severity: 'warning', title: '标题缺少文种',
    description: '公文标题由发文机关、事由和文种组成：年度报告的标题止于事由（“五华区退役军人事务局2025年法治政府建设工作情况”“某镇人民政府2025年法治政府建设情况”）就少了文种“报告”，读不出这是一份报告。只查法治政府建设年度报告的标题以“情况”“工作”“建设”结尾的写法（标题末尾括注的年度“（2024年度）”不算）。',
    example: '@标题 五华区退役军人事务局2025年法治政府建设工作情况\n@类型 法治政府建设年度报告', fix: '在末尾补上“报告”（“关于”引出事由的补上“的报告”；不是安全修复）',
  },
  {
    code: 'BG749', severity: 'warning', title: '标题中“法治政府”漏了“建设”',
    description: '法治政府建设年度报告报告的是法治政府“建设”的情况（《法治政府建设与责任落实督察工作规定》：“法治政府建设年度报告”）：标题写“古竹乡2025年法治政府年度报告”“某局法治政府工作报告”漏了“建设”。只查法治政府建设年度报告的标题里“法治政府”紧接着“年度”“工作”“情况”的写法；“法治政府建设……”“法治政府示范创建……”不报。',
    example: '@标题 古竹乡2025年法治政府年度报告\n@类型 法治政府建设年度报告', fix: '在“法治政府”后补上“建设”（不是安全修复）',
  },
];
registerCodes(reportTitleCodes);

// ---------------------------------------------------------------- two issuers run together in the title

/** BG724: “中共某乡党委某乡人民政府关于……” — the two bodies of a joint title without the space between them. */
function runTogetherIssuers(model: ReportModel): Diagnostic[] {
  const first = model.header.titleInlines?.[0];
  if (first?.kind !== 'text' || model.isSnippet) return [];
  const m = RUN_TOGETHER_ISSUERS.exec(first.text);
  if (!m) return [];
  const split = first.start + m[1]!.length;
  return [diagnostic('BG724', { start: first.start, end: first.start + m[0].length },
    `标题开头的“${m[1]}”和“${m[2]}”是两个机关，名称连在了一起：联合行文时机关名称之间应空一字。`,
    [{ title: '在两个机关名称之间加空格', safe: true, edits: [{ start: split, end: split, newText: ' ' }] }])];
}

// ---------------------------------------------------------------- an annual report's title without its year

/** A year in a title: 2019, 二〇一九, or a placeholder's (20xx, xx年: BG233 says those). */
const TITLE_YEAR = /\d{4}|[〇○零一二][〇○零一二三四五六七八九]{3}|\d{2}[xX×＊*]{2}|[xX×]{2}\s*年/;

/** BG726: the @标题 of a 法治政府建设年度报告 names no year (and no {年度} field prints one). */
function titleWithoutYear(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  const inlines = model.header.titleInlines;
  if (!inlines?.length || model.isSnippet || checkedKind(model, settings) !== '法治政府建设年度报告') return [];
  if (inlines.some((i) => i.kind === 'figure')) return [];
  const text = inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
  if (TITLE_YEAR.test(text)) return [];
  const start = inlines[0]!.start;
  const end = inlines[inlines.length - 1]!.end;
  return [diagnostic('BG726', { start, end },
    `标题“${text.trim()}”没有写明年度：年度报告的标题应写上报告的年份（如${model.header.year ? `“${model.header.year}年”或` : ''}“{年度}年”）。`)];
}

/** BG729: a title “……关于[事由][文种]” with no 的 between its matter and its kind. */
function aboutWithoutDe(model: ReportModel): Diagnostic[] {
  const inlines = model.header.titleInlines;
  if (!inlines?.length || model.isSnippet) return [];
  const text = inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('').trim();
  const about = text.indexOf('关于');
  if (about < 0) return [];
  const matter = text.slice(about + 2);
  const kind = /(?:报告|总结|汇报)$/.exec(matter);
  if (!kind || matter.length < 6 || matter.includes('的')) return [];
  const start = inlines[0]!.start;
  const end = inlines[inlines.length - 1]!.end;
  // 情况报告, 工作报告: 的 goes before the kind; a title of one text inline is where the source has it.
  const only = inlines.length === 1 && inlines[0]!.kind === 'text' ? inlines[0]! : undefined;
  const before = matter.slice(0, kind.index);
  const fixable = only && /(?:情况|工作)$/.test(before);
  const kindAt = only ? only.start + only.text.lastIndexOf(kind[0]) : -1;
  return [diagnostic('BG729', fixable ? { start: kindAt, end: kindAt + kind[0].length } : { start, end },
    `标题“${text}”用“关于”引出事由，事由和文种之间缺“的”：应写作“……关于${fixable ? `${before}的${kind[0]}` : `……情况的${kind[0]}`}”。`,
    fixable ? [{ title: `改为“${before.slice(-2)}的${kind[0]}”`, safe: true, edits: [{ start: kindAt, end: kindAt, newText: '的' }] }] : undefined)];
}

// ---------------------------------------------------------------- a title without its kind of document

/** A title that stops at its matter (……工作情况, ……建设情况, ……法治政府建设), a year in brackets after it left aside. */
const ENDS_WITH_MATTER = /(?:情况|工作|建设)(?:[（(][^（）()]{0,12}[）)])?$/;

/** BG731: the @标题 of a 法治政府建设年度报告 ends with its matter: 报告 left out. */
function titleWithoutKind(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  const inlines = model.header.titleInlines;
  if (!inlines?.length || model.isSnippet || checkedKind(model, settings) !== '法治政府建设年度报告') return [];
  const last = inlines[inlines.length - 1]!;
  if (last.kind !== 'text') return [];
  const text = inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('').trim();
  const m = ENDS_WITH_MATTER.exec(text);
  if (!m) return [];
  // After 关于 the matter is joined to its kind by 的 (BG729): “关于……情况的报告”.
  const about = text.includes('关于') && !text.slice(text.indexOf('关于')).includes('的');
  const added = about ? '的报告' : '报告';
  const lastText = last.text.trimEnd();
  const matterEnd = last.start + lastText.length - (m[0].length - 2);
  const start = inlines[0]!.start;
  const end = last.start + lastText.length;
  return [diagnostic('BG731', { start, end },
    `标题“${text}”止于事由，缺少文种：应写作“……${text.slice(m.index, m.index + 2)}${added}”。`,
    [{ title: `补上“${added}”`, safe: false, edits: [{ start: matterEnd, end: matterEnd, newText: added }] }])];
}

/** “法治政府年度报告”, “法治政府工作报告”, “法治政府情况报告”: the matter without its 建设. */
const WITHOUT_JIANSHE = /法治政府(?=年度|工作|情况)/;

/** BG749: the @标题 of a 法治政府建设年度报告 names 法治政府 without its 建设. */
function titleWithoutJianshe(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  const inlines = model.header.titleInlines;
  if (!inlines?.length || model.isSnippet || checkedKind(model, settings) !== '法治政府建设年度报告') return [];
  for (const inline of inlines) {
    if (inline.kind !== 'text') continue;
    const m = WITHOUT_JIANSHE.exec(inline.text);
    if (!m) continue;
    const start = inline.start + m.index;
    const end = start + m[0].length;
    const next = inline.text.slice(m.index + 4, m.index + 8);
    return [diagnostic('BG749', { start, end },
      `标题中的“法治政府${next}”漏了“建设”：法治政府建设年度报告的标题应写作“法治政府建设${next}”。`,
      [{ title: '补上“建设”', safe: false, edits: [{ start: end, end, newText: '建设' }] }])];
  }
  return [];
}

export const reportTitleChecks: ReportCheck[] = [
  { id: 'run-together-issuers', codes: ['BG724'], run: runTogetherIssuers },
  { id: 'title-without-year', codes: ['BG726'], run: titleWithoutYear },
  { id: 'about-without-de', codes: ['BG729'], run: aboutWithoutDe },
  { id: 'title-without-kind', codes: ['BG731'], run: titleWithoutKind },
  { id: 'title-without-jianshe', codes: ['BG749'], run: titleWithoutJianshe },
];
