/**
 * `run`'s paired phase: a model's best cell measured against sequential the way compare measures
 * head against base. Each round starts a fresh sequential host and a fresh host of the candidate,
 * both alive at once, their batches alternated in ABBA order (interleaved.ts), both pinned to one
 * CPU chosen at random when both are single-threaded (sequential and async). The speedup is then
 * built from neighbouring batch pairs, so the drift of the machine and the speed of a vCPU cancel
 * instead of deciding the verdict: the same code ran at 24 tasks/s in one host and 45 in another on
 * this VM, and unpaired visits compared those.
 */
import type { Runtime, VisitSpec } from '../runtimes/types.ts';
import { allowedCpus } from '../runtimes/affinity.ts';
import { runtimeFor } from '../runtimes/registry.ts';
import type { VisitOutcome } from '../runtimes/visit.ts';
import { mulberry32, shuffled } from '../stats/rng.ts';
import type { BatchSample, RuntimeId } from '../types.ts';
import { runInterleavedVisits } from './interleaved.ts';
import { stallLimitMs, STALLS_BEFORE_FAILURE, type Cell } from './scheduler.ts';

/** One paired round of a candidate: its measured batches and the baseline's, samples[i] neighbours in time. */
export interface PairedModelRound {
  baseline: BatchSample[];
  candidate: BatchSample[];
}

export interface PairedModelTarget {
  baseline: Cell;
  candidate: Cell;
  /** The visit specs of both sides (batch sizes as the sweep used them); stepped and warm-up handled here. */
  baselineSpec: VisitSpec;
  candidateSpec: VisitSpec;
  /** Expected wall time of one round, ms (both hosts' fixed costs, warm-up and pairs). */
  expectedMs: number;
  /**
   * Whether both hosts can share one pinned CPU: both single-threaded models, and the sweep saw each
   * keep at most about one core busy (async zlib or pbkdf2 spreads over libuv's pool; pinned, it
   * would lose the very parallelism being measured). Absent: decided by the models alone.
   */
  pinnable?: boolean;
  /**
   * Lower goes first in every round (default 0; the order within a priority is shuffled): a round
   * the budget cuts short leaves out the targets whose pairing matters least.
   */
  priority?: number;
  /**
   * A follow-up (PairedModelOptions.followUp) that may be measured once more in the round under way
   * although it already has a round: its one round left an answer it could still overturn.
   */
  again?: boolean;
}

export interface PairedModelOptions {
  deadline: number;
  /** How late a round may end past the deadline before it is stopped, ms (at least one round's expected cost). */
  allowanceMs: number;
  seed: number;
  /** Batch pairs per round. */
  pairs: number;
  maxRounds: number;
  signal?: AbortSignal;
  runtimes?: (id: RuntimeId) => Runtime;
  /** Called after each round (results are saved here). */
  onRound?: (round: number, measured: ReadonlyMap<string, PairedModelRound[]>) => void;
  /** Least silence that stops a round's host as stalled, ms (scheduler.ts's STALL_MIN_MS; tests shorten it). */
  stallMinMs?: number;
  /** Called after each paired visit (progress display). */
  onVisit?: (event: { round: number; done: number; total: number; cell: Cell; outcome: VisitOutcome }) => void;
  /**
   * Called after each target's round is measured: targets it returns that are not yet measured join
   * this round (before those of a lower priority) and the later ones; a planned target not yet
   * measured that it returns at another priority moves to it. `run` returns the cell its
   * recommendation moved to when the pairing just measured took it off the cell it had chosen, and
   * the workload's waiting targets at the priority its answer so far gives them.
   */
  followUp?: (measuredTarget: PairedModelTarget, measured: ReadonlyMap<string, PairedModelRound[]>) => readonly PairedModelTarget[];
}

/** Single-threaded models: both sides of a pair of these can share one pinned CPU. */
const SINGLE_THREADED = new Set(['sequential', 'async']);

/**
 * Paired rounds over the targets while the budget allows: each round visits every target once (by
 * priority, in a seeded order within one), skipping those whose expected cost no longer fits; a
 * target whose visit failed is dropped. Targets options.followUp adds join the round under way at
 * their priority. Returns the rounds measured per candidate key.
 */
export async function measurePairedModels(targets: readonly PairedModelTarget[], options: PairedModelOptions): Promise<Map<string, PairedModelRound[]>> {
  // The backstop of the budget's promise (scheduler.ts): a round still running this late is stopped, its samples kept.
  const allowanceMs = Math.max(options.allowanceMs, ...targets.map((t) => t.expectedMs));
  const backstop = new AbortController();
  const timer = setTimeout(() => backstop.abort(), Math.max(0, options.deadline + allowanceMs - performance.now()));
  timer.unref();
  const signal = options.signal ? AbortSignal.any([options.signal, backstop.signal]) : backstop.signal;
  try {
    return await pairedRounds(targets, options, signal);
  } finally {
    clearTimeout(timer);
  }
}

