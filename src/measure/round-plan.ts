/**
 * The plan of compare's paired rounds: after the first look's rounds of every workload's primary
 * comparison, how many rounds each needs to flag a change of the threshold with high power at the
 * noise those rounds showed, what that costs, and what the budget makes of it. Printed up front, so
 * a reviewer learns before the rounds run (and the results say after) which workloads the budget
 * cannot decide at the threshold, and what it can.
 */
import { detectableWithRounds, FIRST_LOOK, plannedFinalLevel, roundsForPower, ruleTrim, summarizeRounds, type GateRule } from '../analysis/gate.ts';
import { lookSchedule } from '../stats/sequential.ts';

/** Most rounds a primary comparison is ever planned for. */
export const MAX_PLANNED_ROUNDS = 60;
/**
 * Most rounds the looks of a plan made from the first look's rounds run to. Three rounds cannot tell
 * a noisy workload from one wild round, and nothing is trimmed from three (analysis/gate.ts,
 * ROUND_TRIM): a wild one among them asked for 60 rounds of an A/A compare. The plan printed is what
 * they ask for; its looks go to this many, so that the look at half of them (ten rounds, where the
 * trimmed mean sets the wild round aside) re-plans, up or down.
 */
export const FIRST_PLAN_ROUNDS = 20;
/** Rounds each descriptive (non-gating) comparison gets: the fewest a t interval is of any use with. */
export const DESCRIPTIVE_ROUNDS = FIRST_LOOK;
/**
 * The spread measured in the first rounds is scaled by this before planning: the sample standard
 * deviation of three rounds is below the true one half of the time, and a plan made on a lucky
 * draw would fall short (median of the chi-square correction for 2 degrees of freedom, ~1.2).
 */
const SPREAD_MARGIN = 1.2;
/** Spreads below this are planned as this (a perfectly quiet pilot says little about round 10). */
const MIN_PLANNED_SPREAD = 0.005;
/**
 * Fewest rounds a gate is planned for: its verdict rests on host pairs from a few seconds of the
 * machine's life, and three rounds close in time can agree more than independent ones would.
 */
export const MIN_PLANNED_ROUNDS = 5;

/** What is known of one primary comparison when the plan is made. */
export interface PlanInput {
  workload: string;
  /** Per-round log-ratios of the rounds so far. */
  d: readonly number[];
  /** Mean wall time of one of its rounds so far, ms. */
  roundMs: number;
}

/** The plan for one workload's gate. */
export interface WorkloadPlan {
  workload: string;
  /** Per-round spread the plan assumes (measured, with the margin); null when unknown. */
  spread: number | null;
  /** Rounds needed for the planned power at the threshold (MAX_PLANNED_ROUNDS + 1: more than ever planned). */
  wanted: number;
  /** Rounds planned within the budget (>= the rounds already measured). */
  planned: number;
  /** Smallest change the planned rounds flag with the planned power; null when not known. */
  detectable: number | null;
  roundMs: number;
}

export interface RoundPlan {
  workloads: WorkloadPlan[];
  /** Rounds each descriptive comparison gets (0 when the budget leaves none), and how many there are. */
  descriptiveRounds: number;
  descriptiveCells: number;
  /** Estimated time of the rest of the paired rounds, ms. */
  estimatedMs: number;
  /** True when the budget cut a plan short of what it wanted. */
  capped: boolean;
}

/**
 * Rounds a gate wants, from the spread of the rounds it has (with the margin): at least
 * MIN_PLANNED_ROUNDS and the rounds it has; MAX_PLANNED_ROUNDS + 1 when more than ever planned.
 * Called when the plan is made, and again at each look: a spread that the first rounds
 * underestimated (three rounds are a thin sample) grows the plan while the budget allows.
 */
export function wantedRounds(d: readonly number[], rule: GateRule, alphaEach: number): { spread: number | null; wanted: number } {
  const measured = summarizeRounds(d, ruleTrim(rule)).sd;
  const spread = Number.isFinite(measured) ? Math.max(MIN_PLANNED_SPREAD, measured * SPREAD_MARGIN) : null;
  let wanted = MAX_PLANNED_ROUNDS;
  if (spread !== null) {
    // The final look's level depends on the plan's looks; two passes settle it.
    const first = roundsForPower(spread, 0.8 * alphaEach, rule, MAX_PLANNED_ROUNDS);
    wanted = roundsForPower(spread, plannedFinalLevel(Math.min(first, MAX_PLANNED_ROUNDS), alphaEach), rule, MAX_PLANNED_ROUNDS);
  }
  return { spread, wanted: Math.max(wanted, d.length, MIN_PLANNED_ROUNDS) };
}

/**
 * The looks of a plan grown, shrunk or re-spaced to `total` rounds after `have` rounds: looks passed
 * stay, later ones are re-spaced; a total of at most `have` leaves the looks passed, the last of them
 * the final look.
 */
export function extendLooks(looks: readonly number[], have: number, total: number): number[] {
  const passed = looks.filter((k) => k <= have);
  return [...new Set([...passed, ...lookSchedule(FIRST_LOOK, total).filter((k) => k > have)])].sort((a, b) => a - b);
}

/** Rounds a gate's looks run to when, after `have` rounds, it wants `wanted` (wantedRounds): at most MAX_PLANNED_ROUNDS, and FIRST_PLAN_ROUNDS from the first look's rounds. */
export function plannedRounds(wanted: number, have: number): number {
  return Math.min(wanted, have <= FIRST_LOOK ? FIRST_PLAN_ROUNDS : MAX_PLANNED_ROUNDS);
}

