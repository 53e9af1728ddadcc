// Chinese words, from ICU's dictionary segmenter (Intl.Segmenter: no dictionary to ship). One segmenter,
// made on first use: building it loads ICU's CJK dictionary (~15 ms), which most commands never need.

let segmenter: Intl.Segmenter | undefined;

/** Names the dictionary splits (习/近平) that are one word all the same. */
const ONE_WORD = ['习近平'];

/** The words of a Chinese text, with where each starts. */
export function chineseWords(text: string): Array<{ text: string; at: number }> {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words = Array.from(segmenter.segment(text), (s) => ({ text: s.segment, at: s.index }));
  if (!ONE_WORD.some((w) => text.includes(w))) return words;
  const out: Array<{ text: string; at: number }> = [];
  for (const word of words) {
    const last = out[out.length - 1];
    const joined = last ? last.text + word.text : '';
    // A split name: the words so far end where the name's first part does (习 + 近平).
    if (last && ONE_WORD.some((w) => w.startsWith(joined) && text.startsWith(w, last.at))) last.text = joined;
    else out.push({ ...word });
  }
  return out;
}
