import { describe, expect, it } from 'vitest';
import { hostSpread, STEADINESS_MIN_HOSTS, UNSTEADY_SPREAD, unsteadyWorkloads } from '../../src/analysis/steadiness.ts';
import { cell, runResults } from '../report/fixtures.ts';

/** The fixture's run, with these sequential host rates per workload (by index). */
function withHostRates(rates: (number[] | undefined)[]) {
  const results = runResults(rates.map((_, i) => `w${i}`));
  results.workloads.forEach((w, i) => {
    if (rates[i]) w.cells[0] = { ...w.cells[0], hostRates: rates[i] };
  });
  return results;
}

describe('hostSpread', () => {
  it('is the fastest host over the slowest, minus one', () => {
    expect(hostSpread([400, 300, 360])).toEqual({ hosts: 3, low: 300, high: 400, spread: 400 / 300 - 1 });
  });
  it('needs two hosts: one host has nothing to disagree with', () => {
    expect(STEADINESS_MIN_HOSTS).toBe(2);
    expect(hostSpread([100])).toBeUndefined();
    expect(hostSpread([100, 300])?.spread).toBe(2);
  });
  it('ignores rates that are not positive and finite', () => {
    expect(hostSpread([100, Number.NaN, 0, -5, Infinity])).toBeUndefined();
    expect(hostSpread([100, Number.NaN, 120, 110])?.hosts).toBe(3);
  });
});

describe('unsteadyWorkloads', () => {
  it('lists only workloads whose sequential hosts spread beyond the limit, widest first', () => {
    const steady = [100, 104, 97, 101];
    const moved = [556, 285, 540];
    const movedLess = [100, 140, 120];
    const list = unsteadyWorkloads(withHostRates([steady, movedLess, moved, undefined]));
    expect(list.map((s) => s.workload)).toEqual(['w2', 'w1']);
    expect(list[0]).toMatchObject({ low: 285, high: 556, hosts: 3 });
  });
  it('does not fire at the limit itself', () => {
    const atLimit = [100, 100 * (1 + UNSTEADY_SPREAD), 110];
    expect(unsteadyWorkloads(withHostRates([atLimit]))).toEqual([]);
    expect(unsteadyWorkloads(withHostRates([[100, 126]])).map((s) => s.hosts)).toEqual([2]);
  });
  it('has nothing to say about a results file without host rates (older files, compare)', () => {
    expect(unsteadyWorkloads(runResults(['a', 'b']))).toEqual([]);
    expect(unsteadyWorkloads({ workloads: [{ ...runResults(['a']).workloads[0], cells: [cell('thread', 2, 100, { hostRates: [1, 5, 9] })] }] })).toEqual([]);
  });
});
