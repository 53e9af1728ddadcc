// Client-side reading of the `baogao.*` settings: `${workspaceFolder}` in folder settings, and the
// template folders (used only in a trusted workspace — Workspace Trust, package.json capabilities).
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Replaces `${workspaceFolder}` (the first folder, or the one containing `resource`) in a path. */
export function expandFolder(value: string, resource?: vscode.Uri): string {
  const folder = (resource && vscode.workspace.getWorkspaceFolder(resource)) ?? vscode.workspace.workspaceFolders?.[0];
  const root = folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
  return root ? value.replace(/\$\{workspaceFolder\}/g, root) : value;
}

/** The section the server reads (workspace/configuration), with `${workspaceFolder}` expanded. */
export function resolveServerSettings(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const settings = { ...(value as Record<string, unknown>) };
  if (Array.isArray(settings.snippetFolders)) {
    settings.snippetFolders = settings.snippetFolders.map((f) => (typeof f === 'string' ? expandFolder(f) : f));
  }
  return settings;
}

/**
 * The writer's template folders for rendering `document`, absolute. Empty in Restricted Mode: templates
 * from an untrusted workspace are not run (the built-in ones are).
 */
export function templateFolders(document: vscode.TextDocument): string[] {
  if (!vscode.workspace.isTrusted) return [];
  const configured = vscode.workspace.getConfiguration('baogao', document.uri).get<unknown>('templateFolders');
  if (!Array.isArray(configured)) return [];
  const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
  const base = folder?.uri.scheme === 'file' ? folder.uri.fsPath : document.uri.scheme === 'file' ? path.dirname(document.uri.fsPath) : undefined;
  return configured
    .filter((f): f is string => typeof f === 'string' && f.trim() !== '')
    .map((f) => expandFolder(f.trim(), document.uri))
    .map((f) => (path.isAbsolute(f) || !base ? f : path.join(base, f)));
}
