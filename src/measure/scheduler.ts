import { availableParallelism } from 'node:os';
import type { WorkloadConfig } from '../config/types.ts';
import { runtimeFor } from '../runtimes/registry.ts';
import type { Runtime, VisitSpec } from '../runtimes/types.ts';
import { runVisit, type VisitOutcome } from '../runtimes/visit.ts';
import { mulberry32, shuffled } from '../stats/rng.ts';
import { median, sortSamples } from '../stats/sorted.ts';
import { hybridLayout, isHybrid, MODELS, type Model, type RuntimeId } from '../types.ts';
import { coarseLevels, coarseRank, refineAround } from './levels.ts';
import { hybridSigns, hybridsGated, NO_USE_FOR_HYBRIDS, type HybridSigns } from './hybrids.ts';
import { MAX_SAMPLE_REPEAT } from './sample-length.ts';
import { batchTasksFor, CALIBRATION_TASKS, taskMs } from './sweep.ts';
import { TREND_BATCHES, TREND_HORIZON_MS } from './warmup.ts';

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
  /** Wall-clock budget for all measuring, ms: a promise (see measureInRounds). */
  budgetMs: number;
  /**
   * Time past budgetMs the coarse sweep may take, ms, and only so that every workload keeps one
   * model besides sequential: run passes its paired phase's share (pairing a figure tells less
   * than having one). What it takes moves the deadline; 0 by default.
   */
  reserveMs?: number;
  seed: number;
  /** Cores of the machine (the coarse sweep's levels); the machine's own by default. */
  cores?: number;
  /** Rounds at most. */
  maxRounds?: number;
  signal?: AbortSignal;
  /** Called after each visit (progress display). */
  onVisit?: (event: { round: number; done: number; total: number; cell: Cell; outcome: VisitOutcome }) => void;
  /** Called after each round with everything measured so far (results are saved here). */
  onRound?: (round: number, visits: ReadonlyMap<string, VisitOutcome[]>) => Promise<void> | void;
  /** Which runtime starts a cell's hosts; tests pass a fake one. */
  runtimes?: (id: RuntimeId) => Runtime;
  /**
   * Cells whose figures so far cannot be true (analysis/plausibility.ts), asked after each round:
   * the next round re-measures each first, each right next to its workload's sequential cell.
   */
  doubtful?: (visits: ReadonlyMap<string, VisitOutcome[]>) => ReadonlySet<string>;
  /** Least silence that stops a visit as stalled, ms (STALL_MIN_MS; tests shorten it). */
  stallMinMs?: number;
}

/** What measureInRounds measured, and what it chose not to. */
export interface Measured {
  /** Every visit of every cell, in order (calibration visits of a sequential cell that failed included). */
  visits: Map<string, VisitOutcome[]>;
  /** Cells not measured at all, by key, with the reason. */
  skipped: Map<string, string>;
  /** The allowance past the budget the run allowed itself, ms (see BUDGET_ALLOWANCE_SHARE). */
  allowanceMs: number;
  /** A cell's visit as the rounds specified it (batch size, repeats, warm-up), for later phases. */
  spec: (cell: Cell) => VisitSpec;
  /** Expected wall time of one visit of the cell, ms, as learned. */
  costMs: (cell: Cell) => number;
}

/** Warm-up lasts at least this long in each host, so short batches still reach optimised code. */
export const WARMUP_TIME_MS = 60;
/**
 * Warm-up lasts until the rate settles (warmup.ts), at most this share of the budget per visit,
 * within [WARMUP_CAP_MIN_MS, WARMUP_CAP_MAX_MS]: 0.72 s at the default 60 s, whose sweep has 36 s of
 * it (run.ts's PAIRED_SHARE). Code that needs longer
 * (a parser's JIT took 3-4 s here) is measured still warming, and the results say so.
 */
export const WARMUP_CAP_SHARE = 0.02;
const WARMUP_CAP_MIN_MS = 250;
export const WARMUP_CAP_MAX_MS = 5000;
/**
 * Least a task costs in each model before it is known, ms: a pool's dispatch round trip (measured
 * here: piscina 37 us, child_process IPC 29-37 us per task). Without it a batch of tiny tasks sized
 * at the sequential rate was repeated into seconds per sample in a pool.
 */
const DISPATCH_MS: Record<Model, number> = { sequential: 0, async: 0, thread: 0.04, process: 0.04, 'thread+async': 0.04, 'process+async': 0.04 };
/** A workload whose calibration task thread computed at least this share of the time is treated as computing when visits are costed. */
const COMPUTES_AT = 0.5;
/**
 * A workload whose calibration task thread computed at least this share of the time gets one async
 * cell in the sweep, its far end: async runs every task on one thread, so it can beat sequential by
 * at most 1/share (x1.05 here, half the default margin) and can never be recommended. Its other
 * levels would cost a visit per round each; in node-synthetic's 60 s sweep the 32 coarse cells
 * took one round between them, six of them async levels of sieve and multiply.
 */
