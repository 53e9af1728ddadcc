// Report checks: dates. (Filled in by the checker work; see registry.ts for the shape of a check.)
import type { CodeInfo } from '../codes.js';
import type { ReportCheck } from './registry.js';

export const datesCodes: CodeInfo[] = [];
export const datesChecks: ReportCheck[] = [];
