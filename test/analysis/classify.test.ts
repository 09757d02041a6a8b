import { describe, expect, it } from 'vitest';
import { classify } from '../../src/analysis/classify.ts';
import { recommend } from '../../src/analysis/recommend.ts';
import { aggregateCell } from '../../src/measure/aggregate.ts';
import type { BatchSample, Model } from '../../src/types.ts';
import type { CellResult } from '../../src/results/run.ts';

/** A cell aggregated from batches of 100 ms wall time with these CPU figures, on a 2-core machine. */
function measured(model: Model, concurrency: number, fields: Partial<BatchSample>, tasksPerSecond = 100): CellResult {
  const samples = [0.99, 1, 1.01, 1.02, 0.98, 1].map((j) => ({ wallMs: 100, tasks: (tasksPerSecond / 10) * j, latenciesMs: [1], cpuMs: 0, ...fields }));
  return { ...aggregateCell(model, concurrency, [{ status: 'ok', samples, elapsedMs: 1 }], 2)!, rounds: 4, batchesPerRound: [2, 2, 1, 1] };
}

describe('classify from the task thread', () => {
  it("a sequential cell whose main thread idles while libuv's pool is busy is not CPU-bound", () => {
    // zlib.gzip through libuv: the pool compresses, the event loop waits for it as for any I/O.
    const gzip = measured('sequential', 1, { cpuMs: 100, taskCpuMs: 8, poolCpuMs: 88, runQueueMs: 4 });
    expect(gzip.cpuUtilization).toBeCloseTo(0.08, 12);
    expect(classify(gzip)).toBe('io-bound');
    // The main thread doing a real part of the work too: mixed, still not CPU-bound.
    expect(classify(measured('sequential', 1, { cpuMs: 100, taskCpuMs: 45, poolCpuMs: 55, runQueueMs: 5 }))).toBe('mixed');
  });

  it('a CPU loop on the main thread is CPU-bound; so is one that waited for a busy machine', () => {
    expect(classify(measured('sequential', 1, { cpuMs: 99, taskCpuMs: 97, poolCpuMs: 0, runQueueMs: 1 }))).toBe('cpu-bound');
    expect(classify(measured('sequential', 1, { cpuMs: 58, taskCpuMs: 55, poolCpuMs: 0, runQueueMs: 40 }))).toBe('cpu-bound');
  });

  it("V8's background threads (GC, compiler) do not make an idle task CPU-bound", () => {
    const cell = measured('sequential', 1, { cpuMs: 157, taskCpuMs: 12, poolCpuMs: 0, runQueueMs: 2 });
    expect(cell.overheadUtilization).toBeCloseTo(1.45, 12);
    expect(classify(cell)).toBe('io-bound');
  });

  it('without per-thread figures the old reading stands: pool work counts as computing', () => {
    expect(classify(measured('sequential', 1, { cpuMs: 100, runQueueMs: 4 }))).toBe('cpu-bound');
  });
});

describe('the reason text names the pool', () => {
  const cells = (sequential: Partial<BatchSample>) => [
    measured('sequential', 1, sequential, 60),
    measured('async', 2, { cpuMs: 190, taskCpuMs: 16, poolCpuMs: 170 }, 120),
  ];

  it("when libuv's pool did the sequential cell's work", () => {
    const all = cells({ cpuMs: 100, taskCpuMs: 8, poolCpuMs: 88, runQueueMs: 4 });
    const rec = recommend(all, classify(all[0]), all[0].cpuUtilization, { sequentialRunQueue: all[0].runQueueShare })!;
    expect(rec.model).toBe('async');
    expect(rec.reason).toMatch(/^I\/O-bound \(sequential used 8% of a core; its native work ran in libuv's thread pool, using 88% of a core\): async x2\.0 at 2 in flight\. /);
  });

  it('not when the pool did next to nothing, or could not be seen', () => {
    for (const sequential of [{ cpuMs: 99, taskCpuMs: 97, poolCpuMs: 1 }, { cpuMs: 99 }]) {
      const all = cells(sequential);
      const rec = recommend(all, classify(all[0]), all[0].cpuUtilization)!;
      expect(rec.reason).toMatch(/^CPU-bound \(sequential used 9\d% of a core\): /);
    }
  });
});
