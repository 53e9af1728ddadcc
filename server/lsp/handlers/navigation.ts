// Moving around and renaming: definition, references, rename, document links, document highlights, smart select,
// and the @上年 lines that follow when reports or folders are renamed.
import { DocumentHighlightKind, ErrorCodes, ResponseError, type CancellationToken, type SelectionRange, type WorkspaceEdit } from 'vscode-languageserver';
import { documentHighlights } from '../../language/features/highlights.js';
import { selectionRanges } from '../../language/features/selection.js';
import { documentLinks } from '../../language/features/links.js';
import { targetAt } from '../../language/features/locate.js';
import { isMoved, lastYearLinkEdits, type LastYearLink, type Move } from '../../language/features/moves.js';
import { definition, prepareRename, references, rename, type FileText } from '../../language/features/navigation.js';
import type { ReportModel } from '../../language/model.js';
import type { ServerContext } from '../context.js';
import { groupEdits, locationOf, offsetOf, rangeIn } from '../convert.js';
import { answer, answerForDocument, LongWork } from '../requests.js';
import { uriToPath } from '../uri.js';
import { withoutTrailing } from '../../../grammar/trailing.js';

/** The most cursors smart select answers for at once, and the most moves a rename request is looked at for. */
const MAX_CURSORS = 1000;
const MAX_MOVES = 1000;

export function register({ connection, store, index }: ServerContext): void {
  const { service } = store;
  // Only a snippet's references and renames reach other files: the index names the files including it,
  // parsed a slice at a time first (cancellable, edits going first) so the core finds their trees cached.
  const reportsFor = async (model: ReportModel, offset: number, token: CancellationToken | undefined): Promise<FileText[]> => {
    const target = targetAt(model, offset);
    if (!target || (target.kind !== 'include' && target.kind !== 'snippet')) return [];
    const work = LongWork.of(token);
    await index.refreshGently(work);
    const files = index.filesIncluding(target.name);
    await work.map(files, (f) => service.cache.parse(f.path, f.text));
    return files;
  };

  connection.onDefinition(answerForDocument(connection, store, 'definition', [], (params, doc, model) =>
    definition(service, model, offsetOf(doc, params.position)).map((l) => locationOf(store, l, model))));

  connection.onReferences(answerForDocument(connection, store, 'references', [], async (params, doc, model, token) =>
    references(service, model, offsetOf(doc, params.position), params.context?.includeDeclaration !== false, await reportsFor(model, offsetOf(doc, params.position), token)).map((l) => locationOf(store, l, model))));

  connection.onPrepareRename(answerForDocument(connection, store, 'prepareRename', null, (params, doc, model) => {
    const result = prepareRename(model, offsetOf(doc, params.position));
    if (!result.ok) throw new ResponseError(ErrorCodes.InvalidRequest, result.message);
    return { range: rangeIn(model.file.lineIndex, result.range.start, result.range.end), placeholder: result.placeholder };
  }));

  connection.onRenameRequest(answerForDocument(connection, store, 'rename', null, async (params, doc, model, token): Promise<WorkspaceEdit | null> => {
    const edits = rename(service, model, offsetOf(doc, params.position), String(params.newName ?? ''), await reportsFor(model, offsetOf(doc, params.position), token));
    if (typeof edits === 'string') throw new ResponseError(ErrorCodes.InvalidRequest, edits);
    return { changes: groupEdits(store, edits, model) };
  }));

  // Asked before reports or folders are renamed or moved: the edit the editor applies first.
  connection.workspace.onWillRenameFiles(answer(connection, 'willRenameFiles', null, async (params, token?: CancellationToken): Promise<WorkspaceEdit | null> => {
    const moves: Move[] = [];
    const files = Array.isArray(params?.files) ? params.files : [];
    // A rename is one entry a file or folder moved: thousands at once is not a writer's gesture (and each is compared with each report).
    if (files.length > MAX_MOVES) return null;
    for (const f of files) {
      const from = typeof f?.oldUri === 'string' ? uriToPath(f.oldUri) : undefined;
      const to = typeof f?.newUri === 'string' ? uriToPath(f.newUri) : undefined;
      if (from && to && from !== to) moves.push({ from: withoutTrailing(from, '/'), to: withoutTrailing(to, '/') });
    }
    if (!moves.length) return null;
    await index.refreshGently(LongWork.of(token));
    const links: LastYearLink[] = [];
    for (const path of index.lastYearReaders((p) => isMoved(p, moves))) {
      const value = service.analyze(path, store.textOf(path)).header.values.上年;
      if (value) links.push({ path, written: value.text, span: value.span });
    }
    const edits = lastYearLinkEdits(links, moves);
    return edits.length ? { changes: groupEdits(store, edits) } : null;
  }));

  const HIGHLIGHT_KIND = { text: DocumentHighlightKind.Text, read: DocumentHighlightKind.Read, write: DocumentHighlightKind.Write };
  connection.onDocumentHighlight(answerForDocument(connection, store, 'documentHighlight', [], (params, doc, model) =>
    documentHighlights(model, offsetOf(doc, params.position)).map((h) => ({ range: rangeIn(model.file.lineIndex, h.start, h.end), kind: HIGHLIGHT_KIND[h.kind] }))));

  // One chain a position, the outermost range the root: each range's parent is the next one out.
  connection.onSelectionRanges(answerForDocument(connection, store, 'selectionRanges', [], (params, doc, model) => {
    const positions = (Array.isArray(params.positions) ? params.positions : []).slice(0, MAX_CURSORS);
    return selectionRanges(model, positions.map((p) => offsetOf(doc, p))).map((chain) =>
      chain.reduceRight<SelectionRange | undefined>((parent, r) => ({ range: rangeIn(model.file.lineIndex, r.start, r.end), ...(parent ? { parent } : {}) }), undefined)!);
  }));

  connection.onDocumentLinks(answerForDocument(connection, store, 'documentLinks', [], (_params, _doc, model) =>
    documentLinks(model).map((l) => ({ range: rangeIn(model.file.lineIndex, l.start, l.end), target: store.uriFor(l.path), tooltip: l.tooltip }))));
}
