// Shared helpers of the extension-host suite. Everything goes through the public `vscode` API, as
// another extension (or a user) would reach the baogao extension; nothing imports the extension's code.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'baogao.baogao';
export const LANGUAGE_ID = 'baogao';

/**
 * Activates the extension (as opening a report does) and checks the display language the suite
 * expects: the runner starts VS Code with --locale zh-cn, so the extension's titles and messages
 * are its Chinese ones (package.nls.json, l10n/), as a writer sees them.
 */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (extensions: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')})`);
  await ext.activate();
  assert.equal(vscode.env.language, 'zh-cn', 'VS Code was not started with --locale zh-cn');
  return ext;
}

/** The workspace folder: a temporary copy of samples/ made by the runner. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (the runner opens a copy of samples/)');
  return folder.uri;
}

export function fileUri(relPath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relPath.split('/'));
}

/** Opens a workspace file in an editor (pinned), as double-clicking it in the Explorer would. */
export async function openReport(relPath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(relPath));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Copies a sample to a new file of the workspace (so tests that edit leave the samples alone) and opens it. */
export async function openCopy(relPath: string, copyName: string): Promise<vscode.TextEditor> {
  await vscode.workspace.fs.copy(fileUri(relPath), fileUri(copyName), { overwrite: true });
  return openReport(copyName);
}

/** Writes a new workspace file and opens it. */
export async function openNew(name: string, text: string): Promise<vscode.TextEditor> {
  await vscode.workspace.fs.writeFile(fileUri(name), new TextEncoder().encode(text));
  return openReport(name);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until fn returns something other than undefined/false; fails with `what` and the last value seen. */
export async function waitFor<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs / 1000}s waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await sleep(100);
  }
}

/** The baogao diagnostics of a document. */
export function bgDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'baogao');
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

/** Waits until the server has published diagnostics for the document that satisfy `ok`. */
export function waitForDiagnostics(uri: vscode.Uri, ok: (list: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics: ${what}`, () => {
    const list = bgDiagnostics(uri);
    return ok(list) ? list : undefined;
  }, timeoutMs);
}

export const describeDiagnostics = (list: readonly vscode.Diagnostic[]) =>
  list.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message}`).join('\n');

/** The position of `needle` in the document, moved by `delta` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `"${needle}" not found in ${doc.uri.path}`);
  return doc.positionAt(i + delta);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Location or LocationLink → [uri, range of the target]. */
export function targetOf(l: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : { uri: l.uri, range: l.range };
}

/** All document symbols, depth first. */
export function flatten(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

/** The tabs of every editor group. */
export function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs);
}

/**
 * Closes all editors (between tests, so that each starts from the same state) without any "Save
 * changes?" dialog, which nobody would answer: edited workspace files (copies) are saved, edited
 * untitled documents (render output) reverted.
 */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme === 'file') await doc.save();
  }
  for (let i = 0; i < 20; i++) {
    const dirty = vscode.workspace.textDocuments.find((d) => d.isDirty && d.isUntitled);
    if (!dirty) break;
    await vscode.window.showTextDocument(dirty);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
