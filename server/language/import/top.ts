// Import steps 2 and 3: the signature and date at the end, the title (after any page furniture) and an
// addressee line at the top, and the header values read from them.
import { isOrgLike, isoDate, isTitleLike, jointIssuers, orgFromProse, orgFromTitle, parseSignatureDate, placedZone, PLAN_JOINED_ON, TITLE_END, withoutRegionPrefix, yearFromProse, yearFromTitle, type ImportedDate } from './header.js';
import { isSentence } from './furniture.js';
import { typedNumber } from './numbers.js';
import { asWritten, readable, type ImportFinding, type Line, type Note } from './types.js';
import { RUN_TOGETHER_ISSUERS, type REPORT_KINDS } from '../header.js';

export interface ImportedHeader {
  title: string | undefined;
  kind: (typeof REPORT_KINDS)[number] | undefined;
  org: string | undefined;
  year: number | undefined;
  date: string | undefined;
  /** The date is the page's 成文日期 (its information bar) or a covering letter's above the report, not a signature's at its end: the text may still be an excerpt. */
  dateFromPage?: boolean;
  to: string | undefined;
}

export interface EndOfReport {
  date: ImportedDate | undefined;
  org: string | undefined;
  /** Input lines of the signature and date, for the header directives' place. */
  lines: number[];
}

/** Step 2: below the last paragraph, a page number, the signature date and the signature. */
export function readEnd(lines: Line[], note: Note): EndOfReport {
  const end: EndOfReport = { date: undefined, org: undefined, lines: [] };
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (!line.text) continue;
    if (!end.date && !end.org && /^\d{1,3}$/.test(line.text)) {
      note(line.n, `页码“${line.text}”`, '文末单独一行的数字是 Word 的页码，渲染时按 GB/T 9704 重新生成');
      line.text = '';
      continue;
    }
    const date = !end.date && !end.org ? parseSignatureDate(line.text) : undefined;
    if (date) {
      end.date = date;
      end.lines.push(line.n);
      note(line.n, `成文日期“${line.text}”`, `写为“@日期 ${isoDate(date)}”，落款由渲染器按 GB/T 9704 排版`);
      line.text = '';
      continue;
    }
    const indented = /^[ \t\u3000\u2000-\u200a]{6,}/.test(line.raw);
    if (!end.org && isOrgLike(readable(line.text)) && (end.date || indented)) {
      end.org = line.text;
      end.lines.push(line.n);
      note(line.n, `手工排版的落款“${line.text}”`, `写为“@机关”，落款由渲染器按 GB/T 9704 排版`);
      line.text = '';
    }
    break;
  }
  return end;
}

export interface TopOfReport {
  title: string | undefined;
  titleLines: Line[];
  to: string | undefined;
  /** A line of only the body's name above the text, with no title (a page whose headline is the body). */
  org?: string;
  /** Defects of the source found here: an addressee line with no colon after it (BG238). */
  findings: ImportFinding[];
}

/** A line that ends a title: 报告/总结/汇报, or "…法治政府建设情况", "…法治政府部门建设工作情况" (a title without 报告). */
const ends = (line: string) => {
  const text = readable(line);
  return TITLE_END.test(text) || YEAR_AFTER_TITLE.test(text) || (/法治政府(?:部门)?建设/.test(text) && /情况$/.test(text));
};

/** A title with the year it reports on in brackets after it: “塘栖镇法治政府建设年度报告(2024年度)”. */
const YEAR_AFTER_TITLE = /(?:报告|总结|汇报)\s*[（(]\s*\d{4}\s*年度?\s*[）)]$/;

/** A site's column named like a kind of report ("工作报告", "政府工作报告" above the breadcrumb): no report's title, which says what it reports on. */
const COLUMN_NAME = /^[\u4e00-\u9fff]{0,4}(?:报告|总结|汇报)$/;

