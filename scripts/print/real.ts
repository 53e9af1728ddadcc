// npm run print:real: the print proof's measurement over every imported real report of test/fixtures/real/
// (or those whose name matches the argument), as the judges' reports would print: DOCX in LibreOffice, HTML
// in Chromium, each compared with the text layout's pages. Prints a row per report, the first lines that
// differ, and how many reach the proof's targets (DOCX ≥ 95 %, HTML 100 %, every other check clean).
// Several minutes for all of them; not part of test:print, which keeps the few that cover each class found.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { renderDocx } from '../../templates/docx/writeDocx.js';
import { layoutReport, type PagedLayout } from '../../templates/layout/document.js';
import { render } from '../../templates/render.js';
import { buildView } from '../../templates/view.js';
import { model } from '../../test/helpers.js';
import { measurePrint, type PrintMeasure, TYPE_AREA } from '../../test/print/lib/measure.js';
import { readPdfLines } from '../../test/print/lib/pdfLines.js';
import { docxToPdf, htmlToPdf, requireTools } from '../../test/print/lib/printers.js';
import { REAL_REPORTS, realPath } from '../../test/realCorpus.js';

const squeeze = (text: string) => text.replace(/[\s\u3000]/g, '');

/** What the proof would say of one output: the share of identical lines and every other check that fails. */
function verdict(layout: PagedLayout, m: PrintMeasure): { share: number; problems: string[] } {
  const problems: string[] = [];
  if (m.pages !== m.layoutPages) problems.push(`页数 ${m.pages}/${m.layoutPages}`);
  if (!m.fullPageRows.every((rows) => rows === 22)) problems.push(`满页行数 ${m.fullPageRows.join(',')}`);
  if (m.maxColumns !== m.layoutMaxColumns) problems.push(`最宽行 ${m.maxColumns}/${m.layoutMaxColumns} 字`);
  if (m.fullLinesEdgeToEdge.ok < m.fullLinesEdgeToEdge.total) problems.push(`满行到边 ${m.fullLinesEdgeToEdge.ok}/${m.fullLinesEdgeToEdge.total}`);
  const title = layout.pages[0]!.lines.filter((line) => line.role === 'title').map((line) => squeeze(line.text));
  if (JSON.stringify(m.titleLines) !== JSON.stringify(title) || !m.titleCentred) problems.push(`标题 ${m.titleLines.join('/')}`);
  problems.push(...m.folioProblems, ...m.strayLines);
  return { share: m.identical / m.total, problems };
}

/** The first layout lines printed otherwise, with what was printed instead. */
function firstDifferences(layout: PagedLayout, pdf: string, count = 2): string[] {
  const want = layout.pages.flatMap((page) => page.lines.filter((line) => !line.blank).map((line) => squeeze(line.text + (line.tail ?? ''))));
  const have = readPdfLines(pdf).flatMap((page) => page.lines.filter((line) => (line.yMin + line.yMax) / 2 < TYPE_AREA.bottom + 4).map((line) => squeeze(line.text)));
  const out: string[] = [];
  // Walk both in order, stepping over a line printed in two or a line left out.
  for (let i = 0, j = 0; i < want.length && out.length < count; ) {
    if (want[i] === have[j]) {
      i++;
      j++;
      continue;
    }
    out.push(`应为「${want[i]}」，印出「${have[j] ?? '（无）'}」`);
    if (want[i + 1] === have[j]) i++;
    else if (want[i] === have[j + 1]) j++;
    else {
      i++;
      j++;
    }
  }
  return out;
}

async function main(): Promise<void> {
  requireTools();
  const only = process.argv[2] ? new RegExp(process.argv[2]) : undefined;
  const names = REAL_REPORTS.filter((name) => !only || only.test(name));
  const work = mkdtempSync(path.join(tmpdir(), 'baogao-real-print-'));
  try {
    const layouts = new Map<string, PagedLayout>();
    for (const name of names) {
      const report = model(readFileSync(realPath(name, '.bg'), 'utf8'));
      layouts.set(name, layoutReport(buildView(report)));
      writeFileSync(path.join(work, `${name}.docx`), await renderDocx(report));
      writeFileSync(path.join(work, `${name}.html`), render(report, 'html'));
    }
    mkdirSync(path.join(work, 'pdf'));
    docxToPdf(names.map((name) => path.join(work, `${name}.docx`)), path.join(work, 'pdf'));
    let docxOk = 0;
    let htmlOk = 0;
    for (const name of names) {
      const layout = layouts.get(name)!;
      const pdfs = { DOCX: path.join(work, 'pdf', `${name}.pdf`), HTML: htmlToPdf(path.join(work, `${name}.html`), path.join(work, `${name}.html.pdf`)) };
      const row: string[] = [];
      for (const [output, pdf] of Object.entries(pdfs)) {
        const { share, problems } = verdict(layout, measurePrint(layout, readPdfLines(pdf)));
        const ok = share >= (output === 'HTML' ? 1 : 0.95) && !problems.length;
        if (ok && output === 'HTML') htmlOk++;
        else if (ok) docxOk++;
        row.push(`${output} ${(100 * share).toFixed(1)}%${problems.length ? ` [${problems.join('；')}]` : ''}`);
        if (share < 1) row.push(...firstDifferences(layout, pdf).map((d) => `\n    ${output}: ${d}`));
      }
      console.log(`${name}\t${layout.pages.length} 页\t${row.join('\t')}`);
    }
    console.log(`DOCX ≥ 95% 且其余检查无误：${docxOk}/${names.length}；HTML 100% 且其余检查无误：${htmlOk}/${names.length}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
