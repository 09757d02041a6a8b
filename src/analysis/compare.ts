/**
 * Turning paired rounds into the compare's verdicts: each workload's gate (its primary comparison,
 * decided by analysis/gate.ts), the other comparisons as description (their own 95% intervals,
 * not gating), unpaired comparisons of stored files (Holm across them), memory growth,
 * recommendation changes and the noise this machine showed. Pure functions.
 */
import type { Model } from '../types.ts';
import { MODELS } from '../types.ts';
import { holmLevels } from '../stats/holm.ts';
import { decideGates, FIRST_LOOK, gateDetectable, logRule, reachInterval } from './gate.ts';
import { lookSchedule } from '../stats/sequential.ts';
import { meanInterval } from '../stats/student-t.ts';
import {
  beyondFloorPValue,
  changeInterval,
  logRatios,
  median,
  pairedBootstrap,
  toChange,
  toLog,
  unpairedBootstrap,
  type PairedBootstrap,
} from '../stats/paired.ts';
import type { Comparison, ComparisonMetric, CompareSettings, Verdict, WorkloadChange } from '../results/compare.ts';

/** Defaults of `compare`. */
export const COMPARE_DEFAULTS = {
  threshold: 0.05,
  noiseFloor: 0.01,
  memoryThreshold: 0.1,
  /** Peak-RSS differences smaller than this are allocator noise, whatever the fraction. */
  memoryMinBytes: 2 * 1024 * 1024,
  alpha: 0.05,
  seed: 1,
  resamples: 2000,
} as const;

/**
 * The verdict rule, on intervals of the change (fractions of throughput), with the threshold and the
 * floor as sizes in time per task (log-symmetric, as the gate's: logRule in gate.ts):
 * - `regression`: the Holm-corrected interval lies below -noiseFloor (the slowdown is real, even
 *   allowing for every other comparison in the report) and reaches -threshold (a slowdown of the
 *   gated size is plausible), to half the floor as the gate's (reachInterval in gate.ts);
 * - `improvement`: the mirror image;
 * - `unchanged`: the comparison's own 95% interval lies inside +-threshold (a wrong "unchanged" is
 *   a miss, not a false alarm, so it needs no family-wise widening);
 * - otherwise `inconclusive` (more rounds would tell).
 * With noiseFloor = threshold this is exactly "the whole interval lies below -threshold". A lower
 * floor is what lets a change of exactly the threshold be caught: an interval centred on -5% lies
 * wholly below -5% only a few percent of the time, however many rounds are run.
 */
export function decideVerdict(
  ci95: readonly [number, number],
  holmCi: readonly [number, number],
  rule: { threshold: number; noiseFloor: number },
): Verdict {
  if (![...holmCi, ...ci95].every((x) => Number.isFinite(x) && x > -1)) return 'inconclusive';
  const [lo, hi] = holmCi.map(toLog);
  const [wlo, whi] = ci95.map(toLog);
  const { threshold, floor } = logRule(rule);
  const [reachLo, reachHi] = reachInterval([lo, hi], (lo + hi) / 2, floor);
  if (hi < -floor && reachLo <= -threshold) return 'regression';
  if (lo > floor && reachHi >= threshold) return 'improvement';
  if (wlo > -threshold && whi < threshold) return 'unchanged';
  return 'inconclusive';
}

/**
 * Smallest true change (a size in time per task) this interval of the change could flag: a change of
 * log-size c is flagged when c - h clears the floor and c + h reaches the threshold (h at least
 * half the floor there), h being the interval's half-width in log-ratio.
 */
export function detectableChange(ci: readonly [number, number], rule: { threshold: number; noiseFloor: number }): number {
  return gateDetectable([toLog(ci[0]), toLog(ci[1])], rule);
}

/** One round of one comparison: both sides measured back to back. */
export interface PairedRound {
  /** Throughput of base in this round, tasks/s (0 or NaN when the visit failed). */
  base: number;
  head: number;
  /** Tasks per CPU-second of each side in this round (the `cpu-time` metric); absent when not measured. */
  baseCpuRate?: number;
  headCpuRate?: number;
  basePeakRssBytes?: number;
  headPeakRssBytes?: number;
}

