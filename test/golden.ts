// Golden files of rendered samples: test/golden/<sample>.<format>. Refreshed only by `npm run golden:update`.
import * as path from 'node:path';
import { render, type TextFormat } from '../templates/render.js';
import { ROOT, sampleModel } from './helpers.js';

export const GOLDEN_DIR = path.join(ROOT, 'test', 'golden');
export const GOLDEN_FORMATS: TextFormat[] = ['txt', 'md', 'html'];

export function goldenPath(sample: string, format: TextFormat): string {
  return path.join(GOLDEN_DIR, `${sample}.${format}`);
}

export function renderSample(sample: string, format: TextFormat): string {
  return render(sampleModel(sample), format);
}
