// Rewrites the golden files from the current renderer: run it only after checking the change is right.
import { mkdirSync, writeFileSync } from 'node:fs';
import { SAMPLES } from './helpers.js';
import { GOLDEN_DIR, GOLDEN_FORMATS, goldenPath, renderSample } from './golden.js';

mkdirSync(GOLDEN_DIR, { recursive: true });
for (const sample of SAMPLES) {
  for (const format of GOLDEN_FORMATS) {
    writeFileSync(goldenPath(sample, format), renderSample(sample, format));
    console.log(`更新 ${goldenPath(sample, format)}`);
  }
}
