/**
 * The paired measuring loop of compare. Each round of a comparison measures base and head of one
 * cell in two fresh hosts, their batches interleaved (measure/interleaved.ts), which side starts
 * first chosen at random. The loop:
 * 1. gives every workload's primary (gating) comparison the rounds of the first look;
 * 2. plans the rest from the noise those rounds showed (measure/round-plan.ts) and reports the plan;
 * 3. measures the primaries still undecided, in a seeded random order each round, and stops each at
 *    the first look that decides it (analysis/gate.ts), at its planned rounds, or when the budget
 *    cannot pay for another round; each look re-plans it from all its rounds so far, up or down;
 *    time a decided or shrunk primary leaves goes to those the budget had cut;
 * 4. gives the other (descriptive) comparisons the rounds the plan left for them.
 * Independent of git, so the method benchmark drives it directly on two directories.
 */
import type { WorkloadConfig } from '../config/types.ts';
import { decideGates, FIRST_LOOK, type GateInput } from '../analysis/gate.ts';
import { pairedLogRatios, type ComparisonInput, type PairedRound } from '../analysis/compare.ts';
import type { ComparisonMetric, CompareSettings } from '../results/compare.ts';
import type { SelectedCell } from '../analysis/compare-select.ts';
import { visitSpec } from './scheduler.ts';
import { runInterleavedVisits } from './interleaved.ts';
import { DESCRIPTIVE_ROUNDS, extendLooks, firstLooks, plannedRounds, planRounds, replanAtLook, type RoundPlan } from './round-plan.ts';
import { lookSchedule } from '../stats/sequential.ts';
import { pairedBatchRates } from '../stats/paired-batches.ts';
import { mulberry32, shuffled } from '../stats/rng.ts';
import { allowedCpus } from '../runtimes/affinity.ts';
import type { VisitSpec } from '../runtimes/types.ts';
import type { VisitOutcome } from '../runtimes/visit.ts';
import type { Model } from '../types.ts';

/**
 * Paired visits: warm up for at least one batch and 100 ms, then measure at least six pairs of
 * batches and the sample time per side, base and head interleaved batch by batch.
 */
export const PAIRED_WARMUP_BATCHES = 1;
export const PAIRED_WARMUP_MS = 100;
export const PAIRED_MIN_BATCHES = 6;

/** A cell to compare, with the workload as each tree declares it. */
export interface PairedTarget {
  cell: SelectedCell;
  /** What the change is measured on (chosen from the sweep; default `throughput`). */
  metric?: ComparisonMetric;
  /** Run both sides of each round on the same single CPU (a cell that keeps at most one core busy; see runtimes/affinity.ts). */
  pinToOneCpu?: boolean;
  /** The workload's gating comparison (one per workload); the others describe and do not gate. */
  primary?: boolean;
  /** Tasks per batch in the paired visits (batches sized to what they cost); default the workload's `tasks`. */
  batchTasks?: number;
  /** Whole batches per sample (see VisitSpec.batchRepeat): tiny tasks' batches are too short for a round trip each. */
  batchRepeat?: number;
  base: WorkloadConfig;
  head: WorkloadConfig;
}

/** Measure both sides of one round of a target. The seam tests and the benchmark drive the loop through. */
export type MeasureRound = (
  target: PairedTarget,
  options: { first: 'base' | 'head'; sampleTimeMs: number; signal?: AbortSignal; cpus?: readonly number[] },
) => Promise<Partial<Record<'base' | 'head', VisitOutcome>>>;

/** How a primary comparison's rounds ended (absent while it is still measured). */
export type PrimaryStop = 'decided' | 'planned' | 'budget' | 'failed';

/** Everything measured for one target. */
export interface PairedState {
  target: PairedTarget;
  rounds: PairedRound[];
  /** Every visit of each side, in order (aggregated into the trees' cell results afterwards). */
  visits: { base: VisitOutcome[]; head: VisitOutcome[] };
  /** The first failed visit: that comparison gets no more rounds. */
  failure?: { tree: 'base' | 'head'; message: string };
  /** Wall time of the last round, ms (what the next one will probably cost). */
  lastRoundMs: number;
  /** Wall time of all its rounds, ms. */
  spentMs: number;
  /** Primary: the round counts of its looks (those passed, then the plan's), once planned. */
  looks?: number[];
  /** Primary: why its rounds ended. */
  stop?: PrimaryStop;
}

