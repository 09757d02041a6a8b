/**
 * The regression gate: one decision per workload, taken on its primary comparison's paired rounds
 * (d = ln(head / base) per round), at planned looks, with the error rate spent by an
 * O'Brien-Fleming-type function (stats/sequential.ts) and split over workloads by Holm.
 *
 * The threshold and the floor are sizes of a change in time per task, log-symmetric: a 5% regression
 * is a task that takes 5% longer (throughput 1/1.05 - 1 = -4.76%), a 5% improvement throughput 5%
 * higher (time per task 4.76% shorter). Defined on throughput, a 5% longer wait could never be a 5%
 * regression, since a task spends some time besides its wait (hyperfine and criterion also judge
 * the change in time). In log-ratios both are +-ln(1 + threshold).
 *
 * The claims are one-sided tests of the trimmed mean log-ratio (Yuen's t, ROUND_TRIM; below ten
 * rounds nothing is trimmed and it is the mean and Student's t; which side runs first is random per
 * round, so under no change d is symmetric):
 * - `regression`: the change is below -noiseFloor at the look's level (H0: change >= -floor is
 *   rejected), and the reach interval (the wider of that level's and the 95% one the report shows,
 *   and at least +-half the floor around the change: REACH_RESOLUTION) reaches -threshold: a
 *   slowdown of the gated size is plausible, so a real 1% slowdown measured very precisely is not
 *   called a regression. Reach is judged on at least the 95% interval because it is not what guards
 *   the false-alarm rate (the floor test does): on the final look's narrower interval a change of
 *   exactly the threshold was flagged only about 1 - level of the time (95% for one workload), on
 *   the 95% interval about 97.5%;
 * - `improvement`: the mirror image, at the same level (the claims in each direction have their own
 *   family-wise error rate, alpha);
 * - `unchanged`, at the last look only: two one-sided tests (TOST, 5%) put the change inside
 *   +-threshold, and the precision reached could have flagged a change of the threshold (its
 *   detectable change is at most the threshold), so a report never calls unchanged what it could
 *   not have seen;
 * - otherwise `inconclusive`: not decided.
 */
import type { Verdict } from '../results/compare.ts';
import { normalCdf } from '../stats/normal.ts';
import { toChange } from '../stats/paired.ts';
import { lookLevels, lookSchedule } from '../stats/sequential.ts';
import { studentTQuantile } from '../stats/student-t.ts';

/** Rounds before the first look: a t interval needs two degrees of freedom to be of any use. */
export const FIRST_LOOK = 3;
/** Power the plan aims for, at a change of exactly the threshold. */
export const PLANNED_POWER = 0.99;
/**
 * TOST level for `unchanged`, decided at the last look only. Early stops are for claims: an early
 * "unchanged" after three very quiet rounds missed a real 5% slowdown in 1 of 10 real compares here
 * (rounds close in time share the machine's state, so three of them can agree more than they should).
 */
const UNCHANGED_LEVEL = 0.05;
/**
 * Least half-width of the reach interval, as a fraction of the floor (log size): the gate does not
 * tell a change from the threshold more finely than half the floor. A "5% longer wait" (a 20 -> 21
 * ms timer) makes a task 4.7% longer here (a task spends about 1.3 ms besides its wait: the timer
 * fires late, the host keeps its books), and measured to 0.2% per round its 95% interval stopped
 * short of the threshold, so it was `unchanged` in up to one replay in ten. Only precise gates are
 * affected (a 95% interval narrower than +-0.5%); the false-alarm rate is held by the floor test.
 */
export const REACH_RESOLUTION = 0.5;

export interface GateRule {
  threshold: number;
  noiseFloor: number;
  /** Fraction of the rounds set aside at each end before the estimate (Yuen's trimmed mean); absent: ROUND_TRIM, 0: the mean. */
  trim?: number;
}

/**
 * Fraction of the rounds the gate sets aside at each end: from ten rounds on the most extreme round
 * at each end, from twenty two... One wild round among quiet ones (tiny-task at -10.3% in a real A/A
 * compare whose other rounds were within 2-3%) made the spread of its first ten rounds 3.6% instead
 * of 2.1% trimmed, and the rounds a t interval needs grow as its square: that A/A ran 60 rounds. On
 * Gaussian rounds trimming 10% cost about nothing in simulation (detection at the threshold, false
 * alarms and rounds as with the mean); trimming 20% cost detection (95.7% at a 4% spread against
 * 97.6%) and rounds on quiet gates (Yuen's degrees of freedom, n - 2g - 1, are few at 5 rounds).
 */
