import { describe, expect, it } from 'vitest';
import { figureInterval, hodgesLehmann, HOST_ROUNDS, pairedSpeedup } from '../../src/stats/paired-speedup.ts';
import type { BatchSample } from '../../src/types.ts';

const batch = (tasksPerMs: number): BatchSample => ({ wallMs: 10, tasks: tasksPerMs * 10, cpuMs: 10, latenciesMs: [] });

describe('pairedSpeedup', () => {
  it('is the ratio of neighbouring batches, whatever the hosts ran at', () => {
    // Round 1 on a slow CPU, round 2 on a fast one: both say x2.
    const rounds = [
      { baseline: [batch(1), batch(1.1), batch(0.9)], candidate: [batch(2), batch(2.2), batch(1.8)] },
      { baseline: [batch(3), batch(3.3)], candidate: [batch(6), batch(6.6)] },
    ];
    const estimate = pairedSpeedup(rounds)!;
    expect(estimate.speedup).toBeCloseTo(2, 6);
    expect(estimate.ci95[0]).toBeCloseTo(2, 6);
    expect(estimate).toMatchObject({ rounds: 2, pairs: 5 });
  });

  it('is not dragged down by a pool batch that stalled', () => {
    // Six pairs at x2, one whose candidate batch stalled to a third of its rate: the estimate stays
    // x2 (a mean of the log-ratios would read x1.71).
    const rounds = [{ baseline: Array.from({ length: 7 }, () => batch(1)), candidate: [2, 2, 2, 2, 2, 2, 0.66].map(batch) }];
    expect(pairedSpeedup(rounds, { seed: 3 })!.speedup).toBeCloseTo(2, 6);
  });

  it('widens with the spread between rounds, and is undefined without pairs', () => {
    const rounds = [1.5, 1.9, 1.7, 2.1].map((r) => ({ baseline: [batch(1), batch(1)], candidate: [batch(r), batch(r * 1.01)] }));
    const estimate = pairedSpeedup(rounds, { seed: 2 })!;
    expect(estimate.ci95[0]).toBeLessThan(estimate.speedup);
    expect(estimate.ci95[1]).toBeGreaterThan(estimate.speedup);
    expect(estimate.ci95[0]).toBeGreaterThan(1.4);
    expect(estimate.ci95[1]).toBeLessThan(2.2);
    expect(pairedSpeedup([])).toBeUndefined();
  });

  it('measures the spread of batch pairs around their own round, not between rounds', () => {
    // Two rounds at x1.5 and x2, each pair within 1% of its round: the spread is tiny.
    const rounds = [1.5, 2].map((r) => ({ baseline: [batch(1), batch(1), batch(1)], candidate: [batch(r), batch(r * 1.01), batch(r * 0.99)] }));
    expect(pairedSpeedup(rounds)!.spread).toBeLessThan(0.02);
  });
});

describe('hodgesLehmann', () => {
  it('is the median of the pairwise averages, each value with itself included', () => {
    // Averages of 1, 2, 3, 10: 1 1.5 2 2 2.5 3 5.5 6 6.5 10, median 2.75 (the mean is 4, the median 2.5).
    expect(hodgesLehmann(Float64Array.from([10, 1, 3, 2]), 4, new Float64Array(10))).toBeCloseTo(2.75, 12);
    expect(hodgesLehmann(Float64Array.from([5, 99]), 1, new Float64Array(1))).toBe(5);
  });

  it('gives a one-round interval narrower than a plain median does', () => {
    // One round of six pairs spread like sieve's thread 2 (2026-12-01, round 2 of scripts/paired-rounds.ts).
    const ratios = [2.23, 1.73, 1.37, 1.81, 1.38, 2.07];
    const estimate = pairedSpeedup([{ baseline: ratios.map(() => batch(1)), candidate: ratios.map(batch) }], { seed: 1 })!;
    // A bootstrap of the median of these six reads about x1.38-2.15: the 1.37 and 2.23 ends.
    expect(estimate.ci95[0]).toBeGreaterThan(1.45);
    expect(estimate.ci95[1]).toBeLessThan(2.1);
    expect(estimate.speedup).toBeGreaterThan(1.65);
    expect(estimate.speedup).toBeLessThan(1.85);
  });
});

describe('figureInterval', () => {
  const one = { speedup: 1.4, ci95: [1.31, 1.57] as [number, number], rounds: 1, spread: 0.19 };

  it('adds the spread between fresh hosts to an interval from fewer than HOST_ROUNDS rounds', () => {
    const { interval: [lo, hi], hostsAdded } = figureInterval(one);
    expect(hostsAdded).toBe(true);
    // 1.96 x 0.19 in log on top of each side: about x1.0 to x2.0.
    expect(lo).toBeLessThan(1.31 / 1.3);
    expect(hi).toBeGreaterThan(1.57 * 1.2);
    // Two rounds: the host term shrinks by the square root of the rounds.
    const [lo2, hi2] = figureInterval({ ...one, rounds: 2 }).interval;
    expect(lo2).toBeGreaterThan(lo);
    expect(hi2).toBeLessThan(hi);
  });

  it('leaves the bootstrap interval alone from HOST_ROUNDS rounds on, or without a spread', () => {
    expect(figureInterval({ ...one, rounds: HOST_ROUNDS })).toEqual({ interval: one.ci95, hostsAdded: false });
    expect(figureInterval({ speedup: 1.4, ci95: [1.31, 1.57], rounds: 1 })).toEqual({ interval: [1.31, 1.57], hostsAdded: false });
  });
});
