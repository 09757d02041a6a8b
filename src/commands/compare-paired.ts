/**
 * The paired measuring loop of compare: each round measures base and head of one cell back to back,
 * in fresh host processes, in a seeded random order; rounds continue for the comparisons that are
 * still undecided while the budget lasts (see nextRound). Independent of git, so the method
 * benchmark drives it directly on two directories.
 */
import type { WorkloadConfig } from '../config/types.ts';
import { actionableVerdict, analyzeComparisons, nextRound, type ComparisonInput, type PairedRound } from '../analysis/compare.ts';
import type { ComparisonMetric, CompareSettings } from '../analysis/compare-types.ts';
import type { SelectedCell } from '../analysis/compare-select.ts';
import { visitSpec } from '../measure/scheduler.ts';
import type { VisitOutcome } from '../runtimes/visit.ts';
import { allowedCpus } from '../runtimes/affinity.ts';
import { runVisit } from '../runtimes/visit.ts';
import { mulberry32, shuffled } from '../stats/rng.ts';
import type { Model } from '../types.ts';

/** Measure one visit of one cell in a fresh host. Injected so tests and the benchmark can drive the loop. */
export type MeasureVisit = (
  workload: WorkloadConfig,
  model: Model,
  concurrency: number,
  options: { sampleTimeMs: number; signal?: AbortSignal; warmupBatches?: number; warmupTimeMs?: number; minBatches?: number; cpus?: readonly number[] },
) => Promise<VisitOutcome>;

/**
 * Paired visits: warm up for at least one batch and 100 ms, then measure at least three batches and
 * the sample time; the visit's rate is its best batch, or best third of its batches (bestGroupRate).
 * Measured on the CPU-bound example, 30 A/A rounds on a loaded shared VM, standard deviation of the per-round
 * CPU-time log-ratio: 3.1% with the best of three batches, 6.6% with their median, 10.5% with the
 * median of two (wall clock: 10.2%, 19.5%, 24.0%). One warm-up batch (of at least 100 ms), not
 * two: a batch of the example is ~120 ms of a ~1 s visit, and rounds, not longer visits, are what
 * narrow the interval.
 */
export const PAIRED_WARMUP_BATCHES = 1;
export const PAIRED_WARMUP_MS = 100;
export const PAIRED_MIN_BATCHES = 3;

/** A fresh host through the workload's runtime (loaded lazily: the runtime registry pulls in every runtime). */
export const measureInFreshHost: MeasureVisit = async (workload, model, concurrency, options) => {
  const { runtimeFor } = await import('../runtimes/registry.ts');
  const spec = visitSpec({ workload, model, concurrency, key: '' }, options.sampleTimeMs);
  if (options.warmupBatches !== undefined) spec.warmupBatches = options.warmupBatches;
  if (options.warmupTimeMs !== undefined) spec.warmupTimeMs = options.warmupTimeMs;
  if (options.minBatches !== undefined) spec.minBatches = Math.min(spec.maxBatches, options.minBatches);
  return runVisit(runtimeFor(workload.runtime), workload, spec, { signal: options.signal, hardTimeoutMs: workload.timeoutMs + 30_000, cpus: options.cpus });
};

/** Measured batches are pooled into this many consecutive groups; a visit's rate is its best group. */
const VISIT_GROUPS = 3;

/**
 * The best rate of a visit: its batches pooled into three consecutive groups (one batch each when
 * there are three), tasks / summed time per group, the highest. What disturbs a batch (time stolen
 * by other VMs, a neighbour's cache traffic, a stray compile or collection on a background thread)
 * almost always slows it down, so the fastest group is the steadiest estimate of the code's own
 * speed (see the figures above); taking it on both sides leaves the ratio unbiased. Pooling keeps a visit of many tiny batches from
 * picking the luckiest of dozens. NaN when no batch has time on this measure.
 */
function bestGroupRate(outcome: VisitOutcome, time: (s: VisitOutcome['samples'][number]) => number): number {
  const samples = outcome.samples.filter((s) => time(s) > 0);
  if (samples.length === 0) return Number.NaN;
  const groups = Math.min(VISIT_GROUPS, samples.length);
  let best = 0;
  for (let g = 0; g < groups; g++) {
    const part = samples.slice(Math.floor((g * samples.length) / groups), Math.floor(((g + 1) * samples.length) / groups));
    const tasks = part.reduce((sum, s) => sum + s.tasks, 0);
    const ms = part.reduce((sum, s) => sum + time(s), 0);
    best = Math.max(best, tasks / (ms / 1000));
  }
  return best;
}

/** Throughput of one visit, tasks per wall-clock second (best group, see bestGroupRate). */
export function visitThroughput(outcome: VisitOutcome): number {
  return bestGroupRate(outcome, (s) => s.wallMs);
}

/** Tasks per CPU-second of one visit (best group, see bestGroupRate): the `cpu-time` metric. */
export function visitCpuRate(outcome: VisitOutcome): number {
  return bestGroupRate(outcome, (s) => s.cpuMs);
}