const ASYNC_FUTILE_AT = 0.95;
/** Shortest calibration batch whose computing share is trusted for ASYNC_FUTILE_AT, ms. */
const FUTILE_MIN_BATCH_MS = 5;
/** Least a report-only visit (of a workload whose baseline failed) is expected to cost, ms. */
const MIN_FAILED_VISIT_MS = 300;
/** Target wall time of one measured batch in `run`, ms (batches of slow tasks get fewer tasks; see sweep.ts). */
export const RUN_BATCH_MS = 30;
/** Batches of a cell's first visit: six bound a median at 95% (medianConfidenceInterval) from one visit alone. */
export const FIRST_VISIT_BATCHES = 6;
/** Batches of later visits: what they add is another host, not more batches of the same one. */
const LATER_VISIT_BATCHES = 3;
/** Longest sampling per visit: beyond this, more rounds (fresh processes) are worth more than longer visits. */
const MAX_SAMPLE_TIME_MS = 500;
/** Rounds the sample time is planned for. */
const PLANNED_ROUNDS = 3;
/**
 * A run may end this share of its budget late, or one visit's cost late, whichever is larger: the
 * visit under way when the budget ends finishes (its samples are kept), no visit starts that is not
 * expected to end in time, and a visit still running at the end of the allowance is stopped.
 */
export const BUDGET_ALLOWANCE_SHARE = 0.05;

/**
 * A sweep visit whose host sends nothing for STALL_FACTOR times the visit's expected cost (at least
 * STALL_MIN_MS) is stopped as stalled: twice in 165 runs of bench:truth (eleven sets) a host sent nothing for the
 * 34 s left of its run (cause unknown, not reproduced), and the budget's backstop was all that ended
 * it. Samples arrive every RUN_BATCH_MS or so and warm-up is capped, so such a silence is no
 * workload's normal pace; a task that hangs is the host's own watchdog's to report (timeoutMs).
 */
const STALL_FACTOR = 4;
const STALL_MIN_MS = 10_000;
/** How often a cell's visits (or a paired target's rounds) may stall before it is reported timed out (the first is taken for the machine's). */
export const STALLS_BEFORE_FAILURE = 2;

/** The silence that stops a visit expected to cost `expectedMs` as stalled. */
export function stallLimitMs(expectedMs: number, minMs = STALL_MIN_MS): number {
  return Math.max(minMs, STALL_FACTOR * expectedMs);
}

/**
 * Fixed cost of a visit before it measures (process start, pool start, exit), ms, before one of the
 * model has been seen: the cost of the workload's calibration visit plus a pool's start. Measured
 * costs replace these as soon as the cell (or another cell of the model) has been visited.
 */
function guessedFixedMs(model: Model, concurrency: number, hostMs: number, cores: number): number {
  switch (model) {
    case 'sequential':
    case 'async':
      return hostMs;
    case 'thread':
      return hostMs + 50 + 40 * concurrency;
    case 'process':
      return hostMs + 80 + hostMs * 0.6 * concurrency;
    // A hybrid starts one worker per core, however many tasks it has in flight.
    case 'thread+async':
      return hostMs + 50 + 40 * hybridLayout(concurrency, cores).workers;
    case 'process+async':
      return hostMs + 80 + hostMs * 0.6 * hybridLayout(concurrency, cores).workers;
  }
}

/** What a visit costs: learned from the visits so far, per cell and per (workload, model). */
class VisitCosts {
  private readonly fixedByCell = new Map<string, number>();
  private readonly fixedByModel = new Map<string, number>();
  private readonly hostMs = new Map<string, number>();
  private readonly warmupByCell = new Map<string, number>();
  private readonly warmupCapMs: number;
  private readonly cores: number;
  constructor(warmupCapMs: number, cores: number) {
    this.warmupCapMs = warmupCapMs;
    this.cores = cores;
  }

  private modelKey(cell: Cell) {
    return `${cell.workload.name}\u0000${cell.model}`;
  }

  /** Learn from a finished visit: its wall time less what it spent in batches is its fixed cost. */
  learn(cell: Cell, outcome: VisitOutcome, warmupMs: number, calibration = false): void {
    if (outcome.status !== 'ok') return;
    const measuredWall = outcome.samples.reduce((sum, s) => sum + s.wallMs, 0);
    // The host reports how long it warmed up when warm-up waits for a settled rate.
    if (outcome.warmup) this.warmupByCell.set(cell.key, outcome.warmup.ms);
    const fixed = Math.max(0, outcome.elapsedMs - measuredWall - (outcome.warmup?.ms ?? warmupMs));
    if (calibration) {
      this.hostMs.set(cell.workload.name, fixed);
      return;
    }
    this.fixedByCell.set(cell.key, fixed);
    // Per model, the larger of the last two: over-estimating costs a skipped visit, under-estimating the budget.
    this.fixedByModel.set(this.modelKey(cell), Math.max(fixed, (this.fixedByModel.get(this.modelKey(cell)) ?? fixed) * 0.8));
  }

  fixedMs(cell: Cell): number {
    const known = this.fixedByCell.get(cell.key);
    if (known !== undefined) return known;
    const host = this.hostMs.get(cell.workload.name) ?? 300;
    const byModel = this.fixedByModel.get(this.modelKey(cell));
    const guess = guessedFixedMs(cell.model, cell.concurrency, host, this.cores);
    return byModel !== undefined ? Math.max(byModel, guess * 0.5) : guess;
  }

