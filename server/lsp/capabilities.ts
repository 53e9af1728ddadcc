// What the server offers, in one place: the answer to `initialize`.
import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver';
import { TOKEN_MODIFIERS, TOKEN_TYPES } from '../language/features/semanticTokens.js';

/** Every safe fix at once: VS Code's Source Action menu and `editor.codeActionsOnSave: { "source.fixAll": … }`. */
export const SOURCE_FIX_ALL = `${CodeActionKind.SourceFixAll}.baogao`;

export const CAPABILITIES: ServerCapabilities = {
  // Said outright (LSP 3.17): positions count UTF-16 code units, as every client must support — also to a
  // client that offers only utf-8 (a CJK character is one unit, an emoji two). UTF-8 bytes or code points only
  // when the client asks in its initialization options (convert.ts; initialize says which).
  positionEncoding: 'utf-16',
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  documentSymbolProvider: { label: '报告' },
  workspaceSymbolProvider: true,
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['@', '＠', '{', '｛', '#', '＃', ' ', '《', '='], resolveProvider: false },
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, SOURCE_FIX_ALL, CodeActionKind.RefactorRewrite, CodeActionKind.RefactorExtract, CodeActionKind.RefactorInline], resolveProvider: false },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: { delta: true }, range: true },
  foldingRangeProvider: true,
  documentLinkProvider: { resolveProvider: false },
  documentHighlightProvider: true,
  selectionRangeProvider: true,
  inlayHintProvider: { resolveProvider: false },
  workspace: {
    // Folders added to or removed from the workspace while the server runs are told (didChangeWorkspaceFolders).
    workspaceFolders: { supported: true, changeNotifications: true },
    // Reports and folders renamed in the editor: the @上年 lines reading them follow (workspace/willRenameFiles).
    fileOperations: { willRename: { filters: [{ scheme: 'file', pattern: { glob: '**/*.bg', matches: 'file' } }, { scheme: 'file', pattern: { glob: '**/*', matches: 'folder' } }] } },
  },
};

/**
 * Pull diagnostics, offered only to clients that support them (others get them pushed). A report's
 * problems may change when another file changes (a snippet, last year's report): inter-file dependencies.
 */
export const DIAGNOSTIC_PROVIDER = { identifier: 'baogao', interFileDependencies: true, workspaceDiagnostics: false };

export const SERVER_INFO = { name: 'baogao', version: '0.1.0' };
