// Web-page furniture around a report copied from a government site: breadcrumbs (首页 > 政务公开 > …),
// metadata lines (发布时间：… 来源：… 点击数：… 浏览次数, 索引号, 发布机构 …), print and close links
// (【打印】【关闭】), a stray "|", URLs, the site's own header line. None of it is the report's text: the
// importer removes it and lists each line. Metadata and breadcrumbs are looked for only above the
// report's first sentence, so prose that happens to say "来源：" is never touched.

/** Labels of the metadata lines government sites print above a document. */
const METADATA_LABEL =
  /^(?:发布时间|发表时间|更新时间|发布日期|发布机构|发布单位|发文机构|发文字号|发文日期|发文时间|发文机关|公文种类|成文日期|成文时间|效力状态|信息来源|来源|来自|点击数|点击量|点击率|浏览次数|浏览量|访问次数|访问量|阅读次数|阅读量|阅读数|作者|编辑|责任编辑|字号大小|字体大小|文字大小|字号|字体|索引号|信息索引号|主题分类|体裁分类|内容分类|组配分类|服务对象|有效性|公文时效|时效性|时效|公开方式|公开范围|公开时限|审核程序|文号|备注\/文号|生成日期|公文生成日期|生效日期|废止日期|失效日期|所属主题|所属机构|文件分类|信息名称|关键词|截止日期|有效性\/截止日期|内容概述|转自|转载自|稿源|出处|日期|时间|资源ID|资源大小|资源格式|全文页数|文档页数|文档格式|文件大小|文件格式|下载积分|下载次数|上传时间|上传人|上传者|所属类目|所属栏目|所属分类|信息分类|体裁|公开类别|公开类型|机构名称)\s*(?:[:：\]】]|$|\d|[\u4e00-\u9fff]{2,}(?:人民政府|政府|镇|乡|街道|办事处)$|有效$|无效$)/;

/**
 * Links and controls: 【打印】 [关闭] 收藏 分享 加大字体 扫一扫在手机打开当前页, a news site's app prompt (扫一扫下载界面新闻APP),
 * and the link lists under a page
 * (相关词条 热门词条 联系我们), a share panel's prompt, its targets and its close mark (分享至好友和朋友圈; 分享 微信 /
 * 头条 / 微博 空间 qq; ×), a document-sharing site's account links (购物车 我的足迹 加入Vip免费下载), an image's
 * placeholder (图片) … (a line of nothing else is furniture).
 */
// A bracketed control: its word with white space around it, or white space alone (one way to read each run).
const CONTROLS =
  /[【\[](?:\s*(?:打印(?:本页)?|关闭(?:窗口)?|收藏|分享|返回顶部|返回|字体\s*(?:[:：]\s*)?大\s*中\s*小|大|中|小)\s*|\s+)[】\]]|打印本页|打印|关闭窗口|关闭|返回顶部|加大字体|缩小字体|取消收藏|收藏|分享(?:至|到)(?:微信)?(?:好友)?(?:和|及|、)?(?:朋友圈)?|分享|无障碍|简体|繁体|扫一扫|在手机上?打开(?:当前页面?|本页)?|相关词条|热门词条|相关链接|相关阅读|推荐阅读|联系我们|联络我们|字体\s*[:：]|(?:快捷|立即|免费|会员登录|微信登录|三方登录|扫码)下载|下载[\u4e00-\u9fff]{0,8}?(?:APP|App|app|客户端)|下载文档|微信扫一扫登录|加入\s*(?:VIP|Vip|vip)(?:会员)?|购物车|我的足迹|图片|友情提示|保护视力色|(?:语音)?朗读|听全文|听本文|(?:点击)?收听(?:全文|本文)?|微信|微博|头条|[Qq]{2}(?:空间)?|空间|朋友圈|豆瓣|[大中小](?=\s|$)|[|｜丨•·\-—>»＞›×✕\s\u3000:：]+/g;

const BREADCRUMB = /^(?:首页|网站首页|您?(?:当前|现在|目前)?所?在?的?位置\s*[:：])|^(?:当前位置|您当前所在位置|您的位置|您现在的位置|您所在的位置|当前所在位置)|^[^。，,；;]{0,40}(?:\s[>»＞›]\s?|[>»＞›]\s)[^。，,；;]{0,80}$/;
const URL = /^(?:https?:\/\/|www\.)\S+$/i;
/**
 * A site header with the day of the week ("天津市静海区人民政府 2019年12月3日星期二", "今天是:2019年10月31日 星期三
 * 农历十月初七"), template-site boilerplate.
 */
const SITE_LINE = /星期[一二三四五六日天]\s*(?:农历\S*)?$|^今天是\s*[:：]?\s*\d{4}年|语音播报|播报模式|语音合成中|小编|供大家参考|本站(?:不支持|资源|所有资源|仅提供)|下载后.{0,12}(?:浏览器|打开)|试题试卷类文档|仅展示\d+字|全文共\d+字|开头部分已省略|更多>>|ICP备|公网安备/;

