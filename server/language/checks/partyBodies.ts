// Report checks BG755 and BG756: the party's bodies and ways named where the government's belong, or in a body that
// has none. 依法执政 is how the party governs, 依法行政 how a government acts: “提升政府依法执政、依法行政能力”
// (桐木漯瑶族乡 2023) gives the government the party's (BG755; “党委政府依法执政、依法行政” pairs each with its own and is
// left). A 党组 is the party group of a department, a people's congress or a political consultative conference; a 乡 or
// 镇 has its 党委 and a 街道 its 党工委: “把习近平法治思想纳入党组理论中心组学习” in a 乡's report is a department's
// text kept (BG756; 党组织, “党委（党组）” and another body's 党组, 县卫健局党组, are left).
// BG773: a city's, county's or district's party committee named 党委 — “周口市党委、政府主要负责人” (周口市 2021): the
// committee of a 市, 县 or 区 is its 市委, 县委, 区委 (中共周口市委员会); 党委 is a 乡's, 镇's or 自治区's.
import type { Diagnostic } from '../../../grammar/diagnostic.js';
import { registerCodes, type CodeInfo } from '../codes.js';
import type { ReportModel } from '../model.js';
import { NO_DIAGNOSTICS, type ReportCheck } from './contract.js';
import { cachedPerBlock, ruledOutInBatch } from './blockCache.js';
import { lineDiagnostic, proseBlocks } from './prose.js';
import { shortName } from './dates.js';
import { blockHas } from './proseHas.js';

export const partyBodiesCodes: CodeInfo[] = [
  {
    code: 'BG755', severity: 'warning', title: '政府“依法执政”',
    description: '“依法执政”是党的执政方式，政府是“依法行政”：“提升政府依法执政、依法行政能力”把党的说成了政府的。“政府（的）依法执政”报告；“党委政府依法执政、依法行政”“党委、政府依法执政”（党委在前，各说各的）不报。',
    example: '提升政府依法执政、依法行政能力。', fix: '改为“依法行政”，或写成“党委依法执政、政府依法行政”',
  },
  {
    code: 'BG756', severity: 'warning', title: '乡镇、街道写了“党组”',
    description: '党组设在政府部门、人大常委会、政协等机关；乡、镇设党委，街道设党工委，都不设党组。乡镇、街道自己的报告写“党组理论学习中心组”“党组会议”，多半是照搬了部门报告的写法。只查@机关是乡、镇、街道的报告；“党组织”“党委（党组）”这样的合称、前面写了别的机关的“县卫健局党组”“各部门党组”不报。',
    example: '@机关 某某乡人民政府\n\n把习近平法治思想纳入党组理论中心组学习。', fix: '改为“党委”（街道为“党工委”；不是安全修复）',
  },
  {
    code: 'BG773', severity: 'warning', title: '市、县、区的党委写成了“某市党委”',
    description: '市、县（市辖区）的党的委员会称“市委”“县委”“区委”（中共周口市委员会，简称中共周口市委、周口市委）：“周口市党委、政府主要负责人”应为“周口市委、市政府主要负责人”。“党委”是乡、镇和自治区的（镇党委、自治区党委）。只查本报告机关（@机关）名称里的市、县、区紧接着“党委”的写法；“自治区党委”“高新区党委”（园区）、“县党委（党组）”（各单位的党委、党组）、别处的“市党委”不报。',
    example: '@机关 周口市人民政府\n\n周口市党委、政府主要负责人积极履职。', fix: '改为“市委”“县委”“区委”（不是安全修复）',
  },
];
registerCodes(partyBodiesCodes);

/** The government named right before 依法执政: 政府, 人民政府, 政府的. */
const GOVERNMENT_BEFORE = /(?:人民)?政府的?$/;
/** The party committee named before the government (党委政府, 党委、政府): each has its own way, the sentence pairs them. */
const PARTY_BEFORE = /党[委组]、?$|党$/;

