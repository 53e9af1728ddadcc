// baogao collect: figures of many reports side by side.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  byYearTable, collectFigures, IndicatorVocabulary, longRecords, tableRow, wideTable, withTotals, type FigureRow, type WideTable,
} from '../../../server/language/collect.js';
import { csvLines, formatTable, toCsv } from '../../../templates/table.js';
import { cellWidth } from '../../../templates/layout/width.js';
import { model, ROOT, sampleModel, samplePath, seedText } from '../../helpers.js';

const row = (rows: FigureRow[], file: string, name: string) => rows.find((r) => r.file === file && r.name === name);
/** A table's rows with every cell, '' where a row has none, as wide as its columns. */
const denseRows = (table: WideTable) => table.rows.map((r) => {
  const cells = Array<string>(table.columns.length).fill('');
  for (const [c, text] of r) cells[c] = text;
  return cells;
});
/** A table written with every cell of its rows. */
const tableOf = (columns: string[], rows: string[][]): WideTable => ({ columns, rows: rows.map(tableRow) });

describe('collect: figures', () => {
  const names = ['guiwei-2020', 'guiwei-2021', 'beiping-2020'];
  const rows = collectFigures(names.map(sampleModel), names);

  it('one row per (report, figure) with value, number, unit, formula and check result', () => {
    assert.deepEqual(row(rows, 'guiwei-2020', '调处'), { file: 'guiwei-2020', org: '桂圩镇人民政府', year: '2020', name: '调处', indicator: '矛盾纠纷调处', printed: '150起', number: 150, unit: '起', approximate: false, formula: '', result: 'ok' });
    assert.equal(row(rows, 'guiwei-2021', '调处')?.printed, '162起');
    const rate = row(rows, 'guiwei-2020', '成功率')!;
    assert.deepEqual([rate.printed, rate.number, rate.unit, rate.formula, rate.result], ['98%', 98, '%', '成功/调处', 'ok']);
    const stated = row(rows, 'guiwei-2020', '持证率')!;
    assert.deepEqual([stated.printed, stated.number, stated.formula], ['81.48%', 81.48, '持证/应领证']);
    assert.equal(row(rows, 'beiping-2020', '成功率')?.result, 'BG207');
    assert.ok(rows.some((r) => r.approximate && /多|余/.test(r.printed)));
  });

  it('the wide form lines the two years of 桂圩镇 up by standard indicator', () => {
    const table = wideTable(rows);
    assert.deepEqual(table.columns.slice(0, 3), ['文件', '机关', '年度']);
    assert.equal(table.columns.filter((c) => c === '矛盾纠纷调处').length, 1);
    const at = (file: string, column: string) => denseRows(table).find((r) => r[0] === file)![table.columns.indexOf(column)];
    assert.deepEqual([at('guiwei-2020', '矛盾纠纷调处'), at('guiwei-2021', '矛盾纠纷调处'), at('beiping-2020', '矛盾纠纷调处')], ['150起', '162起', '59件']);
    assert.deepEqual([at('guiwei-2020', '调解成功率'), at('guiwei-2021', '调解成功率')], ['98%', '98.15%']);
    assert.equal(at('beiping-2020', '调解成功率'), '97.33%（BG207）');
    assert.equal(at('beiping-2020', '执法证应领证人数'), '');
  });

  it('maps the names writers use to shared indicator columns, standard ones first; the user adds names', () => {
    const a = model('@机关 甲镇人民政府\n@年度 2021\n\n共调处纠纷{调处纠纷 = 30件}，成功{调解成功 = 29件}，办理{其他事项 = 2件}。\n', {}, '/w/a.bg');
    const b = model('@机关 乙镇人民政府\n@年度 2021\n\n化解纠纷{化解纠纷 = 12起}，聘请{顾问 = 1名}。\n', {}, '/w/b.bg');
    const c = model('@机关 丙镇人民政府\n@年度 2022\n\n受理{纠纷受理 = 8件}。\n', {}, '/w/c.bg');
    const vocabulary = new IndicatorVocabulary([{ indicator: '矛盾纠纷调处', names: ['纠纷受理'] }]);
    const found = collectFigures([a, b, c], ['a', 'b', 'c'], vocabulary);
    const table = wideTable(found);
    assert.deepEqual(table.columns, ['文件', '机关', '年度', '矛盾纠纷调处', '调解成功', '法律顾问', '其他事项']);
    assert.deepEqual(denseRows(table).map((r) => r[3]), ['30件', '12起', '8件']);
    // Without the user's name, 纠纷受理 keeps a column of its own.
    assert.ok(wideTable(collectFigures([c], ['c'])).columns.includes('纠纷受理'));
    // Totals and averages: counts of the same things add up (件 and 起 are both cases), rates average.
    const totals = withTotals(table, found);
    assert.deepEqual(denseRows(totals).at(-2)!.slice(0, 4), ['合计', '', '', '50件']);
    assert.deepEqual(denseRows(totals).at(-1)!.slice(0, 4), ['平均', '', '', '16.67件']);
    // Trends: one row per year.
    const years = byYearTable(found);
    assert.deepEqual(years.columns.slice(0, 4), ['年度', '报告数', '矛盾纠纷调处', '调解成功']);
    assert.deepEqual(denseRows(years).map((r) => r.slice(0, 4)), [['2021', '2', '42件', '29件'], ['2022', '1', '8件', '']]);
  });

  it('does not add counts of different things, and averages rates without a total', () => {
    const a = model('@机关 甲镇人民政府\n@年度 2021\n\n{普法活动 = 3次}，{成功率 = 90%}，{资料 = 100余份}。\n', {}, '/w/a.bg');
    const b = model('@机关 乙镇人民政府\n@年度 2021\n\n{普法活动 = 5场}，{成功率 = 100%}，{资料 = 200份}。\n', {}, '/w/b.bg');
    const found = collectFigures([a, b], ['a', 'b']);
    const totals = withTotals(wideTable(found), found);
    const column = (name: string) => denseRows(totals).slice(-2).map((r) => r[totals.columns.indexOf(name)]);
    assert.deepEqual(column('普法活动'), ['', '']);
    assert.deepEqual(column('调解成功率'), ['', '95%']);
    assert.deepEqual(column('普法资料'), ['约300份', '约150份']);
  });

  it('unifies full-width letters in names and keeps reports without figures', () => {
    const a = model('@机关 甲镇人民政府\n@年度 2020\n\n调处{ＡＢ件数 = 3件}。\n', {}, '/w/a.bg');
    const b = model('@机关 乙镇人民政府\n@年度 2020\n\n调处{AB件数 = 5件}。\n', {}, '/w/b.bg');
    const c = model('@机关 丙镇人民政府\n\n没有指标。\n', {}, '/w/c.bg');
    const rows2 = collectFigures([a, b, c], ['a', 'b', 'c']);
    const table = wideTable(rows2, [a, b, c].map((m, i) => ({ file: 'abc'[i]!, org: m.header.org ?? '', year: m.header.year ? String(m.header.year) : '' })));
    assert.deepEqual(table.columns, ['文件', '机关', '年度', 'AB件数']);
    assert.deepEqual(denseRows(table), [['a', '甲镇人民政府', '2020', '3件'], ['b', '乙镇人民政府', '2020', '5件'], ['c', '丙镇人民政府', '', '']]);
  });

  it('JSON records use the Chinese column names', () => {
    const record = longRecords(rows)[0]!;
    assert.deepEqual(Object.keys(record), ['文件', '机关', '年度', '指标', '标准指标', '数值', '数值(数字)', '单位', '是否约数', '公式', '校验结果']);
  });

  it('CSV follows RFC 4180: CRLF, quotes doubled, fields with , " or a line break quoted', () => {
    const csv = toCsv(tableOf(['文件', '说明'], [['a,b.bg', '他说"好"'], ['c.bg', '两\n行'], ['d.bg', '普通']]));
    assert.equal(csv, '文件,说明\r\n"a,b.bg","他说""好"""\r\nc.bg,"两\n行"\r\nd.bg,普通\r\n');
  });

  it('the table is aligned by display width (a 汉字 is two cells)', () => {
    const text = formatTable(wideTable(rows));
    const lines = text.trimEnd().split('\n');
    // Where the second column (机关) starts, in display cells: the same on every line.
    const starts = lines.filter((l) => !l.startsWith('-')).map((l) => cellWidth(l.slice(0, l.search(/ {2,}\S/) + l.match(/ {2,}/)![0].length)));
    assert.equal(new Set(starts).size, 1, lines.join('\n'));
  });

  it('a report without figures gives no rows', () => {
    const m = model(seedText('guiwei-2020'));
    assert.deepEqual(collectFigures([m], ['x']), []);
  });
});

