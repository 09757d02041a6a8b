/**
 * compare end to end with real Node hosts in a scratch git repository (the "done when").
 * The machine is shared, so budgets are short and assertions are about verdicts, not numbers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/commands/compare.ts';
import { cpuWorkload, repoWithWorkloads } from './compare-helpers.ts';
import { expectPublishedFormat } from '../helpers/published-format.ts';

const ITERATIONS = 200;
const repo = repoWithWorkloads(['cpu-a', 'cpu-b'], ITERATIONS);
afterAll(() => repo.cleanup());
const worktrees = () => repo.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ')).length;

describe('compare with real Node hosts', () => {
  it('reports no regression for an unchanged tree and exits 0 with --fail-on-regression', async () => {
    // alpha 0.01, not the default 0.05: at 0.05 an A/A compare of these two workloads claims a change
    // 2-3% of the time by design (simulated with normal noise, 2-6 rounds), which would fail CI
    // that often for no defect; npm run bench:compare measures the default's false-alarm rate.
    const { results, exitCode } = await compareCommand({ base: 'main', cwd: repo.dir, failOnRegression: true, alpha: 0.01, onProgress: (e) => e.type === 'plan' && console.log(e.lines.join('\n')) });
    expectPublishedFormat(results);
    expect(results.settings.alpha).toBe(0.01);
    expect(results.failures).toEqual([]);
    expect(results.regressions).toBe(0);
    expect(exitCode).toBe(0);
    expect(results.comparisons.map((c) => c.workload).sort()).toEqual(['cpu-a', 'cpu-b']);
    expect(results.workloadChanges!.map((w) => w.verdict)).toEqual(['unchanged', 'unchanged']);
    expect(results.workloads.every((w) => w.status === 'ok' && w.recommendation?.model === 'sequential')).toBe(true);
    expect(worktrees()).toBe(1);
  }, 300_000); // no budget given: the plan decides, capped by its 60 rounds (about 3 minutes here at worst)

  it('flags a CPU workload made 15% slower, always, not the untouched one, and exits 1', async () => {
    repo.write({ 'bench/cpu-a.ts': cpuWorkload(Math.round(ITERATIONS / 0.85)) });
    const { results, exitCode } = await compareCommand({ base: 'main', cwd: repo.dir, failOnRegression: true, timeBudgetSeconds: 60 });
    expectPublishedFormat(results);
    const gate = (name: string) => results.workloadChanges!.find((w) => w.workload === name)!;
    // The untouched workload is never flagged, however noisy the machine.
    expect(gate('cpu-b').verdict).not.toBe('regression');
    // The gate plans the rounds a 5% change needs; a 15% one must be flagged every time.
    expect(gate('cpu-a').verdict, JSON.stringify(gate('cpu-a'))).toBe('regression');
    expect(gate('cpu-a').change!, JSON.stringify(gate('cpu-a'))).toBeLessThan(-0.08);
    expect(results.regressions).toBe(1);
    expect(exitCode).toBe(1);
    expect(worktrees()).toBe(1);
  }, 150_000);
});
