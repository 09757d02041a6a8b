import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompareResults } from '../../src/results/compare.ts';
import type { RunResults } from '../../src/results/run.ts';
import { runCli, scratchProject } from '../helpers/cli.ts';
import { expectPublishedFormat } from '../helpers/published-format.ts';

/**
 * A real results file: a short run of a quick workload. 5 s, not 2: on a loaded machine calibration
 * took 1.1 s of 2 and left too little for the baseline's first visit (fresh-clone CI at e02a913, exit 3).
 */
async function measured(): Promise<{ dir: string; results: string }> {
  const project = scratchProject([{ name: 'quick', module: 'quick.mjs', tasks: 8, models: ['thread'], concurrency: [2] }]);
  const run = await runCli(['run', '--config', project.config, '--time-budget', '5', '--json', project.results]);
  expect(run.code, run.stderr).toBe(0);
  return { dir: project.dir, results: project.results };
}

describe('compare and report from the command line', () => {
  it('compares two stored results files (unpaired) and renders them again', async () => {
    const { dir, results } = await measured();
    const out = join(dir, 'compare.json');
    const markdown = join(dir, 'compare.md');
    const compare = await runCli(['compare', results, results, '--json', out, '--markdown', markdown, '--alpha', '0.01']);
    expect(compare.stderr).not.toMatch(/internal error/);
    expect(compare.code).toBe(0);
    const parsed = expectPublishedFormat<CompareResults>(out);
    expect(parsed.kind).toBe('compare');
    expect(parsed.paired).toBe(false);
    expect(parsed.settings.alpha).toBe(0.01);
    expect(parsed.regressions).toBe(0);
    expect(readFileSync(markdown, 'utf8')).toMatch(/unpaired|less reliable/i);

    const md = await runCli(['report', results, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('quick');
    const json = await runCli(['report', results, '--format', 'json']);
    expect(expectPublishedFormat<RunResults>(JSON.parse(json.stdout)).workloads[0].name).toBe('quick');
    const terminal = await runCli(['report', out]);
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toContain('quick');
  });

  it('usage and input errors are exit 2 with one clear line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-compare-usage-'));
    expect((await runCli(['compare'], { cwd: dir })).stderr).toMatch(/compare needs --base REF/);
    expect((await runCli(['compare', 'one.json'], { cwd: dir })).code).toBe(2);
    const alpha = await runCli(['compare', '--base', 'main', '--alpha', '5'], { cwd: dir });
    expect(alpha.code).toBe(2);
    expect(alpha.stderr).toMatch(/--alpha is a probability below 0.5/);
    const missing = await runCli(['report', join(dir, 'nope.json')], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(/^\s+at /m);
    writeFileSync(join(dir, 'bad.json'), '{"schemaVersion": 1, "kind": "run", "workloads": "x"}');
    const bad = await runCli(['report', join(dir, 'bad.json')], { cwd: dir });
    expect(bad.code).toBe(2);
    expect((await runCli(['report', join(dir, 'bad.json'), '--format', 'pdf'], { cwd: dir })).stderr).toMatch(/--format expects one of md, terminal, json/);

    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'init'], { cwd: dir });
    const badRef = await runCli(['compare', '--base', 'no-such-branch'], { cwd: dir });
    expect(badRef.code).toBe(2);
    expect(badRef.stderr).toMatch(/no-such-branch/);
    expect(existsSync(join(dir, '.concurrency-bench'))).toBe(false);
  });
});
