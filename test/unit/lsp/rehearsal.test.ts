// The keystroke rehearsal after the first report of real size is checked (server/lsp/rehearsal.ts): what it
// analyses, that it ends on the writer's text and leaves every result as a fresh analysis gives it, and
// that it gives way to the writer's typing.
import assert from 'node:assert/strict';
import type { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateReport } from '../../../bench/corpus.js';
import { checkReport } from '../../../server/language/checks/index.js';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
import { DocumentStore } from '../../../server/lsp/documents.js';
import { Projects } from '../../../server/lsp/projects.js';
import { KeystrokeRehearsal, REHEARSAL_MIN_CHARACTERS, stepsFor, typingPlace } from '../../../server/lsp/rehearsal.js';
import { ROOT } from '../../helpers.js';

const URI = 'file:///w/report.bg';
const PATH = '/w/report.bg';

/** A store over documents the test sets, with the rehearsal's steps and pauses run when the test says. */
function setUp(text: string) {
  const open = new Map<string, TextDocument>([[URI, TextDocument.create(URI, 'baogao', 1, text)]]);
  const documents = { get: (uri: string) => open.get(uri), all: () => [...open.values()] } as unknown as TextDocuments<TextDocument>;
  const steps: Array<() => void> = [];
  const pauses: Array<() => void> = [];
  let rehearsal: KeystrokeRehearsal | undefined;
  const store = new DocumentStore(documents, new Projects(new MemoryWorkspace({})), undefined, undefined, (doc) => rehearsal!.afterCheck(doc));
  rehearsal = new KeystrokeRehearsal(store, { nextTask: (step) => steps.push(step), later: (then) => pauses.push(then) });
  const analysed: string[] = [];
  const service = store.serviceFor(PATH);
  const analyze = service.analyze.bind(service);
  service.analyze = (path: string, text: string) => {
    analysed.push(text);
    return analyze(path, text);
  };
  const runSteps = (most = Infinity) => {
    for (let n = 0; n < most && steps.length; n++) steps.shift()!();
  };
  const type = (text: string) => {
    const doc = open.get(URI)!;
    open.set(URI, TextDocument.create(URI, 'baogao', doc.version + 1, text));
  };
  return { store, open, analysed, runSteps, pauses, type, rehearsal: () => rehearsal! };
}

const fresh = (text: string) => checkReport(new LanguageService(new MemoryWorkspace({})).analyze(PATH, text));

