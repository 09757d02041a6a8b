/**
 * The paired measuring loop of compare: each round measures base and head of one cell back to back,
 * in fresh host processes, in a seeded random order; rounds continue for the comparisons that are
 * still undecided while the budget lasts (see nextRound). Independent of git, so the method
 * benchmark drives it directly on two directories.
 */
import type { WorkloadConfig } from '../config/types.ts';
import { actionableVerdict, analyzeComparisons, nextRound, type ComparisonInput, type PairedRound } from '../analysis/compare.ts';
import type { CompareSettings } from '../analysis/compare-types.ts';
import type { SelectedCell } from '../analysis/compare-select.ts';
import { visitSpec } from '../measure/scheduler.ts';
import type { VisitOutcome } from '../runtimes/visit.ts';
import { runVisit } from '../runtimes/visit.ts';
import { median } from '../stats/paired.ts';
import { mulberry32, shuffled } from '../stats/rng.ts';
import type { Model } from '../types.ts';

/** Measure one visit of one cell in a fresh host. Injected so tests and the benchmark can drive the loop. */
export type MeasureVisit = (
  workload: WorkloadConfig,
  model: Model,
  concurrency: number,
  options: { sampleTimeMs: number; signal?: AbortSignal; warmupBatches?: number; minBatches?: number },
) => Promise<VisitOutcome>;

/**
 * Paired visits: two warm-up batches and at least three measured ones. With the scheduler's one
 * and one, a visit of a ~100 ms batch is the mean of two batches, the first often still being
 * compiled: visit-to-visit spread 2.6-3.2% on the CPU-bound example, against 1.2% with 2 and 3.
 */
export const PAIRED_WARMUP_BATCHES = 2;
export const PAIRED_MIN_BATCHES = 3;

/** A fresh host through the workload's runtime (loaded lazily: the runtime registry pulls in every runtime). */
export const measureInFreshHost: MeasureVisit = async (workload, model, concurrency, options) => {
  const { runtimeFor } = await import('../runtimes/registry.ts');
  const spec = visitSpec({ workload, model, concurrency, key: '' }, options.sampleTimeMs);
  if (options.warmupBatches !== undefined) spec.warmupBatches = options.warmupBatches;
  if (options.minBatches !== undefined) spec.minBatches = Math.min(spec.maxBatches, options.minBatches);
  return runVisit(runtimeFor(workload.runtime), workload, spec, { signal: options.signal, hardTimeoutMs: workload.timeoutMs + 30_000 });
};

/** Throughput of one visit: the median over its batches of tasks / batch wall time; NaN without samples. */
export function visitThroughput(outcome: VisitOutcome): number {
  const values = outcome.samples.filter((s) => s.wallMs > 0).map((s) => s.tasks / (s.wallMs / 1000));
  return values.length ? median(values) : Number.NaN;
}

/** A cell to compare, with the workload as each tree declares it. */
export interface PairedTarget {
  cell: SelectedCell;
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
  /** Resamples for the interim decisions after each round (the final analysis uses settings.resamples). */
  interimResamples?: number;
  onVisit?: (event: { round: number; done: number; total: number; label: string; status: string }) => void;
  onRound?: (round: number, states: readonly PairedState[]) => Promise<void> | void;
}

/** The comparison inputs of the states so far (for analyzeComparisons). */
export function comparisonInputs(states: readonly PairedState[]): ComparisonInput[] {
  return states.map((s) => {
    const input: ComparisonInput = { ...s.target.cell, roles: [...s.target.cell.roles], rounds: s.rounds };
    if (s.failure) input.error = `${s.failure.tree}: ${s.failure.message}`;
    return input;
  });
}

/** Guess of one round's cost before it has been measured: two visits of overhead plus samples. */
const FIRST_ROUND_GUESS_MS = 2 * 400;

export async function runPairedRounds(targets: readonly PairedTarget[], options: PairedLoopOptions): Promise<PairedState[]> {
  const measure = options.measure ?? measureInFreshHost;
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
      const outcomes: Partial<Record<'base' | 'head', VisitOutcome>> = {};
      for (const side of sides) {
        const outcome = await measure(state.target[side], cell.model, cell.concurrency, {
          sampleTimeMs: options.sampleTimeMs,
          signal: options.signal,
          warmupBatches: PAIRED_WARMUP_BATCHES,
          minBatches: PAIRED_MIN_BATCHES,
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
        const r: PairedRound = { base: visitThroughput(base), head: visitThroughput(head) };
        if (base.peakRssBytes) r.basePeakRssBytes = base.peakRssBytes;
        if (head.peakRssBytes) r.headPeakRssBytes = head.peakRssBytes;
        state.rounds.push(r);
      }
    }
    await options.onRound?.(round, states);
  }
  return states;
}
