/**
 * `run`'s paired phase: a model's best cell measured against sequential the way compare measures
 * head against base. Each round starts a fresh sequential host and a fresh host of the candidate,
 * both alive at once, their batches alternated in ABBA order (interleaved.ts), both pinned to one
 * CPU chosen at random when both are single-threaded (sequential and async). The speedup is then
 * built from neighbouring batch pairs, so the drift of the machine and the speed of a vCPU cancel
 * instead of deciding the verdict: the same code ran at 24 tasks/s in one host and 45 in another on
 * this VM, and unpaired visits compared those. Two candidates of one workload may share a round's
 * sequential host (shareBaseline): three hosts alive at once, the sequential one in the middle.
 */
import type { Runtime, VisitSpec } from '../runtimes/types.ts';
import { allowedCpus } from '../runtimes/affinity.ts';
import { runtimeFor } from '../runtimes/registry.ts';
import type { VisitOutcome } from '../runtimes/visit.ts';
import { HOST_ROUNDS } from '../stats/paired-speedup.ts';
import { mulberry32, shuffled } from '../stats/rng.ts';
import type { BatchSample, RuntimeId } from '../types.ts';
import { runInterleavedGroup, type InterleavedSide } from './interleaved.ts';
import { stallLimitMs, STALLS_BEFORE_FAILURE, type Cell } from './scheduler.ts';

/** One paired round of a candidate: its measured batches and the baseline's, samples[i] neighbours in time. */
export interface PairedModelRound {
  baseline: BatchSample[];
  candidate: BatchSample[];
  /**
   * Which sequential host measured the baseline, numbered in the order the paired phase started
   * them: candidates that shared one host in a round (PairedModelOptions.shareBaseline) have the same number.
   */
  baselineHost?: number;
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
   * The baseline host's part of expectedMs (its start-up, warm-up and samples): what a round saves
   * when this target shares the baseline host of another (PairedModelOptions.shareBaseline). Absent: nothing.
   */
  baselineMs?: number;
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
   * A follow-up (PairedModelOptions.followUp) that may be measured again in the round under way
   * although it already has a round (up to AGAIN_UNTIL_ROUNDS): its rounds so far left an answer it could still overturn.
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
  /**
   * Measure two targets with the same baseline cell and the same priority, neither pinned, in one
   * round of three hosts: the two candidates either side of one sequential host (interleaved.ts's
   * group), which starts and warms up once for both. A cold-JIT workload's pairing costs 4-7 s a round,
   * each side warming up for up to 2.9 s (acorn at the default budget, bench:truth at 60a8e64), in
   * a paired phase that fits 5-7 visits.
   */
  shareBaseline?: boolean;
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
  /**
   * Targets of this priority or a lower one (a greater number) wait for their first round until
   * every target of a higher priority that still fits the time left has had min(HOST_ROUNDS,
   * maxRounds) rounds. `run` defers the pairings that cannot change its answer: a round over every
   * target visits them as often as the contested ones, and py-asyncio-waits' thread 4 and process 4
   * (x4 beside async 256's x225) were paired in the first round of a bench:truth run at 132ab99
   * while py-fetch-then-parse's process+async, two rounds in, could not yet be shown to beat async
   * 32 (x4.42, interval x3.33-5.69, against x3.29) and async was recommended. Absent: none waits.
   */
  deferredPriority?: number;
}

/**
 * How many rounds a target asked for again (PairedModelTarget.again) may reach: as many as the
 * bootstrap over rounds needs before it shows how far fresh hosts read apart (HOST_ROUNDS).
 */
