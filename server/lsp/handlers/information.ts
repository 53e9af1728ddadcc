// What the editor shows at the cursor and between the words: hover, completion, inlay hints.
import { CompletionItemKind, InlayHintKind, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { citationRegistry } from '../../language/checks/citations.js';
import { complete, type CompletionItem as FeatureItem, type CompletionKind } from '../../language/features/completion.js';
import { hover } from '../../language/features/hover.js';
import { inlayHints } from '../../language/features/inlayHints.js';
import type { ServerContext } from '../context.js';
import { offsetOf, positionIn, rangeIn } from '../convert.js';
import { answerForDocument } from '../requests.js';

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword, value: CompletionItemKind.Value, figure: CompletionItemKind.Variable, constant: CompletionItemKind.Constant,
  unit: CompletionItemKind.Unit, snippet: CompletionItemKind.Module, parameter: CompletionItemKind.Property, citation: CompletionItemKind.Reference,
  label: CompletionItemKind.Reference, heading: CompletionItemKind.Text, file: CompletionItemKind.File,
};

export function register({ connection, store, client }: ServerContext): void {

  connection.onHover(answerForDocument(connection, store, 'hover', null, (params, doc, model) => {
    const result = hover(model, offsetOf(doc, params.position), citationRegistry(store.serviceFor(model.file.path).settings.checks));
    return result ? { contents: { kind: 'markdown' as const, value: result.markdown }, range: rangeIn(model.file.lineIndex, result.start, result.end) } : null;
  }));

  connection.onCompletion(answerForDocument(connection, store, 'completion', [], (params, doc, model): CompletionItem[] | CompletionList => {
    const items = complete(store.serviceFor(model.file.path), model, offsetOf(doc, params.position), { today: new Date(), citations: citationRegistry(store.serviceFor(model.file.path).settings.checks) });
    const shown = (item: FeatureItem, i: number): CompletionItem => ({
      label: item.label,
      kind: COMPLETION_KIND[item.kind],
      ...(item.detail ? { detail: item.detail } : {}),
      sortText: String(i).padStart(4, '0'),
    });
    // Every name replaces the same word: a client that takes a shared range is sent it once, not with each
    // of the (in a long report, thousands of) names.
    const first = items[0];
    if (client.completionEditRange && first && items.every((item) => item.start === first.start && item.end === first.end)) {
      return {
        isIncomplete: false,
        itemDefaults: { editRange: rangeIn(model.file.lineIndex, first.start, first.end) },
        items: items.map((item, i) => ({ ...shown(item, i), ...(item.insertText !== undefined && item.insertText !== item.label ? { textEditText: item.insertText } : {}) })),
      };
    }
    return items.map((item, i) => ({ ...shown(item, i), textEdit: { range: rangeIn(model.file.lineIndex, item.start, item.end), newText: item.insertText ?? item.label } }));
  }));

  connection.languages.inlayHint.on(answerForDocument(connection, store, 'inlayHint', [], (params, doc, model) => {
    const start = params.range ? offsetOf(doc, params.range.start) : 0;
    const end = params.range ? offsetOf(doc, params.range.end) : doc.getText().length;
    return inlayHints(model, start, end).map((h) => ({
      position: positionIn(model.file.lineIndex, h.offset),
      label: h.label,
      kind: h.kind === 'value' ? InlayHintKind.Type : InlayHintKind.Parameter,
      paddingLeft: h.kind === 'value',
    }));
  }));
}
