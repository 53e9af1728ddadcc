// Whether a prose block has a word, before a check reads it: by the test that costs least in each way of checking.
import { blockCacheOn } from './blockCache.js';
import type { ProseBlock } from './prose.js';

/**
 * Whether a prose block may have `word` (a test before a check reads the block). In the editor, its source:
 * the key its results are remembered by, made anyway, and a block an edit touched need not have its lines built
 * for it. In a batch check, its lines: the checks build them for every block anyway, and nothing else asks for
 * the sources — finding and slicing every block's source cost more than the test. The same answer either way:
 * a line's text is its source's, with whole figures and escapes masked.
 */
export function blockHas(block: ProseBlock, word: string): boolean {
  if (blockCacheOn()) return block.source.includes(word);
  const lines = block.lines;
  for (let i = 0; i < lines.length; i++) if (lines[i]!.text.includes(word)) return true;
  return false;
}
