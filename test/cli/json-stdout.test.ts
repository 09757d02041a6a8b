import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompareResults } from '../../src/results/compare.ts';
import type { RunResults } from '../../src/results/run.ts';
import { runCli, scratchProject } from '../helpers/cli.ts';
import { expectPublishedFormat } from '../helpers/published-format.ts';

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd, encoding: 'utf8' });

describe('--json - (the document on stdout, the human report on stderr)', () => {
  it('run, paired compare and unpaired compare; the results directory never shows as a change', async () => {
    // A repository that does not ignore .concurrency-bench/ itself.
    const project = scratchProject([{ name: 'quick', module: 'quick.mjs', tasks: 8, models: ['thread'], concurrency: [2] }]);
    const { dir } = project;
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'init');

    // 5 s, not 2: a loaded machine's calibration once left too little of 2 s for the baseline (CI at e02a913).
    const run = await runCli(['run', '--json', '-', '--time-budget', '5'], { cwd: dir });
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code, run.stderr).toBe(0);
    const results = expectPublishedFormat<RunResults>(JSON.parse(run.stdout)); // stdout is nothing but the document
    expect(results.kind).toBe('run');
    expect(results.workloads[0].name).toBe('quick');
    expect(run.stderr).toMatch(/◀ recommended/); // the table went to stderr
    // The file is still kept at the default path, the same document.
    const defaultFile = join(dir, '.concurrency-bench', 'results.json');
    expect(JSON.parse(readFileSync(defaultFile, 'utf8'))).toEqual(results);
    expect(run.stderr).toContain(`results: ${defaultFile}`);
    expect(readFileSync(join(dir, '.concurrency-bench', '.gitignore'), 'utf8')).toBe('*\n');
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');

    const paired = await runCli(['compare', '--base', 'HEAD', '--json', '-', '--time-budget', '5'], { cwd: dir });
    expect(paired.stderr).not.toMatch(/internal error/);
    expect(paired.code).toBe(0);
    const compared = expectPublishedFormat<CompareResults>(JSON.parse(paired.stdout));
    expect(compared).toMatchObject({ kind: 'compare', paired: true, head: { ref: 'working tree' } });
    // The results of the run above are not "uncommitted changes".
    expect(compared.head.dirty).toBe(false);
    expect(paired.stderr).toMatch(/^concurrency-bench compare: /m);
    expect(existsSync(join(dir, '.concurrency-bench', 'compare.json'))).toBe(true);

    const unpaired = await runCli(['compare', defaultFile, defaultFile, '--json', '-'], { cwd: dir });
    expect(unpaired.code).toBe(0);
    expect(expectPublishedFormat<CompareResults>(JSON.parse(unpaired.stdout))).toMatchObject({ kind: 'compare', paired: false });
    expect(unpaired.stderr).toMatch(/UNPAIRED/);
    expect(existsSync(join(dir, '-'))).toBe(false);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });
});