describe('collect and import: the command', () => {
  const CLI = path.join(ROOT, 'dist', 'cli.cjs');
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const temp = mkdtempSync(path.join(tmpdir(), 'baogao-collect-'));

  before(() => {
    assert.ok(existsSync(CLI), `dist/cli.cjs is built by npm test (npm run build) — missing ${CLI}`);
  });

  it('collect prints the wide table; exit 0 without figure errors, 1 with (BG207 in 北屏乡)', () => {
    const ok = run('collect', samplePath('guiwei-2020'), samplePath('guiwei-2021'));
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^文件\s+机关\s+年度\s+矛盾纠纷调处/);
    assert.match(ok.stdout, /guiwei-2021\.bg\s+桂圩镇人民政府\s+2021\s+162起/);
    assert.match(ok.stdout, /\n合计\s+312起\s+306起\s+\n?/);
    const years = run('collect', samplePath('guiwei-2020'), samplePath('guiwei-2021'), '--by', 'year');
    assert.equal(years.status, 0, years.stderr);
    assert.match(years.stdout, /^年度\s+报告数\s+矛盾纠纷调处/);
    assert.match(years.stdout, /\n2020\s+1\s+150起[^\n]*\n2021\s+1\s+162起/);
    assert.equal(run('collect', samplePath('guiwei-2020'), '--by', 'town').status, 2);
    assert.equal(run('collect', samplePath('beiping-2020')).status, 1);
  });

  it('collect --format csv writes UTF-8 with a BOM for Excel; --format json gives the long rows', () => {
    const out = path.join(temp, 'sub', '汇总.csv');
    const r = run('collect', samplePath('guiwei-2020'), '--format', 'csv', '--out', out);
    assert.equal(r.status, 0, r.stderr);
    const bytes = readFileSync(out);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(bytes.toString('utf8'), /^\ufeff文件,机关,年度,矛盾纠纷调处,/);
    const json = JSON.parse(run('collect', samplePath('guiwei-2020'), '--format', 'json').stdout) as Array<Record<string, unknown>>;
    assert.equal(json.find((r) => r['指标'] === '调处')?.['数值(数字)'], 150);
  });

  it('collect exits 2 with a Chinese message for unreadable files and bad usage, and still collects the rest', () => {
    const r = run('collect', path.join(temp, '没有.bg'), samplePath('guiwei-2020'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /baogao：找不到文件“.*没有\.bg”/);
    assert.match(r.stdout, /guiwei-2020\.bg/);
    // A folder stands for its reports: one with none is told.
    const empty = mkdtempSync(path.join(tmpdir(), 'baogao-collect-empty-'));
    for (const args of [['collect'], ['collect', '--format', 'xlsx', samplePath('guiwei-2020')], ['collect', empty]]) {
      const bad = run(...args);
      assert.equal(bad.status, 2, args.join(' '));
      assert.match(bad.stderr, /baogao：.*[\u4e00-\u9fff]/);
      assert.doesNotMatch(bad.stderr, /\n\s+at /);
    }
  });

  it('import converts a seed, lists what it removed on stderr, and refuses to overwrite without --force', () => {
    const seed = path.join(ROOT, 'test', 'fixtures', 'seeds', 'guiwei-2020.txt');
    const r = run('import', seed);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\/\/ 由 baogao import/);
    assert.match(r.stdout, /^@日期 2021-01-13$/m);
    assert.match(r.stderr, /第17行：Word 书签残留“\[bookmark: _GoBack\]”/);
    assert.match(r.stderr, /第35行：页码“1”/);
    const out = path.join(temp, '2021.bg');
    assert.equal(run('import', seed, '--out', out, '--year-field').status, 0);
    assert.match(readFileSync(out, 'utf8'), /\{下年度\}年，我镇将继续/);
    const again = run('import', seed, '--out', out);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /已存在/);
    assert.equal(run('import', seed, '--out', out, '--force', '--org', '桂圩镇人民政府', '--year', '2020').status, 0);
  });

  it('import exits 2 with a Chinese message for missing, old .doc and unreadable files', () => {
    const doc = path.join(temp, 'old.doc');
    writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]));
    const broken = path.join(temp, 'broken.docx');
    writeFileSync(broken, 'not a zip');
    for (const args of [['import'], ['import', path.join(temp, 'missing.txt')], ['import', doc], ['import', broken], ['import', doc, '--year', '20']]) {
      const r = run(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /baogao：.*[\u4e00-\u9fff]/, args.join(' '));
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });
});

