import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/** The name of the tool's own results directory (DEFAULT_RESULTS_FILE, DEFAULT_COMPARE_FILE). */
export const RESULTS_DIR_NAME = '.concurrency-bench';

/** A results document as text: the same bytes in a file and on stdout (`--json -`). */
export function jsonText(data: unknown): string {
  return JSON.stringify(data, null, 2) + '\n';
}

/**
 * Write JSON so that a reader never sees half a file: write a temporary file beside the target,
 * then rename it over the target (atomic on the same file system).
 */
export function writeJsonAtomic(path: string, data: unknown): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  ignoreResultsDir(dir);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, jsonText(data));
  renameSync(temporary, path);
}

/**
 * When `dir` is, or is inside, a `.concurrency-bench/` directory, give that directory a `.gitignore`
 * of `*` unless it has one: results are not source, and a user who did not ignore the directory
 * would otherwise see it as an uncommitted change (compare labels the working tree "with
 * uncommitted changes"). An existing `.gitignore` is left as it is; other directories are left alone.
 */
export function ignoreResultsDir(dir: string): void {
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (basename(current) === RESULTS_DIR_NAME) {
      const gitignore = resolve(current, '.gitignore');
      if (!existsSync(gitignore)) {
        try {
          writeFileSync(gitignore, '*\n', { flag: 'wx' });
        } catch (error) {
          // Another writer made it first; that is fine.
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
    }
    if (dirname(current) === current) return;
  }
}
