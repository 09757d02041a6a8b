/**
 * Makes sure the pull request's base commit is in the checkout before the paired compare puts it in
 * a worktree. actions/checkout fetches one commit by default; fetching the base by SHA usually works
 * (GitHub serves reachable SHAs), and when it does not the user gets one clear instruction.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repositoryEnv } from '../runtimes/repository-env.ts';

const run = promisify(execFile);

export class BaseCommitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaseCommitError';
  }
}

async function git(cwd: string, args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 1 << 20, env: repositoryEnv() });
    return { ok: true, out: stdout.trim() };
  } catch (error) {
    const e = error as { stderr?: string; message?: string };
    return { ok: false, out: (e.stderr || e.message || '').trim() };
  }
}

/** Returns how the commit came to be available; throws BaseCommitError when it cannot be. */
export async function ensureCommit(sha: string, cwd: string, remote = 'origin'): Promise<'present' | 'fetched'> {
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) throw new BaseCommitError(`Not a commit SHA: ${JSON.stringify(sha)}`);
  const has = () => git(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
  if ((await has()).ok) return 'present';

  const inside = await git(cwd, ['rev-parse', '--is-inside-work-tree']);
  if (!inside.ok) throw new BaseCommitError(`${cwd} is not a git checkout; add actions/checkout (with fetch-depth: 0) before this action.`);
  // --depth on a full clone would make it shallow; only a shallow clone gets a shallow fetch.
  const shallow = (await git(cwd, ['rev-parse', '--is-shallow-repository'])).out === 'true';
  const fetch = await git(cwd, ['fetch', '--no-tags', '--no-recurse-submodules', ...(shallow ? ['--depth=1'] : []), remote, sha]);
  if ((await has()).ok) return 'fetched';

  const reason = lastLines(fetch.out, 3);
  throw new BaseCommitError(
    `The pull request's base commit ${sha} is not in this checkout and fetching it failed${reason ? ` (${reason})` : ''}. ` +
      'Check out with `actions/checkout` and `fetch-depth: 0` so the base is available.',
  );
}

function lastLines(text: string, n: number): string {
  return text.split('\n').filter(Boolean).slice(-n).join(' / ');
}
