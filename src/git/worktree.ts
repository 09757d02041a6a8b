/**
 * The base ref checked out into a temporary git worktree. It is removed when compare finishes,
 * fails, or is interrupted: normally by `remove()`, on Ctrl-C/SIGTERM by a synchronous handler, and
 * at process exit as a last resort, so a killed compare never leaves a tree in /tmp or in
 * `git worktree list`.
 */
import { execFileSync } from 'node:child_process';
import { repositoryEnv } from '../runtimes/repository-env.ts';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitUsageError } from './errors.ts';
import { git, resolveCommit } from './git.ts';

export interface Worktree {
  /** Absolute path of the checked-out tree. */
  path: string;
  /** The commit checked out. */
  sha: string;
  /** The ref as given. */
  ref: string;
  /** Remove the tree and its git bookkeeping; safe to call twice. */
  remove(): Promise<void>;
}

/** Live worktrees of this process: path -> repository root. */
const live = new Map<string, string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let handlersInstalled = false;

/** Synchronous removal, for signal and exit handlers where promises will not run. */
function removeSync(path: string, root: string): void {
  try {
    execFileSync('git', ['worktree', 'remove', '--force', path], { cwd: root, stdio: 'ignore', env: repositoryEnv() });
  } catch {
    // Fall through: delete the directory and let prune drop the bookkeeping.
  }
  rmSync(dirnameOf(path), { recursive: true, force: true });
  try {
    execFileSync('git', ['worktree', 'prune'], { cwd: root, stdio: 'ignore', env: repositoryEnv() });
  } catch {
    // The repository itself may be gone; nothing left to tidy.
  }
  live.delete(path);
}

/** Our trees live at <mkdtemp>/tree; the temp parent goes too. */
function dirnameOf(path: string): string {
  return join(path, '..');
}

function removeAllSync(): void {
  for (const [path, root] of [...live]) removeSync(path, root);
}

function onSignal(signal: NodeJS.Signals): void {
  removeAllSync();
  // If nobody else handles the signal (the CLI may, to stop gracefully), do what Node would have done.
  if (process.listenerCount(signal) <= 1) {
    uninstallHandlers();
    process.kill(process.pid, signal);
  }
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', removeAllSync);
}

function uninstallHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', removeAllSync);
}

/** Check out `ref` of the repository at `root` into a fresh temporary directory (detached HEAD). */
export async function createWorktree(root: string, ref: string, options: { label?: string } = {}): Promise<Worktree> {
  const sha = await resolveCommit(root, ref);
  const parent = realpathSync(mkdtempSync(join(tmpdir(), `concurrency-bench-${options.label ?? 'base'}-`)));
  const path = join(parent, 'tree');
  live.set(path, root);
  installHandlers();
  const added = await git(root, ['worktree', 'add', '--detach', '--force', path, sha]);
  if (added.code !== 0) {
    removeSync(path, root);
    if (live.size === 0) uninstallHandlers();
    throw new GitUsageError(`could not check out ${ref} (${sha.slice(0, 12)}) into a temporary worktree: ${added.stderr.trim().split('\n').at(-1) ?? 'git worktree add failed'}`);
  }
  let removed = false;
  return {
    path,
    sha,
    ref,
    async remove() {
      if (removed) return;
      removed = true;
      await git(root, ['worktree', 'remove', '--force', path]);
      rmSync(parent, { recursive: true, force: true });
      await git(root, ['worktree', 'prune']);
      live.delete(path);
      if (live.size === 0) uninstallHandlers();
    },
  };
}

/** Worktrees this process still holds (for tests and diagnostics). */
export function liveWorktrees(): string[] {
  return [...live.keys()];
}