/** Step 3: the title — up to three short lines, the last ending it — after any lines above it that are not the report's. */
export function readTop(lines: Line[], note: Note): TopOfReport {
  const top: TopOfReport = { title: undefined, titleLines: [], to: undefined, findings: [] };
  const head = lines.filter((l) => l.text).slice(0, 12);
  for (const l of head) splitDocumentNumber(l, note);
  titleInAbout(head, note);
  // A short “……工作报告” is a site's column, unless it ends a title broken after its first line (……2025年法治政府建设 / 情况工作报告).
  const continues = (i: number) => i > 0 && !ends(head[i - 1]!.text) && isTitlePart(readable(head[i - 1]!.text));
  const endAt = head.findIndex((l, i) => ends(l.text) && isTitleLike(l.text) && !typedNumber(l.text) && (!COLUMN_NAME.test(readable(l.text)) || continues(i)));
  const sentenceAt = head.findIndex((l) => !isTitleLike(l.text) || typedNumber(l.text));
  if (endAt < 0 || (sentenceAt >= 0 && sentenceAt < endAt && !onlyFurnitureAbove(head, endAt))) {
    // Without its title, the document number above the addressee (a 呈: 保政呈〔2025〕5号 / 河北省人民政府:) or above
    // the first sentence (雷东府〔2025〕26号 / 2025年以来,……).
    if (head[0] && head[1] && DOCUMENT_NUMBER.test(head[0].text)) {
      note(head[0].n, `发文字号“${head[0].text}”`, '报告语言没有发文字号，这一行不写入正文（需要时由版头模板打印）');
      head[0].text = '';
      head.shift();
    }
    readAddressee(head[0], top, note, ADDRESSEE_WITHOUT_TITLE);
    if (!top.to) readBodyLine(head, top, note);
    return top;
  }
  let first = endAt;
  while (first > 0 && endAt - first < 2 && isTitlePart(readable(head[first - 1]!.text)) && !isSiteName(readable(head[first - 1]!.text), readable(head[endAt]!.text)) && !isPageHeadline(readable(head[first - 1]!.text), readable(head[endAt]!.text))) first--;
  for (const l of head.slice(0, first)) {
    if (ISSUER_MARK.test(readable(l.text))) note(l.n, `发文机关标志“${l.text}”`, '标题之上的红头：报告语言不排红头，这一行不写入正文（需要时由版头模板打印）');
    else if (DOCUMENT_NUMBER.test(l.text)) note(l.n, `发文字号“${l.text}”`, '报告语言没有发文字号，这一行不写入正文（需要时由版头模板打印）');
    else note(l.n, `网页栏目“${l.text}”`, '标题之前的网页栏目或导航，不是报告的文字');
    l.text = '';
  }
  top.titleLines = head.slice(first, endAt + 1);
  top.title = joinTitleLines(top.titleLines.map((l) => l.text));
  if (top.titleLines.length > 1) note(top.titleLines[0]!.n, `标题分 ${top.titleLines.length} 行（第${top.titleLines.map((l) => l.n).join('、')}行）`, '合为一行写在“@标题”里；标题的换行由渲染器决定');
  else note(top.titleLines[0]!.n, '标题行', '写在“@标题”里，由渲染器居中排版');
  const titleTexts = new Set([top.title, top.titleLines.map((l) => l.text).join(''), ...top.titleLines.map((l) => l.text)]);
  for (const l of top.titleLines) l.text = '';
  readAfterTitle(lines, top, titleTexts, note);
  return top;
}

/**
 * A title's lines joined into one. A joint title set a body a line (中共某镇委员会 / 某镇人民政府 / 关于……的报告) is laid
 * out as it should be: the line break between the two bodies becomes the space that keeps them apart on one line,
 * where joined without it they would run together (BG724 says that of a title typed so).
 */
function joinTitleLines(texts: string[]): string {
  const joined = texts.join('');
  const m = RUN_TOGETHER_ISSUERS.exec(joined);
  if (!m) return joined;
  let at = 0;
  for (let i = 0; i < texts.length - 1; i++) {
    at += texts[i]!.length;
    if (at === m[1]!.length) return `${texts.slice(0, i + 1).join('')} ${texts.slice(i + 1).join('')}`;
  }
  return joined;
}

/**
 * A mirror's sentence about the page above the text, with the title in 《》 (“《梧州市人民政府2018年度法治政府建设工作报告》
 * 是2019年梧州市人民政府发布的通知。”): the title is the report's; the words about it are the site's.
 */
