import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/stats/normal.ts';
import { lookLevels, lookSchedule, obrienFlemingSpent } from '../../src/stats/sequential.ts';
import { mulberry32 } from '../../src/stats/rng.ts';

describe('normal distribution', () => {
  it('has the textbook quantiles and inverts its CDF', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.644854, 5);
    for (const p of [1e-6, 0.01, 0.3, 0.5, 0.9, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
  });
});

describe("O'Brien-Fleming spending", () => {
  it('spends almost nothing early and all of alpha at the end', () => {
    expect(obrienFlemingSpent(0, 0.05)).toBe(0);
    expect(obrienFlemingSpent(0.25, 0.05)).toBeLessThan(1e-4);
    expect(obrienFlemingSpent(0.5, 0.05)).toBeCloseTo(0.0056, 3);
    expect(obrienFlemingSpent(1, 0.05)).toBe(0.05);
  });

  it('gives the known one-sided boundaries for four equally spaced looks (last look ~0.042 of 0.05)', () => {
    const levels = lookLevels([3, 6, 9, 12], 0.05);
    expect(levels).toHaveLength(4);
    expect(levels[0]).toBeCloseTo(obrienFlemingSpent(0.25, 0.05), 6);
    expect(levels[3]).toBeGreaterThan(0.039);
    expect(levels[3]).toBeLessThan(0.045);
    // Far more than Bonferroni's 0.05 / 4 at the look that has the power.
    expect(levels[3]).toBeGreaterThan(3 * (0.05 / 4));
    expect(levels.every((l, i) => i === 0 || l > levels[i - 1])).toBe(true);
  });

  it('keeps the overall false-alarm rate of a running mean looked at after each planned look (simulation, fixed seed)', () => {
    const looks = [3, 5, 8, 10];
    const levels = lookLevels(looks, 0.05);
    const random = mulberry32(99);
    const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const trials = 20_000;
    let claims = 0;
    for (let t = 0; t < trials; t++) {
      let sum = 0;
      let n = 0;
      for (const [k, look] of looks.entries()) {
        while (n < look) (sum += gaussian()), n++;
        if (1 - normalCdf(sum / Math.sqrt(n)) < levels[k]) {
          claims++;
          break;
        }
      }
    }
    // 0.05 +- 3 standard errors of the simulation.
    expect(claims / trials).toBeGreaterThan(0.05 - 0.0046);
    expect(claims / trials).toBeLessThan(0.05 + 0.0046);
  });

  it('schedules looks at the first, half, three quarters and all of the plan', () => {
    expect(lookSchedule(3, 12)).toEqual([3, 6, 9, 12]);
    expect(lookSchedule(3, 3)).toEqual([3]);
    expect(lookSchedule(3, 5)).toEqual([3, 4, 5]);
    expect(lookLevels([7], 0.02)).toEqual([0.02]);
  });
});