describe('lsp: keystroke rehearsal', () => {
  it('rehearses sixty characters in a report of real size, twenty at 300 KB, fewer in a longer report, never fewer than two', () => {
    assert.equal(stepsFor(REHEARSAL_MIN_CHARACTERS), 60);
    assert.equal(stepsFor(5_000), 60);
    assert.equal(stepsFor(33_334), 60);
    assert.equal(stepsFor(100_000), 20);
    assert.equal(stepsFor(200_000), 10);
    assert.equal(stepsFor(1_000_000), 2);
    assert.equal(stepsFor(10_000_000), 2);
  });

  const large = generateReport(ROOT, 3 * REHEARSAL_MIN_CHARACTERS);

  it('types into a prose line and takes it out again, ending on the writer\'s text; the next version checks as a fresh analysis does', () => {
    const { store, open, analysed, runSteps, pauses, type } = setUp(large);
    store.diagnosticsFor(open.get(URI)!);
    assert.deepEqual(analysed, [large], 'the first check analyses the text once');
    runSteps();
    assert.deepEqual(analysed, [large], 'nothing before the writer pauses');
    pauses.shift()!();
    runSteps();
    const rehearsed = analysed.slice(1);
    assert.ok(rehearsed.length >= 2 && rehearsed.length % 2 === 0, `${rehearsed.length} analyses`);
    const at = typingPlace(store.modelFor(open.get(URI)!).file.document.lines)!;
    rehearsed.forEach((text, i) => assert.equal(text, i % 2 ? large : `${large.slice(0, at)}一${large.slice(at)}`, `step ${i}`));
    // The writer types somewhere else after it: found as a fresh analysis finds it.
    const edited = `${large.slice(0, 100)}。${large.slice(100)}`;
    type(edited);
    assert.deepEqual(store.diagnosticsFor(open.get(URI)!), fresh(edited));
  });

  it('types at the end of a prose line', () => {
    const text = '@标题 测试\n\n# 一级\n\n第一段，有字。\n\n- 一项\n\n第二段，也有字。\n';
    const lines = new LanguageService(new MemoryWorkspace({})).analyze(PATH, text).file.document.lines;
    assert.equal(typingPlace(lines), text.indexOf('\n', text.indexOf('第一段')));
    assert.equal(typingPlace(lines.filter((l) => l.kind !== 'text')), undefined, 'no prose: nowhere to type');
  });

  it('stops quietly if an analysis throws (it is only a rehearsal: nothing escapes into the server)', () => {
    const { store, open, analysed, runSteps, pauses } = setUp(large);
    store.diagnosticsFor(open.get(URI)!);
    pauses.shift()!();
    const service = store.serviceFor(PATH);
    service.analyze = (_path: string, text: string) => {
      analysed.push(text);
      throw new Error('broken');
    };
    assert.doesNotThrow(() => runSteps());
    assert.equal(analysed.length, 2, 'one attempt, then no more');
  });

  it('leaves a text shorter than a real report alone', () => {
    const small = generateReport(ROOT, 1000).slice(0, REHEARSAL_MIN_CHARACTERS - 1);
    const { store, open, analysed, runSteps, pauses } = setUp(small);
    store.diagnosticsFor(open.get(URI)!);
    assert.equal(pauses.length, 0, 'nothing waited for');
    runSteps();
    assert.equal(analysed.length, 1);
  });

  it('gives way when the writer types, goes on on their text when they pause, and happens once per server', () => {
    const { store, open, analysed, runSteps, pauses, type, rehearsal } = setUp(large);
    store.diagnosticsFor(open.get(URI)!);
    pauses.shift()!();
    runSteps(2);
    const before = analysed.length;
    const edited = `${large.slice(0, 50)}：${large.slice(50)}`;
    type(edited);
    runSteps();
    assert.equal(before, 1 + 2 * 2, 'two characters typed and taken out');
    assert.equal(analysed[before - 1], large, 'each ending on the writer\'s text');
    assert.equal(analysed.length, before, 'no step while the writer types');
    assert.equal(pauses.length, 1, 'it waits for a pause');
    type(`${edited}。`);
    pauses.shift()!();
    assert.equal(pauses.length, 1, 'typed again during the pause: waits again');
    pauses.shift()!();
    runSteps();
    const resumed = analysed.slice(before);
    assert.ok(resumed.length > 0);
    assert.ok(resumed.every((t) => t.startsWith(large.slice(0, 50) + '：')), 'on the writer\'s text');
    assert.equal(resumed[resumed.length - 1], `${edited}。`, 'ending on it');
    assert.deepEqual(store.diagnosticsFor(open.get(URI)!), fresh(`${edited}。`));
    // A second large report: no second rehearsal.
    const count = analysed.length;
    rehearsal().afterCheck(TextDocument.create('file:///w/other.bg', 'baogao', 1, large));
    assert.equal(pauses.length, 0);
    runSteps();
    assert.equal(analysed.length, count);
  });

  it('begins only once the writer pauses after opening: a keystroke right after the first check comes first', () => {
    const { store, open, analysed, runSteps, pauses, type } = setUp(large);
    store.diagnosticsFor(open.get(URI)!);
    const typed = `${large.slice(0, 80)}的${large.slice(80)}`;
    type(typed);
    store.diagnosticsFor(open.get(URI)!);
    runSteps();
    assert.deepEqual(analysed, [large, typed], 'the writer\'s keystroke, and no rehearsed one');
    pauses.shift()!();
    assert.equal(pauses.length, 1, 'typed during the pause: waits again');
    runSteps();
    assert.equal(analysed.length, 2);
    pauses.shift()!();
    runSteps();
    assert.ok(analysed.length > 2, 'then rehearses');
    assert.equal(analysed[analysed.length - 1], typed, 'ending on the writer\'s text');
    assert.deepEqual(store.diagnosticsFor(open.get(URI)!), fresh(typed));
  });
});
