// The display language the e2e tests run in: Chinese (zh-cn), as a writer's VS Code would be.
//
// code-server honours `--locale zh-cn` only when a language pack for zh-cn is registered in the
// user-data-dir's languagepacks.json (otherwise the workbench and the extension host stay 'en', and the
// baogao extension shows its English titles from package.nls.en.json). No language pack can be
// downloaded here, so fixtures/locale-zh-cn stands in for one: it registers zh-cn with no translations
// of VS Code's own strings. Result: VS Code's UI stays English (the harness's palette labels and
// selectors keep working), vscode.env.language is 'zh-cn', and the baogao extension shows its Chinese
// titles (package.nls.json: 排版为纯文本, 打开预览, …) — what a writer with the Chinese language pack sees
// from the extension.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { E2E_ROOT } from './env';

export const LOCALE = process.env.BAOGAO_E2E_LOCALE ?? 'zh-cn';

const PACK = path.join(E2E_ROOT, 'fixtures', 'locale-zh-cn');

/** code-server arguments and user-data files for the test display language. */
export function localeSetup(locale: string = LOCALE): { args: string[]; userDataFiles: Record<string, string> } {
  if (locale.startsWith('en')) return { args: ['--locale', locale], userDataFiles: {} };
  if (locale !== 'zh-cn') throw new Error(`BAOGAO_E2E_LOCALE=${locale}: only zh-cn (or en) is set up`);
  // The entry VS Code writes when a language pack extension is installed (LanguagePacksCache).
  const translations = path.join(PACK, 'translations', 'main.i18n.json');
  const packs = {
    'zh-cn': {
      hash: createHash('md5').update(`baogao-e2e.locale-zh-cn@0.0.1:${translations}`).digest('hex'),
      extensions: [{ extensionIdentifier: { id: 'baogao-e2e.locale-zh-cn' }, version: '0.0.1' }],
      translations: { vscode: translations },
      label: '中文(简体)',
    },
  };
  return { args: ['--locale', locale], userDataFiles: { 'languagepacks.json': JSON.stringify(packs, null, 2) } };
}