async function pairedRounds(targets: readonly PairedModelTarget[], options: PairedModelOptions, signal: AbortSignal): Promise<Map<string, PairedModelRound[]>> {
  const random = mulberry32(options.seed);
  const measured = new Map<string, PairedModelRound[]>(targets.map((t) => [t.candidate.key, []]));
  const cpus = allowedCpus();
  const runtimeOf = (cell: Cell) => (options.runtimes ?? runtimeFor)(cell.workload.runtime);
  let active = [...targets];
  const learned = new Map<string, number>();
  const stalls = new Map<string, number>();
  for (let round = 1; round <= options.maxRounds && active.length > 0; round++) {
    let done = 0;
    let visited = 0;
    const failed = new Set<string>();
    const order = shuffled(active, random).sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
    while (order.length > 0) {
      const target = order.shift()!;
      if (signal.aborted) return measured;
      const expected = learned.get(target.candidate.key) ?? target.expectedMs;
      if (performance.now() + expected > options.deadline) continue;
      const started = performance.now();
      const pinnable = (target.pinnable ?? true) && SINGLE_THREADED.has(target.baseline.model) && SINGLE_THREADED.has(target.candidate.model) && cpus.length >= 2;
      const cpu = pinnable ? [cpus[Math.floor(random() * cpus.length)]] : undefined;
      // Which side starts is random: a steady drift favours neither.
      const baselineFirst = random() < 0.5;
      const side = (cell: Cell, spec: VisitSpec) => ({ runtime: runtimeOf(cell), workload: cell.workload, spec: { ...spec, minBatches: options.pairs, maxBatches: options.pairs, sampleTimeMs: 0 } });
      const sides = [side(target.baseline, target.baselineSpec), side(target.candidate, target.candidateSpec)];
      const [first, second] = baselineFirst ? sides : [sides[1], sides[0]];
      const hardTimeoutMs = Math.max(target.baseline.workload.timeoutMs, target.candidate.workload.timeoutMs) + 60_000;
      // A host silent for many times the round's expected cost is stopped; the round is lost, and the target failed only if that happens again.
      const silenceLimitMs = stallLimitMs(expected, options.stallMinMs);
      const [a, b] = await runInterleavedVisits(first, second, { signal, hardTimeoutMs, silenceLimitMs, cpus: cpu });
      const [baseline, candidate] = baselineFirst ? [a, b] : [b, a];
      learned.set(target.candidate.key, performance.now() - started);
      visited++;
      if (baseline?.status === 'ok' && candidate?.status === 'ok') {
        const n = Math.min(baseline.samples.length, candidate.samples.length);
        if (n > 0) {
          measured.get(target.candidate.key)!.push({ baseline: baseline.samples.slice(0, n), candidate: candidate.samples.slice(0, n) });
          for (const next of options.followUp?.(target, measured) ?? []) {
            const key = next.candidate.key;
            const rounds = measured.get(key)?.length ?? 0;
            // Measured already: only once more, and only when asked to (`again`).
            const again = next.again === true && rounds === 1;
            if ((rounds > 0 && !again) || failed.has(key)) continue;
            const planned = active.find((t) => t.candidate.key === key);
            // A target already planned keeps its place unless its priority changed.
            if (planned && !again && (planned.priority ?? 0) === (next.priority ?? 0)) continue;
            active = [...active.filter((t) => t.candidate.key !== key), next];
            // A target still waiting in this round moves to the follow-up's priority, up or down; one
            // no longer in this round (it did not fit) takes its new priority in the later rounds.
            const waiting = order.findIndex((t) => t.candidate.key === key);
            if (waiting >= 0) order.splice(waiting, 1);
            else if (planned && !again) continue;
            if (!again) measured.set(key, []);
            // Ahead of every waiting target of a lower priority, behind those of its own.
            const at = order.findIndex((t) => (t.priority ?? 0) > (next.priority ?? 0));
            order.splice(at < 0 ? order.length : at, 0, next);
          }
        }
      } else if (baseline?.status === 'stalled' || candidate?.status === 'stalled') {
        const count = (stalls.get(target.candidate.key) ?? 0) + 1;
        stalls.set(target.candidate.key, count);
        if (count >= STALLS_BEFORE_FAILURE) failed.add(target.candidate.key);
      } else if (baseline?.status !== 'aborted' && candidate?.status !== 'aborted') {
        failed.add(target.candidate.key);
      }
      if (candidate) options.onVisit?.({ round, done: ++done, total: done + order.length, cell: target.candidate, outcome: candidate });
    }
    active = active.filter((t) => !failed.has(t.candidate.key));
    options.onRound?.(round, measured);
    if (visited === 0) break;
  }
  return measured;
}