/**
 * The party's slogan a site prints as a banner above every page (“• 高举中国特色社会主义伟大旗帜，全面贯彻……而团结奋斗。”,
 * 沈阳市司法局 2025): above the report's first sentence, no report opens with it.
 */
const BANNER_SLOGAN = /^高举中国特色社会主义伟大旗帜[^。]{0,160}(?:团结奋斗|奋勇前进)[。!！]?$/;

/** A line of only the time the page was published: "2021年03月22日 16时47分", "2021-03-22 16:47:00". */
const PUBLISHED_AT = /^\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}(?:\s*日)?\s+\d{1,2}\s*[时:：]\s*\d{1,2}\s*(?:分|[:：]\d{1,2})?$/;

/**
 * A date on a line of its own, as sites write it (2026-01-27), or a short line ending in a date and time
 * (“浙江/台州-2026-01-27 00:00:00”), or a date and time with the site it came from after it (“2025-04-27 10:14
 * 黑龙江省人民政府网”), or the body that published it before the date (“省政府办公厅 2022-03-15”, 陕西省 2021 on a
 * reposting site): when a page was published. A date in 年月日 is left (a title's date, a signature's).
 */
const PAGE_DATE = /^\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}$|^[\u4e00-\u9fff（）()]{2,30}[ \u3000]+\d{4}-\d{1,2}-\d{1,2}$|^[^。，,；;]{0,30}?\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?$|^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s+[^\s。，,；;：:、]{2,20}$/;

/** A site's path of regions and columns with slashes: “浙江/台州 招标采购”. */
const SLASHED_PATH = /^[\u4e00-\u9fff]{2,8}(?:\/[\u4e00-\u9fff]{2,8})+(?:[\s\u3000-][^。，,；;：:]{0,20})?$/;

/**
 * A picture of the page as its markup or a converter writes it, on a line of its own: “<image>data:image/s3,"s3://crabby-images/…"</image>”
 * (巫溪县教委 2024, above the text), an HTML <img …> tag, Markdown's ![…](…). No report's words, wherever it stands.
 */
const IMAGE_LINE = /^(?:<image>[^<]*<\/image>|<img\b[^<>]*\/?>|!\[[^\]]*\]\([^()\s]*\))$/i;

/** A file's name on a line of its own: a document-sharing site's heading (海滨街2020年法治政府建设情况.docx). */
const FILE_NAME = /^[^\s。，,；;]{2,80}\.(?:docx?|wps|pdf|txt)$/i;

/**
 * The time a page was published, run into the report's first sentence (“发表时间 : 2025-03-18
 * 16:56:432024年以来,……”): the label, the date and the time (with its seconds) are furniture, the rest is the report.
 */
export const PUBLISHED_PREFIX = /^(?:发布时间|发表时间|更新时间|发布日期|日期|时间)\s*[:：]\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*/;

/**
 * A page's counter label left empty (the page fills it in by script), run into the report's first sentence:
 * “访问次数:2024年,浙江省交通运输厅……”. The label is furniture; a figure after it could be the count's or the
 * sentence's (“访问次数:2024年” is the sentence's year), so it stays.
 */
export const EMPTY_COUNTER_PREFIX = /^(?:访问次数|访问量|浏览次数|浏览量|点击数|点击量|点击率|阅读次数|阅读量|阅读数)\s*[:：]\s*/;

/**
 * An 索引号 printed without its label, on a line of its own: the body's code, the year (and month) and a
 * number — “11371202004358421D/2025-6640947”, “000014349/2026-09474”, “1134162200317919XW/202312-00021”.
 */
const INDEX_NUMBER = /^[0-9A-Z]{9,18}\s*\/\s*\d{4}(?:\d{2})?\s*-\s*\d{3,}$/;

/** Labels of a page's information table that only such a table has (责任部门 塘栖镇 公开形式 主动公开). */
const TABLE_LABEL = /^(?:责任部门|责任科室|责任单位|发布机构|发布单位|公开形式|公开方式|公开范围|公开时限|文件编号|发文字号|成文日期|发布日期|索引号|信息索引号|主题分类|组配分类|体裁分类|有效性)$/;

/**
 * A row of a page's information table printed as text: labels and their values parted by spaces, two labels
 * or more and nothing else (“责任部门 塘栖镇 公开形式 主动公开”, “责任科室 塘栖镇 公开范围 面向社会”).
 */
