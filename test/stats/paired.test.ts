import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/stats/rng.ts';
import { bootstrapDistribution, medianInPlace, percentileInterval, quantileSorted, tailAtOrAbove, tailAtOrBelow } from '../../src/stats/bootstrap.ts';
import { beyondFloorPValue, changeInterval, hodgesLehmann, logRatios, median, pairedBootstrap, toChange, toLog } from '../../src/stats/paired.ts';

describe('mulberry32', () => {
  it('is reproducible per seed, different across seeds, and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // A uniform generator: the mean of 1000 draws is within a few standard errors of 0.5.
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.03);
  });
  it('matches the reference mulberry32 output for seed 1', () => {
    // Reference values of the widely published mulberry32 (Tommy Ettinger), computed independently below.
    function reference(seed: number) {
      let a = seed;
      return () => {
        let t = (a += 0x6d2b79f5);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    const ours = mulberry32(1);
    const ref = reference(1);
    for (let i = 0; i < 50; i++) expect(ours()).toBe(ref());
    expect(mulberry32(1)()).toBe(0.6270739405881613);
  });
});

describe('medians and Hodges-Lehmann', () => {
  it('computes medians of odd and even lengths without sorting the input', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
    const buf = Float64Array.from([9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0]);
    expect(medianInPlace(buf)).toBe(4);
  });
  it('computes Hodges-Lehmann by hand', () => {
    // Walsh averages of [1, 2, 10]: 1, 1.5, 5.5, 2, 6, 10 -> median (2 + 5.5) / 2.
    expect(hodgesLehmann([1, 2, 10])).toBe(3.75);
    // [0, 1]: 0, 0.5, 1 -> 0.5
    expect(hodgesLehmann([0, 1])).toBe(0.5);
  });
  it('takes paired log-ratios and drops broken rounds', () => {
    expect(logRatios([100, 200, 0, 50], [110, 100, 5, Number.NaN])).toEqual([Math.log(1.1), Math.log(0.5)]);
    expect(toChange(Math.log(0.93))).toBeCloseTo(-0.07, 12);
    expect(toLog(-0.07)).toBeCloseTo(Math.log(0.93), 12);
  });
});

describe('seeded bootstrap', () => {
  it('resamples exactly as the seeded generator dictates', () => {
    const values = [1, 2, 3, 4, 5];
    const dist = bootstrapDistribution(values, (xs) => xs.reduce((s, x) => s + x, 0) / xs.length, { seed: 7, resamples: 4 });
    // Recompute the same four resample means by hand from the generator.
    const random = mulberry32(7);
    const means: number[] = [];
    for (let b = 0; b < 4; b++) {
      let sum = 0;
      for (let i = 0; i < 5; i++) sum += values[Math.floor(random() * 5)];
      means.push(sum / 5);
    }
    expect(Array.from(dist)).toEqual(means.sort((a, b) => a - b));
    expect(Array.from(dist)).toEqual([2.2, 2.8, 2.8, 3]);
  });
  it('gives exact, reproducible intervals for a fixed seed', () => {
    const d = [-0.05, -0.02, -0.04, -0.06, -0.03, -0.05, -0.01, -0.07];
    const a = pairedBootstrap(d, { seed: 1, resamples: 2000 });
    const b = pairedBootstrap(d, { seed: 1, resamples: 2000 });
    expect(Array.from(a.distribution)).toEqual(Array.from(b.distribution));
    expect(a.estimate).toBe(-0.04);
    const [lo, hi] = percentileInterval(a.distribution, 0.05);
    expect(lo).toBeCloseTo(-0.055, 12);
    expect(hi).toBeCloseTo(-0.0275, 12);
    expect(changeInterval(a, 0.05)).toEqual([Math.expm1(lo), Math.expm1(hi)]);
    // Another seed moves the interval a little, not the estimate.
    const c = pairedBootstrap(d, { seed: 2, resamples: 2000 });
    expect(c.estimate).toBe(a.estimate);
    expect(a.spread).toBeCloseTo(1.4826 * 0.015, 12);
  });
  it('uses the median when asked', () => {
    const boot = pairedBootstrap([0.1, 0.2, 0.9], { seed: 3, resamples: 10, estimator: 'median' });
    expect(boot.estimate).toBe(0.2);
    expect(boot.estimator).toBe('median');
  });
});

describe('quantiles and tails', () => {
  it('interpolates quantiles (type 7) and counts tails with the +1 correction', () => {
    const s = [1, 2, 3, 4];
    expect(quantileSorted(s, 0)).toBe(1);
    expect(quantileSorted(s, 1)).toBe(4);
    expect(quantileSorted(s, 0.5)).toBe(2.5);
    expect(quantileSorted(s, 0.25)).toBe(1.75);
    expect(tailAtOrAbove(s, 3)).toBe(3 / 5);
    expect(tailAtOrBelow(s, 1)).toBe(2 / 5);
    expect(tailAtOrAbove(s, 10)).toBe(1 / 5);
  });
  it('gives a small p-value only when the resamples sit beyond the floor', () => {
    const slow = pairedBootstrap([-0.1, -0.11, -0.09, -0.1, -0.12, -0.08], { seed: 5, resamples: 999 });
    expect(beyondFloorPValue(slow, 0.01)).toBe(2 / 1000);
    const flat = pairedBootstrap([0.001, -0.002, 0.0, 0.002, -0.001, 0.0], { seed: 5, resamples: 999 });
    expect(beyondFloorPValue(flat, 0.01)).toBe(1);
  });
});