const ABOUT_THE_PAGE = /^《([^《》]{6,60}?(?:报告|总结|汇报))》是[^。《》]{0,40}?(?:发布|印发|公布|发表|制定)的[^。《》]{0,10}。?$/;

function titleInAbout(head: Line[], note: Note): void {
  const first = head[0];
  const m = first && ABOUT_THE_PAGE.exec(readable(first.text));
  if (!m || !head[1]) return;
  const title = first.text.slice(1, 1 + m[1]!.length);
  note(first.n, `网站介绍“${first.text.slice(m[1]!.length + 2)}”`, '转载网站在标题后加的介绍语，不是报告的文字；书名号里的是报告的标题');
  first.text = title;
}

/** A 发文机关标志 above the title (the 红头 of a Word file, often set in a text box): 中共某镇委员会文件, 某县人民政府办公室文件. */
const ISSUER_MARK = /^[\u4e00-\u9fff、\s]{2,40}文件$/;

/** A mark of a sentence or a clause: no line of a site's furniture (its name, greeting, login and accessibility links) has one. */
const CLAUSE_MARK = /[。，,；;：:、]/;

/**
 * Above a title naming its year, only a page's furniture: short lines with no clause in them and no heading, of
 * which some are no title's (“苏州 ? 吴中欢迎您! 用户登录 网站无障碍 适老版” on a mirror, 木渎镇 2024). A report
 * without a title opens with a sentence or an addressee (县委、县政府:), which has one.
 */
function onlyFurnitureAbove(head: Line[], endAt: number): boolean {
  return yearFromTitle(readable(head[endAt]!.text)) !== undefined && head.slice(0, endAt).every((l) => l.text.length <= 60 && !CLAUSE_MARK.test(l.text) && !typedNumber(l.text));
}

/** A document number under the title: 新田委文〔2026〕3号. */
const DOCUMENT_NUMBER = /^[\u4e00-\u9fff]{2,10}[〔[（(]\d{4}[〕\]）)]\s*\d{1,4}\s*[号號]$/;

/** A title with its document number in brackets after it: ……工作报告(潭县自然资字〔2025〕79号). */
const TITLE_AND_NUMBER = /^(.{6,80}?(?:报告|總結|总结|汇报|匯報|報告))\s*[（(]\s*([\u4e00-\u9fff]{2,12}[〔[（(]\d{4}[〕\]）)]\s*\d{1,4}\s*[号號])\s*[）)]\s*$/;

/** The document number run into the title's line goes (noted, as one on a line of its own); the title stays. */
function splitDocumentNumber(line: Line, note: Note): void {
  const m = TITLE_AND_NUMBER.exec(line.text);
  if (!m || !isTitleLike(m[1]!)) return;
  note(line.n, `发文字号“${m[2]}”`, '标题后括号里的发文字号：报告语言没有发文字号，不写入标题（需要时由版头模板打印）');
  line.text = m[1]!;
}

/** The signer under a 上行文's document number: 签发人：李静 (no part of the report language). */
const SIGNER = /^签发人\s*[:：]\s*[\u4e00-\u9fff·]{2,10}$/;

/**
 * A body's name above a title that already starts with one (重庆市气象局 / 巫山县气象局2021年度……报告, 武定县人民政府 /
 * 武定县民族宗教事务局2024年度……报告): the site's name, not a first line of the title. A party body above a
 * government (中共……党委 / ……人民政府关于……) begins a joint title.
 */
function isSiteName(above: string, titleLine: string): boolean {
  if (!isOrgLike(above) || /^中共|(?:党委|党组|工委|委员会)$/.test(above)) return false;
  const own = /^(.+?)(?:关于)?\d{4}\s*年/.exec(titleLine)?.[1];
  return own !== undefined && !/^关于/.test(own) && isOrgLike(own);
}

/**
 * The page's own headline above the title: the title, a dash or bar, and the site's name (福建省2023年度法治政府建设情况
 * -ks8凯发官方网站 / 福建省2023年度法治政府建设情况) — not a first line of the title.
 */
function isPageHeadline(above: string, titleLine: string): boolean {
  return titleLine.length >= 6 && above.startsWith(titleLine) && /^\s*[-_|｜–—]/.test(above.slice(titleLine.length));
}

