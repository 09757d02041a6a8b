import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonText, writeJsonAtomic } from '../../src/results/write.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'cb-json-'));

describe('writeJsonAtomic', () => {
  it('writes the document as jsonText, leaving no temporary file', () => {
    const dir = scratch();
    const file = join(dir, 'out', 'results.json');
    writeJsonAtomic(file, { a: [1, 2] });
    expect(readFileSync(file, 'utf8')).toBe(jsonText({ a: [1, 2] }));
    expect(jsonText({ a: 1 })).toBe('{\n  "a": 1\n}\n');
    expect(existsSync(join(dir, 'out', '.gitignore'))).toBe(false); // not our directory: left alone
  });

  it('gives a new .concurrency-bench/ a .gitignore of *, so git sees no change', () => {
    const dir = scratch();
    execFileSync('git', ['init', '-q'], { cwd: dir });
    writeJsonAtomic(join(dir, '.concurrency-bench', 'results.json'), { kind: 'run' });
    writeJsonAtomic(join(dir, '.concurrency-bench', 'nested', 'compare.json'), { kind: 'compare' });
    expect(readFileSync(join(dir, '.concurrency-bench', '.gitignore'), 'utf8')).toBe('*\n');
    expect(execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir, encoding: 'utf8' })).toBe('');
  });

  it('adds the .gitignore to an existing .concurrency-bench/ that lacks one, and never replaces one', () => {
    const dir = scratch();
    mkdirSync(join(dir, '.concurrency-bench'));
    writeJsonAtomic(join(dir, '.concurrency-bench', 'results.json'), {});
    expect(readFileSync(join(dir, '.concurrency-bench', '.gitignore'), 'utf8')).toBe('*\n');

    const own = scratch();
    mkdirSync(join(own, '.concurrency-bench'));
    writeFileSync(join(own, '.concurrency-bench', '.gitignore'), '*.tmp\n');
    writeJsonAtomic(join(own, '.concurrency-bench', 'results.json'), {});
    expect(readFileSync(join(own, '.concurrency-bench', '.gitignore'), 'utf8')).toBe('*.tmp\n');
  });
});
