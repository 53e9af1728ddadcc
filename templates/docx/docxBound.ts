// The Word document's bound: the docx writer makes an object and its XML for every run of text — a few
// kilobytes each — and a line alternating Chinese with narrowed Latin or digits is a run at each change
// (“甲,1甲,1……”: 2.5 MB of it took 107 s and 4.6 GB, and a report of the 10 MB the language reads ran the
// command or the language server out of memory). Past this many runs the document is not written, and the
// writer is told why (BG919) — long before: the runs are counted from the layout, before any is made.

/** Runs a Word document is made of at most: some 5,000 pages of alternating text; a report has a few thousand. */
export const MAX_DOCX_RUNS = 200_000;

/** A report whose Word document would have more than MAX_DOCX_RUNS runs, refused in Chinese with its code. */
export class DocxTooLarge extends Error {
  constructor() {
    super(`这份报告中汉字与西文、数字交替太多：排成 Word 文档要分成 ${MAX_DOCX_RUNS} 段以上的文字，写出它会耗尽内存，因此不写出。报告不会这样，请确认没有粘贴进无关的内容（如大段表格数据），或把它拆成几个文件；txt、html 格式不受此限。（BG919）`);
    this.name = 'DocxTooLarge';
  }
}

/**
 * Whether an error is DocxTooLarge: by its name, as the command's bundle loads the writer apart (a dynamic
 * import), with a class of its own that `instanceof` does not know.
 */
export function isDocxTooLarge(error: unknown): error is DocxTooLarge {
  return error instanceof Error && error.name === 'DocxTooLarge';
}