/** A line that can begin a title split over lines: the body's name, or "关于……". */
function isTitlePart(text: string): boolean {
  return isOrgLike(text) || (/^关于/.test(text) && isTitleLike(text)) || (/\d{4}\s*年/.test(text) && isTitleLike(text) && text.length <= 30);
}

/** A run of spaces between two Han characters. */
const SPACE_BETWEEN_HAN = /(?<=\p{Script=Han})[ \u3000]+(?=\p{Script=Han})/gu;

/**
 * The title without the spaces the title repeated below has not (共和乡 2022, 472: the page's headline “……2022年度
 * 法治政府建设 工作报告” over the text's “共和乡2022年度法治政府建设工作报告”): the headline wrapped there. A space is
 * taken out only where the repeat has the characters on both sides of it together; the space between two joint
 * issuers (中共某镇委员会 某镇人民政府关于……) is the title's own and stays.
 */
function withoutWrapSpaces(title: string, repeated: string): string {
  if (/\s/.test(repeated.trim())) return title;
  const squeezed = title.replace(/\s+/g, '');
  const issuers = RUN_TOGETHER_ISSUERS.exec(squeezed);
  return title.replace(SPACE_BETWEEN_HAN, (space, at: number) => {
    const before = title.slice(0, at).replace(/\s+/g, '');
    if (issuers && before.length === issuers[1]!.length) return space;
    const around = before.slice(-2) + title.slice(at + space.length).replace(/\s+/g, '').slice(0, 2);
    return repeated.includes(around) ? '' : space;
  });
}

/** Below the title: the title repeated (web pages print it twice), then an addressee line "县委、县政府：". */
function readAfterTitle(lines: Line[], top: TopOfReport, titleTexts: Set<string>, note: Note): void {
  const last = top.titleLines[top.titleLines.length - 1]!;
  let next = lines.slice(last.n).find((l) => l.text !== '');
  const title = top.title!.replace(/\s+/g, '');
  // A page that masks digits repeats the title with them masked: 古城街道****年法治政府建设年度报告.
  const masked = title.replace(/\d/g, '*');
  // The title repeated over lines (东疆综合保税区2025年度法治政府建设 / 情况报告): a line that goes on with the start of
  // the title the lines before began is part of it, however short.
  let begun = '';
  const continuesTitle = (text: string) => begun !== '' && title.startsWith(begun + text.replace(/\s+/g, ''));
  const repeats = (text: string) => titleTexts.has(text) || (text.replace(/\s+/g, '').length >= 6 && title.includes(text.replace(/\s+/g, ''))) || (masked !== title && text.replace(/\s+/g, '').replace(/＊/g, '*') === masked) || continuesTitle(text);
  // The title again below it in other words (……2025年度…… / ……2025年……; ……法治政府年度报告 / 2021年度法治政府建设报告):
  // a line ending as a title does, naming the title's year, no heading and no sentence.
  const year = yearFromTitle(readable(title));
  const reworded = (text: string) => year !== undefined && ends(text) && isTitleLike(text) && !typedNumber(text) && yearFromTitle(readable(text)) === year;
  const after = (line: Line) => lines.slice(line.n).find((l) => l.text !== '');
  // The title repeated in two lines, its body's name above “关于……” (杨陵区人民政府 / 关于2025年……的报告),
  // where the page's headline was the 关于 line alone: the title is the two together.
  const issuerAbove = (line: Line) => /^关于/.test(title) && isOrgLike(readable(line.text)) && !typedNumber(line.text) && after(line) !== undefined && repeats(after(line)!.text);
  // The page's 发布机构 printed alone between its headline and the title above the text (济南市莱芜区人民政府).
  const publisherAbove = (line: Line) => !/^关于/.test(title) && isOrgLike(readable(line.text)) && !typedNumber(line.text) && after(line) !== undefined && repeats(after(line)!.text);
  while (next && (repeats(next.text) || reworded(next.text) || DOCUMENT_NUMBER.test(next.text) || SIGNER.test(next.text) || issuerAbove(next) || publisherAbove(next))) {
    if (publisherAbove(next)) note(next.n, `发布机构“${next.text}”`, '网页在两次出现的标题之间单独一行写了发布机构，不是报告的文字（机关取自标题）');
    else if (issuerAbove(next)) {
      note(next.n, `标题的机关名称行“${next.text}”`, '网页在“关于……”一行的标题上面另起一行写了发文机关，两行合为完整的标题写在“@标题”里');
      top.title = `${next.text}${top.title}`;
    } else if (DOCUMENT_NUMBER.test(next.text)) note(next.n, `发文字号“${next.text}”`, '报告语言没有发文字号，这一行不写入正文（需要时由版头模板打印）');
    else if (SIGNER.test(next.text)) note(next.n, `签发人“${next.text}”`, '上行文版头的签发人：报告语言没有这一项，这一行不写入正文（需要时由版头模板打印）');
    else if (!repeats(next.text)) note(next.n, `换了说法重复的标题行“${next.text}”`, '网页上标题又出现了一次，写法略有不同：只保留第一次的写法（写在“@标题”里），请核对');
    else {
      note(next.n, `重复的标题行“${next.text}”`, '网页上标题出现了两次，只保留一次（写在“@标题”里）');
      const unwrapped = withoutWrapSpaces(top.title!, next.text);
      if (unwrapped !== top.title) {
        note(top.titleLines[0]!.n, `标题里的空格（“${top.title}”）`, '网页标题在这里折了行，下面重复的标题没有空格：写入“@标题”时去掉了空格');
        top.title = unwrapped;
      }
    }
    const squeezed = next.text.replace(/\s+/g, '');
    begun = title.startsWith(begun + squeezed) ? begun + squeezed : title.startsWith(squeezed) ? squeezed : '';
    next.text = '';
    next = lines.slice(next.n).find((l) => l.text !== '');
  }
  readAddressee(next, top, note, ADDRESSEE_AFTER_TITLE);
  if (!top.to && next) readAddresseeRunIn(next, top, note);
  if (!top.to && next) readAddresseeWithoutColon(next, lines, top, note);
}

