/**
 * Compare's sweep: every cell of both trees, in a seeded random order, for its share of the budget
 * (at least one round, at most three), so that each tree gets its own recommendations and the
 * paired rounds know what each cell costs. A failed cell is not visited again.
 *
 * Batches are sized to what they cost: a visit runs a warm-up batch and at least one measured
 * batch, and a workload of 128 tasks that each wait 40 ms would spend 5 s per batch at concurrency
 * 1 (230 s of sweep for two such workloads, measured: no budget left to decide anything). So each
 * workload's sequential cell is visited first with a short batch, which gives the time of one
 * task; every cell then runs batches of about SWEEP_BATCH_MS (never fewer tasks than it has lanes,
 * never more than the config's `tasks`).
 */
import type { WorkloadConfig } from '../config/types.ts';
import type { VisitOutcome } from '../runtimes/visit.ts';
import { mulberry32, shuffled } from '../stats/rng.ts';
import { availableParallelism } from 'node:os';
import { isHybrid, type Model } from '../types.ts';
import { hybridSigns, hybridsGated } from './hybrids.ts';
import { coarseLevels } from './levels.ts';
import type { Cell } from './scheduler.ts';

/** Target wall time of one sweep batch, ms. */
export const SWEEP_BATCH_MS = 200;
/** Tasks in the calibration batch of a workload's sequential cell. */
export const CALIBRATION_TASKS = 8;
/** Fixed cost of a visit (process start, pool start, warm-up batch), before one is measured. */
const VISIT_OVERHEAD_GUESS_MS = 250;

export type SweepVisit = (
  workload: WorkloadConfig,
  model: Model,
  concurrency: number,
  options: { sampleTimeMs: number; signal?: AbortSignal; batchTasks?: number },
) => Promise<VisitOutcome>;

export interface SweepOptions {
  deadline: number;
  seed: number;
  visit: SweepVisit;
  signal?: AbortSignal;
  onVisit?: (event: { round: number; done: number; total: number; cell: Cell; outcome: VisitOutcome }) => void;
  onRound?: (round: number, elapsedMs: number) => void;
}

/** Wall time of one task at concurrency 1, ms, from a visit's measured batches; NaN when unknown. */
export function taskMs(visit: VisitOutcome | undefined): number {
  const tasks = visit?.samples.reduce((sum, s) => sum + s.tasks, 0) ?? 0;
  const wall = visit?.samples.reduce((sum, s) => sum + s.wallMs, 0) ?? 0;
  return tasks > 0 && wall > 0 ? wall / tasks : Number.NaN;
}

/**
 * Tasks per lane a batch of several lanes keeps at least, while that lasts no longer than
 * LANE_FLOOR_MAX_MS. A batch ends when its slowest lane does, and the others idle meanwhile: a
 * pool of two parsing JavaScript (acorn, 10 ms a task) ran 192 tasks/s in batches of 6 tasks (3 per
 * lane), 206 in batches of 16 and 216 in batches of 64 (scripts/warmup-curve.ts, 2026-12-01), so
 * batches of 30 ms reported the pool's speedup about 10% low against the config's own batch.
 */
export const MIN_TASKS_PER_LANE = 8;
/** The per-lane floor stops at this much of one lane's wall time, ms (a 40 ms wait keeps 6 per lane, a 500 ms task 1). */
export const LANE_FLOOR_MAX_MS = 250;

/**
 * Tasks per batch for a cell whose single task takes `oneTaskMs`: about `batchMs` of wall time,
 * never more than the config's `tasks`, never fewer than one per lane, and with several lanes at
 * least MIN_TASKS_PER_LANE each where that stays within LANE_FLOOR_MAX_MS.
 */
