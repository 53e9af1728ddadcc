// Runtime strings. The source strings are Chinese (the default UI); l10n/bundle.l10n.en.json has English.
//
// VS Code's own lookup (vscode.l10n.t) loads `bundle.l10n.<display language>.json` — except for its
// default display language, English: then it loads no bundle at all and returns the source string
// (src/vs/workbench/api/common/extHostLocalizationService.ts: `if (this.isDefaultLanguage) return message`).
// With Chinese source strings that would show Chinese to English users, so for an English display
// language the English bundle is looked up here (it is bundled into dist/extension.cjs). Every other
// display language goes through vscode.l10n.t: a bundle.l10n.<lang>.json added to l10n/ is picked up,
// and without one the Chinese source string shows — as package.nls.json does for the manifest.
import * as vscode from 'vscode';
import english from '../l10n/bundle.l10n.en.json' with { type: 'json' };

type Arg = string | number | boolean;

const ENGLISH: Record<string, string> = english;

export function isEnglish(language: string = vscode.env.language): boolean {
  return /^en(-|$)/i.test(language);
}

/** `{0}`, `{1}` … replaced by the arguments, as vscode.l10n.t does. */
export function format(template: string, args: readonly Arg[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

/** Translates a Chinese source string for the display language. */
export function t(message: string, ...args: Arg[]): string {
  if (isEnglish()) return format(ENGLISH[message] ?? message, args);
  return vscode.l10n.t(message, ...args);
}
