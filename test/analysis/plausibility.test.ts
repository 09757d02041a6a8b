import { describe, expect, it } from 'vitest';
import { analyzeWorkload } from '../../src/analysis/analyze.ts';
import { ENOUGH_SAMPLES, speedupBound, withheldReason } from '../../src/analysis/plausibility.ts';
import type { Model } from '../../src/types.ts';
import type { CellResult } from '../../src/results/run.ts';

/** A cell of `rounds` rounds x 4 batches around `center` (+-2%). */
function cell(model: Model, concurrency: number, center: number, options: { cpu?: number; batches?: number; rounds?: number } = {}): CellResult {
  const jitter = [1, 1.01, 0.99, 1.02, 0.98, 1, 1.01, 0.99, 1.02, 0.98, 1, 1];
  const rounds = options.rounds ?? 3;
  const perRound = options.batches ?? 4;
  const batchThroughputs = Array.from({ length: rounds * perRound }, (_, i) => center * jitter[i % jitter.length]);
  return {
    model,
    concurrency,
    status: 'ok',
    samples: batchThroughputs.length,
    rounds,
    throughput: { median: center, ci95: [center * 0.99, center * 1.01] },
    latencyMs: { p50: 1, p99: 2 },
    cpuUtilization: options.cpu ?? 1,
    peakRssBytes: 1,
    startupMs: 1,
    speedup: null,
    batchThroughputs,
    batchesPerRound: Array(rounds).fill(perRound),
  };
}

describe('speedupBound', () => {
  it('is C for work that waits, and the cores (threads, processes) or one core (async) for work that computes', () => {
    expect(speedupBound({ model: 'sequential', concurrency: 1 }, 1, 2)).toBe(1);
    expect(speedupBound({ model: 'thread', concurrency: 1 }, 0.05, 2)).toBe(1);
    expect(speedupBound({ model: 'process', concurrency: 4 }, 1, 2)).toBe(2);
    expect(speedupBound({ model: 'process', concurrency: 4 }, 0.9, 2)).toBe(2);
    expect(speedupBound({ model: 'async', concurrency: 8 }, 1, 2)).toBe(1);
    // A task that mostly waits: only the tasks in flight bound it (its loop wake-ups amortise).
    expect(speedupBound({ model: 'async', concurrency: 16 }, 0.08, 2)).toBe(16);
    expect(speedupBound({ model: 'async', concurrency: 1 }, 0.08, 2)).toBe(1);
    // 256 timers at 3% CPU: x252 is possible (the loop's wake-ups are shared by the timers in flight).
    expect(speedupBound({ model: 'async', concurrency: 256 }, 0.03, 2)).toBe(256);
  });
});

describe('withheldReason', () => {
  const context = { cpuShare: 1, cores: 2, seed: 1 };
  const baseline = cell('sequential', 1, 100);

  it('withholds the speedup of a cell with too few batches to bound its median', () => {
    const thin = cell('thread', 2, 190, { rounds: 1, batches: ENOUGH_SAMPLES - 1 });
    expect(withheldReason(thin, baseline, context)).toMatch(/^not enough data: 5 batches, 6 bound a median/);
    expect(withheldReason(cell('thread', 2, 190), cell('sequential', 1, 100, { rounds: 1, batches: 1 }), context)).toMatch(/sequential baseline has 1 batch,/);
    expect(withheldReason(cell('thread', 2, 190), baseline, context)).toBeUndefined();
  });

  it('withholds figures that cannot be physically true, and keeps those that can', () => {
    // The sieve: process x2.83 on 2 cores, CPU-bound.
    expect(withheldReason(cell('process', 4, 283), baseline, context)).toMatch(/^impossible: measured x2\.83 .* at most x2\.00 .*2 cores/);
    // One process cannot beat the loop it replaces (x1.22 reported, x1.01 true).
    expect(withheldReason(cell('process', 1, 122), baseline, { ...context, cpuShare: 0.1 })).toMatch(/one process cannot beat the loop/);
    // A synchronous CPU-bound function: async cannot speed it up (json.dumps: async x1.46).
    expect(withheldReason(cell('async', 2, 146), baseline, context)).toMatch(/async runs every computing part on one thread/);
    // A multiplication at 1 in flight: x13.
    expect(withheldReason(cell('async', 1, 1300), baseline, { ...context, cpuShare: 0.5 })).toMatch(/1 in flight cannot overlap more than 1-fold/);
    // Above the bound only by its point estimate (a wide interval): still never reported, and said to be noise.
    const noisy = { ...cell('async', 16, 165), batchThroughputs: [80, 250, 165, 120, 210, 165, 90, 240], batchesPerRound: [4, 4] };
    expect(withheldReason(noisy, baseline, context)).toMatch(/^impossible: measured x1\.65 .*within noise of the bound/);
    // No tolerance above the core count: x2.10 of a CPU-bound task on 2 cores is not reported.
    expect(withheldReason(cell('thread', 2, 210), baseline, context)).toMatch(/^impossible: measured x2\.10 .* at most x2\.00/);
    expect(withheldReason(cell('thread', 4, 201), baseline, context)).toMatch(/^impossible/);
    // Possible: x1.9 on 2 cores, x1.04 for one thread (within the tolerance), x12 at 16 in flight of an I/O task.
    expect(withheldReason(cell('process', 2, 190), baseline, context)).toBeUndefined();
    expect(withheldReason(cell('thread', 1, 104), baseline, context)).toBeUndefined();
    expect(withheldReason(cell('async', 16, 1200), baseline, { ...context, cpuShare: 0.08 })).toBeUndefined();
  });
});

