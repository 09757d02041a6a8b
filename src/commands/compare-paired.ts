/**
 * The paired measuring loop of compare: each round measures base and head of one cell in fresh host
 * processes, their batches interleaved (measure/interleaved.ts), which side starts first chosen at
 * random; comparisons are visited in a seeded random order; rounds continue for the comparisons that are
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
import { runInterleavedVisits } from '../measure/interleaved.ts';
import type { VisitSpec } from '../runtimes/types.ts';
import type { BatchSample } from '../types.ts';
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
 * Paired visits: warm up for at least one batch and 100 ms, then measure at least six pairs of
 * batches and the sample time per side (PAIRED_SAMPLE_MS in compare.ts), base and head interleaved
 * batch by batch (measure/interleaved.ts).
 */
export const PAIRED_WARMUP_BATCHES = 1;
export const PAIRED_WARMUP_MS = 100;
export const PAIRED_MIN_BATCHES = 6;

/** Measure both sides of one round. Injected so tests and the benchmark can drive the loop. */
export type MeasureRound = (
  target: PairedTarget,
  options: { first: 'base' | 'head'; sampleTimeMs: number; signal?: AbortSignal; cpus?: readonly number[] },
) => Promise<Partial<Record<'base' | 'head', VisitOutcome>>>;

function pairedSpec(workload: WorkloadConfig, model: Model, concurrency: number, sampleTimeMs: number): VisitSpec {
  const spec = visitSpec({ workload, model, concurrency, key: '' }, sampleTimeMs);
  spec.warmupBatches = PAIRED_WARMUP_BATCHES;
  spec.warmupTimeMs = PAIRED_WARMUP_MS;
  spec.minBatches = Math.min(spec.maxBatches, PAIRED_MIN_BATCHES);
  return spec;
}

/** A fresh host through the workload's runtime (loaded lazily: the runtime registry pulls in every runtime). */
export const measureInFreshHost: MeasureVisit = async (workload, model, concurrency, options) => {
  const { runtimeFor } = await import('../runtimes/registry.ts');
  const spec = visitSpec({ workload, model, concurrency, key: '' }, options.sampleTimeMs);
  if (options.warmupBatches !== undefined) spec.warmupBatches = options.warmupBatches;
  if (options.warmupTimeMs !== undefined) spec.warmupTimeMs = options.warmupTimeMs;
  if (options.minBatches !== undefined) spec.minBatches = Math.min(spec.maxBatches, options.minBatches);
  return runVisit(runtimeFor(workload.runtime), workload, spec, { signal: options.signal, hardTimeoutMs: workload.timeoutMs + 30_000, cpus: options.cpus });
};

/** The real round: both trees' hosts alive at once, their batches interleaved (see measure/interleaved.ts). */
export const measureInterleaved: MeasureRound = async (target, options) => {
  const { runtimeFor } = await import('../runtimes/registry.ts');
  const { model, concurrency } = target.cell;
  const side = (tree: 'base' | 'head') => {
    const workload = target[tree];
    return { runtime: runtimeFor(workload.runtime), workload, spec: pairedSpec(workload, model, concurrency, options.sampleTimeMs) };
  };
  const second = options.first === 'base' ? 'head' : 'base';
  const [a, b] = await runInterleavedVisits(side(options.first), side(second), {
    signal: options.signal,
    hardTimeoutMs: Math.max(target.base.timeoutMs, target.head.timeoutMs) + 60_000,
    cpus: options.cpus,
  });
  return b ? { [options.first]: a, [second]: b } : { [options.first]: a };
};

