import { describe, expect, it } from 'vitest';
import { unpairedFigureInterval, unpairedSpread, UNPAIRED_SPREAD_PRIOR } from '../../src/analysis/unpaired-figure.ts';
import type { CellResult } from '../../src/results/run.ts';

const cell = (model: CellResult['model'], concurrency: number, median: number, paired?: number): CellResult => ({
  model,
  concurrency,
  status: 'ok',
  samples: 6,
  rounds: 1,
  throughput: { median, ci95: [median, median] },
  latencyMs: { p50: 1, p99: 2 },
  cpuUtilization: 1,
  peakRssBytes: 1,
  startupMs: 1,
  speedup: null,
  batchThroughputs: [median],
  ...(paired === undefined ? {} : { paired: { speedup: paired, ci95: [paired, paired] as [number, number], rounds: 1, pairs: 6 } }),
});

describe('the spread between hosts of unpaired figures', () => {
  it('is the prior without a paired cell, and moves toward what the paired cells showed', () => {
    const seq = cell('sequential', 1, 100);
    expect(unpairedSpread([seq, cell('thread', 2, 170)], seq)).toEqual({ spread: UNPAIRED_SPREAD_PRIOR, evidence: 0 });
    // Unpaired x1.70, paired x1.70: no spread seen; the prior counts once beside it.
    expect(unpairedSpread([seq, cell('thread', 2, 170, 1.7)], seq).spread).toBeCloseTo(UNPAIRED_SPREAD_PRIOR / Math.SQRT2, 9);
    // Unpaired x1.30, paired x1.70: wider than the prior.
    const far = unpairedSpread([seq, cell('thread', 2, 130, 1.7)], seq);
    expect(far.evidence).toBe(1);
    expect(far.spread).toBeCloseTo(Math.sqrt((UNPAIRED_SPREAD_PRIOR ** 2 + Math.log(1.3 / 1.7) ** 2) / 2), 9);
  });
});

describe('the interval of an unpaired figure', () => {
  it('adds the spread on each side, over the square root of the fewer hosts, and nothing from three hosts each', () => {
    expect(unpairedFigureInterval(1.5, [1.45, 1.55], 3, 0.2)).toEqual({ interval: [1.45, 1.55], hostsAdded: false });
    const one = unpairedFigureInterval(1.5, [1.5, 1.5], 1, 0.1).interval;
    expect(one[0]).toBeCloseTo(1.5 * Math.exp(-0.196), 6);
    expect(one[1]).toBeCloseTo(1.5 * Math.exp(0.196), 6);
    const two = unpairedFigureInterval(1.5, [1.5, 1.5], 2, 0.1).interval;
    expect(two[1]).toBeCloseTo(1.5 * Math.exp(0.196 / Math.SQRT2), 6);
  });
});
