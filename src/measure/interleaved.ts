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
  const sessions: HostSession[] = [];
  const outcomes = async (): Promise<[VisitOutcome, VisitOutcome | undefined]> => {
    for (const s of sessions) s.stop();
    const done = await Promise.all(sessions.map((s) => s.finished));
    return [done[0], done[1]];
  };
  for (const side of [first, second]) {
    const started = await startHost(side.runtime, side.workload, { ...side.spec, stepped: true }, options);
    if (!('finished' in started)) {
      if (sessions.length === 0) return [started, undefined];
      const [firstOutcome] = await outcomes();
      return [firstOutcome, started];
    }
    sessions.push(started);
    if (!(await started.ready)) return outcomes();
  }
  const [a, b] = sessions;
  const spec = first.spec;

  // Warm-up: discarded batches until each side has had warmupBatches and warmupTimeMs of them; with
  // warmupMaxMs, until each side's rate has settled (warmup.ts), at most that long of its batches, or
  // for warmupSettledMs, as long as earlier hosts of its cell needed. Each side by its own spec.
  const warm = [first.spec, second.spec].map((sideSpec) => ({ spec: sideSpec, batches: [] as WarmupBatch[], ms: 0, done: false, settled: false }));
  // Its own spec, not `spec` (the first side's), which sets the measured pairs of both.
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
    for (const [i, session] of [a, b].entries()) {
      if (warm[i].done) continue;
      const sample = await session.batch();
      if (!sample) return outcomes();
      warm[i].batches.push({ wallMs: sample.wallMs, tasks: sample.tasks });
      warm[i].ms += sample.wallMs;
      warm[i].done = warmEnough(warm[i]);
    }
  }
  sessions.forEach((session, i) => {
    if (warm[i].spec.warmupMaxMs !== undefined) session.outcome.warmup = { ms: warm[i].ms, settled: warm[i].settled };
  });
  for (const session of sessions) session.outcome.samples.splice(0);

  // Measured pairs, ABBA: the order flips every pair, so a steady drift favours neither side.
  const measuredMs = [0, 0];
  for (let pair = 0; ; pair++) {
    const order = pair % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const sample = await sessions[i].batch();
      if (!sample) return outcomes();
      measuredMs[i] += sample.wallMs;
    }
    const batches = pair + 1;
    const enough = batches >= spec.minBatches && measuredMs.every((ms) => ms >= spec.sampleTimeMs);
    if (enough || batches >= spec.maxBatches) break;
  }
  return outcomes();
}
