import { describe, expect, it } from 'vitest';
import { incompleteBeta, logGamma, meanInterval, studentTCdf, studentTQuantile } from '../../src/stats/student-t.ts';

describe("Student's t", () => {
  it('log-gamma matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
  it('incomplete beta matches closed forms', () => {
    // I_x(1, 1) = x; I_x(2, 1) = x²; I_x(1/2, 1/2) = (2/π) asin(√x)
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.3, 2, 1)).toBeCloseTo(0.09, 12);
    expect(incompleteBeta(0.3, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(0.3)), 10);
  });
  it('quantiles match the published table', () => {
    const table: Array<[number, number, number]> = [
      [0.975, 1, 12.7062],
      [0.975, 5, 2.5706],
      [0.995, 6, 3.7074],
      [0.975, 10, 2.2281],
      [0.999, 3, 10.2145],
      [0.95, 30, 1.6973],
    ];
    for (const [p, df, t] of table) expect(studentTQuantile(p, df)).toBeCloseTo(t, 4);
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-2.5706, 4);
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTCdf(studentTQuantile(0.9986, 6), 6)).toBeCloseTo(0.9986, 10);
    expect(studentTQuantile(1, 5)).toBeNaN();
  });
  it('interval of a mean: mean ± t · s / √n', () => {
    // mean 3, s = √2.5, t(0.975, 4) = 2.776445
    const [lo, hi] = meanInterval([1, 2, 3, 4, 5], 0.05)!;
    expect(lo).toBeCloseTo(3 - 2.776445 * Math.sqrt(2.5 / 5), 5);
    expect(hi).toBeCloseTo(3 + 2.776445 * Math.sqrt(2.5 / 5), 5);
    expect(meanInterval([1], 0.05)).toBeNull();
  });
});
