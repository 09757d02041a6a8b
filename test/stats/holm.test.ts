import { describe, expect, it } from 'vitest';
import { holmAdjust, holmLevels } from '../../src/stats/holm.ts';

describe('Holm', () => {
  // Hand computation for p = [0.01, 0.04, 0.03, 0.005], m = 4:
  // sorted 0.005, 0.01, 0.03, 0.04 -> x4, x3, x2, x1 = 0.02, 0.03, 0.06, 0.04 -> monotone 0.02, 0.03, 0.06, 0.06.
  const p = [0.01, 0.04, 0.03, 0.005];
  it('adjusts p-values by hand-computed values', () => {
    const adjusted = holmAdjust(p);
    expect(adjusted[0]).toBeCloseTo(0.03, 15);
    expect(adjusted[1]).toBeCloseTo(0.06, 15);
    expect(adjusted[2]).toBeCloseTo(0.06, 15);
    expect(adjusted[3]).toBeCloseTo(0.02, 15);
    expect(holmAdjust([0.6, 0.9])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });
  it('gives the step-down level of each test, freezing at the first failure', () => {
    // levels: 0.05/4 (0.005 passes), 0.05/3 (0.01 passes), 0.05/2 (0.03 fails), then stays 0.05/2.
    const levels = holmLevels(p, 0.05);
    expect(levels[3]).toBeCloseTo(0.0125, 15);
    expect(levels[0]).toBeCloseTo(0.05 / 3, 15);
    expect(levels[2]).toBeCloseTo(0.025, 15);
    expect(levels[1]).toBeCloseTo(0.025, 15);
    // A single test is tested at alpha itself.
    expect(holmLevels([0.2])).toEqual([0.05]);
  });
  it('agrees with the adjusted p-values on which tests are rejected', () => {
    const ps = [0.001, 0.2, 0.012, 0.013, 0.04, 0.0001];
    const adjusted = holmAdjust(ps);
    const levels = holmLevels(ps, 0.05);
    ps.forEach((x, i) => expect(x <= levels[i]).toBe(adjusted[i] <= 0.05));
  });
});