/**
 * Under the title, the addressee and its colon with the first sentence run on after a space (“市人大常委会: 2024年,
 * 我市……”: a page that lost the break after it): @主送, and the sentence is the text's first paragraph.
 */
const ADDRESSEE_RUN_IN = /^([^。；，,：:\s]{1,28}(?:委|政府|局|委员会|常委会|办公室|办|院|厅|部)[：:])[ \u3000]+(?=\S)/;

function readAddresseeRunIn(line: Line, top: TopOfReport, note: Note): void {
  const m = ADDRESSEE_RUN_IN.exec(line.text);
  if (!m || typedNumber(line.text) || !isSentence(line.text.slice(m[0].length))) return;
  const addressee = m[1]!;
  top.to = addressee.slice(0, -1);
  note(line.n, `主送机关“${addressee}”`, '与正文第一句连在一行（网页丢了换行）：写为“@主送”，冒号由渲染器加上，正文从冒号后起');
  const offset = line.raw.indexOf(line.text);
  if (addressee.endsWith(':')) top.findings.push({ line: line.n, column: offset + addressee.length, code: 'BG601', message: '中文里用了半角标点“:”：应改为全角“：”。' });
  line.text = line.text.slice(m[0].length);
}

/** Two or more bodies named one after another, with nothing after them: “中共惠安县委、惠安县人民政府”. */
const BODIES_WITHOUT_COLON = /^(?:中共)?[\u4e00-\u9fff]{1,20}?(?:委|政府|委员会|常委会)(?:[、，,](?:中共)?[\u4e00-\u9fff]{1,20}?(?:委|政府|委员会|常委会|局|办公室|办)){1,5}$/;

/**
 * Right under the title, the addressee with its colon left out (“中共惠安县委、惠安县人民政府”, the first
 * sentence on the next line): @主送, and the source is told (BG238). Not the body's own name (a line of
 * the issuers under a joint report's title names its own bodies) nor a single body (an issuer line).
 */
