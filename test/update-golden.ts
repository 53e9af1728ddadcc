// Rewrites the golden files from the current renderer: run it only after checking the change is right.
import { mkdirSync, writeFileSync } from 'node:fs';
import { SAMPLES } from './helpers.js';
import { GOLDEN_DIR, GOLDEN_FORMATS, GOLDEN_STYLESHEET, goldenForm, goldenPath, renderSample } from './golden.js';

mkdirSync(GOLDEN_DIR, { recursive: true });
for (const sample of SAMPLES) {
  for (const format of GOLDEN_FORMATS) {
    const { text, stylesheet } = goldenForm(renderSample(sample, format), format);
    writeFileSync(goldenPath(sample, format), text);
    console.log(`更新 ${goldenPath(sample, format)}`);
    if (stylesheet !== undefined) writeFileSync(GOLDEN_STYLESHEET, stylesheet);
  }
}
console.log(`更新 ${GOLDEN_STYLESHEET}`);
