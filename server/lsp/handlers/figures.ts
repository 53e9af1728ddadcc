// baogao/figures: every figure of the open report, as the figures table shows it.
import type { CancellationToken } from 'vscode-languageserver';
import { describeFigures, diagnosticsOn } from '../../language/figureDescription.js';
import type { ServerContext } from '../context.js';
import { positionIn } from '../convert.js';
import { FiguresRequest, type FigureRow } from '../protocol.js';
import { answerOrFail, LongWork, requireOpenDocument } from '../requests.js';

export function register({ connection, store }: ServerContext): void {
  connection.onRequest(FiguresRequest.method, answerOrFail(connection, 'figures', (params: FiguresRequest.Params, token?: CancellationToken): FiguresRequest.Result => {
    const doc = requireOpenDocument(store, params);
    const model = store.modelFor(doc);
    // Cancelled while its document was analysed (a keystroke's model came first): no table.
    LongWork.of(token).throwIfCancelled();
    const found = store.diagnosticsFor(doc);
    const figures = describeFigures(model).map((f): FigureRow => ({
      name: f.name,
      value: f.printed ?? null,
      formula: f.formula ?? null,
      check: f.check ?? null,
      computed: f.computed ?? null,
      hidden: f.hidden,
      used: f.used,
      problems: diagnosticsOn(f, found, model).map((d) => ({ code: d.code, message: d.message })),
      // The character as the client counts it (a client that counts bytes or code points says so at initialize).
      location: { uri: store.uriFor(f.path), ...positionIn(store.linesOf(f.path, model), f.start) },
    }));
    return { uri: doc.uri, title: model.header.values.标题?.text ?? null, kind: model.header.kind ?? null, figures };
  }));
}
