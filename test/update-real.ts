// Rewrites the expected import (.bg) and findings (.findings.json) of the real-report corpus from the
// current importer and checker: run it only after checking the change is right (`npm run golden:real`).
import { writeFileSync } from 'node:fs';
import { checkReal, REAL_REPORTS, realPath } from './realCorpus.js';

for (const name of REAL_REPORTS) {
  const { bg, findings } = checkReal(name);
  writeFileSync(realPath(name, '.bg'), bg);
  writeFileSync(realPath(name, '.findings.json'), `${JSON.stringify(findings, null, 1)}\n`);
  console.log(`更新 ${name}：${findings.length} 条检查结果`);
}
