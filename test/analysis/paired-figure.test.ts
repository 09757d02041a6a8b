import { describe, expect, it } from 'vitest';
import { pairedFigureInterval, sequentialHostSpread } from '../../src/analysis/paired-figure.ts';
import { figureInterval } from '../../src/stats/paired-speedup.ts';

describe('sequentialHostSpread', () => {
  it('is the standard deviation of the log rates, 0 with fewer than two', () => {
    expect(sequentialHostSpread(undefined)).toBe(0);
    expect(sequentialHostSpread([100])).toBe(0);
    expect(sequentialHostSpread([100, 100, 100])).toBe(0);
    // Two hosts: |log(a / b)| / sqrt(2).
    expect(sequentialHostSpread([91.248, 124.271])).toBeCloseTo(Math.log(124.271 / 91.248) / Math.SQRT2, 10);
    const logs = [Math.log(80), Math.log(100), Math.log(125)];
    const mean = (logs[0] + logs[1] + logs[2]) / 3;
    expect(sequentialHostSpread([80, 100, 125, Number.NaN, 0])).toBeCloseTo(Math.sqrt(logs.reduce((s, x) => s + (x - mean) ** 2, 0) / 2), 10);
  });
});

describe('pairedFigureInterval', () => {
  // acorn's process 2 at 6d09516 (run 1): one round whose six pairs agreed, beside sequential hosts 36% apart.
  const acorn = { speedup: 1.287, ci95: [1.26, 1.406] as [number, number], rounds: 1, spread: 0.0485 };

  it('adds the sequential hosts spread when it is larger than the batch pairs show', () => {
    const { interval, hostsAdded, fromSequentialHosts } = pairedFigureInterval(acorn, [91.248, 124.271]);
    expect(hostsAdded).toBe(true);
    expect(fromSequentialHosts).toBe(true);
    const own = figureInterval(acorn).interval;
    expect(interval[0]).toBeLessThan(own[0]);
    expect(interval[1]).toBeGreaterThan(own[1]);
    // The truth, x1.89, is inside; the batch pairs' interval missed it.
    expect(own[1]).toBeLessThan(1.89);
    expect(interval[1]).toBeGreaterThan(1.89);
  });

  it('is figureInterval when the sequential hosts read no more than UNSTEADY_SPREAD apart, or from HOST_ROUNDS rounds', () => {
    expect(pairedFigureInterval(acorn, [100, 101])).toEqual({ ...figureInterval(acorn), fromSequentialHosts: false });
    // 20% apart: a standard deviation of 0.13, above the pairs' 0.05, but the run does not warn.
    expect(sequentialHostSpread([100, 120])).toBeGreaterThan(acorn.spread);
    expect(pairedFigureInterval(acorn, [100, 120])).toEqual({ ...figureInterval(acorn), fromSequentialHosts: false });
    expect(pairedFigureInterval(acorn, [100, 126])).toMatchObject({ fromSequentialHosts: true });
    expect(pairedFigureInterval(acorn, undefined)).toEqual({ ...figureInterval(acorn), fromSequentialHosts: false });
    const threeRounds = { ...acorn, rounds: 3 };
    expect(pairedFigureInterval(threeRounds, [91.248, 124.271])).toEqual({ interval: acorn.ci95, hostsAdded: false, fromSequentialHosts: false });
  });

  it('adds the sequential hosts spread to a figure whose pairs showed none', () => {
    const noSpread = { ...acorn, spread: 0 };
    expect(figureInterval(noSpread).hostsAdded).toBe(false);
    expect(pairedFigureInterval(noSpread, [91.248, 124.271])).toMatchObject({ hostsAdded: true, fromSequentialHosts: true });
  });
});
