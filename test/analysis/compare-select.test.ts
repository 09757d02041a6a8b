import { describe, expect, it } from 'vitest';
import { comparisonMetric, computeShare, runsOnOneCpu, selectCells } from '../../src/analysis/compare-select.ts';
import type { Model } from '../../src/types.ts';
import type { CellResult, WorkloadResult } from '../../src/results/run.ts';

function cell(model: Model, concurrency: number, throughput: number, share: { cpu: number; runQueue?: number; steal?: number }): CellResult {
  return {
    model,
    concurrency,
    status: 'ok',
    samples: 4,
    rounds: 2,
    throughput: { median: throughput, ci95: [throughput * 0.9, throughput * 1.1] },
    latencyMs: { p50: 1, p99: 2 },
    cpuUtilization: share.cpu,
    runQueueShare: share.runQueue ?? 0,
    stealShare: share.steal ?? 0,
    peakRssBytes: 1,
    startupMs: 1,
    speedup: null,
    batchThroughputs: [throughput],
  };
}

describe('comparisonMetric', () => {
  it('counts CPU, run-queue wait and steal per lane (one for sequential and async, one per worker up to the cores)', () => {
    expect(computeShare(cell('sequential', 1, 100, { cpu: 0.6, runQueue: 0.1, steal: 0.2 }), 2)).toBeCloseTo(0.9, 12);
    expect(computeShare(cell('async', 8, 100, { cpu: 0.9 }), 2)).toBeCloseTo(0.9, 12);
    expect(computeShare(cell('thread', 2, 100, { cpu: 1.8 }), 2)).toBeCloseTo(0.9, 12);
    expect(computeShare(cell('process', 8, 100, { cpu: 1.8 }), 2)).toBeCloseTo(0.9, 12);
  });
  it('uses CPU time only where both trees kept their lanes busy computing', () => {
    const busy = cell('thread', 2, 100, { cpu: 1.7, steal: 0.2 });
    const waiting = cell('thread', 2, 100, { cpu: 0.4 });
    expect(comparisonMetric(busy, busy, 2)).toBe('cpu-time');
    expect(comparisonMetric(busy, waiting, 2)).toBe('throughput');
    expect(comparisonMetric(waiting, busy, 2)).toBe('throughput');
    // Python threads under the GIL: one core busy out of two lanes is not compute-bound per lane.
    expect(comparisonMetric(cell('thread', 4, 100, { cpu: 1 }), cell('thread', 4, 100, { cpu: 1 }), 2)).toBe('throughput');
    expect(comparisonMetric(undefined, busy, 2)).toBe('throughput');
  });
});

describe('selectCells', () => {
  it("takes each model's best concurrency on both trees together, plus the recommended cells", () => {
    const workload = (cells: CellResult[], recommended: [Model, number]): WorkloadResult =>
      ({ name: 'w', status: 'ok', cells, recommendation: { model: recommended[0], concurrency: recommended[1] } }) as unknown as WorkloadResult;
    const base = workload([cell('sequential', 1, 100, { cpu: 1 }), cell('thread', 2, 190, { cpu: 1 }), cell('thread', 4, 150, { cpu: 1 })], ['thread', 4]);
    const head = workload([cell('sequential', 1, 100, { cpu: 1 }), cell('thread', 2, 150, { cpu: 1 }), cell('thread', 4, 180, { cpu: 1 })], ['thread', 2]);
    expect(selectCells(base, head).map((c) => `${c.model} x${c.concurrency} ${c.roles.join('+')}`)).toEqual(['sequential x1 best', 'thread x2 best+recommended', 'thread x4 recommended']);
  });
});

describe('runsOnOneCpu', () => {
  it('pins sequential cells always, and async ones that kept at most one core busy in both trees', () => {
    const seq = cell('sequential', 1, 100, { cpu: 0.98 });
    expect(runsOnOneCpu(seq, seq)).toBe(true);
    // A short sweep visit of a single-threaded loop can read 1.6 cores (JIT and GC threads): still pinned.
    expect(runsOnOneCpu(cell('sequential', 1, 100, { cpu: 1.6 }), seq)).toBe(true);
    expect(runsOnOneCpu(cell('async', 16, 100, { cpu: 0.1 }), cell('async', 16, 100, { cpu: 0.12 }))).toBe(true);
    // async pbkdf2 spreads over libuv's pool: pinning would take its parallelism away.
    expect(runsOnOneCpu(cell('async', 2, 100, { cpu: 1.8 }), cell('async', 2, 100, { cpu: 1.8 }))).toBe(false);
    expect(runsOnOneCpu(cell('thread', 1, 100, { cpu: 0.9 }), cell('thread', 1, 100, { cpu: 0.9 }))).toBe(false);
    expect(runsOnOneCpu(seq, undefined)).toBe(false);
  });
});