export const ROUND_TRIM = 0.1;

/** The trimmed fraction a rule uses. */
export function ruleTrim(rule: GateRule): number {
  return rule.trim ?? ROUND_TRIM;
}

/** Estimate, standard error, per-round spread (se * sqrt(n)) and degrees of freedom of the per-round log-ratios. */
export interface RoundSummary {
  n: number;
  mean: number;
  se: number;
  sd: number;
  df: number;
}

/** Rounds set aside at each end of n when a fraction `trim` is. */
export function trimmedCount(n: number, trim = 0): number {
  return Math.floor(trim * n + 1e-9);
}

/** Degrees of freedom of a look's t quantile with n rounds, g of them set aside at each end. */
export function roundsDf(n: number, trim = 0): number {
  return n - 2 * trimmedCount(n, trim) - 1;
}

/**
 * Yuen's (1974) trimmed mean of the per-round log-ratios: the mean of the h = n - 2g rounds left once
 * g = floor(trim n) are set aside at each end, its standard error sqrt((n - 1) s_w^2 / (h (h - 1)))
 * from the winsorized standard deviation s_w, with h - 1 degrees of freedom. With g = 0 (trim 0, or
 * too few rounds) it is the mean, its standard error and Student's t. Yuen's finite-sample standard
 * error rather than the asymptotic s_w / ((1 - 2g/n) sqrt(n)): with that one a one-sided test at 1%
 * rejected 1.14% of Gaussian samples of ten rounds (simulated), with Yuen's 1.08%.
 */
export function summarizeRounds(d: readonly number[], trim = 0): RoundSummary {
  const n = d.length;
  const g = trimmedCount(n, trim);
  const h = n - 2 * g;
  const sorted = g > 0 ? [...d].sort((a, b) => a - b) : d;
  const kept = sorted.slice(g, n - g);
  const mean = n ? kept.reduce((s, x) => s + x, 0) / h : Number.NaN;
  const winsorized = g > 0 ? sorted.map((x) => Math.min(Math.max(x, sorted[g]), sorted[n - 1 - g])) : d;
  const wMean = g > 0 ? winsorized.reduce((s, x) => s + x, 0) / n : mean;
  const sw = n >= 2 ? Math.sqrt(winsorized.reduce((s, x) => s + (x - wMean) ** 2, 0) / (n - 1)) : Number.NaN;
  // The per-round spread whose sd / sqrt(n) is the standard error: s_w itself when nothing is trimmed.
  const sd = g > 0 ? sw * Math.sqrt((n * (n - 1)) / (h * (h - 1))) : sw;
  return { n, mean, sd, se: sd / Math.sqrt(n), df: roundsDf(n, trim) };
}

/** Student t quantiles by (p, df): the loop and its simulations ask for the same few again and again. */
const quantiles = new Map<string, number>();
function tQuantile(p: number, df: number): number {
  const key = `${p}:${df}`;
  let q = quantiles.get(key);
  if (q === undefined) {
    q = studentTQuantile(p, df);
    if (quantiles.size > 10_000) quantiles.clear();
    quantiles.set(key, q);
  }
  return q;
}

/** The rule's threshold and floor as log-ratios: a change is of the threshold's size when |d| >= threshold. */
export function logRule(rule: GateRule): { threshold: number; floor: number } {
  return { threshold: Math.log1p(rule.threshold), floor: Math.log1p(Math.min(rule.noiseFloor, rule.threshold)) };
}

/** Two-sided interval of the (trimmed) mean log-ratio whose each tail is `level` (one-sided), from the t distribution. */
function logInterval(s: RoundSummary, level: number): [number, number] {
  const q = level > 0 ? tQuantile(1 - level, s.df) : Infinity;
  const half = q * s.se;
  return [s.mean - half, s.mean + half];
}

function toChangeInterval(ci: readonly [number, number]): [number, number] {
  return [toChange(ci[0]), toChange(ci[1])];
}

/**
 * Smallest true change this precision can flag, as a size in time per task (expm1 of a log-ratio): a
 * change of log-size c is flagged when c - h clears the floor (h the claim interval's half-width) and
 * c + r reaches the threshold (r the reach interval's, at least half the floor: REACH_RESOLUTION).
 * Intervals are of the log-ratio.
 */
