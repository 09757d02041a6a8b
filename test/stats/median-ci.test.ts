import { describe, expect, it } from 'vitest';
import { binomialHalfCdf, medianConfidenceInterval } from '../../src/stats/median-ci.ts';
import { ratioOfMediansGrouped } from '../../src/stats/ratio.ts';

/** One round per side: the two-level bootstrap reduces to resampling batches. */
const ratioOfMedians = (a: number[], b: number[], options: { seed: number }) => ratioOfMediansGrouped([a], [b], options);
import { median, quantile, sortSamples } from '../../src/stats/sorted.ts';

describe('order statistics', () => {
  it('sorts numerically and interpolates quantiles like numpy (type 7)', () => {
    const sorted = sortSamples([4, 1, 10, 2, 3]);
    expect([...sorted]).toEqual([1, 2, 3, 4, 10]);
    expect(median(sortSamples([1, 2, 3, 4]))).toBe(2.5);
    expect(quantile(sortSamples([1, 2, 3, 4]), 0.99)).toBeCloseTo(3.97, 12);
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 1)).toBe(10);
  });

  it('computes the binomial(n, 1/2) CDF exactly', () => {
    expect(binomialHalfCdf(0, 10)).toBeCloseTo(1 / 1024, 15);
    expect(binomialHalfCdf(1, 10)).toBeCloseTo(11 / 1024, 15);
    expect(binomialHalfCdf(2, 10)).toBeCloseTo(56 / 1024, 15);
    expect(binomialHalfCdf(5, 10)).toBeCloseTo(638 / 1024, 15);
  });

  it('gives the distribution-free 95% CI of the median from ranks', () => {
    const ten = sortSamples([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // P(X <= 1) = 11/1024 <= 0.025 < P(X <= 2): ranks 2 and 9
    expect(medianConfidenceInterval(ten)).toEqual([2, 9]);
    // n = 5 cannot reach 95%: the honest answer is the whole range
    expect(medianConfidenceInterval(sortSamples([5, 1, 4, 2, 3]))).toEqual([1, 5]);
    const hundred = sortSamples(Array.from({ length: 100 }, (_, i) => i + 1));
    // n = 100: ranks 40 and 61 (the textbook interval)
    expect(medianConfidenceInterval(hundred)).toEqual([40, 61]);
  });
});

describe('ratio of medians', () => {
  it('is deterministic for a seed and brackets the point estimate', () => {
    const a = [200, 202, 198, 201, 199, 203, 197];
    const b = [100, 101, 99, 100, 102, 98, 100];
    const first = ratioOfMedians(a, b, { seed: 7 });
    expect(first).toEqual(ratioOfMedians(a, b, { seed: 7 }));
    expect(first.ratio).toBe(2);
    expect(first.ci95[0]).toBeGreaterThan(1.9);
    expect(first.ci95[1]).toBeLessThan(2.1);
    expect(first.ci95[0]).toBeLessThanOrEqual(2);
    expect(first.ci95[1]).toBeGreaterThanOrEqual(2);
  });

  it('is wide when the samples overlap', () => {
    const { ci95 } = ratioOfMedians([90, 150, 110, 130, 95], [100, 120, 105, 140, 98], { seed: 1 });
    expect(ci95[0]).toBeLessThan(1);
    expect(ci95[1]).toBeGreaterThan(1.1);
  });
});