function isLabelRow(line: string): boolean {
  if (line.length > 80 || /[，,。；;]/.test(line)) return false;
  const cells = line.split(/[ \u3000]+/);
  if (cells.length < 4 || cells.length > 8) return false;
  let labels = 0;
  for (let i = 0; i < cells.length; i += 2) if (TABLE_LABEL.test(cells[i]!)) labels++;
  return labels >= 2;
}

/** A label a page spaced out to fill its column (“索 引 号:”, “文 号:”): its characters joined again. */
function unspacedLabel(line: string): string {
  const m = /^[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,4}(?=\s*[:：])/.exec(line);
  return m ? m[0].replace(/[ \u3000]+/g, '') + line.slice(m[0].length) : line;
}

/**
 * The question marks a mirror prints for the spaces a page padded a label with (“時????????效”, “索??引??號”):
 * between two characters of a label they are no text.
 */
const PADDING_MARKS = /(?<=[\u4e00-\u9fff])\?+(?=[\u4e00-\u9fff])/g;

/** A row of a page's information table with a label and empty cells only (“时效 |”, “有效性 | ||”). */
const EMPTY_CELL_ROW = /^[\u4e00-\u9fff]{2,6}[ \u3000]*(?:[|｜][ \u3000]*)+$/;

/**
 * A row of a page's information bar with its labels in brackets, two or more (“[ 发布机构 ] 石柱县民宗委 [ 发文字号 ]”),
 * the labels maybe spaced out to fill their cells (“[ 索 引 号 ] 1150…/2026-00001 [ 主题分类 ] 其他 [ 体裁分类 ] 公文”).
 */
const BRACKETED_ROW = /^(?:[\[【]\s*[\u4e00-\u9fff/](?:[ \u3000]?[\u4e00-\u9fff/]){1,9}\s*[\]】][^\[【]*){2,}$/;

/**
 * The value of an information table's cell on a line of its own, its label lost in the copy (盈浦街道's page prints
 * “无 / 主动公开 / 无 / 无 / 2025.12.17” under the title): above the first sentence no report writes these alone.
 */
const VALUE_ONLY = /^(?:无|暂无|主动公开|依申请公开|不予公开|有效|现行有效|已失效|失效|废止)$/;

/**
 * A page's tab or link on a line of its own above the first sentence: a tender site's “内容” tab and its “发送至邮箱”
 * link above the title repeated (鲅鱼圈区 2021). No report writes these alone above its first sentence.
 */
const PAGE_TAB = /^(?:内容|正文|发送(?:至|到)邮箱)$/;

/**
 * A document-sharing site's banner above the text: “《街道2022年度……工作报告.docx》由会员分享,可在线阅读,更多相关《…….docx(14页珍藏版)》
 * 请在优知文库上搜索。” (459) — the file's name, the member who shared it, the pages it has: no report writes these.
 */
const SHARING_BANNER = /由会员分享[，,]\s*可在线阅读|页珍藏版[)）]》/;

export type FurnitureKind = '网页导航' | '网页信息栏' | '网页按钮' | '网址' | '网页页眉' | '文件名' | '网页图片';

