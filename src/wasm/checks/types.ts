/** Check files (Modsurfer's `validate` format) and their results. Plain data: it crosses the worker boundary. */
import type { FuncType } from '../types';

/** What a check needs of a module: its function imports and exports (with types) and its size. */
export interface CheckedModule {
  format: 'core' | 'component';
  size: number;
  imports: { module: string; name: string; type: FuncType }[];
  exports: { name: string; type: FuncType }[];
}

export type RuleStatus = 'pass' | 'fail' | 'not-measured';

export interface CheckRule {
  /** Modsurfer's property path: "allow_wasi", "imports.include.fd_write", "size.max"… */
  rule: string;
  status: RuleStatus;
  /** status === 'pass'. */
  passed: boolean;
  expected: string;
  /** What the module has: the offending import, the actual size… */
  found: string;
  /** 1-based line of the rule in the check file. */
  line?: number;
  classification: 'ABI Compatibility' | 'Resource Limit' | 'Security';
}

export interface CheckProblem {
  message: string;
  line?: number;
}

export interface CheckReport {
  /** Every rule passed and the file had no problems. */
  passed: boolean;
  rules: CheckRule[];
  /** Problems with the check file itself (bad YAML, unknown keys…): then no rule was checked. */
  errors: CheckProblem[];
}

/** The largest check file read (a check file is a few lines of YAML). */
export const MAX_CHECK_FILE_BYTES = 1024 * 1024;