/** The cell a comparison is about and the data it has so far. */
export interface ComparisonInput {
  workload: string;
  model: Model;
  concurrency: number;
  roles: Comparison['roles'];
  /** What the change is measured on (default `throughput`). */
  metric?: ComparisonMetric;
  /** Paired mode: the rounds. */
  rounds?: PairedRound[];
  /** Unpaired mode: each side's stored batch throughputs and peak RSS. */
  unpaired?: { base: number[]; head: number[]; basePeakRssBytes?: number; headPeakRssBytes?: number };
  /** Set when a side could not be measured at all. */
  error?: string;
  /** Paired mode: the workload's gating comparison (decided by analysis/gate.ts; the others describe). */
  primary?: boolean;
  /** Primary: round counts of its looks (default: one look at the rounds it has). */
  looks?: number[];
  /** Primary: no more rounds came without a decision (budget or plan spent): its rounds are the last look. */
  ended?: boolean;
}

/** Stable 32-bit seed per comparison (FNV-1a of its key, mixed with the run seed): reordering workloads does not change a verdict. */
export function comparisonSeed(seed: number, key: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function memorySummary(input: ComparisonInput, settings: Pick<CompareSettings, 'memoryThreshold'>) {
  let baseRss: number[] = [];
  let headRss: number[] = [];
  let ratios: number[] = [];
  if (input.rounds) {
    for (const r of input.rounds) {
      if (r.basePeakRssBytes && r.headPeakRssBytes) {
        baseRss.push(r.basePeakRssBytes);
        headRss.push(r.headPeakRssBytes);
        ratios.push(Math.log(r.headPeakRssBytes / r.basePeakRssBytes));
      }
    }
  } else if (input.unpaired?.basePeakRssBytes && input.unpaired.headPeakRssBytes) {
    baseRss = [input.unpaired.basePeakRssBytes];
    headRss = [input.unpaired.headPeakRssBytes];
    ratios = [Math.log(headRss[0] / baseRss[0])];
  }
  if (ratios.length === 0) return { base: null, head: null, change: null, growth: false };
  const base = median(baseRss);
  const head = median(headRss);
  const change = toChange(median(ratios));
  const growth = change > settings.memoryThreshold && head - base > COMPARE_DEFAULTS.memoryMinBytes;
  return { base, head, change, growth };
}

const MODEL_RANK = new Map(MODELS.map((m, i) => [m, i]));

/** Regressions first; then the order the workloads were declared in, cheaper models first. */
export function orderComparisons(comparisons: Comparison[], workloadOrder: readonly string[]): Comparison[] {
  const rank: Record<Verdict, number> = { regression: 0, improvement: 1, inconclusive: 1, unchanged: 1 };
  const wi = (name: string) => {
    const i = workloadOrder.indexOf(name);
    return i < 0 ? workloadOrder.length : i;
  };
  return [...comparisons].sort(
    (a, b) =>
      rank[a.verdict] - rank[b.verdict] ||
      wi(a.workload) - wi(b.workload) ||
      (MODEL_RANK.get(a.model) ?? 0) - (MODEL_RANK.get(b.model) ?? 0) ||
      a.concurrency - b.concurrency,
  );
}

/**
 * Unpaired comparisons (two stored results files): bootstrap each, order them by their p-value of a
 * change beyond the floor, give each the Holm step-down level, and decide from the interval at that
 * level. Each one gates (there is no primary to choose among stored cells). Input order.
 */
export function analyzeComparisons(inputs: readonly ComparisonInput[], settings: CompareSettings): Comparison[] {
  return analyzeFamily(inputs, settings);
}

/**
 * Every comparison of a paired compare, and one gating decision per workload. Each workload's
 * primary comparison is decided by the gate (one-sided claims, error rate spent over its looks and
 * split over the workloads by Holm); the other comparisons describe, each on its own 95% interval,
 * and gate nothing: `regressions` counts workloads, not cells.
 */
export function analyzeCompare(inputs: readonly ComparisonInput[], settings: CompareSettings): { comparisons: Comparison[]; workloadChanges: WorkloadChange[] } {
  const rule = { threshold: settings.threshold, noiseFloor: settings.noiseFloor, alpha: settings.alpha };
  const primaries = inputs.map((input, i) => ({ input, i })).filter(({ input }) => input.primary);
  const gates = decideGates(
    primaries.map(({ input }) => {
      const d = pairedLogRatios(input);
      return { d, looks: input.looks ?? lookSchedule(FIRST_LOOK, Math.max(FIRST_LOOK, d.length)), ended: input.ended ?? true, failed: input.error !== undefined };
    }),
    rule,
  );
  const described = analyzeFamily(inputs, settings, { descriptive: true });
  const comparisons = [...described];
  const workloadChanges: WorkloadChange[] = [];
  primaries.forEach(({ input, i }, k) => {
    const g = gates[k];
    const decided = g.ci95 !== null;
    comparisons[i] = {
      ...comparisons[i],
      gating: true,
      verdict: g.verdict,
      change: g.change,
      ci95: g.ci95,
      holmCi: g.claimCi,
      holmLevel: decided ? 1 - 2 * g.level : comparisons[i].holmLevel,
      rounds: g.rounds,
      roundSpread: g.spread,
      detectableChange: g.detectableChange,
    };
    workloadChanges.push({
      workload: input.workload,
      model: input.model,
      concurrency: input.concurrency,
      metric: input.metric ?? 'throughput',
      cells: 1,
      verdict: g.verdict,
      change: g.change,
      ci95: g.ci95,
      holmCi: g.claimCi,
      holmLevel: decided ? 1 - 2 * g.level : 0.95,
      rounds: g.rounds,
      roundSpread: g.spread,
      detectableChange: g.detectableChange,
      ...(input.error ? { error: input.error } : {}),
    });
  });
  return { comparisons, workloadChanges };
}

/**
 * Bootstrap each comparison and decide it by decideVerdict. Unpaired (stored files): the claims are
 * Holm-corrected across the comparisons. Descriptive (the non-gating cells of a paired compare):
 * each on its own 95% interval, claiming nothing for the gate.
 */
function analyzeFamily(inputs: readonly ComparisonInput[], settings: CompareSettings, options: { descriptive?: boolean } = {}): Comparison[] {
  const rule = { threshold: settings.threshold, noiseFloor: settings.noiseFloor };
  const boots: Array<PairedBootstrap | null> = inputs.map((input) => {
    const seed = comparisonSeed(settings.seed, `${input.workload}\u0000${input.model}\u0000${input.concurrency}`);
    if (input.error) return null;
    if (input.rounds) {
      const d = pairedLogRatios(input);
      return d.length ? pairedBootstrap(d, { seed, resamples: settings.resamples }) : null;
    }
    if (input.unpaired) {
      const boot = unpairedBootstrap(input.unpaired.base, input.unpaired.head, { seed, resamples: settings.resamples });
      return boot.n ? boot : null;
    }
    return null;
  });
  // Only comparisons with an estimate enter the family; a failed cell claims nothing.
  const family = boots.map((b, i) => ({ b, i })).filter((x): x is { b: PairedBootstrap; i: number } => x.b !== null);
  const claimAlpha = options.descriptive ? 0.05 : settings.alpha;
  const levels = options.descriptive ? family.map(() => claimAlpha) : holmLevels(family.map(({ b }) => beyondFloorPValue(b, rule.noiseFloor)), claimAlpha);
  const levelOf = new Map(family.map(({ i }, k) => [i, levels[k]]));

  return inputs.map((input, i) => {
    const boot = boots[i];
    const memory = memorySummary(input, settings);
    const sides = input.rounds
      ? {
          base: median(input.rounds.map((r) => r.base).filter((x) => x > 0)),
          head: median(input.rounds.map((r) => r.head).filter((x) => x > 0)),
        }
      : { base: input.unpaired ? median(input.unpaired.base) : Number.NaN, head: input.unpaired ? median(input.unpaired.head) : Number.NaN };
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    const common = {
      workload: input.workload,
      model: input.model,
      concurrency: input.concurrency,
      roles: input.roles,
      gating: !options.descriptive,
      metric: input.metric ?? 'throughput',
      base: { throughput: finite(sides.base), peakRssBytes: memory.base },
      head: { throughput: finite(sides.head), peakRssBytes: memory.head },
      memoryChange: memory.change,
      memoryGrowth: memory.growth,
    };
    if (!boot) {
      return {
        ...common,
        verdict: 'inconclusive' as const,
        change: null,
        ci95: null,
        holmCi: null,
        holmLevel: 1 - claimAlpha,
        rounds: 0,
        roundSpread: null,
        detectableChange: null,
        // No round within the budget is not a failure (the results say `incomplete`); a side that failed is.
        ...(input.error ? { error: input.error } : {}),
      };
    }
    const level = levelOf.get(i) ?? claimAlpha;
    const d = input.rounds ? pairedLogRatios(input) : null;
    const holm = widen(changeInterval(boot, level), d, level);
    const wide = widen(changeInterval(boot, 0.05), d, 0.05);
    const holmCi = holm.ci;
    const ci95 = wide.ci;
    // One round cannot give an interval (the bootstrap of one value is that value), nor can too few for the exact one.
    const usable = boot.n >= 2 && holm.decidable && wide.decidable;
    const comparison: Comparison = {
      ...common,
      verdict: usable ? decideVerdict(ci95, holmCi, rule) : 'inconclusive',
      change: toChange(boot.estimate),
      // One round is a point, not an interval: no interval is reported rather than a zero-width one.
      ci95: boot.n >= 2 ? ci95 : null,
      holmCi: boot.n >= 2 ? holmCi : null,
      holmLevel: 1 - level,
      rounds: boot.n,
      roundSpread: finite(boot.spread),
      detectableChange: usable ? detectableChange(holmCi, rule) : null,
    };
    if (input.rounds) comparison.roundRates = pairedRates(input);
    if (input.error) comparison.error = input.error;
    return comparison;
  });
}

/** Each side's rate per round on the comparison's metric (tasks per wall-clock or CPU second), 4 significant digits. */
function pairedRates(input: ComparisonInput): { base: number[]; head: number[] } {
  const rounds = input.rounds ?? [];
  const cpu = input.metric === 'cpu-time';
  const rate = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? Number(x.toPrecision(4)) : 0);
  return { base: rounds.map((r) => rate(cpu ? r.baseCpuRate : r.base)), head: rounds.map((r) => rate(cpu ? r.headCpuRate : r.head)) };
}

