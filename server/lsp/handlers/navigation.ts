// Moving around and renaming: definition, references, rename, document links, document highlights, smart select.
import { DocumentHighlightKind, ErrorCodes, ResponseError, type CancellationToken, type SelectionRange, type WorkspaceEdit } from 'vscode-languageserver';
import { documentHighlights } from '../../language/features/highlights.js';
import { selectionRanges } from '../../language/features/selection.js';
import { documentLinks } from '../../language/features/links.js';
import { targetAt } from '../../language/features/locate.js';
import { definition, prepareRename, references, rename, type FileText } from '../../language/features/navigation.js';
import type { ReportModel } from '../../language/model.js';
import type { ServerContext } from '../context.js';
import { groupEdits, locationOf, offsetOf, rangeIn } from '../convert.js';
import { answerForDocument, LongWork } from '../requests.js';

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

  const HIGHLIGHT_KIND = { text: DocumentHighlightKind.Text, read: DocumentHighlightKind.Read, write: DocumentHighlightKind.Write };
  connection.onDocumentHighlight(answerForDocument(connection, store, 'documentHighlight', [], (params, doc, model) =>
    documentHighlights(model, offsetOf(doc, params.position)).map((h) => ({ range: rangeIn(model.file.lineIndex, h.start, h.end), kind: HIGHLIGHT_KIND[h.kind] }))));

  // One chain a position, the outermost range the root: each range's parent is the next one out.
  connection.onSelectionRanges(answerForDocument(connection, store, 'selectionRanges', [], (params, doc, model) =>
    (Array.isArray(params.positions) ? params.positions : []).map((position) =>
      selectionRanges(model, offsetOf(doc, position)).reduceRight<SelectionRange | undefined>(
        (parent, r) => ({ range: rangeIn(model.file.lineIndex, r.start, r.end), ...(parent ? { parent } : {}) }), undefined)!)));

  connection.onDocumentLinks(answerForDocument(connection, store, 'documentLinks', [], (_params, _doc, model) =>
    documentLinks(model).map((l) => ({ range: rangeIn(model.file.lineIndex, l.start, l.end), target: store.uriFor(l.path), tooltip: l.tooltip }))));
}