function readAddresseeWithoutColon(line: Line, lines: Line[], top: TopOfReport, note: Note): void {
  const text = readable(line.text);
  if (!BODIES_WITHOUT_COLON.test(text) || typedNumber(line.text)) return;
  const following = lines.slice(line.n).find((l) => l.text !== '');
  if (!following || !isSentence(following.text)) return;
  const own = orgFromTitle(top.title ?? '');
  if (own && text.includes(own.replace(/^中共/, ''))) return;
  top.to = line.text;
  note(line.n, `主送机关“${line.text}”`, '写为“@主送”，冒号由渲染器加上');
  commasBetweenAddressees(line, top);
  top.findings.push({ line: line.n, column: line.raw.indexOf(line.text) + line.text.length + 1, code: 'BG238', message: `主送机关“${line.text}”后面缺冒号：主送机关后用全角冒号“：”。导入时写为“@主送”，请核对原文。` });
  line.text = '';
}

/**
 * With no title, a line of only a body's name right above the first sentence (“杭州市人力资源和社会保障局”, a
 * page whose headline is the body): it names the report's 机关, and is no paragraph of it.
 */
function readBodyLine(head: Line[], top: TopOfReport, note: Note): void {
  const [first, second] = head;
  if (!first || !second || !isOrgLike(readable(first.text)) || typedNumber(first.text) || !isSentence(second.text)) return;
  top.org = first.text;
  note(first.n, `机关名称行“${first.text}”`, '原文没有标题，正文前单独一行的机关名称写为“@机关”');
  first.text = '';
}

/**
 * Below the title, a short line ending in a colon that names bodies: “区政府：”, “县委、县人民政府：”,
 * “县委全面依法治县委员会办公室：”, “各乡镇人民政府、县直各单位：”, a league's “盟委、行署：” (行署, its 行政公署). A page's control (“保护视力色：”) names none.
 */
const ADDRESSEE_AFTER_TITLE = /^[^。；，,]{1,28}(?:委|署|政府|局|委员会|办公室|办|院|厅|部|部门|处|所|组|会|中心|镇|乡|街道|单位)[：:]$/;

/** With no title above it, only bodies named one after another: "市委、市政府：", "中共某县委、某县人民政府：". */
const ADDRESSEE_WITHOUT_TITLE = /^(?:[\u4e00-\u9fff]{1,20}?(?:委|署|政府|局|委员会|办公室|办|院|厅|部)[、，,]?){1,6}[：:]$/;

/**
 * Bodies of an addressee line parted by a comma (“中共将乐县委员会,将乐县人民政府：”): the source is told (BG239);
 * @主送 keeps them as written.
 */
function commasBetweenAddressees(line: Line, top: TopOfReport): void {
  const offset = line.raw.indexOf(line.text);
  for (const m of line.text.matchAll(/[，,](?=[\u4e00-\u9fff])/g)) {
    top.findings.push({ line: line.n, column: offset + m.index! + 1, code: 'BG239', message: `主送机关之间用了逗号“${m[0]}”：并列的主送机关之间用顿号“、”。导入时照原样写为“@主送”，请改正。` });
  }
}

/** An addressee line "县委、县政府：" becomes @主送. */
function readAddressee(line: Line | undefined, top: TopOfReport, note: Note, shape: RegExp): void {
  if (!line || !shape.test(line.text) || typedNumber(line.text)) return;
  top.to = line.text.slice(0, -1);
  note(line.n, `主送机关“${line.text}”`, '写为“@主送”，冒号由渲染器加上');
  commasBetweenAddressees(line, top);
  // The renderer writes its own colon; the source's half-width one is still the writer's slip (BG601, as in prose).
  if (line.text.endsWith(':')) top.findings.push({ line: line.n, column: line.raw.lastIndexOf(':') + 1, code: 'BG601', message: '中文里用了半角标点“:”：应改为全角“：”。' });
  line.text = '';
}

export interface HeaderHints {
  org?: string;
  year?: number;
}

