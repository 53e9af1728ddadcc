// Golden files of rendered samples: test/golden/<sample>.<format>. Refreshed only by `npm run golden:update`.
// The HTML goldens share one stylesheet file (test/golden/report.css): each stores its page with the inlined
// <style> replaced by a reference to it, so a style change shows once in a diff, not six times.
import * as path from 'node:path';
import { render, type TextFormat } from '../templates/render.js';
import { ROOT, sampleModel } from './helpers.js';

export const GOLDEN_DIR = path.join(ROOT, 'test', 'golden');
export const GOLDEN_FORMATS: TextFormat[] = ['txt', 'md', 'html'];
export const GOLDEN_STYLESHEET = path.join(GOLDEN_DIR, 'report.css');
const STYLESHEET_REFERENCE = '/* test/golden/report.css */\n';

export function goldenPath(sample: string, format: TextFormat): string {
  return path.join(GOLDEN_DIR, `${sample}.${format}`);
}

export function renderSample(sample: string, format: TextFormat): string {
  return render(sampleModel(sample), format);
}

/** A rendering as its golden file holds it, and the stylesheet it inlines (HTML only). */
export function goldenForm(text: string, format: TextFormat): { text: string; stylesheet: string | undefined } {
  if (format !== 'html') return { text, stylesheet: undefined };
  const match = /<style>\n([\s\S]*?)<\/style>/.exec(text);
  if (!match) throw new Error('HTML rendering without an inlined <style>');
  return { text: text.replace(match[0], `<style>\n${STYLESHEET_REFERENCE}</style>`), stylesheet: match[1]! };
}