export function gateDetectable(ci: readonly [number, number], rule: GateRule, reach: readonly [number, number] = ci): number {
  const { threshold, floor } = logRule(rule);
  const h = (ci[1] - ci[0]) / 2;
  const r = Math.max(h, (reach[1] - reach[0]) / 2, floor * REACH_RESOLUTION);
  return Math.expm1(Math.max(floor + h, threshold - r));
}

/** A reach interval (log-ratios): `ci`, widened to at least +-half the floor around `centre` (REACH_RESOLUTION). */
export function reachInterval(ci: readonly [number, number], centre: number, floor: number): [number, number] {
  const resolution = floor * REACH_RESOLUTION;
  return wider(ci, [centre - resolution, centre + resolution]);
}

/** The wider of two intervals (each end the farther one). */
function wider(a: readonly [number, number], b: readonly [number, number]): [number, number] {
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/** What one look at a primary comparison concluded. */
export interface GateDecision {
  verdict: Verdict;
  /** exp(trimmed mean of d) - 1. */
  change: number | null;
  /** 95% two-sided t interval of the change (description). */
  ci95: [number, number] | null;
  /** Interval at the look's claim level (each tail `level`). */
  claimCi: [number, number] | null;
  /** Smallest change this precision could flag at the last look's level, as a size in time per task. */
  detectableChange: number | null;
  /** Per-round spread: the standard error times sqrt(rounds) (the standard deviation of d when nothing is trimmed). */
  spread: number | null;
  rounds: number;
}

/**
 * Decide at one look. `level` is this look's one-sided claim level, `finalLevel` the last look's (for
 * the detectable change), `final` whether no look follows.
 */
export function decideAtLook(d: readonly number[], look: { level: number; finalLevel: number; final: boolean }, rule: GateRule): GateDecision {
  const s = summarizeRounds(d, ruleTrim(rule));
  const none: GateDecision = { verdict: 'inconclusive', change: s.n ? toChange(s.mean) : null, ci95: null, claimCi: null, detectableChange: null, spread: null, rounds: s.n };
  if (s.n < FIRST_LOOK || !Number.isFinite(s.mean) || !Number.isFinite(s.se)) return none;
  const ci95 = logInterval(s, 0.025);
  const claimCi = logInterval(s, look.level);
  const detectableChange = gateDetectable(logInterval(s, look.finalLevel), rule, ci95);
  const { threshold, floor } = logRule(rule);
  const [lo, hi] = claimCi;
  const [reachLo, reachHi] = reachInterval(wider(claimCi, ci95), s.mean, floor);
  let verdict: Verdict = 'inconclusive';
  if (hi < -floor && reachLo <= -threshold) verdict = 'regression';
  else if (lo > floor && reachHi >= threshold) verdict = 'improvement';
  else if (look.final) {
    const [elo, ehi] = logInterval(s, UNCHANGED_LEVEL);
    if (elo > -threshold && ehi < threshold && detectableChange <= rule.threshold) verdict = 'unchanged';
  }
  return { verdict, change: toChange(s.mean), ci95: toChangeInterval(ci95), claimCi: toChangeInterval(claimCi), detectableChange, spread: s.sd, rounds: s.n };
}

/** A primary comparison as the gate sees it. */
export interface GateInput {
  /** Per-round log-ratios so far. */
  d: readonly number[];
  /** Planned round counts of the looks (lookSchedule); the last is the plan's total. */
  looks: readonly number[];
  /** True when no more rounds will come (budget spent, or stopped at a decision): the rounds so far are the final look. */
  ended: boolean;
  /** A side failed to measure: no decision. */
  failed?: boolean;
}

/** The gate's decision for one workload, and the level it was taken at. */
export interface GateOutcome extends GateDecision {
  /** One-sided level of the claims at the look decided on. */
  level: number;
  /** True when this decision is final (taken at a look; the loop may stop this comparison). */
  atLook: boolean;
}

/**
 * The looks actually available to a comparison with `n` rounds: the planned ones it has reached, and,
 * once it has ended between looks (the budget stopped it), its last round count as the final look.
 */
export function reachedLooks(looks: readonly number[], n: number, ended: boolean): { looks: number[]; final: boolean } {
  const reached = looks.filter((k) => k <= n);
  const planned = looks.at(-1) ?? n;
  if (ended && n >= FIRST_LOOK && reached.at(-1) !== n) reached.push(n);
  return { looks: reached, final: ended || n >= planned };
}

/**
 * Decide every workload's gate together: each claim direction has family-wise error rate `alpha`,
 * split over the workloads by Holm (graphical form: the share of a workload whose claim is made
 * passes to the others, Maurer & Bretz 2013), and over each workload's looks by the spending function.
 */
export function decideGates(inputs: readonly GateInput[], rule: GateRule & { alpha: number }): GateOutcome[] {
  const live = inputs.map((x) => !x.failed && x.d.length >= FIRST_LOOK);
  const m = Math.max(1, live.filter(Boolean).length);
  const outcomes: Array<GateOutcome | null> = inputs.map(() => null);
  const claimed = { regression: 0, improvement: 0 };
  for (;;) {
    let changed = false;
    for (const [i, input] of inputs.entries()) {
      const prior = outcomes[i];
      if (prior && (prior.verdict === 'regression' || prior.verdict === 'improvement')) continue;
      if (!live[i]) {
        outcomes[i] = { ...decideAtLook([], { level: 0, finalLevel: 0, final: true }, rule), change: null, level: 0, atLook: false, rounds: input.d.length };
        continue;
      }
      // The level each direction has left for this workload: alpha over the workloads not yet claimed in it.
      const share = (dir: 'regression' | 'improvement') => rule.alpha / Math.max(1, m - claimed[dir]);
      const { looks, final } = reachedLooks(input.looks, input.d.length, input.ended);
      const atLook = looks.at(-1) === input.d.length;
      const decide = (alpha: number) => {
        // The planned schedule while more looks may come; once final, the looks it really had.
        const schedule = final ? looks : [...input.looks];
        const levels = lookLevels(schedule, alpha);
        const index = schedule.indexOf(input.d.length);
        const level = atLook && index >= 0 ? levels[index] : 0;
        return { ...decideAtLook(input.d, { level, finalLevel: levels.at(-1) ?? alpha, final: final && atLook }, rule), level };
      };
      const reg = decide(share('regression'));
      const imp = decide(share('improvement'));
      let outcome: GateOutcome;
      if (reg.verdict === 'regression') outcome = { ...reg, atLook };
      else if (imp.verdict === 'improvement') outcome = { ...imp, atLook };
      else outcome = { ...reg, atLook };
      if (!prior || prior.verdict !== outcome.verdict) changed = true;
      outcomes[i] = outcome;
      if (outcome.verdict === 'regression' && prior?.verdict !== 'regression') claimed.regression++;
      if (outcome.verdict === 'improvement' && prior?.verdict !== 'improvement') claimed.improvement++;
    }
    // A claim raises the others' share; decide again until nothing moves (at most m passes).
    if (!changed) break;
  }
  return outcomes as GateOutcome[];
}

/**
 * Rounds a primary comparison needs to flag a change of exactly the threshold with PLANNED_POWER, at
 * a per-round spread `spread` and one-sided final level `level`: the smallest n with
 * Φ(δ√n / spread − t(1 − level, n − 1)) ≥ power, δ the distance from the threshold to the floor.
 */
export function roundsForPower(spread: number, level: number, rule: GateRule, maxRounds: number): number {
  const { threshold, floor } = logRule(rule);
  const delta = threshold - floor;
  if (!(spread > 0)) return FIRST_LOOK;
  for (let n = FIRST_LOOK; n <= maxRounds; n++) {
    const power = normalCdf((delta * Math.sqrt(n)) / spread - tQuantile(1 - level, roundsDf(n, ruleTrim(rule))));
    if (power >= PLANNED_POWER) return n;
  }
  return maxRounds + 1;
}

/** Smallest change (in time per task) n rounds at this spread flag with PLANNED_POWER (inverse of roundsForPower). */
export function detectableWithRounds(spread: number, n: number, level: number, rule: GateRule): number {
  if (n < FIRST_LOOK || !(spread > 0)) return Number.NaN;
  const z = studentTQuantile(1 - level, roundsDf(n, ruleTrim(rule))) + studentTQuantile(PLANNED_POWER, 1e6);
  const delta = (z * spread) / Math.sqrt(n);
  return Math.expm1(logRule(rule).floor + delta);
}

/** The final-look level a plan of `planned` rounds will test at, for one workload's share of alpha. */
export function plannedFinalLevel(planned: number, alpha: number): number {
  return lookLevels(lookSchedule(FIRST_LOOK, Math.max(FIRST_LOOK, planned)), alpha).at(-1) ?? alpha;
}
