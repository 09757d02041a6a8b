import { describe, expect, it } from 'vitest';
import { analyzeWorkload } from '../../src/analysis/analyze.ts';
import { imprecisionReason, MAX_FIGURE_SPAN } from '../../src/analysis/plausibility.ts';
import { pairedChoices, pairingPriority } from '../../src/measure/paired-targets.ts';
import { formatRecommendedSpeedup } from '../../src/report/format.ts';
import type { CellResult } from '../../src/results/run.ts';
import type { Model } from '../../src/types.ts';

/** A cell of one round with these batch throughputs; I/O-bound (the loop mostly waits). */
function cell(model: Model, concurrency: number, batchThroughputs: number[]): CellResult {
  const sorted = [...batchThroughputs].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1];
  return {
    model,
    concurrency,
    status: 'ok',
    samples: batchThroughputs.length,
    rounds: 1,
    throughput: { median, ci95: [sorted[0], sorted[sorted.length - 1]] },
    latencyMs: { p50: 1, p99: 2 },
    cpuUtilization: 0.45,
    peakRssBytes: 1,
    startupMs: 1,
    speedup: null,
    batchThroughputs,
    batchesPerRound: [batchThroughputs.length],
  };
}

// fs.promises.readFile in bench:truth at 3e0276e (repetition 2): sequential's batches, and async 64's
// six batches of one visit, which ran 3,700 to 23,000 tasks/s.
const sequential = () => cell('sequential', 1, [1666, 2119, 2168, 2194, 2169, 2542, 1737, 1962, 1870]);
const async64 = () => cell('async', 64, [3652, 14832, 22908, 4621, 16381, 16467]);
const async2 = () => cell('async', 2, [3900, 4010, 3950, 4100, 3980, 4050]);

describe('a speedup too imprecise to stand alone', () => {
  it('is reported as its interval, and still recommended', () => {
    const result = analyzeWorkload('fs-readfile', 'node', [sequential(), async64()], { cores: 2 });
    const rec = result.recommendation!;
    expect(rec.model).toBe('async');
    expect(rec.concurrency).toBe(64);
    const [lo, hi] = rec.speedupRange!;
    expect(hi / lo).toBeGreaterThan(MAX_FIGURE_SPAN);
    expect(lo).toBeLessThan(rec.speedup);
    expect(hi).toBeGreaterThan(rec.speedup);
    expect(rec.reason).toMatch(/not one figure: the 95% interval runs from x\d/);
    expect(formatRecommendedSpeedup(rec)).toMatch(/^\d+\.\d\dx-\d+\.\d\dx$/);
    const cellOut = result.cells.find((c) => c.model === 'async' && c.concurrency === 64)!;
    expect(cellOut.speedup).toBeNull();
    expect(cellOut.speedupWithheld).toMatch(/^not enough data for one figure: its 95% interval runs from/);
  });

  it('leaves a steady figure alone', () => {
    const result = analyzeWorkload('fs-readfile', 'node', [sequential(), async2()], { cores: 2 });
    expect(result.recommendation?.speedupRange).toBeUndefined();
    expect(result.cells.find((c) => c.model === 'async')?.speedup).toBeGreaterThan(1.5);
    expect(formatRecommendedSpeedup(result.recommendation!)).toMatch(/^\d\.\d\dx$/);
  });

  it('is paired first, since pairing is what narrows it', () => {
    const swept = analyzeWorkload('fs-readfile', 'node', [sequential(), async64()], { cores: 2 });
    const chosen = pairedChoices(swept);
    expect(chosen.get('async')?.concurrency).toBe(64);
    const seq = swept.cells.find((c) => c.model === 'sequential')!;
    expect(pairingPriority(chosen.get('async')!, seq, { cores: 2, margin: 0.1, seed: 1 })).toBe(0);
  });

  it('draws the line at MAX_FIGURE_SPAN of the interval', () => {
    expect(imprecisionReason([2, 2 * MAX_FIGURE_SPAN * 0.99], false)).toBeUndefined();
    expect(imprecisionReason([2, 2 * MAX_FIGURE_SPAN * 1.01], true)).toMatch(/interval \(paired\) runs from x2\.00 to x3\.03/);
    expect(imprecisionReason([0, 3], false)).toBeUndefined();
  });
});
