/**
 * Group-sequential testing: how much of the error rate each look at the data may spend, so that a
 * test looked at after several rounds keeps its overall false-alarm rate.
 *
 * Why not Bonferroni over looks (what compare did before): it tests every look at alpha / looks, so
 * the last look, which has the most rounds and nearly all the power, gets a small fraction of alpha.
 * An O'Brien-Fleming-type spending function (Lan & DeMets 1983) spends almost nothing at early
 * looks (only a huge change stops there) and keeps nearly all of alpha for the last: with looks at
 * 1/4, 1/2, 3/4 and all of the planned rounds, the last look is tested at about 0.043 of a 0.05
 * alpha, against 0.0125 for Bonferroni.
 */
import { normalCdf, normalQuantile } from './normal.ts';

/** Alpha (one-sided) spent by information fraction t: 2(1 - Φ(z_{1-α/2} / √t)); 0 at t = 0, alpha at t = 1. */
export function obrienFlemingSpent(t: number, alpha: number): number {
  if (t <= 0) return 0;
  if (t >= 1) return alpha;
  return 2 * (1 - normalCdf(normalQuantile(1 - alpha / 2) / Math.sqrt(t)));
}

/** Grid points for the density of the running sum between looks. */
const GRID = 300;
const cache = new Map<string, number[]>();

const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/**
 * Nominal one-sided levels, one per look, for looks after `rounds[k]` rounds (increasing; the last
 * is the final look): a test statistic that is standard normal under the null at each look, with
 * the correlation sqrt(n_j / n_k) of a running mean, is claimed at look k when its one-sided
 * p-value is below level[k]; the chance of any claim over all looks is then alpha. The boundaries
 * come from the joint distribution by recursive numerical integration of the running sum's density
 * below the earlier boundaries (Armitage, McPherson & Rowe 1969), cached per schedule.
 */
export function lookLevels(rounds: readonly number[], alpha: number): number[] {
  if (rounds.length === 0) return [];
  if (rounds.length === 1 || alpha <= 0) return rounds.map((_, k) => (k === rounds.length - 1 ? Math.max(0, alpha) : 0));
  const key = `${alpha}:${rounds.join(',')}`;
  const known = cache.get(key);
  if (known) return known;
  const total = rounds[rounds.length - 1];
  const t = rounds.map((n) => n / total);
  const levels: number[] = [];
  // Density of the running sum S(t_k) ~ N(0, t_k) on a grid, restricted to paths not yet claimed,
  // as point masses (density x spacing).
  let points = new Float64Array(0);
  let masses = new Float64Array(0);
  let spentBefore = 0;
  for (let k = 0; k < rounds.length; k++) {
    const spent = obrienFlemingSpent(t[k], alpha);
    const share = Math.max(0, spent - spentBefore);
    spentBefore = spent;
    const sdNow = Math.sqrt(t[k]);
    let boundary: number;
    if (k === 0) {
      boundary = share > 0 ? normalQuantile(1 - share) * sdNow : Infinity;
    } else {
      const step = Math.sqrt(t[k] - t[k - 1]);
      // Chance of crossing b at this look (and not before): decreasing in b.
      const tail = (b: number) => {
        let sum = 0;
        for (let i = 0; i < points.length; i++) sum += masses[i] * (1 - normalCdf((b - points[i]) / step));
        return sum;
      };
      if (share <= 1e-12) boundary = Infinity;
      else {
        let lo = -10 * sdNow;
        let hi = 12 * sdNow;
        for (let it = 0; it < 60; it++) {
          const mid = (lo + hi) / 2;
          if (tail(mid) > share) lo = mid;
          else hi = mid;
        }
        boundary = (lo + hi) / 2;
      }
    }
    levels.push(boundary === Infinity ? 0 : 1 - normalCdf(boundary / sdNow));
    if (k === rounds.length - 1) break;
    // The density below the boundary at this look, for the next one.
    const lower = -8 * sdNow;
    const upper = Math.min(boundary, 8 * sdNow);
    const h = (upper - lower) / (GRID - 1);
    const next = new Float64Array(GRID);
    const nextMass = new Float64Array(GRID);
    for (let j = 0; j < GRID; j++) {
      const s = lower + j * h;
      next[j] = s;
      let density: number;
      if (k === 0) density = phi(s / sdNow) / sdNow;
      else {
        const step = Math.sqrt(t[k] - t[k - 1]);
        density = 0;
        for (let i = 0; i < points.length; i++) density += (masses[i] * phi((s - points[i]) / step)) / step;
      }
      // Trapezoid weights.
      nextMass[j] = density * h * (j === 0 || j === GRID - 1 ? 0.5 : 1);
    }
    points = next;
    masses = nextMass;
  }
  cache.set(key, levels);
  return levels;
}

/**
 * Round counts of the looks for a plan of `planned` rounds that may first be looked at after
 * `first`: the first look, then at half, three quarters and all of the plan (those past the first).
 */
export function lookSchedule(first: number, planned: number): number[] {
  const looks = [first, Math.ceil(planned / 2), Math.ceil((3 * planned) / 4), planned].filter((n) => n >= first && n <= Math.max(first, planned));
  return [...new Set(looks)].sort((a, b) => a - b);
}