/** Is this (trimmed) line page furniture? `top` is true above the report's first sentence. */
export function furnitureKind(line: string, top: boolean): FurnitureKind | undefined {
  const bare = line.replace(/^[-•·*\s\u3000\[【]+/, '');
  if (!bare) return line ? '网页按钮' : undefined;
  if (URL.test(bare)) return '网址';
  if (IMAGE_LINE.test(bare)) return '网页图片';
  if (SITE_LINE.test(bare) && bare.length <= 80) return '网页页眉';
  if (line.replace(CONTROLS, '') === '') return '网页按钮';
  if (!top) return undefined;
  if (BANNER_SLOGAN.test(bare)) return '网页页眉';
  if (SHARING_BANNER.test(bare)) return '网页页眉';
  if (EMPTY_CELL_ROW.test(bare.replace(PADDING_MARKS, ''))) return '网页信息栏';
  if (FILE_NAME.test(bare)) return '文件名';
  if (BREADCRUMB.test(bare) && !/[。；]/.test(bare)) return '网页导航';
  if (BRACKETED_ROW.test(line.trim())) return '网页信息栏';
  if (VALUE_ONLY.test(bare)) return '网页信息栏';
  if (PAGE_TAB.test(bare)) return '网页按钮';
  if (/\s[|｜]\s/.test(bare) && !/[，,。；]/.test(bare)) return '网页导航';
  if (PUBLISHED_AT.test(bare) || PAGE_DATE.test(bare)) return '网页信息栏';
  if (SLASHED_PATH.test(bare)) return '网页导航';
  if (INDEX_NUMBER.test(bare)) return '网页信息栏';
  if (METADATA_LABEL.test(unspacedLabel(bare)) && !/。/.test(bare) && bare.length <= 120) return '网页信息栏';
  if (isLabelRow(bare)) return '网页信息栏';
  if (/(?:发布时间|来源|点击数|浏览次数|访问次数|发布日期|发文日期|成文日期)\s*[:：]/.test(bare) && !/。/.test(bare) && bare.length <= 160) return '网页信息栏';
  return undefined;
}

/**
 * A title in a cell of the page's information table, the empty cells after it (“白鹤街道2022年度法治政府建设报告 | ||”),
 * or a row of one cell drawn with bars on both sides (“| 天津市滨海新区新村街道2025年度法治政府建设情况报告 |”).
 */
const TITLE_CELL = /^(?:[|｜][ \u3000]*)*([^|｜\s，,。；;][^|｜，,。；;]{3,59}?(?:报告|总结|汇报))(?:[ \u3000]*[|｜])+[ \u3000]*$/;

/** The title alone when a line is a title's cell of a page's table (undefined otherwise). */
export function titleCell(line: string): string | undefined {
  return TITLE_CELL.exec(line)?.[1]!.trim();
}

/**
 * A title under its label in a page's information table: “标题: 浑源县2025年法治政府建设年度报告”, “标　题：……”,
 * a row of a table drawn with bars (“| 标题: | 武安镇2024年法治政府建设年度报告 | ||||”, “标????题 | ……报告 | ||”, the
 * label padded by a mirror's question marks and parted by a bar alone), or an item of a bulleted
 * list (“• 标  题:山亭区徐庄镇2025年度法治政府建设情况报告”, “- 标 题:市中区人力资源和社会保障局……报告”) or a bracketed label (“[ 标 题 ] 石柱土家族自治县民族宗教事务委员会关于……的报告”).
 */
const TITLE_LABEL = /^([|｜]?[ \u3000]*(?:[•·▪*\-][ \u3000]*)?(?:[\[【][ \u3000]*)?(?:标[\s?]*题|文件名称|名[\s?]*称)\s*(?:[:：\]】]|(?=[|｜]))\s*(?:[|｜][ \u3000]*)?)([^\s|｜].{2,78}?(?:报告|总结|汇报))[ \u3000]*(?:[|｜][ \u3000]*)*$/;

/** The label before a title in a page's information table, and the title (undefined when the line is none). */
export function labelledTitle(line: string): { label: string; title: string } | undefined {
  const m = TITLE_LABEL.exec(line);
  return m ? { label: m[1]!.replace(/[|｜•·▪*\-\[\]【】]/g, '').replace(PADDING_MARKS, '').trim(), title: m[2]! } : undefined;
}

/**
 * A title with the page's metadata run on after it on the same line: “奉贤区档案局2023年度法治政府建设情况报告
 * 信息来源: 发布时间:2024-01-02”. No comma or full stop in the title; the metadata starts with its label.
 */
// Or the next cell's label left dangling after it, a table's row broken where its cells were (“中共双牌县教育局党组
// 2024年度法治政府建设年度报告 - 文号:”, the 文号 empty).
// Or a byline with no labels — the publisher and the date, a news page's way: “上海市统计局2019年度法治政府建设情况
// 报告 上海市统计局 2020-06-08”. The date ending the line is what tells it from a title broken by a space.
const TITLE_THEN_METADATA = /^([^\s，,。；;：:|｜][^，,。；;：:|｜]{5,58}?(?:报告|总结|汇报))[ \u3000]+((?:信息来源|来源|发布时间|发布日期|更新时间|发布机构|时间|日期|作者|点击数|浏览次数|阅读次数)\s*[:：].*|-[ \u3000]*(?:文号|发文字号|索引号|名称)\s*[:：][ \u3000]*|(?:[\u4e00-\u9fff（）()]{2,30}[ \u3000]+)?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ \u3000]+\d{1,2}:\d{2}(?::\d{2})?)?)$/;

/** The title and the metadata after it, when a line is a title followed by the page's metadata (undefined otherwise). */
export function titleThenMetadata(line: string): { title: string; metadata: string } | undefined {
  const m = TITLE_THEN_METADATA.exec(line);
  return m ? { title: m[1]!, metadata: m[2]! } : undefined;
}

/** The 成文日期 of a page's information bar: “[ 成文日期 ] 2026-01-22”, “成文日期: | 2022-02-11 |”. */
// The separators as one bounded run: three runs of white space in a row were cubic in a line of spaces.
const WRITTEN_ON = /成文日期[\s\]】:：|｜]{0,12}(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

/** The date written on a furniture line as the document's 成文日期, as “2022年2月11日” (undefined when none). */
export function writtenOnOf(line: string): string | undefined {
  const m = line.includes('成文日期') ? WRITTEN_ON.exec(line) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : undefined;
}

/** A line that reads as prose: a sentence, not a title, label or link. */
export function isSentence(line: string): boolean {
  return line.length >= 30 && /[，,。；]/.test(line);
}