describe('analyzeWorkload with withheld speedups', () => {
  it('never recommends a cell whose figure is withheld, and says why in the cell', () => {
    const result = analyzeWorkload('w', 'node', [cell('sequential', 1, 100), cell('thread', 2, 190), cell('process', 4, 283)], { cores: 2 });
    expect(result.recommendation).toMatchObject({ model: 'thread', concurrency: 2 });
    const process = result.cells.find((c) => c.model === 'process')!;
    expect(process.speedup).toBeNull();
    expect(process.speedupWithheld).toMatch(/^impossible/);
  });

  it('makes no claim when the baseline itself is too thin', () => {
    const result = analyzeWorkload('w', 'node', [cell('sequential', 1, 100, { rounds: 1, batches: 2 }), cell('thread', 2, 190)], { cores: 2 });
    expect(result.status).toBe('ok');
    expect(result.recommendation).toMatchObject({ model: 'sequential', confidence: 'low' });
    expect(result.recommendation!.reason).toMatch(/^Not enough data to compare models/);
    expect(result.cells.every((c) => c.speedup === null)).toBe(true);
  });
});

describe('recommendations from paired rounds', () => {
  it('decide by the paired interval where there is one: an unpaired x1.9 that paired rounds put at x1.02-x1.20 does not win', () => {
    const thread = { ...cell('thread', 2, 190), paired: { speedup: 1.1, ci95: [1.02, 1.2] as [number, number], rounds: 3, pairs: 18 } };
    const result = analyzeWorkload('w', 'node', [cell('sequential', 1, 100), thread], { cores: 2 });
    expect(result.recommendation).toMatchObject({ model: 'sequential', confidence: 'low', withinNoise: ['thread'] });
    expect(result.cells.find((c) => c.model === 'thread')!.speedup).toBe(1.1);
    const clear = { ...thread, paired: { speedup: 1.9, ci95: [1.8, 2.0] as [number, number], rounds: 3, pairs: 18 } };
    expect(analyzeWorkload('w', 'node', [cell('sequential', 1, 100), clear], { cores: 2 }).recommendation).toMatchObject({ model: 'thread', concurrency: 2, confidence: 'high' });
  });
});

describe('a suspect baseline', () => {
  it('makes no confident answer when most cells measured above what is possible against it', () => {
    // A CPU-bound workload whose sequential cell measured slow: async (one loop) at x1.55 and one
    // thread at x1.5 cannot be; the figure to doubt is sequential's.
    const cells = [cell('sequential', 1, 100), cell('async', 2, 155), cell('thread', 1, 150), cell('thread', 2, 190)];
    const result = analyzeWorkload('w', 'node', cells, { cores: 2 });
    expect(result.recommendation!.confidence).toBe('low');
    expect(result.recommendation!.doubts).toContain('suspect-baseline');
    expect(result.recommendation!.reason).toMatch(/2 of 3 cells measured faster than sequential by more than is possible, so the sequential figure itself is suspect/);
  });
});
