// Reports named in GBK (a zip made on Chinese Windows, unpacked on Linux) in the language server's workspace:
// their names reach Node as “\ufffd”, a name no file has, so the index cannot read them by it. They were left
// out in silence (workspace symbols and “检查工作区” simply without them); now each is told once — in the log
// and in one message for those a walk finds together — and “检查工作区” lists it at its folder (BG909).
import assert from 'node:assert/strict';
import { WorkspaceSymbolRequest, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { pathToUri } from '../../server/lsp/uri.js';
import { startClient } from './helper.js';

describe('protocol: reports whose names are not UTF-8', () => {
  it('are told once (BG909) — in the log, in one warning, and by “检查工作区” at their folder — never silently missing', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'baogao-gbk-'));
    const gbk = (name: string) => iconv.encode(name, 'gbk');
    writeFileSync(path.join(folder, 'r.bg'), '@年度 2021\n\n# 一\n\n共{甲 = 3件}。\n');
    // A report named in GBK, and a folder named in GBK holding one.
    writeFileSync(Buffer.concat([Buffer.from(`${folder}/`), gbk('某镇报告.bg')]), '@年度 2021\n\n# 一\n\n共{乙 = 3件}。\n');
    const inner = Buffer.concat([Buffer.from(`${folder}/`), gbk('各镇')]);
    mkdirSync(inner);
    writeFileSync(Buffer.concat([inner, Buffer.from('/'), Buffer.from('丙镇.bg')]), '@年度 2021\n\n# 一\n\n共{丙 = 3件}。\n');
    const own = await startClient({}, { folder });
    const warnings: string[] = [];
    const logged: string[] = [];
    own.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => void warnings.push(`${p.type} ${p.message}`));
    own.connection.onNotification('window/logMessage', (p: { message: string }) => void logged.push(p.message));
    try {
      const symbols = async () => ((await own.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as SymbolInformation[]).map((s) => s.name);
      assert.deepEqual(await symbols(), ['一、一', '甲']);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const told = logged.filter((m) => m.includes('BG909'));
      assert.equal(told.length, 2, logged.join('\n'));
      assert.ok(told.some((m) => /^报告“.*\/[^/]*\ufffd[^/]*\.bg”的文件名中有不是 UTF-8 的字节.*convmv -f gbk -t utf8.*工作区索引和“检查工作区”不含这份报告。（BG909）$/.test(m)), told.join('\n'));
      assert.ok(told.some((m) => /^文件夹“.*\/[^/]*\ufffd[^/]*”的文件名中有不是 UTF-8 的字节.*其中的报告不在工作区索引和“检查工作区”之内。（BG909）$/.test(m)), told.join('\n'));
      // One warning (type 2) for both.
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0]!, /^2 .*（BG909）另有 1 个报告或文件夹的名字也是这样，见输出面板。$/);
      // Asked again: told no more.
      assert.deepEqual(await symbols(), ['一、一', '甲']);
      const checked = (await own.connection.sendRequest('baogao/checkWorkspace', {})) as { files: Array<{ uri: string; diagnostics: Array<{ code: string; message: string; severity: number }> }> };
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(logged.filter((m) => m.includes('BG909')).length, 2);
      assert.equal(warnings.length, 1);
      const atFolder = checked.files.find((f) => f.uri === pathToUri(folder));
      assert.deepEqual(atFolder?.diagnostics.map((d) => `${d.code} ${d.severity}`), ['BG909 1', 'BG909 1']);
      assert.deepEqual(checked.files.map((f) => path.basename(decodeURIComponent(f.uri))).sort(), [path.basename(folder), 'r.bg'].sort());
    } finally {
      await own.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
