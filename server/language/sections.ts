// The report's sections: the tree of its headings over the placed blocks. Made on every keystroke (the
// checks across parts read them), so each section is small and cuts its blocks only when they are read.
import type * as ast from '../../grammar/index.js';
import type { PlacedBlock, Scope, Section } from './model.js';

/** No blocks, no sub-sections: one array for every section without them (frozen: never to be filled). */
const NO_BLOCKS: PlacedBlock[] = Object.freeze([]) as unknown as PlacedBlock[];
const NO_SECTIONS: Section[] = Object.freeze([]) as unknown as Section[];

/** A heading's depth: its level, clamped to 1–4 (as it is numbered). */
export const levelOf = (heading: ast.Heading) => Math.min(Math.max(heading.level, 1), 4);

/**
 * A section, read from its heading's placed block (a keystroke makes every section again: the fewer
 * fields, the less it makes); its blocks, those after its heading up to the next heading whatever its
 * level, are cut from the model's when first read.
 */
class NumberedSection implements Section {
  children = NO_SECTIONS;
  endIndex: number;
  private cut: PlacedBlock[] | undefined;

  constructor(
    private readonly all: readonly PlacedBlock[],
    readonly startIndex: number,
  ) {
    this.endIndex = startIndex + 1;
  }

  get heading(): ast.Heading {
    return this.all[this.startIndex]!.block as ast.Heading;
  }

  get scope(): Scope {
    return this.all[this.startIndex]!.scope;
  }

  get number(): string {
    return this.all[this.startIndex]!.number!;
  }

  get level(): number {
    return levelOf(this.heading);
  }

  get blocks(): PlacedBlock[] {
    // The next heading is the first sub-section's, or (none) the one that ends this section.
    const end = this.children.length ? this.children[0]!.startIndex : this.endIndex;
    return (this.cut ??= end > this.startIndex + 1 ? this.all.slice(this.startIndex + 1, end) : NO_BLOCKS);
  }
}

/** The sections of numbered placed blocks (analyze.ts numbers them). */
export function sectionsOf(blocks: readonly PlacedBlock[]): Section[] {
  const sections: Section[] = [];
  const stack: NumberedSection[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!.block;
    if (block.kind !== 'heading') continue;
    const level = levelOf(block);
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop()!.endIndex = index;
    const section = new NumberedSection(blocks, index);
    const parent = stack[stack.length - 1];
    if (!parent) sections.push(section);
    else if (parent.children === NO_SECTIONS) parent.children = [section];
    else parent.children.push(section);
    stack.push(section);
  }
  for (const section of stack) section.endIndex = blocks.length;
  return sections;
}