/** Header values: --org/--year, then the title, the signature, the opening sentence and the first heading. */
export function readHeaderValues(top: TopOfReport, end: EndOfReport, body: Line[], hints: HeaderHints, note: Note, publisher?: { text: string; line: number }): ImportedHeader {
  // The opening sentence: a stray short line above it (a site's headline) says nothing of the report.
  const firstProse = body.find((l) => !typedNumber(l.text) && isSentence(l.text)) ?? body.find((l) => !typedNumber(l.text));
  const firstHeading = body.find((l) => typedNumber(l.text));
  const year = hints.year ?? yearOf(top, end, firstProse, firstHeading, note);
  const org = hints.org ?? runByCommittee(orgOf(top, end, firstProse, body[0]?.n ?? 1, note, publisher && publisherAsOrg(publisher, body)), body, note);
  // A space a page left between characters (“2025年度法治政府 建设情况报告”) does not hide the words.
  // (Each run of spaces is read once: a lookahead after it would retry a long run from each of its spaces.)
  // “……法治政府年度报告” (a title leaving out 建设) says it too.
  const saysFazhi = (s: string | undefined) => !!s && /法治政府(?:部门)?(?:建设|年度报告)/.test(readable(s).replace(/[ \u3000]+/g, (run, at: number, text: string) => (/[\u4e00-\u9fff]/.test(text[at + run.length] ?? '') ? '' : run)));
  // Without a title, the opening sentence or the first heading ("一、2024年推进法治政府建设的主要举措和成效") says it.
  // A 述法报告 (a head's report on their own duty, its parts in its own order) is a report of work, whatever it is about.
  const shufa = !!top.title && /述法报告$/.test(readable(top.title));
  const fazhi = (saysFazhi(top.title) && !shufa) || (!top.title && (saysFazhi(firstProse?.text) || saysFazhi(firstHeading?.text) || namesFirstPart(firstHeading?.text)));
  const kind = fazhi ? ('法治政府建设年度报告' as const) : top.title ? otherKind(readable(top.title)) : undefined;
  if (fazhi && !top.title) note(body[0]?.n ?? 1, '类型“法治政府建设年度报告”', '原文没有标题，类型由正文开头或第一个标题中的“法治政府建设”（或“推进法治建设的主要举措和成效”）推断');
  return { title: top.title, kind, org, year, date: end.date ? isoDate(end.date) : undefined, to: top.to };
}

/**
 * The first part the 督察工作规定 asks of a 法治政府建设年度报告, as a report without a title opens on it: “一、2024年度推进法治建设的
 * 主要举措和成效” (a 乡 of 和田县 2024, its 法治政府建设 named only inside its sections).
 */
const FIRST_PART = /推进法治(?:政府)?建设(?:工作)?的?主要(?:举措|措施|做法)(?:和|及|与)(?:成效|成果)/;
const namesFirstPart = (heading: string | undefined) => !!heading && FIRST_PART.test(readable(heading));

/** A 新区's 管委会 named by the short name the text gives it: “新区管委会”, “新区党工委、管委会”. */
const SHORT_NAMED_COMMITTEE = /新区(?:党工委[、和])?管(?:理)?委(?:员)?会/;

/**
 * A 新区 is a district with a 人民政府 (浦东新区) or a zone with a 管理委员会 (郑东新区): the text that names its own
 * 管委会 (“郑东新区管委会2025年度领导干部学法计划”) tells which.
 */
function runByCommittee(org: string | undefined, body: Line[], note: Note): string | undefined {
  const zone = org && /^([\u4e00-\u9fff]{2,8}新区)人民政府$/.exec(org)?.[1];
  if (!zone) return org;
  // Or by the short name the text gives itself (滨海湾新区（以下简称“新区”）…… 新区党工委、管委会主要负责人).
  const named = body.find((l) => l.text.includes(`${zone}管委会`) || l.text.includes(`${zone}管理委员会`) || SHORT_NAMED_COMMITTEE.test(l.text));
  if (!named) return org;
  const said = named.text.includes(zone) ? `${zone}管委会` : '新区管委会';
  note(named.n, `机关“${zone}管理委员会”`, `正文提到“${said}”：新区由管理委员会管理，不是人民政府，请核对`);
  return `${zone}管理委员会`;
}

/** A title that does not say 法治政府建设: a summary (……工作总结, ……工作总结报告) or a report of work (……工作报告, ……年度报告, ……自查报告). */
function otherKind(joined: string): ImportedHeader['kind'] {
  const title = joined.replace(PLAN_JOINED_ON, '');
  if (/总结(?:报告)?$/.test(title)) return '工作总结';
  return /(?:工作|年度|情况)的?报告$|(?:述法|自查)报告$/.test(title) ? '工作报告' : undefined;
}

