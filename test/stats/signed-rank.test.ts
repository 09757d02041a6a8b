import { describe, expect, it } from 'vitest';
import { signedRankCdf, walshInterval } from '../../src/stats/signed-rank.ts';

describe('signed-rank distribution', () => {
  it('matches hand counts for n = 3', () => {
    // Subsets of {1,2,3} by sum: 0:{}, 1:{1}, 2:{2}, 3:{3},{1,2}, 4:{1,3}, 5:{2,3}, 6:{1,2,3}.
    expect(Array.from(signedRankCdf(3))).toEqual([1 / 8, 2 / 8, 3 / 8, 5 / 8, 6 / 8, 7 / 8, 1]);
  });
  it('matches the published critical value: n = 10, two-sided 5% -> T <= 8', () => {
    const cdf = signedRankCdf(10);
    expect(cdf[8]).toBeLessThanOrEqual(0.025);
    expect(cdf[9]).toBeGreaterThan(0.025);
    expect(cdf[8]).toBeCloseTo(25 / 1024, 12);
  });
});

describe('walshInterval', () => {
  it('is the range of the data for n = 6 at 95% and undefined below', () => {
    const d = [0.05, -0.02, 0.01, 0.03, 0.0, 0.02];
    expect(walshInterval(d, 0.05)).toEqual([-0.02, 0.05]);
    expect(walshInterval(d.slice(0, 5), 0.05)).toBeNull();
  });
  it('cuts at the 9th smallest and largest Walsh average for n = 10', () => {
    const d = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // Walsh averages of 1..10: the 9th smallest is 3 and the 9th largest is 8.
    expect(walshInterval(d, 0.05)).toEqual([3, 8]);
  });
});
