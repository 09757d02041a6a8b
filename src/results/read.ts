/**
 * Reading results files in report mode, where they come from an artifact a pull request (maybe a
 * fork's) produced: only regular files, bounded in number and size, parsed as JSON and admitted
 * only if they pass the structural check. Nothing in them is ever executed or used as a path.
 */
import { glob, lstat, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AnyResults } from './compare.ts';
import type { ReportResults } from './report.ts';
import { checkAnyResults } from './schema.ts';

export const MAX_RESULTS_FILES = 32;
export const MAX_RESULTS_BYTES = 8 * 1024 * 1024;

export class UntrustedResultsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UntrustedResultsError';
  }
}

export interface LoadedResults {
  /** Path as matched (the artifact chose it: quote it with JSON.stringify, escape it in markdown). */
  file: string;
  results: AnyResults;
}

/** Expands the patterns (sorted, de-duplicated) relative to `cwd`. */
export async function resolveResultFiles(patterns: readonly string[], cwd: string): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    let matched = false;
    for await (const file of glob(pattern, { cwd })) {
      files.add(file);
      matched = true;
    }
    if (!matched) throw new UntrustedResultsError(`No results file matches ${JSON.stringify(pattern)}.`);
  }
  const sorted = [...files].sort();
  if (sorted.length > MAX_RESULTS_FILES) throw new UntrustedResultsError(`${sorted.length} results files match; at most ${MAX_RESULTS_FILES} are read.`);
  return sorted;
}

/** Reads and checks one run or compare results file; throws an UntrustedResultsError naming the file and the first problems. */
export async function loadUntrustedResults(file: string, cwd: string): Promise<LoadedResults> {
  const checked = await readChecked(file, cwd);
  if (checked.kind === 'report') throw new UntrustedResultsError(`${JSON.stringify(file)}: a report file (it holds ${checked.entries.length} results files); give one run or compare results file`);
  return { file, results: checked };
}

/** Reads and checks one file of any kind: a report-mode file (an earlier report's output) gives every results file it holds, each checked as strictly. */
export async function loadUntrustedResultsAll(file: string, cwd: string): Promise<LoadedResults[]> {
  const checked = await readChecked(file, cwd);
  return checked.kind === 'report' ? checked.entries.map((entry) => ({ file, results: entry.results })) : [{ file, results: checked }];
}

async function readChecked(file: string, cwd: string): Promise<AnyResults | ReportResults> {
  const path = resolve(cwd, file);
  // lstat, not stat: a symlink in an artifact could point at any file on the runner.
  const info = await lstat(path);
  if (!info.isFile()) throw new UntrustedResultsError(`${JSON.stringify(file)}: not a regular file`);
  if (info.size > MAX_RESULTS_BYTES) throw new UntrustedResultsError(`${JSON.stringify(file)}: ${info.size} bytes, more than the ${MAX_RESULTS_BYTES} allowed`);
  const text = await readFile(path, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UntrustedResultsError(`${JSON.stringify(file)}: not JSON`);
  }
  return checkResults(data, file);
}

/** Checks parsed results of any kind (run, compare, report); throws an UntrustedResultsError naming the file and the problems. */
export function checkResults(data: unknown, file: string): AnyResults | ReportResults {
  const errors: string[] = [];
  const checked = checkAnyResults(data, errors);
  if (!checked) throw new UntrustedResultsError(`${JSON.stringify(file)}: not a concurrency-bench results file: ${errors.join('; ')}`);
  return checked;
}