/** A round of two separate visits, one after the other: for a MeasureVisit stand-in (tests, fakes). */
export function visitsOneAfterTheOther(measure: MeasureVisit): MeasureRound {
  return async (target, options) => {
    const outcomes: Partial<Record<'base' | 'head', VisitOutcome>> = {};
    for (const tree of options.first === 'base' ? (['base', 'head'] as const) : (['head', 'base'] as const)) {
      const outcome = await measure(target[tree], target.cell.model, target.cell.concurrency, {
        sampleTimeMs: options.sampleTimeMs,
        signal: options.signal,
        warmupBatches: PAIRED_WARMUP_BATCHES,
        warmupTimeMs: PAIRED_WARMUP_MS,
        minBatches: PAIRED_MIN_BATCHES,
        cpus: options.cpus,
      });
      outcomes[tree] = outcome;
      if (outcome.status !== 'ok') break;
    }
    return outcomes;
  };
}

/**
 * Each side's rate in one round, from batches paired by position (neighbours in time when the
 * visits were interleaved): the pairs whose head/base rate ratio is among the most extreme sixth at
 * either end are dropped (a batch hit by a stall or a stray collection), then each side's rate is
 * its kept tasks over its kept time. NaN for a side with no timed pair.
 */
export function pairedBatchRates(base: VisitOutcome, head: VisitOutcome, time: (s: BatchSample) => number): { base: number; head: number } {
  const pairs: Array<{ b: BatchSample; h: BatchSample; logRatio: number }> = [];
  for (let i = 0; i < Math.min(base.samples.length, head.samples.length); i++) {
    const b = base.samples[i];
    const h = head.samples[i];
    if (!(time(b) > 0 && time(h) > 0 && b.tasks > 0 && h.tasks > 0)) continue;
    pairs.push({ b, h, logRatio: Math.log(h.tasks / time(h) / (b.tasks / time(b))) });
  }
  if (pairs.length === 0) return { base: Number.NaN, head: Number.NaN };
  pairs.sort((x, y) => x.logRatio - y.logRatio);
  const trim = Math.floor(pairs.length / 6);
  const kept = pairs.slice(trim, pairs.length - trim);
  const rate = (pick: (p: (typeof kept)[number]) => BatchSample) =>
    kept.reduce((sum, p) => sum + pick(p).tasks, 0) / (kept.reduce((sum, p) => sum + time(pick(p)), 0) / 1000);
  return { base: rate((p) => p.b), head: rate((p) => p.h) };
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
  /** How a round is measured (default: interleaved fresh hosts). */
  measureRound?: MeasureRound;
  /** A stand-in for single visits (tests): rounds are then two visits one after the other. */
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
  const measureRound = options.measureRound ?? (options.measure ? visitsOneAfterTheOther(options.measure) : measureInterleaved);
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
      const outcomes = await measureRound(state.target, { first: sides[0], sampleTimeMs: options.sampleTimeMs, signal: options.signal, cpus: cpu });
      for (const side of sides) {
        const outcome = outcomes[side];
        if (!outcome) continue;
        if (outcome.status !== 'aborted') state.visits[side].push(outcome);
        options.onVisit?.({ round, done: ++done, total: order.length * 2, label: `${side} ${cell.workload} ${cell.model} x${cell.concurrency}`, status: outcome.status });
        if (outcome.status !== 'ok' && outcome.status !== 'aborted') state.failure ??= { tree: side, message: `${outcome.status}: ${outcome.error ?? 'no detail'}` };
      }
      state.lastRoundMs = performance.now() - started;
      const base = outcomes.base;
      const head = outcomes.head;
      if (base?.status === 'ok' && head?.status === 'ok') {
        const wall = pairedBatchRates(base, head, (s) => s.wallMs);
        const cpu = pairedBatchRates(base, head, (s) => s.cpuMs);
        const r: PairedRound = { base: wall.base, head: wall.head, baseCpuRate: cpu.base, headCpuRate: cpu.head };
        if (base.peakRssBytes) r.basePeakRssBytes = base.peakRssBytes;
        if (head.peakRssBytes) r.headPeakRssBytes = head.peakRssBytes;
        state.rounds.push(r);
      }
    }
    await options.onRound?.(round, states);
  }
  return states;
}