/** BG755: 政府依法执政. */
function governmentRulingByLaw(model: ReportModel): Diagnostic[] {
  if (ruledOutInBatch(model, (text) => text.includes('依法执政'))) return [];
  return cachedPerBlock('government-ruling-by-law', proseBlocks(model), (block) => {
    if (!blockHas(block, '依法执政')) return NO_DIAGNOSTICS;
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      const text = line.text;
      for (let at = text.indexOf('依法执政'); at >= 0; at = text.indexOf('依法执政', at + 4)) {
        const before = text.slice(Math.max(0, at - 5), at);
        const government = GOVERNMENT_BEFORE.exec(before);
        if (!government) continue;
        const start = at - government[0].length;
        if (PARTY_BEFORE.test(text.slice(Math.max(0, start - 3), start))) continue;
        (out ??= []).push(lineDiagnostic(model, line, 'BG755', start, at + 4, `“${text.slice(start, at + 4)}”：“依法执政”是党的执政方式，政府是“依法行政”：应为“依法行政”，或写成“党委依法执政、政府依法行政”。`));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

/**
 * The last character of a body named right before 党组 (县卫健局党组, 县政府党组, 人大常委会党组, 政协党组, 各部门党组,
 * 单位党组): that body's group, not the township's.
 */
const BODY_END = new Set([...'局委办院部府厅室所站队署处科协会行司馆社校门位']);

/** BG756: 党组 in a township's own report. */
function townshipPartyGroup(model: ReportModel): Diagnostic[] {
  const org = model.header.org;
  if (!org || model.isSnippet) return [];
  const own = shortName(org);
  if (!/(?:乡|镇|街道)$/.test(own)) return [];
  const committee = own.endsWith('街道') ? '党工委' : '党委';
  if (ruledOutInBatch(model, (text) => text.includes('党组'))) return [];
  return cachedPerBlock(`township-party-group:${committee}:${org}`, proseBlocks(model), (block) => {
    if (!blockHas(block, '党组')) return NO_DIAGNOSTICS;
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      const text = line.text;
      for (let at = text.indexOf('党组'); at >= 0; at = text.indexOf('党组', at + 2)) {
        if (text[at + 2] === '织') continue;
        // 党委（党组）, 党委(党组), 党委、党组, 党委/党组: the pair every body's text names, not this one's group.
        if (text.slice(Math.max(0, at - 3), at).includes('党委')) continue;
        if (at > 0 && BODY_END.has(text[at - 1]!)) continue;
        (out ??= []).push(lineDiagnostic(model, line, 'BG756', at, at + 2, `乡镇设党委、街道设党工委，不设党组：本机关（${org}）的“党组”多半是照搬了部门报告的写法，应为“${committee}”。`, [
          { title: `改为“${committee}”`, safe: false, edits: [{ from: at, to: at + 2, newText: committee }] },
        ]));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

/**
 * Areas named 区 that are no 市辖区, whose committee may be a 党委 (or 党工委): an autonomous region, a community, a
 * development zone.
 */
const NOT_A_DIVISION = /(?:自治区|社区|小区|园区|景区|片区|辖区|新区|开发区|示范区|管理区|试验区|实验区|保税区|合作区|功能区)$/;

/** The 市, 县 and 区 named in a body's name: 周口市, 遂宁市 and 安居区 of 遂宁市安居区人民政府 (an 自治区 is not one: its 党委 is right). */
function placesOf(org: string): string[] {
  const out: string[] = [];
  // Each run of Chinese characters up to a 市, 县 or 区 (read character by character: the name is cut at each).
  let from = 0;
  for (let i = 0; i < org.length; i++) {
    const c = org.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) from = i + 1;
    else if ('市县区'.includes(org[i]!)) {
      const place = org.slice(from, i + 1).replace(/^(?:中共|中国共产党)/, '');
      from = i + 1;
      if (place.length >= 2 && !NOT_A_DIVISION.test(place) && !/^[全本我该各]/.test(place)) out.push(place);
    }
  }
  return out;
}

/** BG773: the report's own 市, 县 or 区 followed by 党委 (周口市党委): its committee is the 市委, 县委, 区委. */
function placePartyCommittee(model: ReportModel): Diagnostic[] {
  const org = model.header.org;
  if (!org || model.isSnippet) return [];
  const places = placesOf(org);
  if (places.length === 0 || ruledOutInBatch(model, (text) => text.includes('党委'))) return [];
  return cachedPerBlock(`place-party-committee:${places.join('、')}`, proseBlocks(model), (block) => {
    if (!blockHas(block, '党委')) return NO_DIAGNOSTICS;
    let out: Diagnostic[] | undefined;
    for (const line of block.lines) {
      const text = line.text;
      for (let at = text.indexOf('党委'); at >= 0; at = text.indexOf('党委', at + 2)) {
        const place = places.find((p) => text.startsWith(p, at - p.length));
        if (!place) continue;
        // 县党委（党组）: the committees and groups of the county's bodies, not the county's own committee.
        if (/^[（(、/]?党组/.test(text.slice(at + 2, at + 6))) continue;
        const start = at - place.length;
        const right = `${place}委`;
        (out ??= []).push(lineDiagnostic(model, line, 'BG773', start, at + 2, `“${place}党委”：${place.slice(-1)}的党的委员会称“${place.slice(-1)}委”，应为“${right}”（中共${right}）；“党委”是乡、镇和自治区的。`, [
          { title: `改为“${right}”`, safe: false, edits: [{ from: at, to: at + 2, newText: '委' }] },
        ]));
      }
    }
    return out ?? NO_DIAGNOSTICS;
  });
}

export const partyBodiesChecks: ReportCheck[] = [
  { id: 'government-ruling-by-law', codes: ['BG755'], run: governmentRulingByLaw },
  { id: 'township-party-group', codes: ['BG756'], run: townshipPartyGroup },
  { id: 'place-party-committee', codes: ['BG773'], run: placePartyCommittee },
];
