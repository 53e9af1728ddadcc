// The live preview sends a page again only when it prints differently (templates/preview.ts samePage):
// every field of a line counts, so a page that changed in one field alone is never left stale.
import { strict as assert } from 'node:assert';
import { LanguageService } from '../../../server/language/service.js';
import { MemoryWorkspace } from '../../../server/language/workspace.js';
import { previewPages, samePage, type PreviewLine, type PreviewPage } from '../../../templates/preview.js';
import { render } from '../../../templates/render.js';
import { SAMPLES, sampleModel } from '../../helpers.js';

const REPORT = '@标题 测试镇2020年度法治政府建设情况报告\n@机关 测试镇人民政府\n@年度 2020\n\n# 依法全面履行政府职能情况\n本年度共调处矛盾纠纷{调处 = 150起}，{未定义}，调解成功{成功 = 147起}。\n';

describe('preview: samePage', () => {
  const pages = previewPages(new LanguageService(new MemoryWorkspace({})).analyze('/r.bg', REPORT)).pages;
  const page = pages[0]!;
  const copy = (): PreviewPage => structuredClone(page);

  it('finds a page the same as its copy, and as a page laid out again from the same text', () => {
    assert.ok(samePage(page, copy()));
    const again = previewPages(new LanguageService(new MemoryWorkspace({})).analyze('/r.bg', REPORT)).pages[0]!;
    assert.ok(samePage(page, again));
  });

  it('tells a page apart by any field of any line, by its marks, its number and its lines', () => {
    const marked = page.lines.findIndex((l) => l.marks?.length);
    assert.ok(marked >= 0, 'the unresolved figure is marked');
    const changes: Record<keyof PreviewLine, (l: PreviewLine) => void> = {
      text: (l) => (l.text += '。'),
      indent: (l) => l.indent++,
      align: (l) => (l.align = l.align === 'justify' ? 'start' : 'justify'),
      role: (l) => (l.role = l.role === 'text' ? 'heading' : 'text'),
      source: (l) => (l.source = (l.source ?? 0) + 1),
      block: (l) => l.block++,
      marks: (l) => (l.marks = [...(l.marks ?? []), { from: 0, to: 1, kind: 'broken', message: '？' }]),
    };
    for (const [field, change] of Object.entries(changes)) {
      for (const at of [0, marked, page.lines.length - 1]) {
        const other = copy();
        change(other.lines[at]!);
        assert.ok(!samePage(page, other), `${field} of line ${at}`);
      }
    }
    const message = copy();
    message.lines[marked]!.marks![0]!.message += '！';
    assert.ok(!samePage(page, message), 'a mark’s message');
    const numbered = copy();
    numbered.number++;
    assert.ok(!samePage(page, numbered), 'the page number');
    const shorter = copy();
    shorter.lines.pop();
    assert.ok(!samePage(page, shorter), 'a line fewer');
  });
});

describe('preview: the same lines as the HTML', () => {
  it('justifies the lines the HTML justifies (a full last line too), in every sample', () => {
    for (const name of SAMPLES) {
      const model = sampleModel(name);
      const html = render(model, 'html');
      const htmlJustified = [...html.matchAll(/<div class="line [a-z-]+ justify[^"]*"[^>]*>(.*?)<\/div>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
      const previewJustified = previewPages(model).pages.flatMap((p) => p.lines).filter((l) => l.align === 'justify').map((l) => l.text);
      assert.ok(htmlJustified.length > 10, name);
      assert.deepEqual(previewJustified.map((t) => t.trimEnd()), htmlJustified.map((t) => t.trimEnd()), name);
    }
  });
});
