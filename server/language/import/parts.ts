// The five required parts of a 法治政府建设年度报告, recognised from the wording of a level-1 heading
// (the phrasings seen in real reports: 依法全面履行政府职能情况 / 工作推进情况 / 主要做法和成效 /
// 工作举措和成效; 存在问题 / 存在的问题 / 存在的不足及原因; 下一年度工作重点 / 下一步工作打算 /
// 下一步工作措施 …). Conservative on purpose: an unrecognised heading gets no label, and the checker
// still recognises parts by their words.

export const PART_LABELS = ['举措', '不足', '第一责任人', '安排', '其他'] as const;
export type PartLabel = (typeof PART_LABELS)[number];

// Tried in this order: "推进法治政府建设存在的不足" is 不足, not 举措; "主要负责人履行……职责" is
// 第一责任人, not 举措 (履行).
const PART_WORDS: Array<[PartLabel, RegExp]> = [
  ['其他', /其[他它]需要报告|^其[他它](情况|事项)/],
  ['第一责任人', /第一责任人|主要负责人履行/],
  ['不足', /不足|存在的?(主要)?问题|问题(和|及|与)原因|短板/],
  // "2024年主要工作措施和成效": the year's measures and what they achieved, not the coming year's (工作措施).
  ['举措', /^(?!.*(?:下一|明年|今后)).*成效/],
  ['安排', /下一(年度|年|步|阶段)|明年|今后|主要安排|工作(计划|打算|思路|重点|措施)|打算/],
  ['举措', /举措|做法|成效|推进情况|工作情况|主要工作|履行政府职能/],
];

export function partOfHeading(text: string): PartLabel | undefined {
  for (const [part, words] of PART_WORDS) if (words.test(text)) return part;
  return undefined;
}
