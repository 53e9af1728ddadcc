// Proof that the outputs print the same page (npm run test:print, after scripts/print/setup.sh): every
// sample, two reports with 附件说明 and 版记 (test/print/fixtures/), real reports and a report of Latin,
// digits and tables (below), rendered to DOCX and HTML, printed to PDF by LibreOffice and
// Chromium, read back with pdftotext -bbox and compared with the text layout's pages.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { renderDocx } from '../../templates/docx/writeDocx.js';
import { layoutReport, type PagedLayout } from '../../templates/layout/document.js';
import { render } from '../../templates/render.js';
import { buildView } from '../../templates/view.js';
import type { ReportModel } from '../../server/language/model.js';
import { model, ROOT, SAMPLES, sampleModel } from '../helpers.js';
import { realPath } from '../realCorpus.js';
import { measurePrint, type PrintMeasure } from './lib/measure.js';
import { readPdfLines } from './lib/pdfLines.js';
import { docxToPdf, htmlToPdf, requireTools } from './lib/printers.js';

const squeeze = (text: string) => text.replace(/[\s\u3000]/g, '');
const fixture = (name: string) => ({ name, report: () => model(readFileSync(path.join(ROOT, 'test', 'print', 'fixtures', `${name}.bg`), 'utf8')) });
const real = (name: string) => ({ name, report: () => model(readFileSync(realPath(name, '.bg'), 'utf8')) });
/**
 * Every sample; a report with 附件说明 and 版记; one whose 版记 needs a blank page before it; the real reports
 * (test/fixtures/real, as imported) that each printed differently once; Latin, digits and tables pasted as text.
 */
const documents: Array<{ name: string; report: () => ReportModel }> = [
  ...SAMPLES.map((name) => ({ name, report: () => sampleModel(name) })),
  fixture('attachments-imprint'),
  fixture('imprint-after-blank-page'),
  // A paragraph cut by an early page end (the signature keeps the body's last lines): its last line spread.
  real('27-zhangjia-2012'),
  // A joint title with spaces between its bodies: broken there, never inside 中共…教育工作委员会.
  real('35-rongchang-2024'),
  // A title of exactly 20 characters with digits: LibreOffice wrapped it and every page after held one line less.
  real('43-xishui-2023'),
  // Spaces typed around every number: a full line ending in one stopped half a cell short of the edge in LibreOffice.
  real('71-jinping-2025'),
  fixture('latin-digits-tables'),
];

interface Printed {
  layout: PagedLayout;
  docx: PrintMeasure;
  html: PrintMeasure;
}

describe('print: DOCX in LibreOffice and HTML in Chromium print the text layout’s pages', function () {
  this.timeout(600_000);
  const results = new Map<string, Printed>();
  let work: string;

  before(async () => {
    requireTools();
    work = mkdtempSync(path.join(tmpdir(), 'baogao-print-'));
    const docxFiles: string[] = [];
    const layouts = new Map<string, PagedLayout>();
    for (const { name, report } of documents) {
      const model = report();
      layouts.set(name, layoutReport(buildView(model)));
      const docx = path.join(work, `${name}.docx`);
      writeFileSync(docx, await renderDocx(model));
      docxFiles.push(docx);
      writeFileSync(path.join(work, `${name}.html`), render(model, 'html'));
    }
    const pdfDir = path.join(work, 'docx-pdf');
    mkdirSync(pdfDir);
    docxToPdf(docxFiles, pdfDir);
    for (const { name } of documents) {
      const layout = layouts.get(name)!;
      const html = htmlToPdf(path.join(work, `${name}.html`), path.join(work, `${name}.html.pdf`));
      results.set(name, { layout, docx: measurePrint(layout, readPdfLines(path.join(pdfDir, `${name}.pdf`))), html: measurePrint(layout, readPdfLines(html)) });
    }
    printTable(results);
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const { name } of documents) {
    for (const output of ['docx', 'html'] as const) {
      const minimum = output === 'html' ? 1 : 0.95;
      it(`${name}: ${output === 'docx' ? 'DOCX in LibreOffice' : 'HTML in Chromium'} — 22 lines × 28 columns, ≥ ${minimum * 100}% of the lines identical, title, page numbers`, () => {
        const { layout, [output]: m } = results.get(name)!;
        assert.equal(m.pages, m.layoutPages, 'pages');
        assert.ok(m.fullPageRows.every((rows) => rows === 22), `rows on full pages: ${m.fullPageRows.join(', ')}`);
        assert.equal(m.maxColumns, m.layoutMaxColumns, 'columns of the widest line');
        assert.ok(m.layoutMaxColumns <= 28, 'the layout keeps to 28 columns');
        assert.ok(m.fullLinesEdgeToEdge.ok >= m.fullLinesEdgeToEdge.total * minimum, `full lines edge to edge: ${m.fullLinesEdgeToEdge.ok}/${m.fullLinesEdgeToEdge.total}`);
        assert.ok(m.identical >= m.total * minimum, `identical lines ${m.identical}/${m.total}`);
        const title = layout.pages[0]!.lines.filter((line) => line.role === 'title').map((line) => squeeze(line.text));
        assert.deepEqual(m.titleLines, title, 'title lines');
        assert.ok(m.titleCentred, 'title centred');
        assert.deepEqual(m.folioProblems, []);
        assert.deepEqual(m.strayLines, []);
      });
    }
  }
});

function printTable(results: ReadonlyMap<string, Printed>): void {
  const rows = [...results].flatMap(([name, { docx, html }]) =>
    [['DOCX/LibreOffice', docx], ['HTML/Chromium', html]].map(([output, m]) => {
      const r = m as PrintMeasure;
      return `| ${name} | ${output} | ${r.pages}/${r.layoutPages} | ${r.fullPageRows.length ? [...new Set(r.fullPageRows)].join('/') : '—'} | ${r.maxColumns} | ${r.identical}/${r.total} = ${((100 * r.identical) / r.total).toFixed(1)}% |`;
    }),
  );
  console.log(['| document | output | pages (printed/laid) | lines on full pages | columns | identical lines |', '|---|---|---|---|---|---|', ...rows].join('\n'));
}