export const AGAIN_UNTIL_ROUNDS = HOST_ROUNDS;

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
  const allowanceMs = Math.max(options.allowanceMs, longestRoundMs(targets, options.shareBaseline ?? false));
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
  const pinnable = (t: PairedModelTarget) => (t.pinnable ?? true) && SINGLE_THREADED.has(t.baseline.model) && SINGLE_THREADED.has(t.candidate.model) && cpus.length >= 2;
  let active = [...targets];
  const learned = new Map<string, number>();
  const expectedOf = (t: PairedModelTarget) => learned.get(t.candidate.key) ?? t.expectedMs;
  const stalls = new Map<string, number>();
  let baselineHosts = 0;
  const deferred = (t: PairedModelTarget) => options.deferredPriority !== undefined && (t.priority ?? 0) >= options.deferredPriority;
  const roundsBeforeDeferred = Math.min(HOST_ROUNDS, options.maxRounds);
  /**
   * A deferred target not yet measured waits while a target of a higher priority, still active and
   * fitting the time left, has fewer rounds than the deferred ones wait for (deferredPriority).
   * Deferred targets go last in a round, so the others of this round have had their turn.
   */
  const waitsForOthers = (target: PairedModelTarget, failed: ReadonlySet<string>) =>
    deferred(target) &&
    (measured.get(target.candidate.key)?.length ?? 0) === 0 &&
    active.some((t) => !deferred(t) && !failed.has(t.candidate.key) && (measured.get(t.candidate.key)?.length ?? 0) < roundsBeforeDeferred && performance.now() + expectedOf(t) <= options.deadline);
  for (let round = 1; round <= options.maxRounds && active.length > 0; round++) {
    let done = 0;
    let visited = 0;
    const failed = new Set<string>();
    const order = shuffled(active, random).sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));

    /** The follow-ups of a target just measured join this round and the later ones (PairedModelOptions.followUp). */
    const followUps = (target: PairedModelTarget) => {
      for (const next of options.followUp?.(target, measured) ?? []) {
        const key = next.candidate.key;
        const rounds = measured.get(key)?.length ?? 0;
        // Measured already: only when asked to (`again`), and up to AGAIN_UNTIL_ROUNDS rounds.
        const again = next.again === true && rounds >= 1 && rounds < AGAIN_UNTIL_ROUNDS;
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
    };

    while (order.length > 0) {
      const target = order.shift()!;
      if (signal.aborted) return measured;
      const expected = expectedOf(target);
      if (performance.now() + expected > options.deadline) continue;
      if (waitsForOthers(target, failed)) continue;
      const pinned = pinnable(target);
      const group = [target];
      let groupMs = expected;
      if (options.shareBaseline && !pinned) {
        // A companion waiting in this round: same baseline cell, same priority, not pinned either.
        const at = order.findIndex((t) => t.baseline.key === target.baseline.key && t.candidate.key !== target.candidate.key && (t.priority ?? 0) === (target.priority ?? 0) && !pinnable(t));
        const companion = order[at];
        // The shared host warms up as long as the longer of the two asked for: the smaller part is saved.
        const saved = companion ? Math.min(target.baselineMs ?? 0, companion.baselineMs ?? 0) : 0;
        const withCompanion = companion ? expected + Math.max(0, expectedOf(companion) - saved) : Number.POSITIVE_INFINITY;
        if (performance.now() + withCompanion <= options.deadline) {
          order.splice(at, 1);
          group.push(companion);
          groupMs = withCompanion;
        }
      }
      const started = performance.now();
      const cpu = pinned ? [cpus[Math.floor(random() * cpus.length)]] : undefined;
      const side = (cell: Cell, spec: VisitSpec): InterleavedSide => ({ runtime: runtimeOf(cell), workload: cell.workload, spec: { ...spec, minBatches: options.pairs, maxBatches: options.pairs, sampleTimeMs: 0 } });
      const baselineSide = side(target.baseline, group.length === 1 ? target.baselineSpec : sharedBaselineSpec(group.map((t) => t.baselineSpec)));
      const candidateSides = group.map((t) => side(t.candidate, t.candidateSpec));
      // Which side starts is random: a steady drift favours neither. Two candidates go either side
      // of the baseline, which then neighbours both in every step.
      let layout: InterleavedSide[];
      if (group.length === 1) layout = random() < 0.5 ? [baselineSide, candidateSides[0]] : [candidateSides[0], baselineSide];
      else layout = random() < 0.5 ? [candidateSides[0], baselineSide, candidateSides[1]] : [candidateSides[1], baselineSide, candidateSides[0]];
      const hardTimeoutMs = Math.max(target.baseline.workload.timeoutMs, ...group.map((t) => t.candidate.workload.timeoutMs)) + 60_000;
      // A host silent for many times the round's expected cost is stopped; the round is lost, and the target failed only if that happens again.
      const silenceLimitMs = stallLimitMs(groupMs, options.stallMinMs);
      const outcomes = await runInterleavedGroup(layout, { signal, hardTimeoutMs, silenceLimitMs, cpus: cpu });
      const baseline = outcomes[layout.indexOf(baselineSide)];
      const elapsedMs = performance.now() - started;
      // What each target's round would have cost alone, as this one ran: for the next fit.
      for (const t of group) learned.set(t.candidate.key, group.length === 1 ? elapsedMs : (expectedOf(t) * elapsedMs) / groupMs);
      visited++;
      const baselineHost = ++baselineHosts;
      const measuredNow: PairedModelTarget[] = [];
      // A stopped host ends `ok` with what it had measured: in a group, a round counts only when every host completed it.
      const complete = outcomes.every((o) => o?.status === 'ok');
      const lostRound: PairedModelTarget[] = [];
      for (const [i, t] of group.entries()) {
        const candidate = outcomes[layout.indexOf(candidateSides[i])];
        if (group.length > 1 && !complete && !faulted(candidate) && candidate?.status !== 'stalled' && !faulted(baseline) && baseline?.status !== 'stalled') {
          // Another candidate's host failed or stalled and stopped this one's round: not its fault; it goes again, alone.
          lostRound.push(t);
          continue;
        }
        if (baseline?.status === 'ok' && candidate?.status === 'ok') {
          const n = Math.min(baseline.samples.length, candidate.samples.length);
          if (n > 0) {
            measured.get(t.candidate.key)!.push({ baseline: baseline.samples.slice(0, n), candidate: candidate.samples.slice(0, n), baselineHost });
            measuredNow.push(t);
          }
        } else if (baseline?.status === 'stalled' || candidate?.status === 'stalled') {
          const count = (stalls.get(t.candidate.key) ?? 0) + 1;
          stalls.set(t.candidate.key, count);
          if (count >= STALLS_BEFORE_FAILURE) failed.add(t.candidate.key);
        } else if (faulted(baseline) || faulted(candidate)) {
          // A candidate never started because another side failed first is not at fault.
          failed.add(t.candidate.key);
        }
        if (candidate) options.onVisit?.({ round, done: ++done, total: done + order.length + lostRound.length + (group.length - 1 - i), cell: t.candidate, outcome: candidate });
      }
      order.unshift(...lostRound);
      // Every round of the group is recorded before any follow-up is asked for: a companion measured
      // in this round is not waiting any more.
      for (const t of measuredNow) followUps(t);
    }
    active = active.filter((t) => !failed.has(t.candidate.key));
    options.onRound?.(round, measured);
    if (visited === 0) break;
  }
  return measured;
}

