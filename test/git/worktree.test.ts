import { spawn } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitUsageError, PrepareError } from '../../src/git/errors.ts';
import { isDirty, repoRoot, resolveCommit } from '../../src/git/git.ts';
import { runPrepare } from '../../src/git/prepare.ts';
import { createWorktree, liveWorktrees } from '../../src/git/worktree.ts';
import { scratchRepo } from './scratch-repo.ts';

const repo = scratchRepo();
const first = repo.commit('one', { 'a.txt': 'base\n' });
repo.commit('two', { 'a.txt': 'head\n' });
afterAll(() => repo.cleanup());

const worktreeCount = () => repo.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ')).length;

describe('git refs', () => {
  it('finds the repository root and resolves refs', async () => {
    expect(await repoRoot(join(repo.dir))).toBe(repo.dir);
    expect(await resolveCommit(repo.dir, 'HEAD~1')).toBe(first);
    expect(await resolveCommit(repo.dir, first.slice(0, 8))).toBe(first);
  });
  it('gives usage errors for a bad ref, an option-looking ref and a non-repository', async () => {
    await expect(resolveCommit(repo.dir, 'no-such-branch')).rejects.toThrow(/unknown git ref "no-such-branch"/);
    await expect(resolveCommit(repo.dir, '--output=x')).rejects.toBeInstanceOf(GitUsageError);
    const outside = mkdtempSync(join(tmpdir(), 'cb-not-repo-'));
    try {
      const error = await repoRoot(outside).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitUsageError);
      expect((error as GitUsageError).exitCode).toBe(2);
      expect((error as Error).message).toContain('is not inside a git repository');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
  it('says when the repository has no commits', async () => {
    const empty = scratchRepo();
    try {
      await expect(resolveCommit(empty.dir, 'main')).rejects.toThrow(/has no commits yet/);
    } finally {
      empty.cleanup();
    }
  });
  it('detects uncommitted changes', async () => {
    expect(await isDirty(repo.dir)).toBe(false);
    repo.write({ 'new.txt': 'x' });
    expect(await isDirty(repo.dir)).toBe(true);
    rmSync(join(repo.dir, 'new.txt'));
  });
});

describe('worktree', () => {
  it('checks out the base ref and removes it afterwards', async () => {
    const tree = await createWorktree(repo.dir, 'HEAD~1');
    expect(tree.sha).toBe(first);
    expect(readFileSync(join(tree.path, 'a.txt'), 'utf8')).toBe('base\n');
    expect(worktreeCount()).toBe(2);
    expect(liveWorktrees()).toEqual([tree.path]);
    await tree.remove();
    await tree.remove();
    expect(existsSync(tree.path)).toBe(false);
    expect(existsSync(join(tree.path, '..'))).toBe(false);
    expect(worktreeCount()).toBe(1);
    expect(liveWorktrees()).toEqual([]);
  });
  it('removes the worktree when the process is interrupted with Ctrl-C', async () => {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'hold-worktree.ts'), repo.dir, 'HEAD~1'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const path = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
    expect(existsSync(path)).toBe(true);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    expect(existsSync(path)).toBe(false);
    expect(worktreeCount()).toBe(1);
  }, 20_000);
});

describe('prepare', () => {
  it('runs the command in the tree', async () => {
    await runPrepare('echo built > out.txt', repo.dir, 'head');
    expect(readFileSync(join(repo.dir, 'out.txt'), 'utf8')).toBe('built\n');
    rmSync(join(repo.dir, 'out.txt'));
  });
  it('fails with the tree, the command and the output tail', async () => {
    const error = (await runPrepare('for i in $(seq 1 100); do echo line $i; done; echo "npm ERR! missing script: build" >&2; exit 7', repo.dir, 'base', { label: 'main@abc1234' }).catch((e: unknown) => e)) as PrepareError;
    expect(error).toBeInstanceOf(PrepareError);
    expect(error.exitCode).toBe(3);
    expect(error.tree).toBe('base');
    expect(error.message).toContain(`exited with code 7 in the base tree (main@abc1234) at ${repo.dir}`);
    expect(error.outputTail).toContain('npm ERR! missing script: build');
    expect(error.outputTail).toContain('line 100');
    expect(error.outputTail).not.toContain('line 50\n');
  });
  it('stops a command that runs too long', async () => {
    await expect(runPrepare('sleep 30', repo.dir, 'head', { timeoutMs: 300 })).rejects.toThrow(/did not finish within 0 s/);
  });
});
