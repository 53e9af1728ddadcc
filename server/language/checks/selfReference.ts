// Report check BG732: a body's report naming itself with a bare 我 — “同时,我积极融入全区法治政府建设整体格局”
// (五华区退役军人事务局 2025), “我组织开展“法律七进”” (古丈县司法局 2024), “我建立了领导干部学法制度” (程庄镇 2023):
// a body writes of itself as 我局, 我镇, 我区 …; a 我 alone at the start of a clause has lost that character.
// Only in a body's annual report (a 述法 report is a person's, whose 我 is right).
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import type { ReportModel } from '../model.js';
import { checkedKind, NO_DIAGNOSTICS, type CheckSettings, type ReportCheck } from './contract.js';
import { cachedPerBlock, ruledOutInBatch } from './blockCache.js';
import { lineDiagnostic, proseBlocks } from './prose.js';

export const selfReferenceCodes: CodeInfo[] = [
  {
    code: 'BG732', severity: 'warning', title: '机关自称少了字',
    description: '机关的报告自称“我局”“我镇”“我区”，不单用“我”：句首的“我”后面接着动词或副词（“同时，我积极融入全区法治政府建设整体格局”“我组织开展‘法律七进’活动”）多半漏了“局”“镇”等字。只查法治政府建设年度报告里逗号、句号等之后的“我”；“我国”“我省”“我们”“我单位”“我中心”等自称、“我为群众办实事”之类的口号和代表机关作报告的人（“我受区人民政府委托，报告……”“我代表……”）不报，个人的述法报告不查。',
    example: '@类型 法治政府建设年度报告\n@机关 五华区退役军人事务局\n\n同时，我积极融入全区法治政府建设整体格局', fix: '在“我”后补上机关的简称（“我局”；不是安全修复）',
  },
];
registerCodes(selfReferenceCodes);

/** 我 at the start of a clause (the start of the line, or after a stop or comma) and the two characters after it. */
export const BARE_WO = /(?:^|(?<=[，。；：！？,;:!?]))我(\p{Script=Han})(\p{Script=Han})?/gu;
/** The marks a clause starts after, by character code. */
const CLAUSE_START = new Set([...'，。；：！？,;:!?'].map((c) => c.charCodeAt(0)));
/** A Han character at a position (one code point, two code units beyond the BMP). */
const HAN_AT = /\p{Script=Han}/uy;

/**
 * BARE_WO's matches of a line — the 我 at a clause's start, the character after it and the one after that if
 * Han — found from each 我 (most lines have a 我镇, 我局 …: the pattern's look-behind at every character
 * cost 0.3 ms at 300 KB). A property test holds it to the pattern.
 */
export function bareWoIn(text: string): Array<{ at: number; next: string; after: string }> {
  const out: Array<{ at: number; next: string; after: string }> = [];
  for (let at = text.indexOf('我'); at >= 0; at = text.indexOf('我', at + 1)) {
    if (at > 0 && !CLAUSE_START.has(text.charCodeAt(at - 1))) continue;
    HAN_AT.lastIndex = at + 1;
    const next = HAN_AT.exec(text)?.[0];
    if (!next) continue;
    HAN_AT.lastIndex = at + 1 + next.length;
    const after = HAN_AT.exec(text)?.[0] ?? '';
    // The pattern goes on after what it took; a 我 inside that follows a Han character, and starts no match here either.
    out.push({ at, next, after });
  }
  return out;
}
/** What follows 我 when a body names itself or another (我国 我省 我局 我们 我单位 …), or a slogan's 我 (我为群众办实事). */
const SELF_NAMES = new Set([...'国省市区县镇乡局委办厅街院校所站部司州旗盟团队处科股社村们方党行军会园馆台庭为是要國縣區鎮鄉廳辦會們黨']);
const SELF_NAMES_TWO = new Set(['单位', '中心', '中队', '公司', '集团', '支队', '大队', '分局', '开发', '管委', '机关', '系统', '辖区']);
const mayHaveBareWo = (text: string) => text.includes('我');

/**
 * A person speaking for the body (a report made to the 人大常委会 by the head of a department): “我受区人民政府委托，
 * 报告法治政府建设情况” (武昌区 2023), “我代表区人民政府……”. That 我 is the speaker, not the body short of a character.
 */
function speaksForTheBody(text: string, at: number, next: string, after: string): boolean {
  if (next === '代' && after === '表') return true;
  if (next !== '受') return false;
  const entrusted = text.indexOf('委托', at + 2);
  return entrusted > 0 && entrusted - at <= 24;
}

/** The character a body calls itself by after 我: 局 of 某县司法局, 镇 of 某镇人民政府, 街道 of 某街道办事处. */
function selfName(org: string | undefined): string | undefined {
  if (!org) return undefined;
  if (/街道(?:办事处)?$/.test(org)) return '街道';
  const government = /([省市区县镇乡旗州])人民政府$/.exec(org);
  if (government) return government[1];
  const last = org.at(-1);
  return last && SELF_NAMES.has(last) ? last : undefined;
}

/** BG732 */
function bareWo(model: ReportModel, settings: CheckSettings): Diagnostic[] {
  if (model.isSnippet || checkedKind(model, settings) !== '法治政府建设年度报告') return [];
  if (ruledOutInBatch(model, mayHaveBareWo)) return [];
  const name = selfName(model.header.org);
  return cachedPerBlock(`bare-wo:${name ?? ''}`, proseBlocks(model), (block) => {
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      if (!mayHaveBareWo(line.text)) continue;
      for (const { at, next, after } of bareWoIn(line.text)) {
        if (SELF_NAMES.has(next) || SELF_NAMES_TWO.has(`${next}${after}`)) continue;
        if (speaksForTheBody(line.text, at, next, after)) continue;
        const written = `我${next}${after}`;
        (out ??= []).push(lineDiagnostic(model, line, 'BG732', at, at + written.length,
          `“${written}”：机关行文自称${name ? `“我${name}”` : '“我局”“我镇”等'}，不单用“我”，这里多半漏了一个字。`,
          name ? [{ title: `改为“我${name}”`, safe: false, edits: [{ from: at + 1, to: at + 1, newText: name }] }] : undefined));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

export const selfReferenceChecks: ReportCheck[] = [{ id: 'bare-wo', codes: ['BG732'], run: bareWo }];
