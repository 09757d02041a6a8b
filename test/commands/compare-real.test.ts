/**
 * compare end to end with real Node hosts in a scratch git repository (the "done when").
 * The machine is shared, so budgets are short and assertions are about verdicts, not numbers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/commands/compare.ts';
import { cpuWorkload, repoWithWorkloads } from './compare-helpers.ts';

const ITERATIONS = 200;
const repo = repoWithWorkloads(['cpu-a', 'cpu-b'], ITERATIONS);
afterAll(() => repo.cleanup());
const worktrees = () => repo.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ')).length;

describe('compare with real Node hosts', () => {
  it('reports no regression for an unchanged tree and exits 0 with --fail-on-regression', async () => {
    // alpha 0.01, not the default 0.05: at 0.05 an A/A compare of these two workloads claims a change
    // 2-3% of the time by design (simulated with normal noise, 2-6 rounds), which would fail CI
    // that often for no defect; npm run bench:compare measures the default's false-alarm rate.
    const { results, exitCode } = await compareCommand({ base: 'main', cwd: repo.dir, failOnRegression: true, timeBudgetSeconds: 8, alpha: 0.01 });
    expect(results.settings.alpha).toBe(0.01);
    expect(results.failures).toEqual([]);
    expect(results.regressions).toBe(0);
    expect(exitCode).toBe(0);
    expect(results.comparisons.map((c) => c.workload).sort()).toEqual(['cpu-a', 'cpu-b']);
    expect(results.workloads.every((w) => w.status === 'ok' && w.recommendation?.model === 'sequential')).toBe(true);
    expect(worktrees()).toBe(1);
  }, 30_000);

  it('flags a CPU workload made 15% slower, not the untouched one, and exits 1', async () => {
    repo.write({ 'bench/cpu-a.ts': cpuWorkload(Math.round(ITERATIONS / 0.85)) });
    // 60 s: enough rounds on a moderately loaded machine; a quiet one stops at an early look.
    const { results, exitCode } = await compareCommand({ base: 'main', cwd: repo.dir, failOnRegression: true, timeBudgetSeconds: 60 });
    const verdict = (name: string) => results.comparisons.find((c) => c.workload === name)!;
    const slow = verdict('cpu-a');
    // The untouched workload is never flagged, however noisy the machine.
    expect(verdict('cpu-b').verdict).not.toBe('regression');
    expect(worktrees()).toBe(1);
    if (slow.detectableChange !== null && slow.detectableChange < 0.075) {
      // The run says its interval could flag a 7.5% change, i.e. the estimate of this 15% change
      // would have to be off by more than three standard errors for it to stay unflagged. (A
      // "detectable" change is flagged only half the time when it is the true one: guarding at
      // 12% failed in CI with an estimate of -7.6% and a detectable change of 9.4%.)
      expect(slow.verdict, JSON.stringify(slow)).toBe('regression');
      expect(exitCode).toBe(1);
    } else {
      // Another job saturating this shared machine can make 25 s too short to see 15% (per-visit
      // noise of 30-50% was measured under load); the verdict must then admit it, never clear it.
      expect(slow.verdict, JSON.stringify(slow)).toMatch(/^(regression|inconclusive)$/);
      console.warn(`compare-real: machine too noisy to require detection (detectable change ${((slow.detectableChange ?? 1) * 100).toFixed(0)}%)`);
    }
  }, 150_000);
});
