// Moving around and renaming: definition, references, rename, document links.
import { ErrorCodes, ResponseError, type CancellationToken, type WorkspaceEdit } from 'vscode-languageserver';
import { documentLinks } from '../../language/features/links.js';
import { definition, prepareRename, references, rename, type FileText } from '../../language/features/navigation.js';
import type { ServerContext } from '../context.js';
import { groupEdits, locationOf, offsetOf, rangeIn } from '../convert.js';
import { answerForDocument, LongWork } from '../requests.js';

export function register({ connection, store, workspaceFiles }: ServerContext): void {
  const { service } = store;

  connection.onDefinition(answerForDocument(connection, store, 'definition', [], (params, doc, model) =>
    definition(service, model, offsetOf(doc, params.position)).map((l) => locationOf(store, l, model))));

  // The workspace's files parsed a slice at a time first (cancellable, edits going first): the core's
  // pass over them then finds every tree in the parse cache.
  const parsedWorkspace = async (token: CancellationToken | undefined): Promise<FileText[]> => {
    const files = workspaceFiles();
    await LongWork.of(token).map(files, (f) => service.cache.parse(f.path, f.text));
    return files;
  };

  connection.onReferences(answerForDocument(connection, store, 'references', [], async (params, doc, model, token) =>
    references(service, model, offsetOf(doc, params.position), params.context?.includeDeclaration !== false, await parsedWorkspace(token)).map((l) => locationOf(store, l, model))));

  connection.onPrepareRename(answerForDocument(connection, store, 'prepareRename', null, (params, doc, model) => {
    const result = prepareRename(model, offsetOf(doc, params.position));
    if (!result.ok) throw new ResponseError(ErrorCodes.InvalidRequest, result.message);
    return { range: rangeIn(model.file.lineIndex, result.range.start, result.range.end), placeholder: result.placeholder };
  }));

  connection.onRenameRequest(answerForDocument(connection, store, 'rename', null, async (params, doc, model, token): Promise<WorkspaceEdit | null> => {
    const edits = rename(service, model, offsetOf(doc, params.position), String(params.newName ?? ''), await parsedWorkspace(token));
    if (typeof edits === 'string') throw new ResponseError(ErrorCodes.InvalidRequest, edits);
    return { changes: groupEdits(store, edits, model) };
  }));

  connection.onDocumentLinks(answerForDocument(connection, store, 'documentLinks', [], (_params, _doc, model) =>
    documentLinks(model).map((l) => ({ range: rangeIn(model.file.lineIndex, l.start, l.end), target: store.uriFor(l.path), tooltip: l.tooltip }))));
}
