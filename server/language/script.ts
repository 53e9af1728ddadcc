// Traditional and simplified script: the table of frequent characters of report prose that exist only in
// traditional script (BG234, BG235 read it), and prose turned into simplified script one character for one.

/**
 * Frequent characters of report prose that exist only in traditional script (their simplified forms
 * differ, and none is used in simplified text): three in one block and the report is traditional. A table
 * by character code: a block's text is scanned once, at next to no cost for the simplified text of nearly
 * every report. Each is written here followed by its simplified form.
 */
export const TRADITIONAL_AND_SIMPLIFIED = '國国縣县鄉乡鎮镇區区報报設设機机關关與与處处黨党會会這这們们個个來来時时說说對对開开發发實实際际過过還还點点經经濟济為为無无門门問问題题務务員员織织組组領领導导執执規规範范證证訟讼議议審审權权責责學学習习歷历總总書书記记監监訴诉營营衛卫傳传統统維维護护協协應应檢检項项萬万億亿創创條条決决劃划動动幹干認认識识計计據据辦办產产業业專专講讲義义類类種种歲岁數数爭争廣广廳厅樓楼農农鄰邻勞劳勵励聯联絡络續续網网線线級级紀纪綜综編编糾纠紛纷調调節节評评價价選选擇择隊队讓让覽览觀观覺觉視视親亲邊边進进遠远運运達达違违適适遷迁錄录長长閉闭閱阅陳陈陸陆隨随險险雙双雜杂難难電电響响頁页頭头顯显風风飛飞館馆體体將将簡简綱纲況况訓训狀状態态優优環环舉举層层參参構构極极積积擴扩緊紧壓压戰战災灾細细' +
  // Characters of laws' and rules' titles (《中華人民共和國民法典》, 《……條例(試行)》: 丹东街道 2021, round 31).
  '華华試试憲宪臨临暫暂罰罚則则準准藥药稅税資资賠赔償偿醫医療疗婦妇兒儿歸归圖图禮礼';

/** The simplified form of each traditional character of the table, by character code. */
const SIMPLIFIED_FORM = new Map<number, string>();
for (let i = 0; i < TRADITIONAL_AND_SIMPLIFIED.length; i += 2) SIMPLIFIED_FORM.set(TRADITIONAL_AND_SIMPLIFIED.charCodeAt(i), TRADITIONAL_AND_SIMPLIFIED[i + 1]!);

/**
 * `text` with the traditional characters of the table in their simplified forms, one character for one (so
 * offsets stay): the analysis that names figures reads prose by its simplified words (開展培訓 → 开展培训).
 */
export function inSimplifiedScript(text: string): string {
  let i = 0;
  while (i < text.length && !SIMPLIFIED_FORM.has(text.charCodeAt(i))) i++;
  if (i === text.length) return text; // nearly every report: nothing built
  let out = text.slice(0, i);
  for (; i < text.length; i++) out += SIMPLIFIED_FORM.get(text.charCodeAt(i)) ?? text[i];
  return out;
}
