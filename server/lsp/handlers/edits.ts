// Changing the text: quick fixes and refactorings (code actions), formatting a document or a range.
import { CodeActionKind, type CodeAction, type TextDocumentEdit, type CreateFile } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { extractSnippet, fixAll, inlineSnippet, numberToFigure, quickFixes, type CodeAction as FeatureAction } from '../../language/features/codeActions.js';
import { SOURCE_FIX_ALL } from '../capabilities.js';
import { formatEdits, formatRange } from '../../language/features/formatting.js';
import type { ReportModel } from '../../language/model.js';
import type { ServerContext } from '../context.js';
import { groupEdits, offsetOf, rangeIn, SEVERITY } from '../convert.js';
import type { DocumentStore } from '../documents.js';
import { answerForDocument } from '../requests.js';
import { append } from '../../language/append.js';

export function register({ connection, store }: ServerContext): void {
  connection.onCodeAction(answerForDocument(connection, store, 'codeAction', [], (params, doc, model) => {
    const start = offsetOf(doc, params.range?.start);
    const end = offsetOf(doc, params.range?.end);
    const range = { start: Math.min(start, end), end: Math.max(start, end) };
    const only = params.context?.only;
    const asked = (kind: string) => !!only && only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const wants = (kind: string) => !only || asked(kind);
    const actions: FeatureAction[] = [];
    if (wants(CodeActionKind.QuickFix)) append(actions, quickFixes(model, store.diagnosticsFor(doc), range));
    // Only when asked for (the Source Action menu, codeActionsOnSave), as source actions are: never in the light bulb.
    if (asked(SOURCE_FIX_ALL)) {
      const all = fixAll(model, store.diagnosticsFor(doc));
      if (all) actions.push(all);
    }
    if (wants(CodeActionKind.RefactorRewrite)) {
      append(actions, numberToFigure(model, range));
    }
    if (wants(CodeActionKind.RefactorInline)) {
      const a = inlineSnippet(model, range, (p) => store.textOf(p) || undefined);
      if (a) actions.push(a);
    }
    if (wants(CodeActionKind.RefactorExtract)) {
      const a = extractSnippet(model, range, (p) => store.service.workspace.readFile(p) !== undefined);
      if (a) actions.push(a);
    }
    const lsp = actions.map((a) => toLspAction(store, a, doc, model));
    // An empty report: the skeleton, inserted by the client's 插入报告骨架 (it asks which kind).
    if (wants(CodeActionKind.QuickFix) && doc.getText().trim() === '') {
      lsp.push({ title: '插入报告骨架', kind: CodeActionKind.QuickFix, isPreferred: true, command: { title: '插入报告骨架', command: 'baogao.insertSkeleton' } });
    }
    return lsp;
  }));

  // One pass over the document's own parse and its shared check (no analysis of its own), linear in the
  // text; answered as the small edits themselves (a fix here and there in a 3 MB report is not 3 MB sent).
  connection.onDocumentFormatting(answerForDocument(connection, store, 'formatting', [], (_params, doc, model) => {
    const text = doc.getText();
    const crlf = text.includes('\r\n');
    // Sorted as applyEdits applies them (formatEdits gives them so): by start, an insertion before a replacement at the same place.
    return formatEdits(text, model.file.document, store.diagnosticsFor(doc))
      .map((e) => ({ range: rangeIn(model.file.lineIndex, e.start, e.end), newText: crlf ? e.newText.replace(/\r?\n/g, '\r\n') : e.newText }));
  }, { notAnalysed: 'refuse' }));

  connection.onDocumentRangeFormatting(answerForDocument(connection, store, 'rangeFormatting', [], (params, doc, model) => {
    const edit = formatRange(doc.getText(), offsetOf(doc, params.range?.start), offsetOf(doc, params.range?.end), store.diagnosticsFor(doc));
    return edit ? [{ range: rangeIn(model.file.lineIndex, edit.start, edit.end), newText: edit.newText }] : [];
  }, { notAnalysed: 'refuse' }));
}

function toLspAction(store: DocumentStore, a: FeatureAction, doc: TextDocument, model: ReportModel): CodeAction {
  const action: CodeAction = { title: a.title, kind: a.kind };
  if (a.isPreferred) action.isPreferred = true;
  if (a.diagnostic) {
    action.diagnostics = [{ range: rangeIn(model.file.lineIndex, a.diagnostic.start, a.diagnostic.end), code: a.diagnostic.code, source: 'baogao', message: a.diagnostic.message, severity: SEVERITY[a.diagnostic.severity] }];
  }
  if (!a.createFiles?.length) {
    action.edit = { changes: groupEdits(store, a.edits, model) };
    return action;
  }
  // A new file (an extracted snippet): create it, then insert its text at its start.
  const created = new Set(a.createFiles);
  const creates: CreateFile[] = a.createFiles.map((path) => ({ kind: 'create', uri: store.uriFor(path), options: { ignoreIfExists: false, overwrite: false } }));
  const edits = groupEdits(store, a.edits.map((e) => (created.has(e.path) ? { ...e, start: 0, end: 0 } : e)), model);
  const changes: TextDocumentEdit[] = Object.entries(edits).map(([uri, list]) => ({ textDocument: { uri, version: uri === doc.uri ? doc.version : null }, edits: list }));
  action.edit = { documentChanges: [...creates, ...changes] };
  return action;
}
