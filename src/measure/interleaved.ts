/**
 * Interleaved visits: two fresh hosts (compare's base and head of one cell) alive at once, driven
 * batch by batch in an ABBA order, so that both sides see the same moments of the machine.
 *
 * Why: on a shared VM the speed of a vCPU drifts over hundreds of milliseconds (a neighbour on the
 * other hyperthread comes and goes). Measured here on the same CPU with two processes: the rate of
 * one side, averaged over blocks of 10 batches of ~25 ms, varied by 15-17% from block to block;
 * measuring a block of one side and then a block of the other (what two back-to-back visits do) gave
 * a log-ratio spread of 14-18%, while the same batches paired as ABBA neighbours gave 4.3%.
 */
import type { WorkloadConfig } from '../config/types.ts';
import type { Runtime, VisitSpec } from '../runtimes/types.ts';
import { startHost, type HostSession, type VisitOutcome } from '../runtimes/visit.ts';
import { warmupDecision, type WarmupBatch } from './warmup.ts';

/** One side of an interleaved pair of visits. */
export interface InterleavedSide {
  runtime: Runtime;
  workload: WorkloadConfig;
  /** The visit spec; it is run stepped, so its warm-up and sample limits are applied here. */
  spec: VisitSpec;
}

export interface InterleavedOptions {
  signal?: AbortSignal;
  hardTimeoutMs?: number;
  /** Either host is stopped as stalled when it sends nothing this long (see HostOptions). */
  silenceLimitMs?: number;
  /** CPUs both hosts are pinned to (undefined: not pinned). */
  cpus?: readonly number[];
}

/**
 * Run two visits interleaved: start `first`, then `second` (one at a time, so start-up times stay
 * each host's own), warm both up batch by batch, then measure pairs of batches in ABBA order until
 * each side has spec.minBatches and spec.sampleTimeMs of batches, or spec.maxBatches. Each
 * outcome's samples are its measured batches only, so samples[i] of the two sides are neighbours
 * in time. When a side fails, the other is stopped; a side never started has no outcome.
 */
export async function runInterleavedVisits(
  first: InterleavedSide,
  second: InterleavedSide,
  options: InterleavedOptions = {},
): Promise<[VisitOutcome, VisitOutcome | undefined]> {
  const [a, b] = await runInterleavedGroup([first, second], options);
  return [a!, b];
}

/**
 * runInterleavedVisits for any number of sides: started and warmed in the order given, then
 * measured a batch of each side per step, the order reversed every step (ABBA for two; for three,
 * ABC CBA: the middle side neighbours both others in every step, and each pair of sides swaps its
 * order from one step to the next, so a steady drift favours none). `run`'s paired phase puts the
 * sequential host in the middle of two candidates that share it. Every side is measured for the
 * first side's spec.minBatches, spec.sampleTimeMs and spec.maxBatches; outcomes[i] is sides[i]'s
 * (undefined: never started, because an earlier side failed first). When a side fails, the others are stopped.
 */
export async function runInterleavedGroup(sides: readonly InterleavedSide[], options: InterleavedOptions = {}): Promise<(VisitOutcome | undefined)[]> {
  const sessions: HostSession[] = [];
  const outcomes = async (failed?: VisitOutcome): Promise<(VisitOutcome | undefined)[]> => {
    for (const s of sessions) s.stop();
    const done: (VisitOutcome | undefined)[] = await Promise.all(sessions.map((s) => s.finished));
    if (failed) done.push(failed);
    while (done.length < sides.length) done.push(undefined);
    return done;
  };
  for (const side of sides) {
    let started: HostSession | VisitOutcome;
    try {
      started = await startHost(side.runtime, side.workload, { ...side.spec, stepped: true }, options);
    } catch (error) {
      // The hosts already started are not left behind.
      for (const s of sessions) s.kill();
      await Promise.all(sessions.map((s) => s.finished));
      throw error;
    }
    if (!('finished' in started)) return outcomes(started);
    sessions.push(started);
    if (!(await started.ready)) return outcomes();
  }
  const spec = sides[0].spec;

  // Warm-up: discarded batches until each side has had warmupBatches and warmupTimeMs of them; with
  // warmupMaxMs, until each side's rate has settled (warmup.ts), at most that long of its batches, or
  // for warmupSettledMs, as long as earlier hosts of its cell needed. Each side by its own spec.
  const warm = sides.map((side) => ({ spec: side.spec, batches: [] as WarmupBatch[], ms: 0, done: false, settled: false }));
  // Its own spec, not `spec` (the first side's), which sets the measured batches of all.
  const warmEnough = (w: (typeof warm)[number]) => {
    const own = w.spec;
    if (w.batches.length < own.warmupBatches) return false;
    if (own.warmupMaxMs === undefined) return w.ms >= (own.warmupTimeMs ?? 0);
    if (own.warmupSettledMs !== undefined && w.ms >= Math.max(own.warmupSettledMs, own.warmupTimeMs ?? 0)) {
      w.settled = true;
      return true;
    }
    const decision = warmupDecision(w.batches, w.ms, own.warmupTimeMs ?? 0, own.warmupMaxMs);
    if (decision.done) w.settled = decision.settled;
    return decision.done;
  };
  while (!warm.every((w) => w.done)) {
    for (const [i, session] of sessions.entries()) {
      if (warm[i].done) continue;
      const sample = await session.batch();
      if (!sample) {
        // Ended in warm-up: no side has a measured batch, whatever it ran.
        for (const s of sessions) s.outcome.samples.splice(0);
        return outcomes();
      }
      warm[i].batches.push({ wallMs: sample.wallMs, tasks: sample.tasks });
      warm[i].ms += sample.wallMs;
      warm[i].done = warmEnough(warm[i]);
    }
  }
  sessions.forEach((session, i) => {
    if (warm[i].spec.warmupMaxMs !== undefined) session.outcome.warmup = { ms: warm[i].ms, settled: warm[i].settled };
  });
  for (const session of sessions) session.outcome.samples.splice(0);

  // Measured steps, ABBA generalised: the order reverses every step.
  const forward = sessions.map((_, i) => i);
  const backward = [...forward].reverse();
  const measuredMs = sessions.map(() => 0);
  for (let step = 0; ; step++) {
    for (const i of step % 2 === 0 ? forward : backward) {
      const sample = await sessions[i].batch();
      if (!sample) return outcomes();
      measuredMs[i] += sample.wallMs;
    }
    const batches = step + 1;
    const enough = batches >= spec.minBatches && measuredMs.every((ms) => ms >= spec.sampleTimeMs);
    if (enough || batches >= spec.maxBatches) break;
  }
  return outcomes();
}
