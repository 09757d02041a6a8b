import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BaseCommitError, ensureCommit } from '../../src/github/base-commit.ts';

const root = mkdtempSync(join(tmpdir(), 'cb-base-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' }).trim();

git(root, 'init', '-q', 'origin');
const origin = join(root, 'origin');
git(origin, 'commit', '-q', '--allow-empty', '-m', 'base');
const base = git(origin, 'rev-parse', 'HEAD');
git(origin, 'commit', '-q', '--allow-empty', '-m', 'head');
git(root, 'clone', '-q', '--depth=1', `file://${origin}`, 'shallow');
const shallow = join(root, 'shallow');

describe('ensureCommit', () => {
  it('fetches the base into a shallow checkout, then finds it present', async () => {
    expect(await ensureCommit(base, shallow)).toBe('fetched');
    expect(await ensureCommit(base, shallow)).toBe('present');
  });

  it('says to use fetch-depth: 0 when the base cannot be fetched', async () => {
    const missing = 'f'.repeat(40);
    await expect(ensureCommit(missing, shallow)).rejects.toThrow(BaseCommitError);
    await expect(ensureCommit(missing, shallow)).rejects.toThrow(/fetch-depth: 0/);
  });
});
