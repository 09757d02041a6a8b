import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareCommand, compareExitCode } from '../../src/commands/compare.ts';
import { GitUsageError, PrepareError } from '../../src/git/errors.ts';
import { liveWorktrees } from '../../src/git/worktree.ts';
import type { ScratchRepo } from '../git/scratch-repo.ts';
import { cpuWorkload, portsFrom, repoWithWorkloads, syntheticMeasure } from './compare-helpers.ts';
import { expectPublishedFormat } from '../helpers/published-format.ts';

const repos: ScratchRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});
function repo(names = ['cpu-a', 'cpu-b'], extra: Record<string, unknown> = {}) {
  const r = repoWithWorkloads(names, 1000, extra);
  repos.push(r);
  return r;
}
const worktreeCount = (r: ScratchRepo) => r.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ')).length;
const fast = { timeBudgetSeconds: 30 };

describe('compare (synthetic measurements)', () => {
  it('finds no regression in an unchanged tree and exits 0 with --fail-on-regression', async () => {
    const r = repo();
    const { results, exitCode, jsonPath } = await compareCommand({ ...fast, base: 'main', cwd: r.dir, failOnRegression: true, ports: portsFrom(syntheticMeasure(1)) });
    expect(exitCode).toBe(0);
    expect(results.regressions).toBe(0);
    expect(results.paired).toBe(true);
    expect(results.comparisons.map((c) => `${c.workload}:${c.verdict}`)).toEqual(['cpu-a:unchanged', 'cpu-b:unchanged']);
    expect(results.comparisons[0].roles).toEqual(['best', 'recommended']);
    expect(results.comparisons[0].rounds).toBeGreaterThanOrEqual(6);
    expect(results.head).toEqual({ ref: 'working tree', sha: r.git('rev-parse', 'HEAD'), dirty: false });
    expect(results.base.sha).toBe(r.git('rev-parse', 'HEAD'));
    expect(results.recommendationChanges).toEqual([]);
    expect(results.workloads.map((w) => w.name)).toEqual(['cpu-a', 'cpu-b']);
    expect(results.baseWorkloads?.map((w) => w.status)).toEqual(['ok', 'ok']);
    expect(expectPublishedFormat(jsonPath)).toEqual(JSON.parse(JSON.stringify(results)));
    expect(jsonPath).toBe(join(r.dir, '.concurrency-bench/compare.json'));
    expect(worktreeCount(r)).toBe(1);
    expect(liveWorktrees()).toEqual([]);
  });

  it('flags the workload made 15% slower in the working tree, not the untouched one, and exits 1', async () => {
    const r = repo();
    r.write({ 'bench/cpu-a.ts': cpuWorkload(Math.round(1000 / 0.85)) });
    const { results, exitCode } = await compareCommand({ ...fast, base: 'main', cwd: r.dir, failOnRegression: true, ports: portsFrom(syntheticMeasure(2)) });
    expect(exitCode).toBe(1);
    expect(results.regressions).toBe(1);
    const [first, second] = results.comparisons;
    expect(first.workload).toBe('cpu-a');
    expect(first.verdict).toBe('regression');
    expect(first.change).toBeGreaterThan(-0.18);
    expect(first.change).toBeLessThan(-0.12);
    expect(second).toMatchObject({ workload: 'cpu-b', verdict: 'unchanged' });
    expect(results.head.dirty).toBe(true);
    // Without the flag a regression is reported but does not fail the command.
    const again = await compareCommand({ ...fast, base: 'main', cwd: r.dir, ports: portsFrom(syntheticMeasure(3)) });
    expect(again.exitCode).toBe(0);
    expect(again.results.regressions).toBe(1);
  });

  it("lends the working tree's node_modules to the base worktree when there is no prepare", async () => {
    const r = repo();
    r.write({ 'node_modules/dep/index.js': 'export default 1;\n', '.gitignore': '.concurrency-bench/\nnode_modules/\n' });
    const seen = new Set<string>();
    const measure = syntheticMeasure(7);
    await compareCommand({
      ...fast,
      base: 'main',
      cwd: r.dir,
      ports: portsFrom(async (workload, ...rest) => {
        seen.add(String(existsSync(join(workload.modulePath, '..', '..', 'node_modules', 'dep', 'index.js'))));
        return measure(workload, ...rest);
      }),
    });
    expect([...seen]).toEqual(['true']);
    expect(existsSync(join(r.dir, 'node_modules/dep/index.js'))).toBe(true); // removing the worktree left the original alone
  });

  it('compares two refs with --head, both checked out and removed', async () => {
    const r = repo();
    r.commit('slower', { 'bench/cpu-b.ts': cpuWorkload(Math.round(1000 / 0.85)) });
    r.write({ 'bench/cpu-a.ts': cpuWorkload(500) }); // uncommitted: must not count with --head
    const { results } = await compareCommand({ ...fast, base: 'HEAD~1', head: 'HEAD', cwd: r.dir, ports: portsFrom(syntheticMeasure(4)) });
    expect(results.comparisons.filter((c) => c.verdict === 'regression').map((c) => c.workload)).toEqual(['cpu-b']);
    expect(results.comparisons.find((c) => c.workload === 'cpu-a')?.verdict).toBe('unchanged');
    expect(results.head).toEqual({ ref: 'HEAD', sha: r.git('rev-parse', 'HEAD') });
    expect(worktreeCount(r)).toBe(1);
  });

  it('gives usage errors (exit 2) for a bad ref, a missing config at base, and outside a repository', async () => {
    const r = repo();
    const bad = await compareCommand({ ...fast, base: 'nope', cwd: r.dir, ports: portsFrom(syntheticMeasure()) }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(GitUsageError);
    expect((bad as GitUsageError).exitCode).toBe(2);
    expect((bad as Error).message).toContain('unknown git ref "nope"');
    r.commit('add second config', { 'other.config.json': readFileSync(join(r.dir, 'concurrency-bench.config.json'), 'utf8') });
    const missing = await compareCommand({ ...fast, base: 'HEAD~1', configPath: 'other.config.json', cwd: r.dir, ports: portsFrom(syntheticMeasure()) }).catch((e: unknown) => e);
    expect((missing as Error).message).toBe('other.config.json does not exist in the base tree (HEAD~1): compare needs the same config file on both sides');
    expect(worktreeCount(r)).toBe(1);
    const outside = await compareCommand({ ...fast, base: 'main', cwd: '/', ports: portsFrom(syntheticMeasure()) }).catch((e: unknown) => e);
    expect(outside).toBeInstanceOf(GitUsageError);
  });

  it('reports a failing prepare naming the tree, and removes the worktree', async () => {
    const r = repo(['cpu-a'], { prepare: 'echo preparing; test -f ready || { echo "build failed: no ready file" >&2; exit 4; }' });
    r.write({ ready: '' }); // head (working tree) is ready, base is not
    const error = (await compareCommand({ ...fast, base: 'main', cwd: r.dir, ports: portsFrom(syntheticMeasure()) }).catch((e: unknown) => e)) as PrepareError;
    expect(error).toBeInstanceOf(PrepareError);
    expect(error.tree).toBe('base');
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/^prepare command ".*" exited with code 4 in the base tree \(main@[0-9a-f]{7}\) at \//);
    expect(error.outputTail).toContain('build failed: no ready file');
    expect(existsSync(error.cwd)).toBe(false);
    expect(worktreeCount(r)).toBe(1);
  });

  it('records a workload that fails in head and exits 3', async () => {
    const r = repo();
    r.write({ 'bench/cpu-b.ts': 'export default function () { throw new Error("boom"); }\n' });
    const { results, exitCode } = await compareCommand({ ...fast, base: 'main', cwd: r.dir, failOnRegression: true, ports: portsFrom(syntheticMeasure(5)) });
    expect(exitCode).toBe(3);
    expect(results.failures).toContainEqual({ tree: 'head', workload: 'cpu-b', model: 'sequential', concurrency: 1, message: 'errored: Error: boom' });
    expect(results.comparisons.map((c) => c.workload)).toEqual(['cpu-a']);
    expect(compareExitCode(results, { failOnRegression: true, interrupted: true })).toBe(130);
  });

  it('a budget spent before any paired round leaves every gate undecided: incomplete, exit 4 with --fail-on-regression, 0 without', async () => {
    const r = repo();
    const { results, exitCode } = await compareCommand({ ...fast, timeBudgetSeconds: 0.001, base: 'main', cwd: r.dir, failOnRegression: true, ports: portsFrom(syntheticMeasure(7)) });
    expect(results.incomplete).toBe(true);
    expect(results.comparisons.length).toBeGreaterThan(0);
    for (const c of results.comparisons) {
      expect(c.rounds).toBe(0);
      expect(c.error).toBeUndefined();
    }
    expect(results.regressions).toBe(0);
    expect(results.undecided).toBe(2);
    expect(results.workloadChanges?.map((w) => w.verdict)).toEqual(['inconclusive', 'inconclusive']);
    // Measured nothing: the gate must not pass as if all were well.
    expect(exitCode).toBe(4);
    expect(compareExitCode(results, { failOnRegression: false })).toBe(0);
  });

  it('gates once per workload: a 5% slowdown of one of four workloads is flagged for that one only, with a plan', async () => {
    const r = repo(['w1', 'w2', 'w3', 'w4']);
    r.write({ 'bench/w3.ts': cpuWorkload(Math.round(1000 / 0.95)) });
    const progress: string[] = [];
    const { results, exitCode } = await compareCommand({
      ...fast,
      timeBudgetSeconds: 120,
      base: 'main',
      cwd: r.dir,
      failOnRegression: true,
      ports: portsFrom(syntheticMeasure(11, 0.02)),
      onProgress: (e) => e.type === 'plan' && progress.push(...e.lines),
    });
    expect(results.workloadChanges?.map((w) => `${w.workload}:${w.verdict}`)).toEqual(['w1:unchanged', 'w2:unchanged', 'w3:regression', 'w4:unchanged']);
    expect(results.regressions).toBe(1);
    expect(results.undecided).toBe(0);
    expect(exitCode).toBe(1);
    const w3 = results.workloadChanges!.find((w) => w.workload === 'w3')!;
    expect(w3).toMatchObject({ model: 'sequential', concurrency: 1, cells: 1 });
    expect(w3.change).toBeGreaterThan(-0.08);
    expect(w3.change).toBeLessThan(-0.02);
    // One gating comparison per workload; every other comparison describes only.
    expect(results.comparisons.filter((c) => c.gating).map((c) => c.workload).sort()).toEqual(['w1', 'w2', 'w3', 'w4']);
    expect(progress[0]).toMatch(/^plan: 4 workloads, .* to detect 5\.0% at 95% power/);
    expect(results.plan?.workloads).toHaveLength(4);
    // Never "unchanged" next to a detectable change larger than the threshold.
    for (const w of results.workloadChanges!) if (w.verdict === 'unchanged') expect(w.detectableChange!).toBeLessThanOrEqual(0.05);
  });

  it('stops on interrupt with partial, incomplete results and no worktree left', async () => {
    const r = repo();
    const controller = new AbortController();
    const measure = syntheticMeasure(6);
    const { results, exitCode } = await compareCommand({
      ...fast,
      base: 'main',
      cwd: r.dir,
      signal: controller.signal,
      ports: portsFrom(async (...args) => {
        if (measure.visits === 12) controller.abort();
        return measure(...args);
      }),
    });
    expect(exitCode).toBe(130);
    expect(results.incomplete).toBe(true);
    expect(measure.visits).toBeLessThan(20);
    expect(worktreeCount(r)).toBe(1);
  });
});