/** The looks of a plan made at the first look, for the rounds planRounds gave it. */
export function firstLooks(planned: number): number[] {
  return lookSchedule(FIRST_LOOK, Math.max(FIRST_LOOK, plannedRounds(planned, FIRST_LOOK)));
}

/**
 * Re-plan a gate at a look after d.length rounds: the rounds it wants now (wantedRounds; more than
 * MAX_PLANNED_ROUNDS when more than ever planned), those its looks may run to, and its looks, shrunk
 * when it wants fewer than planned. The look at hand becomes the final one when the rounds so far are
 * enough. Growing is the caller's: the loop pays for it from spare time.
 *
 * Shrinking keeps the error rates: the plan follows the spread of the rounds, which for Gaussian rounds
 * is independent of their mean (information-based monitoring), and the levels of the looks are those
 * of the schedule the gate ends with, the looks passed recomputed as if spent at the shorter plan
 * (more than they were: conservative). Before, one wild round in the first look's rounds held an A/A
 * gate to 60 rounds, which a later look found it needed 14 of.
 */
export function replanAtLook(
  looks: readonly number[],
  d: readonly number[],
  rule: GateRule,
  alphaEach: number,
): { wanted: number; planned: number; looks: number[] } {
  const { wanted } = wantedRounds(d, rule, alphaEach);
  const planned = plannedRounds(Math.min(wanted, MAX_PLANNED_ROUNDS), d.length);
  const shrunk = planned < (looks.at(-1) ?? 0) ? extendLooks(looks, d.length, planned) : [...looks];
  return { wanted, planned, looks: shrunk };
}

/**
 * Plan the rounds: each primary its wanted rounds when everything fits; otherwise the descriptive
 * comparisons go first, then every primary gets the same fraction of the rounds it still wants.
 */
export function planRounds(
  primaries: readonly PlanInput[],
  descriptiveRoundMs: readonly number[],
  remainingMs: number,
  rule: GateRule & { alpha: number },
): RoundPlan {
  const alphaEach = rule.alpha / Math.max(1, primaries.length);
  const base = primaries.map((p) => ({ ...p, ...wantedRounds(p.d, rule, alphaEach), have: p.d.length }));
  const cost = (planned: readonly number[]) => base.reduce((sum, p, i) => sum + Math.max(0, planned[i] - p.have) * p.roundMs, 0);
  const full = base.map((p) => Math.min(p.wanted, MAX_PLANNED_ROUNDS));
  const descriptiveMs = descriptiveRoundMs.reduce((sum, ms) => sum + ms * DESCRIPTIVE_ROUNDS, 0);
  let planned = full;
  let descriptiveRounds = DESCRIPTIVE_ROUNDS;
  if (cost(full) + descriptiveMs > remainingMs) {
    descriptiveRounds = 0;
    if (cost(full) > remainingMs) {
      // The same fraction f of the wanted extra rounds for every workload: the largest that fits.
      let lo = 0;
      let hi = 1;
      const at = (f: number) => base.map((p, i) => p.have + Math.floor(f * Math.max(0, full[i] - p.have)));
      for (let k = 0; k < 30; k++) {
        const mid = (lo + hi) / 2;
        if (cost(at(mid)) <= remainingMs) lo = mid;
        else hi = mid;
      }
      planned = at(lo);
    }
  }
  const workloads = base.map((p, i): WorkloadPlan => {
    const level = plannedFinalLevel(Math.max(FIRST_LOOK, planned[i]), alphaEach);
    const detectable = p.spread === null ? null : detectableWithRounds(p.spread, Math.max(FIRST_LOOK, planned[i]), level, rule);
    return { workload: p.workload, spread: p.spread, wanted: p.wanted, planned: Math.max(planned[i], p.have), detectable: Number.isFinite(detectable) ? detectable : null, roundMs: p.roundMs };
  });
  return {
    workloads,
    descriptiveRounds,
    descriptiveCells: descriptiveRoundMs.length,
    estimatedMs: cost(planned) + (descriptiveRounds ? descriptiveMs : 0),
    capped: workloads.some((w) => w.planned < w.wanted),
  };
}

/** One line per plan, as printed before the rounds run. */
export function describePlan(plan: RoundPlan, threshold: number): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rounds = [...new Set(plan.workloads.map((w) => w.planned))];
  const cells = `${plan.descriptiveCells} other cell${plan.descriptiveCells === 1 ? '' : 's'}`;
  const head =
    `plan: ${plan.workloads.length} workload${plan.workloads.length === 1 ? '' : 's'}, ` +
    (rounds.length === 1 ? `${rounds[0]} rounds each` : plan.workloads.map((w) => `${w.workload} ${w.planned}`).join(', ') + ' rounds') +
    `, about ${Math.round(plan.estimatedMs / 1000)} s more, to detect ${pct(threshold)} at 95% power` +
    (plan.descriptiveCells === 0 ? '' : plan.descriptiveRounds ? `; ${cells} ${plan.descriptiveRounds} rounds each (not gating)` : `; no rounds left for the ${cells}`);
  const lines = [head];
  for (const w of plan.workloads) {
    if (w.planned >= w.wanted) continue;
    const needs = w.wanted > MAX_PLANNED_ROUNDS ? `more than ${MAX_PLANNED_ROUNDS} rounds` : `${w.wanted} rounds`;
    lines.push(
      `  ${w.workload}: ${pct(threshold)} is out of reach: it needs ${needs} at ${w.spread === null ? 'unknown' : pct(w.spread)} per round, the budget pays for ${w.planned}` +
        (w.detectable !== null ? `; smallest change it can flag: ${pct(w.detectable)}` : ''),
    );
  }
  return lines;
}
