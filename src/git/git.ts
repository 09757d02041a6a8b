/** Thin, promise-based git calls for compare: repository root, refs, dirty state. */
import { execFile } from 'node:child_process';
import { repositoryEnv } from '../runtimes/repository-env.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GitUsageError } from './errors.ts';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run git in `cwd`; never throws for a non-zero exit (callers turn it into a clear message). */
export function git(cwd: string, args: string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 16 * 1024 * 1024, env: repositoryEnv({ GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }) }, (error, stdout, stderr) => {
      if (error && typeof (error as NodeJS.ErrnoException).code === 'string') {
        reject(new GitUsageError(`could not run git (${(error as NodeJS.ErrnoException).code}): compare needs git on PATH`));
        return;
      }
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout: stdout.toString(), stderr: stderr.toString() });
    });
  });
}

/** Top-level directory of the repository containing `cwd`. */
export async function repoRoot(cwd: string): Promise<string> {
  const r = await git(cwd, ['rev-parse', '--show-toplevel']);
  if (r.code !== 0) throw new GitUsageError(`${cwd} is not inside a git repository: compare --base needs one (or compare two results files: compare BASE.json HEAD.json)`);
  return r.stdout.trim();
}

/** Resolve a ref to a full commit SHA, with a hint for shallow clones. */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  if (ref.startsWith('-')) throw new GitUsageError(`invalid ref ${JSON.stringify(ref)}: a ref cannot start with "-"`);
  const r = await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (r.code === 0) return r.stdout.trim();
  const head = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (head.code !== 0) throw new GitUsageError(`the repository at ${root} has no commits yet: there is no base to compare against`);
  const shallow = existsSync(join(root, '.git', 'shallow')) || (await git(root, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
  throw new GitUsageError(
    `unknown git ref ${JSON.stringify(ref)} in ${root}${shallow ? ' (this is a shallow clone: fetch the base, e.g. actions/checkout with fetch-depth: 0)' : ' (check the branch name, or fetch it first)'}`,
  );
}

/** True when the working tree has uncommitted changes to tracked files or untracked, not ignored files. */
export async function isDirty(root: string): Promise<boolean> {
  const r = await git(root, ['status', '--porcelain', '--untracked-files=normal']);
  return r.code === 0 && r.stdout.trim() !== '';
}
