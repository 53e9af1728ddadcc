// Prints documents to PDF as a reader's machine would: LibreOffice for the DOCX, Chromium for the HTML,
// both with the fonts of scripts/print/fonts.conf (the standard names mapped to Debian's free fonts).
// A missing tool is an error that says how to install it, never a skip.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../../helpers.js';

export const FONTS_CONF = path.join(ROOT, 'scripts', 'print', 'fonts.conf');
const SETUP = 'bash scripts/print/setup.sh';

/** Fails with an installable message unless every tool is on PATH. */
export function requireTools(tools: readonly string[] = ['soffice', 'chromium', 'pdftotext', 'pdftoppm']): void {
  const missing = tools.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length) throw new Error(`打印检验缺少工具：${missing.join('、')}。请先运行 ${SETUP}（或 npm run test:print，它会先运行安装）。`);
}

const env = () => ({ ...process.env, FONTCONFIG_FILE: FONTS_CONF });

/** Converts .docx files to PDFs beside them (one LibreOffice run, its own profile); returns the PDFs' paths. */
export function docxToPdf(files: readonly string[], outDir: string): string[] {
  const profile = mkdtempSync(path.join(tmpdir(), 'baogao-lo-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], { env: env(), stdio: 'pipe', timeout: 300_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((file) => {
    const pdf = path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
    if (!existsSync(pdf)) throw new Error(`LibreOffice 没有把 ${file} 转成 PDF`);
    return pdf;
  });
}

/** Prints an HTML file to PDF with headless Chromium (A4 from the page's @page rule, no header or footer). */
export function htmlToPdf(file: string, pdf: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'baogao-chromium-'));
  try {
    execFileSync(
      'chromium',
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(file).href],
      { env: env(), stdio: 'pipe', timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  if (!existsSync(pdf)) throw new Error(`Chromium 没有把 ${file} 打印成 PDF`);
  return pdf;
}

/** PNG pages of a PDF (`<prefix>-1.png`, …) at `dpi`. */
export function pdfToPngs(pdf: string, prefix: string, dpi = 60): void {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, prefix], { stdio: 'pipe', timeout: 120_000 });
}
