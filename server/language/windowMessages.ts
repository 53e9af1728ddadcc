// The messages the language server shows in a window (window/showMessage), as Chinese templates with
// {0}, {1}… for their arguments. Any client shows a message as sent; the VS Code client finds the template
// it was made from and shows it in the display language (client/serverMessages.ts,
// l10n/bundle.l10n.en.json). An argument may itself be a message of a template (a settings problem inside
// “baogao 设置有误”, a type's name inside “应是{0}”): the client translates it the same way, inside out.
//
// So a message can be read back, no placeholder follows another directly, and an argument the writer
// typed (a setting's value, a file name) comes last or before words it cannot hold in practice.

/** Why a name showing “\ufffd” names no file, and what to do (BG909): for the command and the language server alike. */
export const NOT_UTF8_NAME = '文件名中有不是 UTF-8 的字节（显示为“\ufffd”），多半是 GBK 编码的文件名（在 Windows 上压缩、在 Linux 上解压的文件常常这样），程序打不开它：请把文件改名（如 convmv -f gbk -t utf8 --notest 文件名）';

export const WINDOW_MESSAGES = {
  /** A workspace folder's walk stopped at WALK_LIMITS.files reports (BG918). */
  indexReports: '工作区文件夹“{0}”中的报告已达 {1} 个的上限：工作区索引（工作区符号、引用、“检查整个工作区”等）只含这些报告，其余的没有查找。请只把报告所在的文件夹打开为工作区。（BG918）',
  /** A workspace folder's walk stopped at WALK_LIMITS.folders folders (BG918). */
  indexFolders: '工作区文件夹“{0}”中的文件夹超过 {1} 个：工作区索引（工作区符号、引用、“检查整个工作区”等）只含前 {1} 个文件夹中找到的 {2} 个报告，其余的没有查找。请只把报告所在的文件夹打开为工作区。（BG918）',

  /** A report a walk found whose name is not UTF-8 (BG909). */
  misnamedReport: `报告“{0}”的${NOT_UTF8_NAME}。工作区索引和“检查工作区”不含这份报告。（BG909）`,
  /** A folder a walk found whose name is not UTF-8 (BG909). */
  misnamedFolder: `文件夹“{0}”的${NOT_UTF8_NAME}。其中的报告不在工作区索引和“检查工作区”之内。（BG909）`,
  /** The first of several misnamed reports or folders a walk found ({0} a message above). */
  misnamedMore: '{0}另有 {1} 个报告或文件夹的名字也是这样，见输出面板。',

  /** The editor's baogao.* settings have a problem ({0} a settings problem below, {1} its code). */
  settingsProblem: 'baogao 设置有误（{1}）：{0}',
  /** …and more problems, each in the log: {2} of them, the first shown. */
  settingsProblems: 'baogao 设置有 {2} 处错误，都记在输出面板中；第一处（{1}）：{0}',

  // Settings problems (BG906, BG961, BG963), in the window and in a baogao.json's diagnostics alike.
  settingTooLong: '“{0}”有 {1} 项，最多 {2} 项：只用前 {2} 项。',
  settingBadItem: '“{0}”的第 {1} 项{2}，已忽略这一项（所写的是 {3}）。',
  settingMoreBadItems: '“{0}”还有 {1} 项有误，都已忽略。',
  settingBadValue: '“{0}”{1}，已忽略，按默认值（所写的是 {2}）。',
  settingUnknown: '不认识的设置“{0}”，已忽略。可用的设置：{1}。',
  settingsNotObject: '设置应是一个 JSON 对象（{ … }），而不是 {0}；全部按默认值。',
  settingDeadline: '“deadline”的“{0}”不是真实的月日：应写成 "4-1" 表示次年4月1日。',
  settingTermsNotObject: '“terms”应是对象，例如 {"行政规范文件": "行政规范性文件"}（键为错误写法、值为规范用语）。',
  settingIndicatorsNotObject: '“indicators”应是对象，例如 {"矛盾纠纷调处": ["调处", "化解纠纷"]}（键为标准指标、值为各报告中的指标名称）。',
  settingEntry: '“{0}”中的“{1}”无法识别：{2}',
  settingTermSame: '值应是与之不同的规范用语。',
  settingIndicatorNames: '应是指标名称的列表。',

  // What is wrong with a setting's value (the {1} of settingBadValue, the {2} of settingBadItem).
  valueAt: '中“{0}”{1}',
  valueType: '应是{0}',
  valueEnum: '应是以下之一：{0}',
  valueRange: '应在 {0} 到 {1} 之间',
  valueMissing: '缺少“{0}”',
  valueUnknownKey: '不认识“{0}”',
  valueTitleOrObject: '应是字符串，或含 "title" 的对象',
  valueMalformed: '格式不对',
  /** package.nls.json's config.deadline.pattern without its full stop. */
  valueDeadlinePattern: '应写成“4-1”或“4月1日”',
  /** package.nls.json's config.code.pattern without its full stop. */
  valueCodePattern: '检查代码形如 BG601',
  typeString: '字符串',
  typeInteger: '整数',
  typeNumber: '数字',
  typeArray: '列表',
  typeObject: '对象',
  typeBoolean: '真假值',
} as const;

export type WindowMessageKey = keyof typeof WINDOW_MESSAGES;

/** A window message of its template and arguments. */
export function windowMessage(key: WindowMessageKey, ...args: Array<string | number>): string {
  return WINDOW_MESSAGES[key].replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

/** The words of a template, without its placeholders: the longer, the more particular the template. */
const literalLength = (template: string) => template.replace(/\{\d+\}/g, '').length;

/**
 * The template and arguments a window message was made from, or undefined for another message. Of the
 * templates it fits, the most particular (“应是以下之一：{0}” before “应是{0}”).
 */
export function windowMessageParts(message: string): { key: WindowMessageKey; args: string[] } | undefined {
  let best: { key: WindowMessageKey; args: string[] } | undefined;
  for (const key of Object.keys(WINDOW_MESSAGES) as WindowMessageKey[]) {
    if (best && literalLength(WINDOW_MESSAGES[key]) <= literalLength(WINDOW_MESSAGES[best.key])) continue;
    const args = argumentsIn(WINDOW_MESSAGES[key], message);
    if (args) best = { key, args };
  }
  return best;
}

/**
 * The arguments of `message` if it was made from `template`: the text between its literal parts, each
 * argument up to the first place its next part follows (a repeated placeholder must repeat its text).
 */
function argumentsIn(template: string, message: string): string[] | undefined {
  const parts = template.split(/(\{\d+\})/);
  if (!message.startsWith(parts[0]!)) return undefined;
  const args: string[] = [];
  let at = parts[0]!.length;
  for (let i = 1; i < parts.length; i += 2) {
    const index = Number(parts[i]!.slice(1, -1));
    const next = parts[i + 1]!;
    const last = i + 2 >= parts.length;
    const end = last ? (message.endsWith(next) ? message.length - next.length : -1) : message.indexOf(next, at);
    if (end < at) return undefined;
    const value = message.slice(at, end);
    if (args[index] !== undefined && args[index] !== value) return undefined;
    args[index] = value;
    at = end + next.length;
  }
  return at === message.length ? args : undefined;
}
