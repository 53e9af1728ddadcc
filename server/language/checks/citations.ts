// Report checks: citations. (Filled in by the checker work; see registry.ts for the shape of a check.)
import type { CodeInfo } from '../codes.js';
import type { ReportCheck } from './registry.js';

export const citationsCodes: CodeInfo[] = [];
export const citationsChecks: ReportCheck[] = [];
