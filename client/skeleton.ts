// The report skeletons (from the snippets in client/snippets/baogao.json), one per report kind.
// No vscode import: unit tests check the skeletons against the checker.
import snippets from './snippets/baogao.json' with { type: 'json' };

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

const SNIPPETS: Record<string, Snippet> = snippets;

export const SKELETONS = [
  { kind: '法治政府建设年度报告', snippet: '法治政府建设年度报告骨架', description: SNIPPETS['法治政府建设年度报告骨架']!.description },
  { kind: '工作总结', snippet: '工作总结骨架', description: SNIPPETS['工作总结骨架']!.description },
] as const;

/**
 * The skeleton snippet of a kind. A report is written early in the year after the one it reports on, so
 * the year's default is last year here (the snippet itself, typed as a completion, offers $CURRENT_YEAR).
 */
export function skeletonBody(kind: string, today: Date): string {
  const entry = SKELETONS.find((s) => s.kind === kind);
  if (!entry) throw new Error(`no skeleton for ${kind}`);
  const body = SNIPPETS[entry.snippet]!.body.join('\n');
  return body.replace(/^(@年度 \$\{\d+:)\$CURRENT_YEAR\}/m, (_all, head: string) => `${head}${today.getFullYear() - 1}}`);
}
