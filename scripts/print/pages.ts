// npm run print:pages: PNG pages of every sample (and the print fixture with 附件说明 and 版记) in every
// output, for a person to look at: test-artifacts/print/<document>/<txt|html|docx>-<page>.png, plus the
// PDFs they were drawn from. The text output is set in a monospaced CJK font, one <pre> a page.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderDocx } from '../../templates/docx/writeDocx.js';
import { render } from '../../templates/render.js';
import { model, ROOT, SAMPLES, sampleModel } from '../../test/helpers.js';
import { docxToPdf, htmlToPdf, pdfToPngs, requireTools } from '../../test/print/lib/printers.js';

const OUT = path.join(ROOT, 'test-artifacts', 'print');
const FIXTURE = path.join(ROOT, 'test', 'print', 'fixtures', 'attachments-imprint.bg');

/** The paged text output as an HTML page per text page, so that it prints like the others. */
function textAsPages(text: string): string {
  const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  const pages = text.split('\n\f\n').map((page) => `<pre>${escape(page)}</pre>`);
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 37mm 26mm 0 28mm; }
pre { margin: 0; font: 16pt/calc(225mm / 22) "Noto Sans Mono CJK SC", monospace; letter-spacing: calc(156mm / 28 - 16pt); break-after: page; }
</style></head><body>${pages.join('')}</body></html>`;
}

async function main(): Promise<void> {
  requireTools();
  rmSync(OUT, { recursive: true, force: true });
  const documents = [...SAMPLES.map((name) => ({ name, report: sampleModel(name) })), { name: 'attachments-imprint', report: model(readFileSync(FIXTURE, 'utf8')) }];
  const started = Date.now();
  const docxFiles: string[] = [];
  for (const { name, report } of documents) {
    const dir = path.join(OUT, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'report.txt.html'), textAsPages(render(report, 'txt', { pages: true })));
    writeFileSync(path.join(dir, 'report.html'), render(report, 'html'));
    writeFileSync(path.join(dir, `${name}.docx`), await renderDocx(report));
    docxFiles.push(path.join(dir, `${name}.docx`));
    pdfToPngs(htmlToPdf(path.join(dir, 'report.txt.html'), path.join(dir, 'txt.pdf')), path.join(dir, 'txt'));
    pdfToPngs(htmlToPdf(path.join(dir, 'report.html'), path.join(dir, 'html.pdf')), path.join(dir, 'html'));
  }
  // One LibreOffice run for every DOCX (starting it is the slow part).
  const pdfs = docxToPdf(docxFiles, path.join(OUT, 'docx-pdf'));
  documents.forEach(({ name }, i) => {
    pdfToPngs(pdfs[i]!, path.join(OUT, name, 'docx'));
    console.log(`${name}: ${path.join(OUT, name)}`);
  });
  console.log(`PNG 页面已写入 ${OUT}（${((Date.now() - started) / 1000).toFixed(0)} 秒）`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
