// baogao/checkSource: the reviewer's check of reports as they came in (Word or text files), through the
// importer in memory as `baogao check x.docx` does — with the settings of the baogao.json above each
// file, nothing written, a file at a time (cancellable; edits and other requests go in between).
import type { Severity } from '../../../grammar/diagnostic.js';
import { basename } from '../../language/corePath.js';
import { checkSourceText } from '../../language/sourceCheck.js';
import { readReportSource, sourceProblem, type SourceText } from '../../node/readWord.js';
import { toOsPath } from '../../node/paths.js';
import type { ServerContext } from '../context.js';
import { characterIn, SEVERITY } from '../convert.js';
import { CheckSourceRequest } from '../protocol.js';
import { answerOrFail, LongWork } from '../requests.js';
import { uriToPath } from '../uri.js';

/** At most this many files a request: a county's towns, not a disk. */
const MAX_FILES = 500;

export function register({ connection, store }: ServerContext): void {
  connection.onRequest(CheckSourceRequest.method, answerOrFail(connection, 'checkSource', async (params: CheckSourceRequest.Params, token): Promise<CheckSourceRequest.Result> => {
    const work = LongWork.of(token);
    const uris = (Array.isArray(params?.uris) ? params.uris : []).filter((u): u is string => typeof u === 'string').slice(0, MAX_FILES);
    const files: CheckSourceRequest.Result['files'] = [];
    for (const uri of uris) {
      await work.pause();
      const path = uriToPath(uri);
      if (!path || !/\.(docx|txt)$/i.test(path)) {
        files.push({ uri, diagnostics: [], unreadable: '只检查 Word（.docx）和文本（.txt）报告；.bg 报告打开即检查，或用“检查整个工作区”。' });
        continue;
      }
      let source: SourceText;
      try {
        source = await readReportSource(toOsPath(path));
      } catch (error) {
        files.push({ uri, diagnostics: [], unreadable: sourceProblem(error, path) });
        continue;
      }
      // Analysed as a report beside the file (its snippets and baogao.json are those of its folder), then forgotten.
      const asReport = `${path}.bg`;
      const service = store.serviceFor(asReport);
      const { findings, excerpt } = checkSourceText(service, asReport, source.text, { source: basename(path), word: source.word });
      service.cache.forget(asReport);
      // Columns count UTF-16 units of the source's lines; the client may count bytes or code points.
      const lines = source.text.split('\n');
      const at = (line: number, column: number) => ({ line: line - 1, character: characterIn(lines[line - 1] ?? '', column - 1) });
      files.push({
        uri, how: source.how, paragraphs: /\.docx$/i.test(path), ...(excerpt ? { excerpt } : {}),
        diagnostics: findings.map((f) => ({
          range: { start: at(f.line, f.column), end: at(f.endLine, f.endColumn) },
          severity: SEVERITY[f.severity as Severity] ?? 1, code: f.code, source: 'baogao', message: f.message,
        })),
      });
    }
    return { files };
  }));
}