/** A cell to compare, with the workload as each tree declares it. */
export interface PairedTarget {
  cell: SelectedCell;
  /** What the change is measured on (chosen from the sweep; default `throughput`). */
  metric?: ComparisonMetric;
  /** Run both sides of each round on the same single CPU (a cell that keeps at most one core busy; see runtimes/affinity.ts). */
  pinToOneCpu?: boolean;
  base: WorkloadConfig;
  head: WorkloadConfig;
}

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
}

export interface PairedLoopOptions {
  settings: CompareSettings;
  /** performance.now() value after which no new round starts. */
  deadline: number;
  /** Sample time per visit, ms: short, because rounds (fresh processes) beat long visits against between-process noise. */
  sampleTimeMs: number;
  measure?: MeasureVisit;
  signal?: AbortSignal;
  /** CPUs a pinned comparison may be given (default: this process's affinity); fewer than two: nothing is pinned. */
  cpus?: readonly number[];
  /** Resamples for the interim decisions after each round (the final analysis uses settings.resamples). */
  interimResamples?: number;
  onVisit?: (event: { round: number; done: number; total: number; label: string; status: string }) => void;
  onRound?: (round: number, states: readonly PairedState[]) => Promise<void> | void;
}

/** The comparison inputs of the states so far (for analyzeComparisons). */
export function comparisonInputs(states: readonly PairedState[]): ComparisonInput[] {
  return states.map((s) => {
    const input: ComparisonInput = { ...s.target.cell, roles: [...s.target.cell.roles], metric: s.target.metric ?? 'throughput', rounds: s.rounds };
    if (s.failure) input.error = `${s.failure.tree}: ${s.failure.message}`;
    return input;
  });
}

/** Guess of one round's cost before it has been measured: two visits of overhead plus samples. */
const FIRST_ROUND_GUESS_MS = 2 * 400;

export async function runPairedRounds(targets: readonly PairedTarget[], options: PairedLoopOptions): Promise<PairedState[]> {
  const measure = options.measure ?? measureInFreshHost;
  const cpus = options.cpus ?? allowedCpus();
  const random = mulberry32(options.settings.seed ^ 0x5bd1e995);
  const states: PairedState[] = targets.map((target) => ({ target, rounds: [], visits: { base: [], head: [] }, lastRoundMs: FIRST_ROUND_GUESS_MS + 2 * options.sampleTimeMs }));
  const interim = { ...options.settings, resamples: options.interimResamples ?? 1000 };
  for (let round = 1; ; round++) {
    if (options.signal?.aborted) break;
    const analysed = analyzeComparisons(comparisonInputs(states), interim);
    const decision = nextRound(
      states.map((s, i) => ({
        rounds: s.rounds.length,
        verdict: actionableVerdict(analysed[i].verdict, s.rounds.length, options.settings.maxRounds),
        failed: s.failure !== undefined,
        roundCostMs: s.lastRoundMs,
      })),
      { minRounds: options.settings.minRounds, maxRounds: options.settings.maxRounds, remainingMs: options.deadline - performance.now() },
    );
    if (decision.measure.length === 0) break;
    const order = shuffled(decision.measure, random);
    let done = 0;
    for (const index of order) {
      if (options.signal?.aborted || performance.now() > options.deadline) break;
      const state = states[index];
      const { cell } = state.target;
      const started = performance.now();
      // Which side goes first is random per round, so a warm-up or drift effect cannot favour one side.
      const sides: Array<'base' | 'head'> = random() < 0.5 ? ['base', 'head'] : ['head', 'base'];
      // Both sides on the same CPU, a random one per round: the vCPUs of a shared VM differ in speed.
      const cpu = state.target.pinToOneCpu && cpus.length >= 2 ? [cpus[Math.floor(random() * cpus.length)]] : undefined;
      const outcomes: Partial<Record<'base' | 'head', VisitOutcome>> = {};
      for (const side of sides) {
        const outcome = await measure(state.target[side], cell.model, cell.concurrency, {
          sampleTimeMs: options.sampleTimeMs,
          signal: options.signal,
          warmupBatches: PAIRED_WARMUP_BATCHES,
          warmupTimeMs: PAIRED_WARMUP_MS,
          minBatches: PAIRED_MIN_BATCHES,
          cpus: cpu,
        });
        outcomes[side] = outcome;
        if (outcome.status !== 'aborted') state.visits[side].push(outcome);
        options.onVisit?.({ round, done: ++done, total: order.length * 2, label: `${side} ${cell.workload} ${cell.model} x${cell.concurrency}`, status: outcome.status });
        if (outcome.status !== 'ok') {
          if (outcome.status !== 'aborted') state.failure ??= { tree: side, message: `${outcome.status}: ${outcome.error ?? 'no detail'}` };
          break;
        }
      }
      state.lastRoundMs = performance.now() - started;
      const base = outcomes.base;
      const head = outcomes.head;
      if (base?.status === 'ok' && head?.status === 'ok') {
        const r: PairedRound = { base: visitThroughput(base), head: visitThroughput(head), baseCpuRate: visitCpuRate(base), headCpuRate: visitCpuRate(head) };
        if (base.peakRssBytes) r.basePeakRssBytes = base.peakRssBytes;
        if (head.peakRssBytes) r.headPeakRssBytes = head.peakRssBytes;
        state.rounds.push(r);
      }
    }
    await options.onRound?.(round, states);
  }
  return states;
}