describe('collect: the aligned table of many reports', () => {
  /** The table as first written: every cell padded to its column, each line trimmed. */
  const padded = (table: { columns: string[]; rows: string[][] }) => {
    const all = [table.columns, ...table.rows];
    const widths = table.columns.map((_, c) => Math.max(...all.map((r) => cellWidth(r[c] ?? ''))));
    const line = (r: string[]) => r.map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(widths[c]! - cellWidth(cell)))).join('  ').trimEnd();
    return `${[line(table.columns), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n')}\n`;
  };

  it('is the same text as padding every cell and trimming each line: empty last columns, white space in cells, short and long rows', () => {
    const cells = ['', ' ', '\u3000', '文件', 'a ', '150起（BG207）', 'x\ny', '约5000份', '\t', 'ab'];
    let seed = 1;
    const next = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    for (let t = 0; t < 2000; t++) {
      const width = 1 + next(5);
      const table = {
        columns: Array.from({ length: width }, () => cells[next(cells.length)]!),
        rows: Array.from({ length: next(4) }, () => Array.from({ length: Math.max(1, width + next(3) - 1) }, () => cells[next(cells.length)]!)),
      };
      assert.equal(formatTable(tableOf(table.columns, table.rows)), padded(table), JSON.stringify(table));
    }
  });

  it('CSV has every row as wide as the widest, its empty cells between commas, made a line at a time', () => {
    const table = tableOf(['文件', '机关', 'a', 'b'], [['x.bg', '', '', '3件'], ['', '', '', ''], ['y.bg', '', '1件'], ['z.bg', '', '', '', '多出']]);
    const lines = [...csvLines(table)];
    assert.deepEqual(lines, ['文件,机关,a,b,\r\n', 'x.bg,,,3件,\r\n', ',,,,\r\n', 'y.bg,,1件,,\r\n', 'z.bg,,,,多出\r\n']);
    assert.equal(toCsv(table), lines.join(''));
  });
});