function yearOf(top: TopOfReport, end: EndOfReport, firstProse: Line | undefined, firstHeading: Line | undefined, note: Note): number | undefined {
  const fromTitle = top.title ? yearFromTitle(top.title) : undefined;
  if (fromTitle !== undefined) return fromTitle;
  const fromProse = firstProse ? yearFromProse(firstProse.text) : undefined;
  if (fromProse !== undefined) {
    note(firstProse!.n, `年度 ${fromProse}`, `${top.title ? '标题中没有年份' : '原文没有标题'}，年度取自正文开头的年份，请核对（或用 --year 指定）`);
    return fromProse;
  }
  const fromHeading = firstHeading ? /(\d{4})\s*年度?/.exec(typedNumber(firstHeading.text)!.rest)?.[1] : undefined;
  if (fromHeading) {
    note(firstHeading!.n, `年度 ${fromHeading}`, '标题和正文开头都没有年份，年度取自第一个标题，请核对（或用 --year 指定）');
    return Number(fromHeading);
  }
  if (end.date) {
    const year = end.date.month <= 6 ? end.date.year - 1 : end.date.year;
    note(1, `年度 ${year}`, '原文没有写明年度，按成文日期推断，请核对（或用 --year 指定）');
    return year;
  }
  return undefined;
}

/** A name read from a line, in the line's own script (see readable). */
const written = (found: string | undefined, line: string) => (found === undefined ? undefined : asWritten(found, line));

/**
 * The page's 发布机构 as the report's body, when nothing else names one: a county-level department (肃南县林草局)
 * the text calls itself after (我局). A site's own name (……门户网站), a township the page misnames (发布机构:王河乡
 * over 王河镇's report) or a 县司法局 publishing another's report are not taken first: the title or the text names
 * the body then.
 */
function publisherAsOrg(publisher: { text: string; line: number }, body: Line[]): { org: string; line: number } | undefined {
  const org = publisher.text;
  if (!isOrgLike(org) || !/^[\u4e00-\u9fff]{2,8}?[县区市旗][\u4e00-\u9fff]{1,12}[局委]$/.test(org)) return undefined;
  const self = `我${org.at(-1)}`;
  return body.some((l) => l.text.includes(self)) ? { org, line: publisher.line } : undefined;
}

function orgOf(top: TopOfReport, end: EndOfReport, firstProse: Line | undefined, at: number, note: Note, published?: { org: string; line: number }): string | undefined {
  if (end.org) return end.org;
  if (top.org) return top.org;
  const named = top.title ? written(orgFromTitle(readable(top.title)), top.title) : undefined;
  if (named) {
    const zone = firstProse ? placedZone(readable(named), readable(firstProse.text)) : undefined;
    if (zone) {
      note(top.titleLines[0]!.n, `机关“${zone}”`, `标题中的“${named}”没有写地名，地名取自正文开头，请核对`);
      return written(zone, firstProse!.text);
    }
    const org = withoutRegionPrefix(named);
    const joint = jointIssuers(readable(top.title!));
    if (joint) note(top.titleLines[0]!.n, `机关“${org}”`, `标题中有 ${joint.length} 个发文机关（联合行文：${joint.join('、')}），“@机关”取最后一个（政府一方），请核对`);
    else if (org !== named) note(top.titleLines[0]!.n, `机关“${org}”`, `取自标题中的“${named}”，去掉了前面的上级行政区划（落款和地名检查用本级名称）；标题照原样保留`);
    return org;
  }
  const guessed = firstProse ? written(orgFromProse(readable(firstProse.text)), firstProse.text) : undefined;
  if (guessed) {
    note(firstProse!.n, `机关“${guessed}”`, `原文${top.title ? '标题中没有机关名称' : '没有标题'}，也没有落款，机关名称由正文开头推断，请核对（或用 --org 指定）`);
    return guessed;
  }
  if (published) {
    note(published.line, `机关“${published.org}”`, `标题、落款和正文开头都没有机关名称，取自网页信息栏的“发布机构”（正文自称“我${published.org.at(-1)}”），请核对（或用 --org 指定）`);
    return published.org;
  }
  note(at, '机关名称空缺', '标题、落款和正文开头都没有写明机关名称，“@机关”留空，请补上（或用 --org 指定）');
  return undefined;
}
