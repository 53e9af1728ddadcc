// Command ids, view types and other names other code (menus in package.json, end-to-end tests) relies on.
// Keep them stable.
export const LANGUAGE_ID = 'baogao';

export const Commands = {
  renderText: 'baogao.renderText',
  renderMarkdown: 'baogao.renderMarkdown',
  checkWorkspace: 'baogao.checkWorkspace',
  checkWordReports: 'baogao.checkWordReports',
  insertSkeleton: 'baogao.insertSkeleton',
  showFigures: 'baogao.showFigures',
  openPreview: 'baogao.openPreview',
  restartServer: 'baogao.restartServer',
  togglePreviewLock: 'baogao.togglePreviewLock',
  exportDocx: 'baogao.exportDocx',
  exportHtml: 'baogao.exportHtml',
  exportText: 'baogao.exportText',
  print: 'baogao.print',
  importWord: 'baogao.importWord',
  newFromLastYear: 'baogao.newFromLastYear',
  collectFigures: 'baogao.collectFigures',
  /** Internal: what the preview shows (for end-to-end tests). */
  previewState: 'baogao.previewState',
  /** Opens a page of docs/ shipped in the .vsix (settings link here). */
  openDocs: 'baogao.openDocs',
  /** Internal (not in the palette): reveals a place in a report; used by links in the figures table. */
  reveal: 'baogao.reveal',
} as const;

/** Webview panel types. */
export const Views = {
  preview: 'baogao.preview',
  figures: 'baogao.figures',
} as const;

/** The client's id: its settings are `baogao.*`, its trace setting `baogao.trace.server`. */
export const CLIENT_ID = 'baogao';
/** Diagnostics of files checked by 检查整个工作区 that are not open in an editor. */
export const WORKSPACE_DIAGNOSTICS = 'baogao-workspace';
/** The diagnostics of Word and text reports checked by 检查 Word 报告. */
export const SOURCE_DIAGNOSTICS = 'baogao-sources';