/**
 * The expected cost of the longest round the targets can make, ms: one target's, or, sharing a
 * baseline host, two targets of one baseline cell with the smaller baseline part counted once. The
 * backstop allows one round's cost past the deadline (the budget's promise: one visit late at
 * most), and a shared round is one visit of three hosts that costs up to twice a single one
 * (acorn's two pools: 8.3-10.3 s shared, 4.3-7.2 s alone, bench:truth at 0fe533e): sized for a
 * single round, a shared one that overran its estimate near the deadline would be cut, its samples lost.
 */
export function longestRoundMs(targets: readonly Pick<PairedModelTarget, 'baseline' | 'expectedMs' | 'baselineMs'>[], shareBaseline: boolean): number {
  let longest = Math.max(0, ...targets.map((t) => t.expectedMs));
  if (!shareBaseline) return longest;
  for (const [i, a] of targets.entries()) {
    for (const b of targets.slice(i + 1)) {
      if (a.baseline.key !== b.baseline.key) continue;
      longest = Math.max(longest, a.expectedMs + b.expectedMs - Math.min(a.baselineMs ?? 0, b.baselineMs ?? 0));
    }
  }
  return longest;
}

/** A host that ended in a failure of its own (not stopped, not stalled, not never started). */
function faulted(outcome: VisitOutcome | undefined): boolean {
  return outcome !== undefined && outcome.status !== 'ok' && outcome.status !== 'aborted' && outcome.status !== 'stalled';
}

/**
 * The spec of a baseline host shared by several targets (the same cell): the longest warm-up floor
 * and cap any of them asked for (a contested pairing measured cold, or against a baseline read far
 * too slow, warms longer, paired-targets.ts), and the sweep's settled warm-up only if every one of them kept
 * it (a pairing that dropped it does not trust it); the rest is the cell's and the same in all.
 */
export function sharedBaselineSpec(specs: readonly VisitSpec[]): VisitSpec {
  const { warmupSettledMs: _settled, warmupMaxMs: _cap, warmupTimeMs: _floor, ...rest } = specs[0];
  const most = (values: (number | undefined)[]) => (values.every((v) => v === undefined) ? undefined : Math.max(...values.map((v) => v ?? 0)));
  const floor = most(specs.map((s) => s.warmupTimeMs));
  const cap = most(specs.map((s) => s.warmupMaxMs));
  const settled = specs.every((s) => s.warmupSettledMs !== undefined) ? most(specs.map((s) => s.warmupSettledMs)) : undefined;
  return { ...rest, ...(floor !== undefined ? { warmupTimeMs: floor } : {}), ...(cap !== undefined ? { warmupMaxMs: cap } : {}), ...(settled !== undefined ? { warmupSettledMs: settled } : {}) };
}
