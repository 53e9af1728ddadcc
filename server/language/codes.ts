// Every diagnostic code the product can emit, with its default severity and documentation.
// docs/CODES.md is generated from this table (`npm run docs:codes`) and a test keeps the two equal.
import type { Severity } from '../../grammar/diagnostic.js';

export interface CodeInfo {
  code: string;
  severity: Severity;
  /** Short Chinese name of what is found. */
  title: string;
  /** What it finds and what to do, in a sentence or two. */
  description: string;
  /** A line of .bg text that triggers it. */
  example: string;
  /** The quick fix offered, if any. */
  fix?: string;
}

const table: CodeInfo[] = [
  // ---- syntax (grammar/)
  { code: 'BG001', severity: 'error', title: '花括号未闭合', description: '指标的“{”在本行内没有对应的“}”。', example: '共调处{调处 = 150起', fix: '补上“}”' },
  { code: 'BG002', severity: 'error', title: '指标写法有误', description: '花括号内的内容不是任何一种指标写法。', example: '{调处 = = 150}' },
  { code: 'BG003', severity: 'error', title: '空的指标', description: '花括号内什么也没有。', example: '成功率达{}' },
  { code: 'BG004', severity: 'error', title: '标题层级过深', description: '标题最多四级：一、（一）1.（1）。', example: '##### 第五级' },
  { code: 'BG005', severity: 'error', title: '未知的指令', description: '以“@”开头的行不是已知的指令。', example: '@作者 张三' },
  { code: 'BG006', severity: 'warning', title: '标签位置不对', description: '标签“{#…}”只能写在标题末尾。', example: '正文{#举措}' },
  { code: 'BG009', severity: 'error', title: '无法识别的写法', description: '指令参数或其他标记的写法有误。', example: '@引用 =桂圩镇' },
  // ---- header (server/language/header.ts)
  { code: 'BG101', severity: 'error', title: '年度有误', description: '“@年度”应是四位数的年份。', example: '@年度 二〇二〇' },
  { code: 'BG102', severity: 'error', title: '日期有误', description: '“@日期”应写成 2021-01-13 或 2021年1月13日，且是真实存在的日期。', example: '@日期 2021-02-30' },
  { code: 'BG103', severity: 'warning', title: '未知的报告类型', description: '“@类型”不是已知的报告类型，将按通用工作报告检查。', example: '@类型 年报' },
  { code: 'BG104', severity: 'warning', title: '指令重复', description: '同一个文头指令写了两次，以后一次为准。', example: '@年度 2020\n@年度 2021' },
  { code: 'BG105', severity: 'warning', title: '文头指令在正文中', description: '文头指令应写在正文之前。', example: '# 标题\n@年度 2020' },
  { code: 'BG106', severity: 'error', title: '上年报告找不到', description: '“@上年”指向的文件不存在或无法读取，或指向本报告自身。', example: '@上年 guiwei-2019.bg' },
  { code: 'BG107', severity: 'warning', title: '检查设置有误', description: '“@检查”的写法应为“代码=级别”，级别为 关、错误、警告、提示。', example: '@检查 BG601=不要' },
  // ---- figures (server/language/figures.ts)
  { code: 'BG201', severity: 'error', title: '指标未定义', description: '引用的指标没有定义，也不是文头值（年度、机关等）。', example: '持证率为{持证率}' },
  { code: 'BG202', severity: 'error', title: '指标重复定义', description: '同一个指标定义了两次。', example: '{调处 = 150起}……{调处 = 151起}' },
  { code: 'BG203', severity: 'error', title: '公式有误', description: '公式引用了自身（循环），或在校验之外使用了“_”。', example: '{甲 = 乙 + 1件}{乙 = 甲}' },
  { code: 'BG204', severity: 'error', title: '单位不一致', description: '相加减的两个数单位不同，或比率的分子分母单位不同。', example: '{合计 = 调处 + 持证}' },
  { code: 'BG205', severity: 'error', title: '除数为零', description: '公式中的除数为零。', example: '{率 = 成功/零 %}' },
  { code: 'BG206', severity: 'error', title: '数字与公式不符', description: '写明的数值与按公式算出的结果在所写精度上不一致。未标记的正文也检查：比率紧跟它所由算出的计数（“应领证54人，持证46人，持证率为81.48%”），或“共…（总数），其中…（部分），占…的（比率）”（“共1342项，其中1331项，占全部事项的98.96%”应为99.18%）。', example: '{持证率 = 80% : 持证/应领证}', fix: '改为算出的数值' },
  { code: 'BG207', severity: 'error', title: '比率不可能', description: '没有任何整数能按所写的分母得出这个比率。', example: '{成功率 = 97.33% : _/调处}（调处为59件）' },
  { code: 'BG208', severity: 'error', title: '比率超过100%', description: '由计数得出的比率大于100%，计数或比率有误。', example: '{率 = 成功/调处 %}（成功多于调处）' },
  { code: 'BG209', severity: 'warning', title: '约数参与计算', description: '带“多”“余”“约”等的约数参与了计算，结果也只是约数。', example: '{合计 = 资料 + 手册}' },
  { code: 'BG210', severity: 'warning', title: '隐藏指标未使用', description: '用“@指标”定义的指标既未打印也未参与计算。', example: '@指标 应领证 = 54人' },
  { code: 'BG211', severity: 'warning', title: '无法同比', description: '没有“@上年”，或上年报告中没有同名指标，或上年数值为零。', example: '{调处 同比}' },
  { code: 'BG212', severity: 'error', title: '指标与文头值同名', description: '指标名与文头值（年度、机关、标题、日期、上年度、下年度）相同。', example: '{年度 = 2020}' },
  // ---- reports read from Word or text (server/language/import/)
  { code: 'BG230', severity: 'warning', title: '手打的序号重复或跳号', description: '检查 Word 或文本文件时，原文手打的标题序号重复或跳号，例如第二个“一、”出现在应为“（一）”的位置。导入时按它所在的位置定层级（不悄悄改号），并在导入结果中以注释标出；请核对原文。', example: '一、主要举措和成效\n一、加强组织领导\n二、存在的问题（.txt/.docx 原文）' },
  { code: 'BG232', severity: 'warning', title: '手打的序号缺括号', description: '检查 Word 或文本文件时，原文的二级序号少了一个括号（如“一）”“（一”，常见于从网页复制的文字），或用了从符号表插入的合成字符“㈠”“㈡”（一个字符，不是括号加数字）。导入时按第二级处理，并在导入结果中以注释标出；请改为“（一）”。', example: '一、主要举措和成效\n一）纵深推进学习（.txt/.docx 原文）' },
  { code: 'BG238', severity: 'warning', title: '主送机关后缺冒号', description: '检查 Word 或文本文件时，标题下一行并列写了两个以上的机关（“中共某县委、某县人民政府”），正文从下一行开始，这一行是主送机关，后面却没有冒号：主送机关后用全角冒号“：”。导入时写为“@主送”（冒号由渲染器加上）。写的是本机关（发文机关的署名行）或只有一个机关时不报。', example: '某县交通运输局关于2025年度法治政府建设情况的报告\n中共某县委、某县人民政府\n2025年，县交通运输局……（.txt/.docx 原文）' },
  { code: 'BG239', severity: 'warning', title: '主送机关之间用了逗号', description: '检查 Word 或文本文件时，主送机关一行并列写了两个以上的机关，中间却用了逗号（“中共某县委员会,某县人民政府：”）：并列的主送机关之间用顿号“、”。导入时照原样写为“@主送”，请改正。', example: '中共某县委员会，某县人民政府：\n2025年，某镇……（.txt/.docx 原文）' },
  { code: 'BG240', severity: 'warning', title: '一级标题用了“（一）”', description: '检查 Word 或文本文件时，报告在开头一段之后直接用“（一）”“（二）”编第一层标题，全文没有“一、”：第一层标题应为“一、”“二、”，“（一）”是第二层（GB/T 9704）。导入时按第一级处理（渲染为“一、”），并在导入结果中以注释标出。从报告中间摘录、一开头就是“（一）”的文字，或用“1、”编第一层、“（一）”在其下的报告不报。', example: '2023年以来，我镇……现将本年度法治政府建设情况报告如下：\n（一）深入学习贯彻党的二十大精神\n……\n（二）……（.txt/.docx 原文）' },
  { code: 'BG241', severity: 'warning', title: '只有序号的空段落', description: '检查 Word 或文本文件时，一行（Word 的一个段落）只有标题序号，没有文字：多是 Word 的自动编号落在了空段落上——Word 照样打印这个序号，并计入编号，其后的标题因此空出一号。导入时不写没有内容的标题，删去这个序号，并在导入结果中以注释标出；其后同级的标题由渲染器接着编号。如果漏写了标题，请补上。序号下一行就是标题文字、本身没有序号的（Word 的自动编号复制成文字时序号与标题分在两行：“（二）”“完善制度建设”），导入时合为一个标题，不报；下一行自带序号的（“（二）”之后是“二、存在问题”）不合并。一个标题下只有这个序号时，只报这一条，不再另报该章节为空（BG404）。全文最后一行只有序号、其后没有落款和日期的（网页摘录在序号后截断）不报。', example: '一、依法全面履行政府职能情况\n二、\n三、存在问题（.docx 原文：第二个标题段落是空的）' },
  { code: 'BG242', severity: 'info', title: '脚注、尾注写成了注释', description: '导入或检查 Word 文档时，文档有脚注或尾注：报告语言没有脚注，导入时把每个注的文字写成引用它的段落之后的注释行（“// 脚注1（原文第5段“……”之后）：……”），不打印，也不检查。正文里的注号不写入，数字照常写成指标。请决定把注文写进正文（如在句末用括号注明数据来源），还是删去。Word 画在脚注上方的分隔线不是注文。全文只报一次，列出有注的段落。', example: '全年办理行政复议案件12件¹。（.docx 原文，页脚注¹：数据来源：县司法局统计）' },
  { code: 'BG243', severity: 'info', title: '文本框写成了注释', description: '导入或检查 Word 文档时，正文中间有文本框（或艺术字）：报告语言没有文本框，导入时把其中的文字按顺序写成它所在段落之后的注释行（“// 原文第8段的文本框：……”），不打印，也不检查；Word 为旧版软件另存的同一文本框只读一次。请决定写进正文，还是删去。标题之上、只有短行的文本框（红头、放在文本框里的标题）不是注释：按正文的行读入，由导入的标题规则处理。全文只报一次，列出有文本框的段落。', example: '（.docx 原文：表格下方的文本框“注：数据截至2021年11月30日”）' },
  { code: 'BG244', severity: 'info', title: '审阅批注没有导入', description: '导入或检查 Word 文档时，文档有审阅批注（Word“审阅 › 批注”）：批注是审阅者的意见，不是报告的正文，导入时没有写入。需要保留其中的意见，请在 Word 中查看后写进报告。全文只报一次，位置是第一条批注所在的段落。', example: '（.docx 原文：第3段有批注“数字请再核实”）' },
  { code: 'BG245', severity: 'info', title: '页眉、页脚写成了注释', description: '导入或检查 Word 文档时，文档各节所用的页眉或页脚中有页码以外的文字（机关名称、“内部资料”、联系电话等）：报告语言没有页眉页脚，导入时把这些文字写成正文之前的注释行（“// 页眉：……”），不打印，也不检查。页码（PAGE、NUMPAGES 域，含以它们计算的域如 { = { PAGE } - 1 }，“第 X 页 共 Y 页”“— X —”）是版面内容，由渲染器按 GB/T 9704 重新生成，不写入。未设“首页不同”“奇偶页不同”时 Word 不显示的首页、偶数页页眉不读。请决定把这些文字写进正文（如标题、落款），还是删去。全文只报一次。各节所用的页眉页脚超过 64 个时，其余的不读入，也报一次（说明个数），请在 Word 中查看。', example: '（.docx 原文：页眉“某某镇人民政府办公室　内部资料”，页脚“第 1 页 共 3 页”）' },
  // ---- snippets (server/language/snippets.ts)
  { code: 'BG301', severity: 'error', title: '片段不存在', description: '片段库中没有这个名称的片段。', example: '@引用 法律顾问' },
  { code: 'BG302', severity: 'error', title: '片段循环引用', description: '片段直接或间接引用了自身。', example: '@引用 甲（甲又引用甲）' },
  { code: 'BG303', severity: 'error', title: '片段参数缺失', description: '片段需要的参数既未给出，文头也没有同名值。', example: '@引用 法律顾问制度（缺少机关）' },
  { code: 'BG304', severity: 'warning', title: '片段参数未知', description: '给出的参数不在片段的“@参数”中。', example: '@引用 法律顾问制度 地点=桂圩' },
  { code: 'BG305', severity: 'warning', title: '片段名称重复', description: '两个片段文件用了同一个名称，使用先找到的一个。', example: '@片段 法律顾问制度（两处）' },
  // ---- exact numbers (server/language/values.ts, figures.ts)
  { code: 'BG251', severity: 'error', title: '计算结果过大', description: '公式的结果达到 10²¹ 或以上（报告中不会有这样的数），不予打印。有效数字超过 15 位的数值按十进制精确计算，不会被四舍五入。', example: '{大 = 999999999999999999999件}{和 = 大 + 1件}' },
  // ---- robustness: files, encodings, limits, settings (server/node/, server/language/)
  { code: 'BG900', severity: 'warning', title: '文件不是 UTF-8 编码', description: '文件按 GB18030（GBK）、Big5 或 UTF-16（带或不带 BOM）读取。可以检查；修复时按原编码写回（不带 BOM 的仍不带）。建议另存为 UTF-8。', example: '（用 GBK 保存的 .bg 文件）' },
  { code: 'BG901', severity: 'error', title: '文件含无法解码的字节', description: '文件中有些字节既不是 UTF-8，也不是 GB18030 或 UTF-16：这些字符显示为“\ufffd”。为免丢字，不做任何修复。', example: '（损坏或编码不明的文件）' },
  { code: 'BG902', severity: 'error', title: '文件不可读取', description: '引用的文件在工作区之外、不是普通文件（设备、管道）或过大，不予读取；导入或检查的 Word 文档读不出来：旧版 .doc、设有打开密码（已加密）、压缩包损坏或不完整、缺少正文，正文中有 Word 尚未转换的嵌入内容（altChunk），或其中的 XML 部件声明了无法识别的字符编码（GBK、GB18030、Big5 等可识别的编码照常读入）。修复：在 Word 或 WPS 中打开，取消密码，另存为 .docx 后再导入。', example: '@上年 ../secret.txt' },
  { code: 'BG903', severity: 'error', title: '片段展开超过上限', description: '片段展开的总次数或嵌套层数超过上限，其余的“@引用”不再展开。', example: '@引用 甲（甲引用十次乙，乙引用十次丙……）' },
  { code: 'BG904', severity: 'error', title: '指标依赖过深或公式过长', description: '指标之间的依赖链或一个公式的项数超过上限，这些指标不再计算。', example: '{甲 = 乙 + 1件}{乙 = 丙 + 1件}{丙 = 丁 + 1件}……' },
  { code: 'BG905', severity: 'error', title: '文档过大', description: '文档超过 10 MB 或 20 万行（报告不会这样大）：不作检查、排版和格式化，只有这一条提示。命令行不读取这样的文件。', example: '（几十兆字节的文件）' },
  { code: 'BG906', severity: 'warning', title: '设置值有误', description: '设置或 baogao.json 中的某一项不符合规定的格式，该项不生效，其余设置照常。', example: '{"lineWidth": "宽"}' },
  { code: 'BG907', severity: 'info', title: '问题过多，编辑器只列出一部分', description: '一个文件的问题超过 1000 处时，编辑器只列出其中 1000 处（错误在先），其余的在改正之后陆续列出。命令行 baogao check 列出全部。另外，同一种问题在一个文件中最多列出 500 处（编辑器和命令行都是），其余的由一条同代码的提示说明还有多少处。', example: '（每行一个未闭合“{”的几千行文本）' },
  { code: 'BG908', severity: 'error', title: '不是报告的文本', description: '文件不是文本：Word、WPS、PDF、图片或压缩包改名为 .bg，或是 RTF 文档、HTML 网页的源文件，或文本按错误的编码打开（大量空字符、控制字符或无法解码的“\ufffd”；不带 BOM 的 UTF-16 文本在编辑器里按 UTF-8 打开时每隔一个字符是空字符，提示按 UTF-16 重新打开——命令行直接按 UTF-16 读取）。不作检查、排版和格式化，只有这一条提示。', example: '（改名为 .bg 的 .docx 文件）' },
  { code: 'BG909', severity: 'error', title: '文件名不是 UTF-8', description: '文件名中有不是 UTF-8 的字节（显示为“\ufffd”），多半是 GBK 编码的文件名：在中文 Windows 上压缩、在 Linux 或 macOS 上解压的文件常常这样。程序按这个名字打不开文件：命令行说明找不到它的原因；编辑器的工作区索引（工作区符号、引用、“检查工作区”）读不进它，也不悄悄漏掉——每个这样的报告或文件夹在输出面板记一次，一起发现的合为一条提示，“检查工作区”的结果把它列在所在的文件夹下。修复：把文件改名，如 convmv -f gbk -t utf8 --notest 文件名，或在 Windows 上改名后重新压缩。', example: '（解压出的“ĳ�򱨸�.bg”）' },
  { code: 'BG910', severity: 'error', title: '输出文件已存在', description: '要写出的文件已经存在（或是符号链接，或就是被排版、导入的原文件），没有加 --force：命令不覆盖，什么也没写。编辑器中 VS Code 的保存对话框先问是否替换；文件在写出期间又被建出，或目标是符号链接（不顺着链接写到别处），同样不写。修复：换一个文件名，或确认后加 --force 覆盖。', example: 'baogao render 报告.bg --out 报告.txt（报告.txt 已存在）' },
  { code: 'BG911', severity: 'error', title: '输出文件是只读的', description: '要写出的文件是只读的（没有写权限），没有加 --force：命令不改它。编辑器中写入只读文件时同样报这一条。修复：确要写入，请加 --force，或先取消文件的只读属性。', example: 'baogao check --fix 报告.bg（报告.bg 只读）' },
  { code: 'BG912', severity: 'error', title: '不能写到这个位置', description: '要写出的位置放不下一个文件：是文件夹（或以“/”结尾的文件夹写法）、设备文件或管道，路径中有一段是文件而不是文件夹，符号链接绕成了圈，文件名太长，或 Word 文件（docx）要输出到终端。什么也没写。修复：写出一个普通文件的名字，如 --out 报告.docx。', example: 'baogao render 报告.bg --out 输出/（以“/”结尾）' },
  { code: 'BG913', severity: 'error', title: '写入失败', description: '系统没能写出文件或标准输出：没有权限写入所在的文件夹、磁盘只读、磁盘已满或超出配额、磁盘读写出错。原文件不变（先写临时文件、写完再替换），写了一半的临时文件已删去；标准输出的内容不完整。修复：按提示腾出空间、换一个可写的文件夹，或检查磁盘。', example: '（磁盘已满时 baogao render 报告.bg --out 报告.txt）' },
  { code: 'BG914', severity: 'error', title: '文件在命令运行期间被改过', description: 'baogao check --fix 读入报告之后、写回修复之前，报告又被保存过（例如在编辑器中）：为免覆盖新的改动，没有写入，报告保持新保存的样子；或报告被改名、移走或删除了：不在原来的名字下另建一份修复后的副本，什么也没写。修复：再运行一次（改了名的，对它现在的名字运行）。', example: 'baogao check --fix 报告.bg（运行时在编辑器中保存了报告）' },
  { code: 'BG915', severity: 'error', title: '无法按原编码写回', description: 'baogao check --fix 修复后的文字有原文件的编码（GBK、Big5 等）写不出的字符，为免丢字，没有写回。修复：把报告另存为 UTF-8 后再修复。', example: '（Big5 编码的报告，修复时要写入简体字）' },
  { code: 'BG916', severity: 'error', title: '找不到文件', description: '命令给出的文件不存在：文件名或路径写错了，或文件已被移走、改名；给出的文件夹里没有报告，或没有文件与通配符相符。什么也没读，其余给出的文件照常处理。文件名中有显示为“\ufffd”的字节时另报 BG909（文件名不是 UTF-8）。修复：写出正确的文件名（在终端里可输入开头几个字后按 Tab 键补全）。', example: 'baogao check 报告2021.bg（实际文件名是“2021报告.bg”）' },
  { code: 'BG917', severity: 'error', title: '不是普通文件', description: '要读取的不是普通文件：文件夹（render、import、new 只读一个文件）、设备文件（如 /dev/zero）、管道（FIFO）或套接字。这些“文件”读不完或会一直等待，不予读取，命令不会卡住。修复：给出报告文件本身；要检查一个文件夹中的全部报告，用 baogao check 文件夹。', example: 'baogao render /dev/zero' },
  { code: 'BG918', severity: 'warning', title: '查找报告到了上限', description: '查找报告时遍历的文件夹超过 10000 个或报告超过 2000 个（最多 5 层子文件夹）：命令行的文件夹参数或通配符（如 /**/*.bg、../../**/*.bg），编辑器的工作区索引（工作区符号、引用、“检查工作区”）都只含已找到的部分，其余的没有查找。/proc、/sys、/dev 等系统文件夹、隐藏文件夹和 node_modules 不进入，符号链接指向的文件夹不跟随。编辑器对每个工作区文件夹只提示一次。修复：给出报告所在的文件夹，或在编辑器中只把报告所在的文件夹打开为工作区。', example: 'baogao check "/**/*.bg"' },
  { code: 'BG919', severity: 'error', title: 'Word 文档过于繁复', description: '报告中汉字与西文、数字交替太多（例如粘贴进的大段表格数据“甲,1甲,1……”）：排成 Word 文档要分成 20 万段以上的文字，写出它会耗尽内存（命令或编辑器的语言服务器因此退出），因此不写出 Word 文档，什么也没写。txt、html 格式不受此限。修复：删去无关的内容，或把报告拆成几个文件。', example: 'baogao render 表格数据.bg --format docx --out 表格数据.docx' },
  // ---- baogao.json itself (server/language/config.ts): shown on the baogao.json file in the editor
  { code: 'BG960', severity: 'error', title: 'baogao.json 不是有效的 JSON', description: 'baogao.json 有语法错误（缺逗号、多余逗号、注释、引号不配对等），整个文件不生效，全部设置按默认值。', example: '{"lineWidth": 30,}' },
  { code: 'BG961', severity: 'warning', title: '不认识的设置', description: 'baogao.json 中有不存在的设置名（常见于拼写错误），该项被忽略。', example: '{"disabledCheck": ["BG601"]}' },
  { code: 'BG962', severity: 'error', title: 'baogao.json 无法读取', description: 'baogao.json 存在但无法读取（权限、过大或不是普通文件），全部设置按默认值。', example: '（没有读取权限的 baogao.json）' },
  { code: 'BG963', severity: 'error', title: 'baogao.json 不是对象', description: 'baogao.json 的最外层应是 { … } 对象，而不是列表、字符串或数字；全部设置按默认值。', example: '["BG601"]' },
  { code: 'BG964', severity: 'warning', title: '设置写了两次', description: '同一个设置名在一个对象中写了两次，以后一次为准。', example: '{"lineWidth": 30, "lineWidth": 28}' },
];

export const CODES: ReadonlyMap<string, CodeInfo> = new Map(table.map((info) => [info.code, info]));

/** Adds codes from another module (the check registry registers its own). */
/**
 * Orders strings by their UTF-16 code units, as codes and URIs are compared everywhere. Not
 * localeCompare: its first call builds ICU's collator, ~20 ms of every command's start.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function registerCodes(infos: readonly CodeInfo[]): void {
  const map = CODES as Map<string, CodeInfo>;
  for (const info of infos) {
    if (map.has(info.code)) throw new Error(`diagnostic code ${info.code} registered twice`);
    map.set(info.code, info);
  }
}

export function defaultSeverity(code: string): Severity {
  return CODES.get(code)?.severity ?? 'error';
}