export interface PairedLoopOptions {
  settings: CompareSettings;
  /** performance.now() value after which no new round starts. */
  deadline: number;
  /** Sample time per side of a round, ms. */
  sampleTimeMs: number;
  /** Sample time per side of a descriptive (non-gating) comparison's round, ms; default sampleTimeMs. */
  descriptiveSampleTimeMs?: number;
  /** How a round is measured (default: interleaved fresh hosts). */
  measureRound?: MeasureRound;
  /** Expected cost of a target's round before it has one, ms (from the sweep); default a guess. */
  estimateRoundMs?: (target: PairedTarget) => number;
  signal?: AbortSignal;
  /** CPUs a pinned comparison may be given (default: this process's affinity); fewer than two: nothing is pinned. */
  cpus?: readonly number[];
  onVisit?: (event: { round: number; done: number; total: number; label: string; status: string }) => void;
  onRound?: (round: number, states: readonly PairedState[]) => Promise<void> | void;
  onPlan?: (plan: RoundPlan) => void;
}

function pairedSpec(workload: WorkloadConfig, model: Model, concurrency: number, sampleTimeMs: number, batchTasks?: number, batchRepeat?: number): VisitSpec {
  const spec = visitSpec({ workload, model, concurrency, key: '' }, sampleTimeMs);
  spec.warmupBatches = PAIRED_WARMUP_BATCHES;
  spec.warmupTimeMs = PAIRED_WARMUP_MS;
  spec.minBatches = Math.min(spec.maxBatches, PAIRED_MIN_BATCHES);
  if (batchTasks !== undefined) spec.workload.tasks = Math.max(1, Math.min(workload.tasks, batchTasks));
  if (batchRepeat !== undefined && batchRepeat > 1) spec.batchRepeat = batchRepeat;
  return spec;
}

/** The real round: both trees' hosts alive at once, their batches interleaved (see measure/interleaved.ts). */
export const measureInterleaved: MeasureRound = async (target, options) => {
  const { runtimeFor } = await import('../runtimes/registry.ts');
  const { model, concurrency } = target.cell;
  const side = (tree: 'base' | 'head') => {
    const workload = target[tree];
    return { runtime: runtimeFor(workload.runtime), workload, spec: pairedSpec(workload, model, concurrency, options.sampleTimeMs, target.batchTasks, target.batchRepeat) };
  };
  const second = options.first === 'base' ? 'head' : 'base';
  const [a, b] = await runInterleavedVisits(side(options.first), side(second), {
    signal: options.signal,
    hardTimeoutMs: Math.max(target.base.timeoutMs, target.head.timeoutMs) + 60_000,
    cpus: options.cpus,
  });
  return b ? { [options.first]: a, [second]: b } : { [options.first]: a };
};

/** The comparison inputs of the states so far (for analyzeCompare). */
export function comparisonInputs(states: readonly PairedState[]): ComparisonInput[] {
  return states.map((s) => {
    const input: ComparisonInput = { ...s.target.cell, roles: [...s.target.cell.roles], metric: s.target.metric ?? 'throughput', rounds: s.rounds };
    if (s.target.primary) {
      input.primary = true;
      input.looks = s.looks ?? lookSchedule(FIRST_LOOK, Math.max(FIRST_LOOK, s.rounds.length));
      input.ended = s.stop === 'planned' || s.stop === 'budget';
    }
    if (s.failure) input.error = `${s.failure.tree}: ${s.failure.message}`;
    return input;
  });
}

/** Guess of one round's cost before anything is known: two visits of overhead plus samples. */
const FIRST_ROUND_GUESS_MS = 2 * 400;

function gateInput(s: PairedState): GateInput {
  const [input] = comparisonInputs([s]);
  return { d: pairedLogRatios(input), looks: input.looks!, ended: input.ended ?? false, failed: s.failure !== undefined };
}

/** What the loop measured, and the plan it followed (null when no primary reached its first look). */
export interface PairedRun {
  states: PairedState[];
  plan: RoundPlan | null;
}

