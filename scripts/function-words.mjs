// Generates server/language/data/function-words.json: Chinese verbs, prepositions, adverbs, conjunctions,
// pronouns, particles, adjectives and time words of two or three characters, from jieba's dictionary (MIT, as shipped in the
// nodejieba package). BG705 uses it to tell "根据镇…" (a preposition before 镇) from "大歇镇" (a name).
//
//   npm pack nodejieba@3.5.8 && tar xzf nodejieba-3.5.8.tgz
//   node scripts/function-words.mjs package/submodules/cppjieba/dict/jieba.dict.utf8
import { readFileSync, writeFileSync } from 'node:fs';

const TAGS = new Set(['v', 'vn', 'vd', 'p', 'd', 'c', 'r', 'u', 'a', 'ad', 'an', 't', 'f']);
/** Verbs of government prose that jieba tags as nouns (利用镇周一例会, 列席镇党委会) or leaves out, and words that gather bodies (辖区街道, 所属乡镇). */
const MORE = ['指导', '督导', '包联', '包片', '包村', '驻点', '帮扶', '对接', '挂钩', '驻村', '全面', '代理', '代表', '委托', '应诉', '抄送', '辖区', '全体', '所属', '利用', '借力', '动员', '部署', '选派', '列席',
  // Verbs of government prose jieba leaves out (round 24: 殷行街道's “深化街道党工委中心组学法机制”).
  '深化', '细化', '实化', '压实', '做实', '抓实', '做细', '筑牢', '织密', '赋能'];
const MIN_FREQUENCY = 30;
const dict = process.argv[2];
if (!dict) throw new Error('usage: node scripts/function-words.mjs path/to/jieba.dict.utf8');
const words = [];
for (const line of readFileSync(dict, 'utf8').split('\n')) {
  const [word, frequency, tag] = line.trim().split(/\s+/);
  if (!word || !TAGS.has(tag) || Number(frequency) < MIN_FREQUENCY) continue;
  const length = [...word].length;
  if (length >= 2 && length <= 3 && /^\p{Script=Han}+$/u.test(word)) words.push(word);
}
words.push(...MORE.filter((w) => !words.includes(w)));
words.sort();
const out = {
  $comment: `Verbs, prepositions, adverbs, conjunctions, pronouns, particles, adjectives, time words and localisers of 2–3 characters (jieba tags ${[...TAGS].join(' ')}, frequency ≥ ${MIN_FREQUENCY}) from jieba's dictionary (cppjieba dict/jieba.dict.utf8 as shipped in nodejieba 3.5.8; MIT License, Copyright (c) 2013 the cppjieba authors), by scripts/function-words.mjs. \`two\` and \`three\`: the words of two and of three UTF-16 units, each list one string of fixed-width entries in code-unit order (looked up by binary search, nothing built at start). A word before 镇/乡/街道 from this list is not a place name.`,
  two: words.filter((w) => w.length === 2).join(''),
  three: words.filter((w) => w.length === 3).join(''),
};
writeFileSync(new URL('../server/language/data/function-words.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
console.log(`${words.length} words`);
