// Chinese words, from ICU's dictionary segmenter (Intl.Segmenter: no dictionary to ship). One segmenter,
// made on first use: building it loads ICU's CJK dictionary (~15 ms), which most commands never need.

let segmenter: Intl.Segmenter | undefined;

/** The words of a Chinese text, with where each starts. */
export function chineseWords(text: string): Array<{ text: string; at: number }> {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return Array.from(segmenter.segment(text), (s) => ({ text: s.segment, at: s.index }));
}
