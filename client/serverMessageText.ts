// The server's window messages (window/showMessage) in a language: the server writes them in Chinese from
// the templates of WINDOW_MESSAGES, and this finds the template a message was made from and translates it
// as the client's own strings are (l10n.t takes literal strings: one case a template). A message of no
// template is shown as sent, and so is an argument of none (a file name, a value). It imports nothing of
// VS Code, so a test can translate with the English bundle: serverMessages.ts passes the client's l10n.
import { windowMessageParts } from '../server/lsp/protocol.js';

/** What translates: the client's l10n (client/l10n.ts), or a test's. */
export interface Translator {
  t(message: string, ...args: string[]): string;
}

/**
 * A server message in the display language: its arguments first, as one may be a message of a template
 * itself (the problem inside “baogao 设置有误”, the type inside “应是{0}”); the depth is the template's.
 */
export function translatedServerMessage(message: string, l10n: Translator): string {
  const parts = windowMessageParts(message);
  if (!parts) return message;
  const [a = '', b = '', c = '', d = ''] = parts.args.map((arg) => translatedServerMessage(arg, l10n));
  switch (parts.key) {
    case 'indexReports':
      return l10n.t('工作区文件夹“{0}”中的报告已达 {1} 个的上限：工作区索引（工作区符号、引用、“检查整个工作区”等）只含这些报告，其余的没有查找。请只把报告所在的文件夹打开为工作区。（BG918）', a, b);
    case 'indexFolders':
      return l10n.t('工作区文件夹“{0}”中的文件夹超过 {1} 个：工作区索引（工作区符号、引用、“检查整个工作区”等）只含前 {1} 个文件夹中找到的 {2} 个报告，其余的没有查找。请只把报告所在的文件夹打开为工作区。（BG918）', a, b, c);
    case 'misnamedReport':
      return l10n.t('报告“{0}”的文件名中有不是 UTF-8 的字节（显示为“�”），多半是 GBK 编码的文件名（在 Windows 上压缩、在 Linux 上解压的文件常常这样），程序打不开它：请把文件改名（如 convmv -f gbk -t utf8 --notest 文件名）。工作区索引和“检查工作区”不含这份报告。（BG909）', a);
    case 'misnamedFolder':
      return l10n.t('文件夹“{0}”的文件名中有不是 UTF-8 的字节（显示为“�”），多半是 GBK 编码的文件名（在 Windows 上压缩、在 Linux 上解压的文件常常这样），程序打不开它：请把文件改名（如 convmv -f gbk -t utf8 --notest 文件名）。其中的报告不在工作区索引和“检查工作区”之内。（BG909）', a);
    case 'misnamedMore':
      return l10n.t('{0}另有 {1} 个报告或文件夹的名字也是这样，见输出面板。', a, b);
    case 'settingsProblem':
      return l10n.t('baogao 设置有误（{1}）：{0}', a, b);
    case 'settingsProblems':
      return l10n.t('baogao 设置有 {2} 处错误，都记在输出面板中；第一处（{1}）：{0}', a, b, c);
    case 'settingTooLong':
      return l10n.t('“{0}”有 {1} 项，最多 {2} 项：只用前 {2} 项。', a, b, c);
    case 'settingBadItem':
      return l10n.t('“{0}”的第 {1} 项{2}，已忽略这一项（所写的是 {3}）。', a, b, c, d);
    case 'settingMoreBadItems':
      return l10n.t('“{0}”还有 {1} 项有误，都已忽略。', a, b);
    case 'settingBadValue':
      return l10n.t('“{0}”{1}，已忽略，按默认值（所写的是 {2}）。', a, b, c);
    case 'settingUnknown':
      return l10n.t('不认识的设置“{0}”，已忽略。可用的设置：{1}。', a, b);
    case 'settingsNotObject':
      return l10n.t('设置应是一个 JSON 对象（{ … }），而不是 {0}；全部按默认值。', a);
    case 'settingDeadline':
      return l10n.t('“deadline”的“{0}”不是真实的月日：应写成 "4-1" 表示次年4月1日。', a);
    case 'settingTermsNotObject':
      return l10n.t('“terms”应是对象，例如 {"行政规范文件": "行政规范性文件"}（键为错误写法、值为规范用语）。');
    case 'settingIndicatorsNotObject':
      return l10n.t('“indicators”应是对象，例如 {"矛盾纠纷调处": ["调处", "化解纠纷"]}（键为标准指标、值为各报告中的指标名称）。');
    case 'settingEntry':
      return l10n.t('“{0}”中的“{1}”无法识别：{2}', a, b, c);
    case 'settingTermSame':
      return l10n.t('值应是与之不同的规范用语。');
    case 'settingIndicatorNames':
      return l10n.t('应是指标名称的列表。');
    case 'valueAt':
      return l10n.t('中“{0}”{1}', a, b);
    case 'valueType':
      return l10n.t('应是{0}', a);
    case 'valueEnum':
      return l10n.t('应是以下之一：{0}', a);
    case 'valueRange':
      return l10n.t('应在 {0} 到 {1} 之间', a, b);
    case 'valueMissing':
      return l10n.t('缺少“{0}”', a);
    case 'valueUnknownKey':
      return l10n.t('不认识“{0}”', a);
    case 'valueTitleOrObject':
      return l10n.t('应是字符串，或含 "title" 的对象');
    case 'valueMalformed':
      return l10n.t('格式不对');
    case 'valueDeadlinePattern':
      return l10n.t('应写成“4-1”或“4月1日”');
    case 'valueCodePattern':
      return l10n.t('检查代码形如 BG601');
    case 'typeString':
      return l10n.t('字符串');
    case 'typeInteger':
      return l10n.t('整数');
    case 'typeNumber':
      return l10n.t('数字');
    case 'typeArray':
      return l10n.t('列表');
    case 'typeObject':
      return l10n.t('对象');
    case 'typeBoolean':
      return l10n.t('真假值');
  }
}