export function batchTasksFor(tasks: number, concurrency: number, oneTaskMs: number, batchMs: number): number {
  if (!(oneTaskMs > 0)) return tasks;
  const wanted = Math.ceil((concurrency * batchMs) / oneTaskMs);
  const perLane = concurrency > 1 ? Math.max(1, Math.min(MIN_TASKS_PER_LANE, Math.floor(LANE_FLOOR_MAX_MS / oneTaskMs))) : 1;
  return Math.min(tasks, Math.max(concurrency, wanted, perLane * concurrency));
}

export async function sweepCells(cells: readonly Cell[], options: SweepOptions): Promise<Map<string, VisitOutcome[]>> {
  const visits = new Map<string, VisitOutcome[]>(cells.map((c) => [c.key, []]));
  const random = mulberry32(options.seed);
  const perVisit = (options.deadline - performance.now()) / 2 / Math.max(1, cells.length);
  const sampleTimeMs = Math.round(Math.min(200, Math.max(20, perVisit - VISIT_OVERHEAD_GUESS_MS)));
  // Per tree and workload (cells of both trees carry their side in the key's first field).
  const treeOf = (cell: Cell) => `${cell.key.split('\u0000')[0]}\u0000${cell.workload.name}`;
  const oneTask = new Map<string, number>();
  // Hybrids wait for their workload's signs (hybrids.ts), per tree: round 1 shows them, and the
  // coarse layouts of those that show both join the rounds after it.
  const groupOf = (cell: Cell) => cells.filter((c) => treeOf(c) === treeOf(cell));
  let held = cells.filter((c) => isHybrid(c.model) && hybridsGated(groupOf(c).map((o) => o.model)));
  let healthy = cells.filter((c) => !held.includes(c));
  for (let round = 1; round <= 3 && healthy.length > 0; round++) {
    const started = performance.now();
    // Round 1 calibrates: each tree's sequential cells first (short batches), then the rest.
    const calibrating = round === 1 ? healthy.filter((c) => c.model === 'sequential' && c.concurrency === 1) : [];
    const order = [...shuffled(calibrating, random), ...shuffled(healthy.filter((c) => !calibrating.includes(c)), random)];
    let done = 0;
    for (const cell of order) {
      if (options.signal?.aborted || (round > 1 && performance.now() > options.deadline)) break;
      const known = oneTask.get(treeOf(cell));
      const batchTasks = calibrating.includes(cell)
        ? Math.min(cell.workload.tasks, CALIBRATION_TASKS)
        : batchTasksFor(cell.workload.tasks, cell.concurrency, known ?? Number.NaN, SWEEP_BATCH_MS);
      const outcome = await options.visit(cell.workload, cell.model, cell.concurrency, { sampleTimeMs, signal: options.signal, batchTasks });
      if (outcome.status !== 'aborted') visits.get(cell.key)!.push(outcome);
      if (calibrating.includes(cell) && outcome.status === 'ok') oneTask.set(treeOf(cell), taskMs(outcome));
      options.onVisit?.({ round, done: ++done, total: order.length, cell, outcome });
    }
    healthy = healthy.filter((c) => visits.get(c.key)!.every((v) => v.status === 'ok'));
    for (const tree of new Set(held.map(treeOf))) {
      const own = cells.filter((c) => treeOf(c) === tree);
      const signs = hybridSigns(own, visits, (model) => own.filter((c) => c.model === model).every((c) => visits.get(c.key)!.length > 0));
      if (signs.state === 'pending') continue;
      const hybrids = held.filter((c) => treeOf(c) === tree);
      held = held.filter((c) => !hybrids.includes(c));
      if (signs.state === 'measure') {
        const levels = (c: Cell) => hybrids.filter((o) => o.model === c.model).map((o) => o.concurrency);
        healthy.push(...hybrids.filter((c) => coarseLevels(c.model, levels(c), availableParallelism()).includes(c.concurrency)));
      }
    }
    if (options.signal?.aborted) break;
    const elapsed = performance.now() - started;
    options.onRound?.(round, elapsed);
    if (performance.now() + elapsed * 0.9 > options.deadline) break;
  }
  return visits;
}