  /**
   * Expected wall time of a visit measuring `batches` batches for at least `sampleTimeMs`. Warm-up:
   * the cell's own last one, else the fewest batches the settle rule needs (warmup.ts), within the cap.
   */
  visitMs(cell: Cell, sampleTimeMs: number, batches: number, oneBatchMs: number): number {
    const warmup = this.warmupByCell.get(cell.key) ?? Math.min(this.warmupCapMs, Math.max(WARMUP_TIME_MS, 2 * TREND_BATCHES * oneBatchMs, TREND_HORIZON_MS));
    return this.fixedMs(cell) + warmup + Math.max(sampleTimeMs, batches * oneBatchMs) + oneBatchMs;
  }
}

export function visitSpec(cell: Cell, sampleTimeMs: number, mode: VisitSpec['mode'] = 'measure', minBatches = 2, batchTasks?: number): VisitSpec {
  const { workload } = cell;
  return {
    mode,
    workload: {
      name: workload.name,
      modulePath: workload.modulePath,
      function: workload.function,
      tasks: batchTasks === undefined ? workload.tasks : Math.max(1, Math.min(workload.tasks, batchTasks)),
      timeoutMs: workload.timeoutMs,
      ...(workload.startMethod ? { startMethod: workload.startMethod } : {}),
    },
    model: cell.model,
    concurrency: cell.concurrency,
    ...(isHybrid(cell.model) ? { workers: hybridLayout(cell.concurrency, availableParallelism()).workers } : {}),
    warmupBatches: 1,
    warmupTimeMs: WARMUP_TIME_MS,
    minBatches,
    maxBatches: 50,
    sampleTimeMs,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/**
 * Measure cells in rounds, within the budget. The budget is a promise: a visit starts only when its
 * expected cost (learned from the visits so far) fits in what is left, and the run ends at most
 * BUDGET_ALLOWANCE_SHARE of the budget or one visit's cost late, whichever is larger.
 *
 * 1. Calibration: each workload's sequential cell runs a short batch in a fresh host. It gives the
 *    time of one task, so every cell's samples can be sized to about RUN_BATCH_MS: fewer tasks per
 *    batch for slow tasks (128 tasks that each wait 40 ms would spend 5 s per batch at concurrency
 *    1), the whole batch repeated for tiny ones (2,000 tasks of 1 us last 2 ms); and the cost of
 *    starting a host.
 * 2. The coarse sweep (levels.ts): the levels nearest 1, cores and 2 x cores of every model, and
 *    async's far end. When even one visit of each does not fit, the least telling are skipped,
 *    but each workload keeps its most telling model besides sequential while the reserve allows.
 * 3. Rounds: each visits every active cell once, in a fresh host, in a seeded random order, so slow
 *    drift of the machine and JIT/GC state spread evenly over models. After each round the levels
 *    next to each model's best are added while the budget allows (refinement).
 * A cell whose visit failed is not visited again; a visit cut short by the allowance keeps its samples.
 */
export async function measureInRounds(cells: readonly Cell[], options: ScheduleOptions): Promise<Measured> {
  const cores = options.cores ?? availableParallelism();
  const maxRounds = options.maxRounds ?? 12;
  const random = mulberry32(options.seed);
  const visits = new Map<string, VisitOutcome[]>(cells.map((c) => [c.key, []]));
  const skipped = new Map<string, string>();
  const started = performance.now();
  let deadline = started + options.budgetMs;
  const warmupCapMs = Math.round(Math.min(WARMUP_CAP_MAX_MS, Math.max(WARMUP_CAP_MIN_MS, WARMUP_CAP_SHARE * options.budgetMs)));
  const costs = new VisitCosts(warmupCapMs, cores);
  const runtimeOf = (cell: Cell) => (options.runtimes ?? runtimeFor)(cell.workload.runtime);

  // The backstop: a visit still running at the end of the allowance is stopped (its samples kept).
  let allowanceMs = Math.max(BUDGET_ALLOWANCE_SHARE * options.budgetMs, 1000);
  const backstop = new AbortController();
  let backstopTimer: NodeJS.Timeout | undefined;
  const armBackstop = () => {
    clearTimeout(backstopTimer);
    backstopTimer = setTimeout(() => backstop.abort(), Math.max(0, deadline + allowanceMs - performance.now()));
    backstopTimer.unref();
  };
  armBackstop();
  const signal = options.signal ? AbortSignal.any([options.signal, backstop.signal]) : backstop.signal;
  const interrupted = () => options.signal?.aborted ?? false;
  const fits = (ms: number) => performance.now() + ms <= deadline;
  /**
   * One visit of a cell; the cost it was expected to have widens the allowance (one visit late at
   * most). `watched`: stopped as stalled when silent for STALL_FACTOR times that cost.
   */
  const visit = async (cell: Cell, spec: VisitSpec, expectedMs: number, watched = false) => {
    if (expectedMs > allowanceMs) {
      allowanceMs = expectedMs;
      armBackstop();
    }
    const silenceLimitMs = watched ? stallLimitMs(expectedMs, options.stallMinMs) : undefined;
    return runVisit(runtimeOf(cell), cell.workload, spec, { signal, silenceLimitMs });
  };
  const stalls = new Map<string, number>();
  /** Workloads whose hybrids wait for the coarse sweep's signs (hybrids.ts), until decided. */
  const undecidedHybrids = new Set(cells.filter((c) => isHybrid(c.model) && hybridsGated(cells.filter((o) => o.workload === c.workload).map((o) => o.model))).map((c) => c.workload.name));
  const awaitsSigns = (cell: Cell) => isHybrid(cell.model) && undecidedHybrids.has(cell.workload.name);
  /** Workloads whose hybrids the signs let in, whose layouts the coarse sweep could not plan in are still to join. */
  const toJoin = new Set<string>();

  // How a cell's visits are specified and what one costs: defaults until calibration knows more.
  let specOf = (cell: Cell, sampleTimeMs: number, batches: number): VisitSpec => ({ ...visitSpec(cell, sampleTimeMs, 'measure', batches), warmupMaxMs: warmupCapMs });
  let costOf = (cell: Cell) => costs.visitMs(cell, 0, FIRST_VISIT_BATCHES, RUN_BATCH_MS);
  try {
    // 1. Calibration.
    const oneTaskMs = new Map<string, number>();
    const failedBaseline = new Map<string, number>();
    /** Workloads whose tasks mostly compute (calibration): their tasks overlap only as far as there are cores to run them. */
    const computes = new Set<string>();
    /** Workloads whose tasks compute almost all the time on the thread they run on (ASYNC_FUTILE_AT). */
    const computesOnly = new Set<string>();
    const sequentialCells = cells.filter((c) => c.model === 'sequential' && c.concurrency === 1);
    for (const cell of sequentialCells) {
      if (interrupted()) break;
      const spec = { ...visitSpec(cell, 0, 'measure', 1, CALIBRATION_TASKS), warmupTimeMs: 0 };
      const expected = costs.visitMs(cell, 0, 2, 0);
      if (!fits(expected)) break;
      const outcome = await visit(cell, spec, expected);
      costs.learn(cell, outcome, outcome.samples[0]?.wallMs ?? 0, true);
      if (outcome.status === 'ok') {
        oneTaskMs.set(cell.workload.name, taskMs(outcome));
        const wall = outcome.samples.reduce((sum, b) => sum + b.wallMs, 0);
        const cpu = outcome.samples.reduce((sum, b) => sum + (b.taskCpuMs ?? b.cpuMs), 0);
        if (wall > 0 && cpu / wall >= COMPUTES_AT) computes.add(cell.workload.name);
        // Time the task thread spent waiting for a core is neither computing nor a wait async could
        // overlap: counted as waiting, sieve's calibration (8 tasks of about 1 ms, cold, on a busy
        // machine) read 0.94-0.98 where it computes all the time (1.000 without the queue, 5 of 5).
        // Only from a batch long enough to time, whose figures add up: fs.readFile's 1.6 ms batch
        // once read 0.80 ms computing and 0.99 ms queued, and multiply's 0.07 ms batch 0.33 ms of CPU.
        const queued = outcome.samples.reduce((sum, b) => sum + (b.runQueueMs ?? 0), 0);
        const consistent = wall >= FUTILE_MIN_BATCH_MS && cpu + queued <= 1.1 * wall;
        if (consistent && cpu / Math.max(cpu, wall - queued) >= ASYNC_FUTILE_AT) computesOnly.add(cell.workload.name);
      }
      // A failed calibration is the sequential cell's failure: reported, and the cell is not visited again.
      else if (outcome.status !== 'aborted') {
        visits.get(cell.key)!.push(outcome);
        failedBaseline.set(cell.workload.name, Math.max(MIN_FAILED_VISIT_MS, outcome.elapsedMs));
      }
    }
    /**
     * A workload whose baseline failed gets no recommendation; its other cells are visited once, with
     * one batch, only to report how each model fares (the failure may be the model's). Such a visit
     * is expected to cost what the failed calibration did.
     */
    const reportOnly = (cell: Cell) => failedBaseline.has(cell.workload.name);
    // Such a workload shows no signs, and its hybrids fail or not like every other model: each is visited to report it.
    for (const name of failedBaseline.keys()) undecidedHybrids.delete(name);
    const batchTasks = (cell: Cell) => batchTasksFor(cell.workload.tasks, cell.concurrency, oneTaskMs.get(cell.workload.name) ?? Number.NaN, RUN_BATCH_MS);
    /**
     * Wall time of one batch (one repeat) of the cell, ms: what its own visits measured, else its tasks
     * over its lanes at the sequential rate, each task costing at least a pool's dispatch round trip.
     */
    const learnedBatchMs = (cell: Cell) => {
      const learned = visits.get(cell.key)!.flatMap((v) => v.samples);
      return learned.length > 0 ? learned.reduce((sum, s) => sum + (s.wallMs * batchTasks(cell)) / s.tasks, 0) / learned.length : undefined;
    };
    const oneBatchMs = (cell: Cell) => {
      const learned = learnedBatchMs(cell);
      if (learned !== undefined) return learned;
      const one = oneTaskMs.get(cell.workload.name);
      if (one === undefined || !(one > 0)) return Number.NaN;
      const tasks = batchTasks(cell);
      // Waits overlap up to the tasks in flight; computing overlaps up to the cores, and not at all on one loop.
      const overlap = !computes.has(cell.workload.name) ? Math.min(cell.concurrency, tasks) : cell.model === 'async' ? 1 : Math.min(cell.concurrency, tasks, cores);
      return (tasks * Math.max(one, DISPATCH_MS[cell.model])) / overlap;
    };
    /**
     * Whole batches per sample: a batch of tiny tasks is repeated up to about RUN_BATCH_MS (see
     * VisitSpec.batchRepeat). Before the cell has been measured, sized as if nothing overlapped: a
     * repeat count sized for perfect overlap once made one sample of 5,000 multiplications in flight
     * on one loop last 16 s.
     */
    const batchRepeat = (cell: Cell) => {
      const one = oneTaskMs.get(cell.workload.name);
      const batch = learnedBatchMs(cell) ?? (one !== undefined && one > 0 ? batchTasks(cell) * Math.max(one, DISPATCH_MS[cell.model]) : Number.NaN);
      return batch > 0 ? Math.max(1, Math.min(MAX_SAMPLE_REPEAT, Math.floor(RUN_BATCH_MS / batch))) : 1;
    };
    /** Expected wall time of one sample of the cell. */
    const batchMsOf = (cell: Cell) => {
      const batch = oneBatchMs(cell);
      return Number.isFinite(batch) ? batchRepeat(cell) * batch : RUN_BATCH_MS;
    };
    specOf = (cell, sampleTimeMs, batches) => {
      const repeat = batchRepeat(cell);
      // The host raises the repeat from its own warm-up where a batch overlaps better than guessed (sample-length.ts).
      return { ...visitSpec(cell, sampleTimeMs, 'measure', batches, batchTasks(cell)), warmupMaxMs: warmupCapMs, minSampleMs: RUN_BATCH_MS, ...(repeat > 1 ? { batchRepeat: repeat } : {}) };
    };
    costOf = (cell) => costs.visitMs(cell, 0, FIRST_VISIT_BATCHES, batchMsOf(cell));
    const healthy = (cell: Cell) => visits.get(cell.key)!.every((v) => v.status === 'ok' || v.status === 'aborted');

    // 2. The coarse sweep, trimmed by rank until one visit of each fits. Hybrids whose workload
    // can show the signs (hybrids.ts) wait for them: they join the rounds once it has.
    // The coarse sweep plans their far end in, and the first round passes it by: the time is
    // theirs if the signs show, the others' refinement if not (at 60 s, with no such reserve, the
    // wait-then-compute example's coarse sweep left none for any hybrid). Not for a workload whose
    // task computes all the time: async cannot overlap anything there.
    const inCoarseSweep = (cell: Cell) => coarseLevels(cell.model, levelsOf(cells, cell), cores).includes(cell.concurrency);
    const coarse = cells.filter((cell) => inCoarseSweep(cell) && !(awaitsSigns(cell) && computesOnly.has(cell.workload.name)));
    for (const cell of cells) {
      if (cell.model !== 'async' || !computesOnly.has(cell.workload.name) || cell.concurrency === Math.max(...levelsOf(cells, cell))) continue;
      const share = Math.round(ASYNC_FUTILE_AT * 100);
      skipped.set(cell.key, `its task computed over ${share}% of the time in calibration: on one thread async can beat sequential by ${Math.round((1 / ASYNC_FUTILE_AT - 1) * 100)}% at most, so only its far end is measured`);
    }
    let active = coarse.filter((cell) => healthy(cell) && !skipped.has(cell.key));
    const firstVisitMs = (cell: Cell, sampleTimeMs: number) =>
      reportOnly(cell) ? failedBaseline.get(cell.workload.name)! : costs.visitMs(cell, sampleTimeMs, FIRST_VISIT_BATCHES, batchMsOf(cell));
    const remaining = () => deadline - performance.now();
    // Dropped from the end: the highest rank first, the costliest model first within it, workloads taking turns.
    const position = (cell: Cell) => cells.filter((c) => c.workload === cell.workload).indexOf(cell);
    const rankOf = (cell: Cell) => coarseRank(cell, cores, levelsOf(cells, cell), oneTaskMs.has(cell.workload.name) && !computes.has(cell.workload.name));
    // Within a rank, async is the least telling model of a workload that computes: one loop cannot overlap it.
    const modelOrder = (cell: Cell) => (cell.model === 'async' && computes.has(cell.workload.name) ? MODELS.indexOf('process') + 0.5 : MODELS.indexOf(cell.model));
    const byRank = [...active].sort((a, b) => rankOf(a) - rankOf(b) || modelOrder(a) - modelOrder(b) || position(a) - position(b));
    const sweepMs = () => byRank.reduce((sum, c) => sum + firstVisitMs(c, 0), 0);
    /**
     * A workload's last model besides sequential, with its baseline, is dropped only when even the
     * reserve cannot hold it: a workload measured under sequential alone can recommend nothing
     * (in CI's 25 s run of the examples, wait-then-compute was, while the paired phase had 10 s).
     */
    const others = (cell: Cell) => byRank.filter((c) => c.workload === cell.workload && c.model !== 'sequential').length;
    const kept = (cell: Cell) => (cell.model === 'sequential' ? others(cell) > 0 : others(cell) === 1);
    const reserveMs = Math.max(0, options.reserveMs ?? 0);
    while (byRank.length > 0 && sweepMs() > remaining()) {
      const spare = sweepMs() <= remaining() + reserveMs ? byRank.findLastIndex((c) => !kept(c)) : byRank.length - 1;
      if (spare < 0) break;
      const [dropped] = byRank.splice(spare, 1);
      // The last cell left says what was missing: with it gone nothing at all is measured.
      skipped.set(
        dropped.key,
        byRank.length > 0
          ? `the budget did not allow one visit of every cell of the coarse sweep; this one ranks last (the sweep's share of the budget: ${seconds(options.budgetMs)})`
          : `after calibration ${seconds(Math.max(0, remaining()))} of the sweep's ${seconds(options.budgetMs)} (its share of the budget) was left, less than its first visit was expected to take, ${seconds(firstVisitMs(dropped, 0))}`,
      );
    }
    active = active.filter((c) => !skipped.has(c.key));
    // What the kept models took of the reserve moves the deadline (and leaves the paired phase less).
    let reserveLeftMs = reserveMs;
    const borrow = (ms: number) => {
      const borrowed = Math.min(reserveLeftMs, Math.max(0, ms));
      if (borrowed <= 0) return;
      reserveLeftMs -= borrowed;
      deadline += borrowed;
      armBackstop();
    };
    borrow(sweepMs() - remaining());
    /** Each workload's most telling model besides sequential left: measured before any workload's second. */
    const leads = new Set(active.filter((c) => c.model !== 'sequential' && byRank.find((o) => o.workload === c.workload && o.model !== 'sequential') === c).map((c) => c.key));

    // Sample time: what is left after the fixed costs, spread over the rounds still planned of the active cells.
    const planSampleTime = (roundsLeft: number) => {
      const fixed = active.reduce((sum, c) => sum + firstVisitMs(c, 0), 0);
      const spare = (remaining() / roundsLeft - fixed) / Math.max(1, active.length);
      return Math.round(Math.min(MAX_SAMPLE_TIME_MS, Math.max(0, spare)));
    };
    let sampleTimeMs = planSampleTime(PLANNED_ROUNDS);

    /**
     * Decide a workload's hybrids on the signs its cells show (hybrids.ts), once `settled` says each
     * model's cells that count have been visited: skipped with the reason, or measured. Returns the
     * verdict's state ('pending': not yet).
     */
    const decideHybrids = (name: string, settledCell: (cell: Cell) => boolean): HybridSigns['state'] => {
      const own = cells.filter((c) => c.workload.name === name);
      const signs = hybridSigns(own, visits, (model) => own.filter((c) => c.model === model && inCoarseSweep(c) && settledCell(c)).every((c) => skipped.has(c.key) || visits.get(c.key)!.length > 0));
      if (signs.state === 'pending') return 'pending';
      undecidedHybrids.delete(name);
      if (signs.state === 'measure') toJoin.add(name);
      if (signs.state === 'skip' || signs.state === 'unshown') {
        // Ruled out by the signs, or left unmeasured (a model that shows them was not): only the
        // first is no use for a hybrid; the second is the budget's doing, and is said as such.
        const hybrids = own.filter((c) => isHybrid(c.model));
        for (const cell of hybrids) skipped.set(cell.key, signs.state === 'skip' ? `${NO_USE_FOR_HYBRIDS}${signs.reason}` : signs.reason);
        active = active.filter((c) => !hybrids.includes(c));
      }
      return signs.state;
    };

    // 3. Rounds.
    let doubtful: ReadonlySet<string> = new Set();
    for (let round = 1; round <= maxRounds && active.length > 0 && !interrupted(); round++) {
      // Baselines first (every other figure is relative to them), then each workload's lead, then
      // the most telling cells of workloads whose hybrids wait for their signs (decided early, the
      // hybrids the signs let in are visited mid-round, not last), then cells not yet measured by
      // rank (each model's most telling level before second levels), so that a round the budget
      // cuts short loses the least telling visits; random order within each group. At 94d3b9c,
      // wait-then-compute's thread 4 came last of 26 in round 1 of 4 runs in 5, 36-37 s into the
      // 36 s sweep, and its hybrids, recommended in 5 of 5 runs at dc39d24, had no time left.
      const measuredYet = (cell: Cell) => visits.get(cell.key)!.some((v) => v.samples.length > 0);
      // (Not a workload that computes all the time: its hybrids are not in the coarse sweep.)
      const showsSigns = (cell: Cell) => !isHybrid(cell.model) && undecidedHybrids.has(cell.workload.name) && !computesOnly.has(cell.workload.name) && rankOf(cell) <= 1;
      const group = (cell: Cell) => (cell.model === 'sequential' ? 0 : measuredYet(cell) ? 5 : leads.has(cell.key) ? 0.5 : showsSigns(cell) ? 0.75 : 1 + rankOf(cell));
      const byGroup = withHybridsAfterTheirSigns(
        shuffled(active, random).sort((a, b) => group(a) - group(b)),
        awaitsSigns,
        (cell) => rankOf(cell) <= 1,
      );
      const order = withDoubtfulFirst(byGroup, doubtful, cells);
      let done = 0;
      let visited = 0;
      for (const cell of order) {
        if (interrupted()) break;
        // Decided on the most telling cells (rank 1) of each model, visited earlier in this order.
        if (awaitsSigns(cell) && decideHybrids(cell.workload.name, (c) => rankOf(c) <= 1) !== 'measure') continue;
        if (!active.includes(cell)) continue;
        const first = visits.get(cell.key)!.every((v) => v.samples.length === 0);
        const batches = reportOnly(cell) ? 1 : first ? FIRST_VISIT_BATCHES : LATER_VISIT_BATCHES;
        const expected = reportOnly(cell) ? firstVisitMs(cell, 0) : costs.visitMs(cell, sampleTimeMs, batches, batchMsOf(cell));
        // A workload's lead (or its baseline), or a hybrid the coarse sweep planned in and the signs
        // let in, whose first visit the round's earlier visits left no time for (they ran slower
        // than expected: a loaded machine) may still draw on the reserve.
        const ledBaseline = cell.model === 'sequential' && active.some((c) => leads.has(c.key) && c.workload === cell.workload);
        const mayBorrow = first && (leads.has(cell.key) || ledBaseline || (isHybrid(cell.model) && inCoarseSweep(cell)));
        if (!fits(expected)) {
          if (!(mayBorrow && performance.now() + expected <= deadline + reserveLeftMs)) continue;
          borrow(performance.now() + expected - deadline);
        }
        const spec = specOf(cell, sampleTimeMs, batches);
        const outcome = await visit(cell, spec, expected, true);
        visited++;
        if (outcome.status === 'stalled') {
          const count = (stalls.get(cell.key) ?? 0) + 1;
          stalls.set(cell.key, count);
          // Kept: its samples (if any) and, at the limit, the failure; before it the cell may be visited again.
          const expectedS = (expected / 1000).toFixed(1);
          if (count >= STALLS_BEFORE_FAILURE) visits.get(cell.key)!.push({ ...outcome, status: 'timed-out', error: `${outcome.error} on ${count} visits (each expected to take about ${expectedS} s)` });
          else if (outcome.samples.length > 0) visits.get(cell.key)!.push({ ...outcome, status: 'aborted' });
          options.onVisit?.({ round, done: ++done, total: order.length, cell, outcome: { ...outcome, error: `${outcome.error} (expected about ${expectedS} s): stopped` } });
          continue;
        }
        visits.get(cell.key)!.push(outcome);
        costs.learn(cell, outcome, Math.max(WARMUP_TIME_MS, batchMsOf(cell)));
        options.onVisit?.({ round, done: ++done, total: order.length, cell, outcome });
      }
      active = active.filter((cell) => healthy(cell) && !(reportOnly(cell) && visits.get(cell.key)!.length > 0));
      await options.onRound?.(round, visits);
      if (visited === 0 || interrupted()) break;
      doubtful = options.doubtful?.(visits) ?? new Set();

      // Hybrids not decided in the round (its most telling cells did not fit) are decided on all
      // its cells. Those the signs let in whose coarse layouts the coarse sweep could not plan in
      // (its trim by rank) join the rounds before any refinement. Where one more visit of
      // everything does not fit with them, the workload's single-model cells that are not their
      // model's best and have been measured once leave the rounds first (least telling first;
      // their visits are kept): the question still open is whether a hybrid beats each model's
      // best, not another level of it.
      for (const name of [...undecidedHybrids]) decideHybrids(name, () => true);
      for (const name of [...toJoin]) {
        toJoin.delete(name);
        const own = cells.filter((c) => c.workload.name === name);
        const hybrids = own.filter((c) => isHybrid(c.model));
        const best = bestLevels(cells, visits);
        const retirable = active
          .filter((c) => c.workload.name === name && c.model !== 'sequential' && !isHybrid(c.model) && measuredYet(c))
          .filter((c) => best.get(`${name}\u0000${c.model}`) !== c.concurrency)
          .sort((a, b) => rankOf(b) - rankOf(a));
        // Those the coarse sweep could not plan in (its trim by rank) join now if they can.
        const joining = hybrids.filter((c) => inCoarseSweep(c) && !active.includes(c) && visits.get(c.key)!.length === 0).sort((a, b) => rankOf(a) - rankOf(b));
        if (joining.length === 0) continue;
        const cost = (list: readonly Cell[]) => list.reduce((sum, c) => sum + firstVisitMs(c, sampleTimeMs), 0);
        while (retirable.length > 0 && cost([...active, ...joining]) > remaining()) {
          const retired = retirable.shift()!;
          active = active.filter((c) => c !== retired);
        }
        // Where the sweep's own time cannot hold one more visit of everything with it, a layout may
        // still join on the reserve: its first visit comes before the second visits of measured
        // cells (the round's order) and may draw on the reserve then (mayBorrow). The question the
        // signs opened is worth more than a later look at a model already measured; at 1b23868 a
        // slow calibration (6.6 s of 5) left wait-then-compute's hybrids out in 1 run of 5 this way.
        let onReserveMs = 0;
        for (const cell of joining) {
          const firstMs = firstVisitMs(cell, sampleTimeMs);
          const fitsOwn = cost([...active, cell]) <= remaining();
          if (fitsOwn || onReserveMs + firstMs <= reserveLeftMs) {
            if (!fitsOwn) onReserveMs += firstMs;
            active = [...active, cell];
            skipped.delete(cell.key);
          } else skipped.set(cell.key, 'the workload showed waits and parallel work, but the budget left no time for this hybrid layout');
        }
      }

      // Refinement: the levels next to each model's best, when one more visit of everything still fits.
      const measured = new Set(cells.filter((c) => visits.get(c.key)!.some((v) => v.samples.length > 0)).map((c) => c.key));
      const candidates = refineAround(cells, measured, bestLevels(cells, visits)).filter((c) => !active.includes(c) && healthy(c) && !skipped.has(c.key));
      for (const cell of candidates) {
        const next = [...active, cell];
        if (next.reduce((sum, c) => sum + firstVisitMs(c, sampleTimeMs), 0) <= remaining()) active = next;
      }
      if (round < PLANNED_ROUNDS) sampleTimeMs = planSampleTime(PLANNED_ROUNDS - round);
    }
  } finally {
    clearTimeout(backstopTimer);
  }
  for (const cell of cells) {
    if (skipped.has(cell.key) || visits.get(cell.key)!.length > 0) continue;
    if (interrupted()) skipped.set(cell.key, 'interrupted before its first visit');
    else if (awaitsSigns(cell)) skipped.set(cell.key, 'the run ended before the coarse sweep showed whether the workload both waits and computes in parallel');
    else if (!coarseLevels(cell.model, levelsOf(cells, cell), cores).includes(cell.concurrency)) skipped.set(cell.key, 'not in the coarse sweep, and no time was left to refine around the best level');
    else skipped.set(cell.key, 'no time was left for its first visit');
  }
  return { visits, skipped, allowanceMs, spec: (cell) => specOf(cell, 0, FIRST_VISIT_BATCHES), costMs: (cell) => costOf(cell) };
}

/**
 * A round's order with each hybrid that waits for its signs moved to right after the last of its
 * workload's most telling cells (`telling`), which show them: it is decided, and measured if they
 * show, in the round that planned it in, before the second levels of every workload. After the
 * round was too late (the synthetic suite's 60 s round 1 took its whole sweep, and no hybrid was
 * ever visited: bench:truth at 3fd1044), and so was after every workload's most telling cells
 * (reached at 35 s of the 36 s sweep, visited in 1 run of 5 at 168c126).
 */
export function withHybridsAfterTheirSigns(order: readonly Cell[], waiting: (cell: Cell) => boolean, telling: (cell: Cell) => boolean): Cell[] {
  const held = order.filter(waiting);
  const out = order.filter((c) => !held.includes(c));
  for (const hybrid of held) {
    const last = out.findLastIndex((c) => c.workload === hybrid.workload && !waiting(c) && telling(c));
    // Among its workload's hybrids already placed, in order; with no telling cell, where the second levels begin.
    const after = Math.max(last, out.findLastIndex((c) => c.workload === hybrid.workload && waiting(c)));
    const secondLevels = out.findIndex((c) => !telling(c));
    const at = after >= 0 ? after + 1 : secondLevels >= 0 ? secondLevels : out.length;
    out.splice(at, 0, hybrid);
  }
  return out;
}

/**
 * A round's order with the doubtful cells first, each followed by its workload's sequential cell
 * (the pair measured back to back, so a drift of the machine shows in both or neither).
 */
function withDoubtfulFirst(order: readonly Cell[], doubtful: ReadonlySet<string>, cells: readonly Cell[]): Cell[] {
  if (doubtful.size === 0) return [...order];
  const first: Cell[] = [];
  for (const cell of order) {
    if (!doubtful.has(cell.key)) continue;
    const baseline = order.find((c) => c.workload === cell.workload && c.model === 'sequential' && !first.includes(c));
    first.push(cell, ...(baseline && cells.includes(baseline) ? [baseline] : []));
  }
  return [...first, ...order.filter((c) => !first.includes(c))];
}

/** The configured levels of a cell's (workload, model). */
function levelsOf(cells: readonly Cell[], cell: Cell): number[] {
  return cells.filter((c) => c.workload === cell.workload && c.model === cell.model).map((c) => c.concurrency);
}

/** Each (workload, model)'s level with the highest median throughput so far. */
function bestLevels(cells: readonly Cell[], visits: ReadonlyMap<string, VisitOutcome[]>): Map<string, number> {
  const best = new Map<string, { level: number; rate: number }>();
  for (const cell of cells) {
    const rates = (visits.get(cell.key) ?? []).flatMap((v) => v.samples.map((s) => s.tasks / s.wallMs));
    if (rates.length === 0) continue;
    const rate = median(sortSamples(rates));
    const key = `${cell.workload.name}\u0000${cell.model}`;
    if (!best.has(key) || rate > best.get(key)!.rate) best.set(key, { level: cell.concurrency, rate });
  }
  return new Map([...best].map(([key, { level }]) => [key, level]));
}