/** ln(head / base) per round on the comparison's metric. */
export function pairedLogRatios(input: ComparisonInput): number[] {
  const rounds = input.rounds ?? [];
  if (input.metric === 'cpu-time') return logRatios(rounds.map((r) => r.baseCpuRate ?? Number.NaN), rounds.map((r) => r.headCpuRate ?? Number.NaN));
  return logRatios(rounds.map((r) => r.base), rounds.map((r) => r.head));
}

/**
 * Paired mode: the bootstrap interval, widened to Student's t interval of the mean log-ratio where
 * that is wider. A percentile bootstrap of a handful of rounds is too narrow (it cannot see beyond
 * the rounds it has); t accounts for how little a few rounds know. Fewer than two rounds: no claim.
 */
function widen(ci: [number, number], d: number[] | null, alpha: number): { ci: [number, number]; decidable: boolean } {
  if (!d) return { ci, decidable: true };
  const t = meanInterval(d, alpha);
  if (!t || !t.every(Number.isFinite)) return { ci, decidable: false };
  return { ci: [Math.min(ci[0], toChange(t[0])), Math.max(ci[1], toChange(t[1]))], decidable: true };
}

/** The noise seen on this machine: the median over the deciding comparisons of the per-round spread and detectable change. */
export function summarizeNoise(comparisons: readonly Comparison[]): { roundSpread: number | null; detectableChange: number | null } {
  // The comparisons that decide (a paired compare's gates): the descriptive cells' few rounds would say little.
  const deciding = comparisons.filter((c) => c.gating !== false);
  const spreads = deciding.map((c) => c.roundSpread).filter((x): x is number => x !== null);
  const detectable = deciding.map((c) => c.detectableChange).filter((x): x is number => x !== null);
  return {
    roundSpread: spreads.length ? median(spreads) : null,
    detectableChange: detectable.length ? median(detectable) : null,
  };
}

