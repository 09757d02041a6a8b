import type { WorkloadConfig } from '../config/types.ts';
import { runtimeFor } from '../runtimes/registry.ts';
import type { Runtime, VisitSpec } from '../runtimes/types.ts';
import { runVisit, type VisitOutcome } from '../runtimes/visit.ts';
import { mulberry32, shuffled } from '../stats/rng.ts';
import type { Model, RuntimeId } from '../types.ts';

/** One (workload, model, concurrency) combination to measure. */
export interface Cell {
  workload: WorkloadConfig;
  model: Model;
  concurrency: number;
  key: string;
}

export function cellKey(workload: string, model: Model, concurrency: number): string {
  return `${workload}\u0000${model}\u0000${concurrency}`;
}

/** Every cell of a workload, cheapest first. */
export function planCells(workload: WorkloadConfig, models: readonly Model[]): Cell[] {
  return workload.models
    .filter((m) => models.includes(m))
    .flatMap((model) => workload.concurrency[model].map((concurrency) => ({ workload, model, concurrency, key: cellKey(workload.name, model, concurrency) })));
}

export interface ScheduleOptions {
  /** Wall-clock budget for all rounds, ms. */
  budgetMs: number;
  seed: number;
  /** Rounds wanted at least (budget permitting) and at most. */
  minRounds?: number;
  maxRounds?: number;
  signal?: AbortSignal;
  /** Called after each visit (progress display). */
  onVisit?: (event: { round: number; done: number; total: number; cell: Cell; outcome: VisitOutcome }) => void;
  /** Called after each round with everything measured so far (results are saved here). */
  onRound?: (round: number, visits: ReadonlyMap<string, VisitOutcome[]>) => Promise<void> | void;
  /** Which runtime starts a cell's hosts; tests pass a fake one. */
  runtimes?: (id: RuntimeId) => Runtime;
}

/** Warm-up lasts at least this long in each host, so short batches still reach optimised code. */
export const WARMUP_TIME_MS = 60;

/** Shortest sampling per visit (on top of the minimum batches): cheap for short batches, steadier medians. */
const MIN_SAMPLE_TIME_MS = 30;
/** Longest sampling per visit: beyond this, more rounds (fresh processes) are worth more than longer visits. */
const MAX_SAMPLE_TIME_MS = 500;

export function visitSpec(cell: Cell, sampleTimeMs: number, mode: VisitSpec['mode'] = 'measure', minBatches = 2): VisitSpec {
  const { workload } = cell;
  return {
    mode,
    workload: {
      name: workload.name,
      modulePath: workload.modulePath,
      function: workload.function,
      tasks: workload.tasks,
      timeoutMs: workload.timeoutMs,
      ...(workload.startMethod ? { startMethod: workload.startMethod } : {}),
    },
    model: cell.model,
    concurrency: cell.concurrency,
    warmupBatches: 1,
    warmupTimeMs: WARMUP_TIME_MS,
    minBatches,
    maxBatches: 50,
    sampleTimeMs,
  };
}

/**
 * Measure cells in rounds. Each round visits every still-healthy cell once, in a fresh host process,
 * in a seeded random order, so slow drift of the machine and JIT/GC state spread evenly over models.
 * Rounds continue while the budget allows another one (judged from the last round's duration). A
 * cell whose visit failed is not visited again; a visit cut short by the budget keeps its samples.
 */
export async function measureInRounds(cells: readonly Cell[], options: ScheduleOptions): Promise<Map<string, VisitOutcome[]>> {
  const minRounds = options.minRounds ?? 3;
  const maxRounds = options.maxRounds ?? 12;
  const random = mulberry32(options.seed);
  const visits = new Map<string, VisitOutcome[]>(cells.map((c) => [c.key, []]));
  const started = performance.now();
  const deadline = started + options.budgetMs;
  const budgetAbort = new AbortController();
  const abortAtDeadline = setTimeout(() => budgetAbort.abort(), Math.max(0, options.budgetMs));
  abortAtDeadline.unref();
  const signal = options.signal ? AbortSignal.any([options.signal, budgetAbort.signal]) : budgetAbort.signal;

  // Round 1 measures only one batch per cell: it tells what a visit of each cell costs. Later rounds
  // measure at least two and get the sample time that the budget leaves after those fixed costs for
  // minRounds rounds.
  let sampleTimeMs = MIN_SAMPLE_TIME_MS;
  let healthy = [...cells];
  try {
    for (let round = 1; round <= maxRounds && healthy.length > 0; round++) {
      const roundStart = performance.now();
      const order = shuffled(healthy, random);
      let done = 0;
      for (const cell of order) {
        if (options.signal?.aborted) break;
        // The first round must see every cell once, so it may overrun the budget; later ones may not.
        const visitSignal = round === 1 ? options.signal : signal;
        if (round > 1 && visitSignal?.aborted) break;
        const runtime = (options.runtimes ?? runtimeFor)(cell.workload.runtime);
        // Round 1 is the calibration round: one measured batch per cell is enough to learn its cost.
        const spec = visitSpec(cell, sampleTimeMs, 'measure', round === 1 ? 1 : 2);
        const outcome = await runVisit(runtime, cell.workload, spec, { signal: visitSignal });
        visits.get(cell.key)!.push(outcome);
        options.onVisit?.({ round, done: ++done, total: order.length, cell, outcome });
      }
      healthy = healthy.filter((cell) => visits.get(cell.key)!.every((v) => v.status === 'ok' || v.status === 'aborted'));
      await options.onRound?.(round, visits);
      if (options.signal?.aborted) break;
      const now = performance.now();
      const roundMs = now - roundStart;
      const remaining = deadline - now;
      if (round === 1 && remaining > 0) {
        // A visit of round 1 is fixed cost plus one batch; later visits measure one batch more.
        const fixedPerVisit = (roundMs / Math.max(1, order.length)) * 1.3;
        const spare = remaining / Math.max(1, minRounds - 1) / Math.max(1, healthy.length) - fixedPerVisit;
        sampleTimeMs = Math.round(Math.min(MAX_SAMPLE_TIME_MS, Math.max(MIN_SAMPLE_TIME_MS, spare)));
      }
      const visitMs = round === 1 ? (roundMs / Math.max(1, order.length)) * 1.3 + sampleTimeMs : roundMs / Math.max(1, order.length);
      const nextRoundMs = visitMs * healthy.length;
      if (now + nextRoundMs * 0.9 > deadline) break;
    }
  } finally {
    clearTimeout(abortAtDeadline);
  }
  return visits;
}
