import { describe, expect, it } from 'vitest';
import type { WorkloadConfig } from '../../src/config/types.ts';
import { runPairedRounds, type MeasureRound, type PairedTarget } from '../../src/measure/paired-rounds.ts';
import type { CompareSettings } from '../../src/results/compare.ts';
import type { VisitOutcome } from '../../src/runtimes/visit.ts';

const settings: CompareSettings = {
  threshold: 0.05,
  noiseFloor: 0.01,
  memoryThreshold: 0.1,
  alpha: 0.05,
  timeBudgetSeconds: 600,
  seed: 3000,
  resamples: 200,
  config: 'concurrency-bench.config.json',
};

/** A round of one batch a side whose head/base rate ratio is exp(d). */
function visits(d: number): { base: VisitOutcome; head: VisitOutcome } {
  const visit = (wallMs: number): VisitOutcome => ({ status: 'ok', samples: [{ wallMs, tasks: 100, cpuMs: wallMs, latenciesMs: [] }], elapsedMs: wallMs });
  return { base: visit(1000), head: visit(1000 * Math.exp(-d)) };
}

function target(workload: string): PairedTarget {
  const config = { name: workload, tasks: 100, timeoutMs: 10_000 } as WorkloadConfig;
  return { cell: { workload, model: 'sequential', concurrency: 1, roles: ['best'] }, primary: true, base: config, head: config };
}

describe('the paired rounds of the gates', () => {
  it('re-plans a gate down at a look: an A/A compare with one wild round ran 60 rounds of it, now 11', async () => {
    // ln(head / base) per round of a real A/A compare of the examples (node-examples-2): tiny-task's
    // third round was 10% off, its others within 3%. Its first three rounds asked for more than 60.
    const rounds: Record<string, number[]> = {
      'cpu-hash': [-0.00202, 0.00067, -0.00101, -0.00067, 0.00368],
      'slow-io-http': [0.00011, 0.01385, -0.00808, -0.00114, -0.001],
      'tiny-task': [
        0.00126, 0.01991, -0.10281, 0.00536, -0.02473, -0.00293, -0.01593, 0.00905, 0.02385, 0.00671, 0.00812, -0.01923, 0.00181, -0.00476, -0.00324, 0.00391,
        -0.02817, 0.00532, -0.02224, -0.01192,
      ],
      'blocking-call': [0.00207, 0.00052, -0.00206, -0.00256, -0.00103],
    };
    const taken: Record<string, number> = {};
    const measureRound: MeasureRound = async (t) => {
      const k = (taken[t.cell.workload] = (taken[t.cell.workload] ?? 0) + 1);
      const d = rounds[t.cell.workload][k - 1];
      if (d === undefined) throw new Error(`${t.cell.workload}: round ${k} was never measured`);
      return visits(d);
    };
    const run = await runPairedRounds(Object.keys(rounds).map(target), {
      settings,
      deadline: performance.now() + 1e9,
      sampleTimeMs: 1000,
      measureRound,
      estimateRoundMs: () => 1000,
      cpus: [0],
    });
    expect(run.states.map((s) => s.rounds.length)).toEqual([5, 5, 11, 5]);
    expect(run.states.every((s) => s.stop === 'decided')).toBe(true);
    // The plan printed asked for more than 60 rounds; the plan as it ended says what the rounds needed.
    const tiny = run.plan!.workloads[2];
    expect(tiny.planned).toBe(11);
    expect(tiny.wanted).toBe(11);
  });
});