export async function runPairedRounds(targets: readonly PairedTarget[], options: PairedLoopOptions): Promise<PairedRun> {
  const measureRound = options.measureRound ?? measureInterleaved;
  const cpus = options.cpus ?? allowedCpus();
  const random = mulberry32(options.settings.seed ^ 0x5bd1e995);
  const states: PairedState[] = targets.map((target) => ({
    target,
    rounds: [],
    visits: { base: [], head: [] },
    lastRoundMs: options.estimateRoundMs?.(target) ?? FIRST_ROUND_GUESS_MS + 2 * options.sampleTimeMs,
    spentMs: 0,
  }));
  const primaries = states.filter((s) => s.target.primary);
  const descriptive = states.filter((s) => !s.target.primary);
  const remaining = () => options.deadline - performance.now();
  const stopped = () => options.signal?.aborted ?? false;
  let round = 0;

  /** One round over `list` (seeded order); a state whose round the budget cannot pay for is skipped. */
  const measureOnce = async (list: readonly PairedState[]): Promise<boolean> => {
    const affordable = list.filter((s) => !s.failure && s.lastRoundMs <= remaining());
    if (affordable.length === 0 || stopped()) return false;
    round++;
    const order = shuffled(affordable, random);
    let done = 0;
    for (const state of order) {
      if (stopped() || state.lastRoundMs > remaining()) continue;
      const { cell } = state.target;
      const started = performance.now();
      // Which side goes first is random per round, so a warm-up or drift effect cannot favour one side.
      const sides: Array<'base' | 'head'> = random() < 0.5 ? ['base', 'head'] : ['head', 'base'];
      // Both sides on the same CPU, a random one per round: the vCPUs of a shared VM differ in speed.
      const cpu = state.target.pinToOneCpu && cpus.length >= 2 ? [cpus[Math.floor(random() * cpus.length)]] : undefined;
      const sampleTimeMs = state.target.primary ? options.sampleTimeMs : (options.descriptiveSampleTimeMs ?? options.sampleTimeMs);
      const outcomes = await measureRound(state.target, { first: sides[0], sampleTimeMs, signal: options.signal, cpus: cpu });
      for (const side of sides) {
        const outcome = outcomes[side];
        if (!outcome) continue;
        if (outcome.status !== 'aborted') state.visits[side].push(outcome);
        options.onVisit?.({ round, done: ++done, total: order.length * 2, label: `${side} ${cell.workload} ${cell.model} x${cell.concurrency}`, status: outcome.status });
        if (outcome.status !== 'ok' && outcome.status !== 'aborted') state.failure ??= { tree: side, message: `${outcome.status}: ${outcome.error ?? 'no detail'}` };
      }
      state.lastRoundMs = performance.now() - started;
      state.spentMs += state.lastRoundMs;
      const { base, head } = outcomes;
      if (base?.status === 'ok' && head?.status === 'ok') {
        const wall = pairedBatchRates(base, head, (s) => s.wallMs);
        const cpuRates = pairedBatchRates(base, head, (s) => s.cpuMs);
        const r: PairedRound = { base: wall.base, head: wall.head, baseCpuRate: cpuRates.base, headCpuRate: cpuRates.head };
        if (base.peakRssBytes) r.basePeakRssBytes = base.peakRssBytes;
        if (head.peakRssBytes) r.headPeakRssBytes = head.peakRssBytes;
        state.rounds.push(r);
      }
    }
    await options.onRound?.(round, states);
    return true;
  };

  // 1. The first look's rounds for every primary.
  while (primaries.some((s) => !s.failure && s.rounds.length < FIRST_LOOK)) {
    if (!(await measureOnce(primaries.filter((s) => s.rounds.length < FIRST_LOOK)))) break;
  }

  // 2. The plan, from the noise and cost of those rounds.
  const planned = primaries.filter((s) => !s.failure && s.rounds.length >= FIRST_LOOK);
  const meanRoundMs = (s: PairedState) => (s.rounds.length ? s.spentMs / s.rounds.length : s.lastRoundMs);
  let plan = planRounds(
    planned.map((s) => ({ workload: s.target.cell.workload, d: gateInput(s).d, roundMs: meanRoundMs(s) })),
    descriptive.map((s) => s.lastRoundMs),
    remaining(),
    options.settings,
  );
  // Rounds each gate's looks may run to (re-planned at each look; more comes only from spare time), and the rounds it last wanted.
  const mayRunTo = new Map<PairedState, number>();
  const lastWanted = new Map<PairedState, number>();
  planned.forEach((s, i) => {
    s.looks = firstLooks(plan.workloads[i].planned);
    mayRunTo.set(s, plannedRounds(plan.workloads[i].wanted, FIRST_LOOK));
  });
  for (const s of primaries) if (s.failure) s.stop = 'failed';
  if (planned.length > 0) options.onPlan?.(plan);

  // 3. Primaries until decided, planned out, or out of budget.
  const reserveMs = () => (plan.descriptiveRounds ? descriptive.reduce((sum, s) => sum + s.lastRoundMs * Math.max(0, plan.descriptiveRounds - s.rounds.length), 0) : 0);
  const alphaEach = options.settings.alpha / Math.max(1, planned.length);
  for (;;) {
    if (stopped()) break;
    const live = planned.filter((s) => !s.stop && !s.failure);
    // At each look the spread of all its rounds so far re-plans a gate: three rounds are a thin
    // sample, and a plan made on a lucky one would end short of the precision it needs, one made on
    // a wild round far past it. A plan that shrinks does so here; one that grows, below.
    for (const s of live) {
      if (!s.looks?.includes(s.rounds.length)) continue;
      const next = replanAtLook(s.looks, gateInput(s).d, options.settings, alphaEach);
      mayRunTo.set(s, next.planned);
      lastWanted.set(s, next.wanted);
      s.looks = next.looks;
    }
    // Rounds a gate wants beyond its plan (re-planned, or cut by the budget) come from spare time,
    // including what decided gates left: its plan grows, looks passed stay, later ones re-spaced.
    const capped = live.filter((s) => (s.looks?.at(-1) ?? 0) < (mayRunTo.get(s) ?? 0));
    if (capped.length > 0) {
      const committed = live.reduce((sum, s) => sum + Math.max(0, (s.looks?.at(-1) ?? 0) - s.rounds.length) * meanRoundMs(s), 0);
      let spare = remaining() - reserveMs() - committed;
      for (const s of capped) {
        const extra = Math.min((mayRunTo.get(s) ?? 0) - (s.looks?.at(-1) ?? 0), Math.floor(spare / capped.length / Math.max(1, meanRoundMs(s))));
        if (extra <= 0) continue;
        spare -= extra * meanRoundMs(s);
        s.looks = extendLooks(s.looks ?? [], s.rounds.length, (s.looks?.at(-1) ?? 0) + extra);
      }
    }
    const outcomes = decideGates(planned.map(gateInput), options.settings);
    planned.forEach((s, i) => {
      if (s.stop) return;
      if (s.failure) s.stop = 'failed';
      else if (outcomes[i].atLook && outcomes[i].verdict !== 'inconclusive') s.stop = 'decided';
      else if (s.rounds.length >= (s.looks?.at(-1) ?? 0)) s.stop = 'planned';
    });
    const active = planned.filter((s) => !s.stop);
    if (active.length === 0) break;
    // The primaries keep out of the time reserved for the descriptive rounds the plan promised.
    const affordable = active.filter((s) => s.lastRoundMs <= remaining() - reserveMs());
    if (affordable.length === 0 || !(await measureOnce(affordable))) {
      for (const s of active) s.stop = 'budget';
      break;
    }
  }
  for (const s of primaries) s.stop ??= s.failure ? 'failed' : 'budget';
  // The plan as it ended: its looks re-planned the rounds each workload wanted, and freed time may have grown some.
  plan = { ...plan, workloads: plan.workloads.map((w, i) => ({ ...w, wanted: lastWanted.get(planned[i]) ?? w.wanted, planned: planned[i].looks?.at(-1) ?? w.planned })) };

  // 4. The descriptive comparisons.
  // They get their rounds whenever the budget pays for them, planned or freed by early decisions.
  for (let k = 0; k < DESCRIPTIVE_ROUNDS; k++) {
    const due = descriptive.filter((s) => s.rounds.length < DESCRIPTIVE_ROUNDS);
    if (due.length === 0 || !(await measureOnce(due))) break;
  }
  return { states, plan: planned.length > 0 ? plan : null };
}
