// Pasting text from Word or a web page into a report writes it in the language, as importing last year's
// report does (the server's `baogao/convertPaste`, the core's importFragment): typed heading numbers and
// Word debris removed, headings and items made, amounts written as figures named apart from the report's.
// VS Code's paste widget offers plain text instead (Ctrl+. after pasting, or `editor.pasteAs.preferences`).
// Text copied from a report (already the writer's markup) is pasted as it is; a copy anywhere else — Word,
// a browser, last year's .txt opened in VS Code — is converted. A copy in VS Code's editor carries its
// language (`vscode-editor-data`'s `mode`, when copied with syntax highlighting); when it does not, the
// server leaves text that already has markup as it is (looksLikeMarkup).
//
// The paste API is stable from VS Code 1.97; the extension supports 1.91, whose typings lack it, so the
// few parts used are declared here and the provider is registered only where the API exists.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ConvertPasteRequest } from '../server/lsp/protocol.js';
import { request } from './documents.js';
import { LANGUAGE_ID } from './ids.js';
import * as l10n from './l10n.js';

interface PasteEditKind {
  append(...parts: string[]): PasteEditKind;
}
/** A paste edit: only made here and handed back to VS Code. */
type PasteEdit = object;
interface PasteApi {
  DocumentDropOrPasteEditKind: { Text: PasteEditKind };
  DocumentPasteEdit: new (insertText: string, title: string, kind: PasteEditKind) => PasteEdit;
  languages: {
    registerDocumentPasteEditProvider(
      selector: vscode.DocumentSelector,
      provider: { provideDocumentPasteEdits(document: vscode.TextDocument, ranges: readonly vscode.Range[], data: vscode.DataTransfer, context: unknown, token: vscode.CancellationToken): Promise<PasteEdit[] | undefined> },
      metadata: { providedPasteEditKinds: readonly PasteEditKind[]; pasteMimeTypes?: readonly string[] },
    ): vscode.Disposable;
  };
}

/** What VS Code puts on the clipboard with a copy from its own editor: JSON with the language as `mode`. */
const COPIED_IN_EDITOR = 'vscode-editor-data';

/** Was the text copied in VS Code from a report (as its editor says)? */
async function copiedFromReport(data: vscode.DataTransfer): Promise<boolean> {
  try {
    const meta = await data.get(COPIED_IN_EDITOR)?.asString();
    return meta !== undefined && (JSON.parse(meta) as { mode?: unknown }).mode === LANGUAGE_ID;
  } catch {
    return false;
  }
}

export function registerPaste(context: vscode.ExtensionContext, client: LanguageClient): void {
  const api = vscode as unknown as Partial<PasteApi>;
  if (typeof api.languages?.registerDocumentPasteEditProvider !== 'function' || !api.DocumentDropOrPasteEditKind || !api.DocumentPasteEdit) return;
  const { DocumentPasteEdit } = api as PasteApi;
  const kind = api.DocumentDropOrPasteEditKind.Text.append(LANGUAGE_ID);
  const provider = {
    async provideDocumentPasteEdits(document: vscode.TextDocument, ranges: readonly vscode.Range[], data: vscode.DataTransfer, _context: unknown, token: vscode.CancellationToken): Promise<PasteEdit[] | undefined> {
      if (ranges.length !== 1 || (await copiedFromReport(data))) return undefined;
      const text = await data.get('text/plain')?.asString();
      if (!text || token.isCancellationRequested) return undefined;
      const range = ranges[0]!;
      const line = document.lineAt(range.start.line).text;
      // Inside a line (text before the cursor, or one line pasted before text): only the amounts become figures.
      const inline = line.slice(0, range.start.character).trim() !== '' || (!/[\r\n]/.test(text) && line.slice(range.end.character).trim() !== '');
      let converted: ConvertPasteRequest.Result;
      try {
        converted = await request<ConvertPasteRequest.Result>(client, ConvertPasteRequest.method, { textDocument: { uri: document.uri.toString() }, text, position: { line: range.start.line, character: range.start.character }, inline } satisfies ConvertPasteRequest.Params, token);
      } catch {
        return undefined; // the server could not convert it: the text is pasted as it is
      }
      if (!converted || token.isCancellationRequested) return undefined;
      const title = converted.figures > 0 ? l10n.t('报告语言（数字写成 {0} 个指标）', converted.figures) : l10n.t('报告语言（去掉手打序号和 Word 残留）');
      return [new DocumentPasteEdit(converted.text, title, kind)];
    },
  };
  context.subscriptions.push(api.languages.registerDocumentPasteEditProvider({ language: LANGUAGE_ID }, provider, { providedPasteEditKinds: [kind], pasteMimeTypes: ['text/plain'] }));
}
