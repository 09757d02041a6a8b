import { groupSamples, ratioOfMediansGrouped } from '../stats/ratio.ts';
import { isHybrid, MODELS, type Classification, type Model } from '../types.ts';
import type { CellResult, Doubt, Recommendation } from '../results/run.ts';
import { computingShare } from './classify.ts';
import { measuredSpeedup } from './plausibility.ts';

export const DEFAULT_MARGIN = 0.1;

export interface RecommendOptions {
  /** A costlier option must beat a cheaper one by this fraction (0.1 = 10%) with 95% confidence. */
  margin?: number;
  /** Seed of the bootstrap, so the same results always give the same recommendation. */
  seed?: number;
  /** Share of the sequential cell's wall time spent waiting for a core (busy machine), for the reason text. */
  sequentialRunQueue?: number;
  /** The most a cell's figure may count for (its physical bound, for a figure measured within noise above it); no cap by default. */
  speedupCap?: (cell: CellResult) => number;
  /** Cores of the machine that measured: with them, levels of a pool that cannot differ in speed are told apart (levelCeiling). */
  cores?: number;
}

type Verdict = 'wins' | 'loses' | 'within-noise';

/**
 * The 95% interval of costly / cheap: from paired rounds where they exist (each cell's paired
 * speedup over sequential; two of them combined in log space as independent estimates), from the
 * unpaired visits otherwise.
 */
function ratioInterval(costly: CellResult, cheap: CellResult, baseline: CellResult, seed: number): [number, number] {
  if (costly.paired && cheap === baseline) return costly.paired.ci95;
  if (costly.paired && cheap.paired) {
    const halfWidth = (ci: [number, number]) => (Math.log(ci[1]) - Math.log(ci[0])) / 2;
    const center = Math.log(costly.paired.speedup) - Math.log(cheap.paired.speedup);
    const half = Math.hypot(halfWidth(costly.paired.ci95), halfWidth(cheap.paired.ci95));
    return [Math.exp(center - half), Math.exp(center + half)];
  }
  return ratioOfMediansGrouped(groupSamples(costly.batchThroughputs, costly.batchesPerRound), groupSamples(cheap.batchThroughputs, cheap.batchesPerRound), { seed }).ci95;
}

/**
 * Does `costly` beat `cheap` by the margin? `wins` / `loses` when the 95% CI says so clearly. A
 * costly cell measured within noise above its physical bound (`cap`) is judged as if it read its
 * bound (the interval scaled down by as much): what it read beyond is the baseline's slowness, not
 * its own speed. py-json-dumps' thread 1 read x1.36 paired (interval x1.16-1.51, one round against
 * a sequential host at 310/s where the others read 411-446) and was recommended at "x1.00" as
 * beating sequential by more than 10%, beside process 2 at x1.70 (bench:truth at 132ab99).
 */
function judge(costly: CellResult, cheap: CellResult, baseline: CellResult, margin: number, seed: number, cap: (cell: CellResult) => number = () => Infinity): Verdict {
  const raw = ratioInterval(costly, cheap, baseline, seed);
  const read = measuredSpeedup(costly, baseline);
  const scale = read > cap(costly) ? cap(costly) / read : 1;
  const ci95 = [raw[0] * scale, raw[1] * scale];
  if (ci95[0] > 1 + margin) return 'wins';
  if (ci95[1] < 1 + margin) return 'loses';
  return 'within-noise';
}

const usableCells = (cells: readonly CellResult[]) => cells.filter((c) => c.status === 'ok' && c.batchThroughputs.length > 0);

/** A cell's point speedup as the level rule sees it: paired against sequential side by side where measured, else against sequential's median; at most its cap. */
function pointSpeedupOf(usable: readonly CellResult[], speedupCap: RecommendOptions['speedupCap']): (c: CellResult) => number {
  const sequential = usable.find((c) => c.model === 'sequential');
  const cap = speedupCap ?? (() => Infinity);
  return (c) => Math.min(cap(c), c.paired?.speedup ?? c.throughput.median / (sequential?.throughput.median ?? 1));
}

/**
 * The share of the margin within which a cheaper level of a model stands in for its fastest level
 * (a guard band). bench:truth calls a level acceptable when its true speedup is within the margin of
 * the best; a level chosen within the whole margin of the fastest *measured* level kept no room for
 * the error of the measurement itself, and the fastest of several noisy figures is itself read high.
 * pbkdf2's async 2 (truth x1.65, 15% under async 8's x1.94) read x1.78 unpaired beside x1.86 and
 * x1.80 paired beside x1.95, and stood in, in 2 of 5 runs at a3a4be8; within half the margin, no
 * run of that set (replayed, 90 of 90) recommends a level outside the margin.
 */
export const LEVEL_BAND = 0.5;

/**
 * The most a level of a pool (threads or processes) can speed the work up on `cores` cores, when the
 * sequential task computes a share `u` of its time: each lane keeps at most u of a core busy, so
 * min(lanes, cores / u). Past cores / u, more lanes only queue for the same cores: a task that
 * computes all the time gains nothing from 4 threads on 2 cores that 2 threads did not give.
 * Infinity for other models, or without the figures. Not speedupBound (plausibility.ts), which
 * judges figures and so counts any task computing 80% of its time as filling a core: this one only
 * tells when more lanes can add nothing, and where it reads too high the level rule is as before.
 */
export function levelCeiling(cell: Pick<CellResult, 'model' | 'concurrency'>, sequential: Pick<CellResult, 'cpuUtilization' | 'runQueueShare'> | undefined, cores: number | undefined): number {
  if ((cell.model !== 'thread' && cell.model !== 'process') || !sequential || !cores) return Infinity;
  const u = computingShare(sequential);
  return u > 0 ? Math.min(cell.concurrency, cores / u) : cell.concurrency;
}

/**
 * Whether `chosen` (bestOfModels' level of its model) won its place by a close call: a faster level
 * of the same model measured within the level band of it (LEVEL_BAND of the margin), but by more
 * than half the band. One host's draw decides such a call: pbkdf2's async 2 read x1.77 in one run's
 * sweep beside async 4's x1.90 where three hosts of the truth read it at x1.61-1.70 beside x1.93.
 */
export function closeLevelCall(cells: readonly CellResult[], chosen: CellResult, options: Pick<RecommendOptions, 'margin' | 'speedupCap'> = {}): boolean {
  const band = (options.margin ?? 0.1) * LEVEL_BAND;
  const usable = usableCells(cells);
  const pointSpeedup = pointSpeedupOf(usable, options.speedupCap);
  const own = pointSpeedup(chosen);
  return usable.some((c) => c.model === chosen.model && c.concurrency > chosen.concurrency && pointSpeedup(c) > own * (1 + band / 2));
}

/**
 * Each model's chosen level: the cheapest level whose speedup (paired where measured, else its
 * median throughput) is within the level band (LEVEL_BAND of the margin) of the model's fastest
 * level (a level measured only unpaired not in place of a higher one measured paired). Then, when the level so
 * chosen is not shown to beat sequential by the margin, the cheapest higher level that is shown to
 * (paired, or by its unpaired interval) takes its place: the question the model answers is whether
 * it beats sequential, and a level with that proof is a better representative than a cheaper one
 * without it. These are the cells a model competes with (and the ones `run` measures paired
 * against sequential), where the cost order and 95% confidence decide.
 * Levels of one model are the same code with another number, so they are not held to 95%
 * confidence the way a costlier model is: at one or two visits a level cannot be shown to beat a
 * cheaper one, and the cheaper one stayed. fs.readFile's batches spread 3-5x (where libuv's threads
 * land): async 2 (x2.2) was kept against async 64 (x6.6) in 2 of 5 bench:truth runs at 70b7d06, and
 * pbkdf2's async 2 (x1.6) against async 16 (x1.95) in 2 of 5. Noise can only move the choice
 * between levels that measured close, and the paired phase then measures the chosen one.
 */
export function bestOfModels(cells: readonly CellResult[], options: Pick<RecommendOptions, 'margin' | 'seed' | 'speedupCap' | 'cores'> = {}): Map<Model, CellResult> {
  const margin = options.margin ?? 0.1;
  const seed = options.seed ?? 1;
  const usable = usableCells(cells);
  const sequential = usable.find((c) => c.model === 'sequential');
  const beatsSequential = (c: CellResult) => sequential !== undefined && ratioInterval(c, sequential, sequential, seed)[0] > 1 + margin;
  const pointSpeedup = pointSpeedupOf(usable, options.speedupCap);
  const best = new Map<Model, CellResult>();
  for (const model of MODELS) {
    const levels = usable.filter((c) => c.model === model).sort((a, b) => a.concurrency - b.concurrency);
    if (levels.length === 0) continue;
    // A level measured only unpaired does not stand in for a higher level measured side by side:
    // the two figures are not on the same footing (an unpaired figure carries one draw of two
    // hosts' speeds), and the higher one was paired because the sweep chose it over the cheaper
    // on one footing. fs.readFile's async 4 read x3.42 unpaired beside async 64's x3.50 paired and
    // was recommended (truth x2.34 against x4.30) in a bench:truth run at 3a80104; x3.76 unpaired
    // beside x2.62 paired at e4ae659.
    const candidates = levels.filter((c) => c.paired !== undefined || !levels.some((f) => f.paired !== undefined && f.concurrency > c.concurrency));
    const fastest = Math.max(...candidates.map(pointSpeedup));
    const fastestCell = candidates.find((c) => pointSpeedup(c) === fastest);
    // A cheaper level whose ceiling is as high as the fastest level's (levelCeiling) stands in
    // within the whole margin: the faster level's lead can only be noise. marked's thread 4 (truth
    // x1.65) read x1.73 paired beside thread 2's x1.65 and was recommended over thread 2 (x1.83)
    // in a bench:truth run at 5c6c52a; acorn's and marked's thread 4 were recommended in 4 of 15
    // runs of the three sets of that morning, each just outside the margin of the best.
    const ceiling = (c: CellResult) => levelCeiling(c, sequential, options.cores);
    const sameCeiling = (c: CellResult) => fastestCell !== undefined && Number.isFinite(ceiling(c)) && ceiling(fastestCell) <= ceiling(c) * (1 + margin * LEVEL_BAND);
    const standsIn = (c: CellResult) => pointSpeedup(c) * (1 + margin * (sameCeiling(c) ? 1 : LEVEL_BAND)) >= fastest;
    let choice = candidates.find(standsIn) ?? candidates[0];
    if (model !== 'sequential' && !beatsSequential(choice)) {
      const proven = levels.find((c) => c.concurrency > choice.concurrency && beatsSequential(c));
      if (proven) choice = proven;
    }
    best.set(model, choice);
  }
  return best;
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
const times = (value: number) => `x${value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2)}`;
const UNIT: Record<Model, [string, string]> = {
  sequential: ['task at a time', 'tasks at a time'],
  async: ['in flight', 'in flight'],
  thread: ['thread', 'threads'],
  process: ['process', 'processes'],
  'thread+async': ['thread', 'threads'],
  'process+async': ['process', 'processes'],
};
/** A level in words: "4 threads"; a hybrid's layout, "2 threads x 8 in flight" (16 in flight in all). */
export const unit = (model: Model, c: number, workers?: number) => {
  if (!isHybrid(model) || workers === undefined) return `${c} ${UNIT[model][c === 1 ? 0 : 1]}`;
  const perWorker = Math.ceil(c / workers);
  return `${workers} ${UNIT[model][workers === 1 ? 0 : 1]} x ${perWorker} in flight`;
};

const CLASS_WORDS: Record<Classification, string> = {
  'cpu-bound': 'CPU-bound',
  'io-bound': 'I/O-bound',
  mixed: 'Mixed CPU and waiting',
};

/**
 * Pick the cheapest model (cost order sequential < async < thread < process < thread+async <
 * process+async) that no costlier model beats by the margin with 95% confidence: each model is
 * represented by its chosen level (bestOfModels), and the chosen level of each costlier model
 * challenges the current choice; a hybrid must beat every simpler model's, not only the current one.
 * Returns undefined when not even sequential was measured.
 */
export function recommend(
  cells: readonly CellResult[],
  classification: Classification | null,
  sequentialCpu: number | null,
  options: RecommendOptions = {},
): Recommendation | undefined {
  const margin = options.margin ?? 0.1;
  const seed = options.seed ?? 1;
  const cap = options.speedupCap ?? (() => Infinity);
  const bestOfModel = bestOfModels(cells, { margin, seed, speedupCap: cap, cores: options.cores });
  const baseline = bestOfModel.get('sequential');
  if (!baseline) return undefined;
  const speedupOf = (cell: CellResult) => Math.min(cap(cell), measuredSpeedup(cell, baseline));

  let unclear = false;
  const withinNoise: Model[] = [];
  let current = baseline;
  // A cheaper model that measured faster than the one finally recommended, which that one did not beat.
  let unbeaten: { model: Model; winner: Model; beaten: Model } | undefined;
  /** Hybrids that beat the choice of their turn by the margin but not every simpler model. */
  const hybridsShort: Array<{ model: Model; beaten: Model; notBeaten: Model[] }> = [];
  for (const model of MODELS.slice(1)) {
    const challenger = bestOfModel.get(model);
    if (!challenger) continue;
    const verdict = judge(challenger, current, baseline, margin, seed, cap);
    // A hybrid is the costliest code to write and to run: it must beat every simpler model, not
    // only the current choice, by the margin with 95% confidence. Short of that the choice stands,
    // with low confidence, and the reason says which simpler model it did not beat.
    if (verdict === 'wins' && isHybrid(model)) {
      const simpler = MODELS.slice(0, MODELS.indexOf(model)).map((m) => bestOfModel.get(m)).filter((c) => c !== undefined);
      const notBeaten = simpler.filter((c) => judge(challenger, c, baseline, margin, seed, cap) !== 'wins').map((c) => c.model);
      if (notBeaten.length > 0) {
        hybridsShort.push({ model, beaten: current.model, notBeaten });
        unclear = true;
        continue;
      }
    }
    if (verdict === 'wins') {
      // Beating the current choice is not beating every cheaper model: one left within noise of it
      // may have measured faster still. acorn's process 2 (x1.31 unpaired, one round) beat
      // sequential while thread 2 read x1.54 paired (interval x1.04-1.80, not shown to beat
      // sequential by the margin), and process was recommended in a bench:truth run at 8eaa86f
      // (truth x1.91 and x1.78). The cheapest such model that the challenger does not beat stays.
      const ahead = withinNoise
        .map((m) => bestOfModel.get(m)!)
        .find((c) => speedupOf(c) >= speedupOf(challenger) && judge(challenger, c, baseline, margin, seed, cap) !== 'wins');
      if (ahead) {
        unbeaten = { model: ahead.model, winner: model, beaten: current.model };
        current = ahead;
      } else {
        current = challenger;
        unbeaten = undefined;
      }
    } else if (verdict === 'within-noise' && speedupOf(challenger) > speedupOf(current)) {
      // Possibly better, not shown to be: the cheaper choice stands, with low confidence.
      unclear = true;
      withinNoise.push(model);
    }
  }
  // A model that beat sequential but then lost its place to a costlier winner stays "within noise" only if it was.
  const finalWithinNoise = withinNoise.filter((m) => MODELS.indexOf(m) > MODELS.indexOf(current.model));

  const evidence = MODELS.slice(1)
    .filter((m) => bestOfModel.has(m))
    .map((m) => {
      const cell = bestOfModel.get(m)!;
      return `${m} ${times(speedupOf(cell))} at ${unit(m, cell.concurrency, cell.workers)}`;
    })
    .join(', ');
  const waited = (options.sequentialRunQueue ?? 0) >= 0.05 ? ` and waited ${percent(options.sequentialRunQueue!)} for one` : '';
  const pooled = (baseline.poolUtilization ?? 0) >= 0.05 ? `; its native work ran in libuv's thread pool, using ${percent(baseline.poolUtilization!)} of a core` : '';
  const kind = classification ? `${CLASS_WORDS[classification]} (sequential used ${percent(sequentialCpu ?? 0)} of a core${waited}${pooled})` : 'Unclassified';
  const marginText = percent(margin);
  let verdict: string;
  if (current.model === 'sequential') {
    verdict = `no model beat sequential by more than ${marginText} with 95% confidence, so the simplest code wins`;
    const pools = (['thread', 'process'] as const).map((m) => bestOfModel.get(m)).filter((c) => c !== undefined);
    if (pools.length > 0 && pools.every((c) => speedupOf(c) < 1 - margin)) {
      verdict += `; handing a task to a thread or process costs more than the task itself`;
    }
  } else if (unbeaten?.model === current.model) {
    verdict = `recommended: ${current.model} at ${unit(current.model, current.concurrency, current.workers)}, with low confidence: ${unbeaten.winner} beat ${unbeaten.beaten} by more than ${marginText} with 95% confidence but not ${current.model}, which measured faster and was not shown to beat ${unbeaten.beaten} by that margin`;
  } else if (isHybrid(current.model)) {
    // What the hybrid bought: its figure beside the best single model's.
    const single = MODELS.filter((m) => m !== 'sequential' && !isHybrid(m))
      .map((m) => bestOfModel.get(m))
      .filter((c) => c !== undefined)
      .sort((a, b) => speedupOf(b) - speedupOf(a))[0];
    const against = single ? `; best single model ${single.model} at ${unit(single.model, single.concurrency)}: ${times(speedupOf(single))}` : '';
    verdict = `recommended: ${current.model} at ${unit(current.model, current.concurrency, current.workers)}: ${times(speedupOf(current))}${against}. It beats every simpler model by more than ${marginText} with 95% confidence`;
  } else {
    verdict = `recommended: ${current.model} at ${unit(current.model, current.concurrency, current.workers)}, which beats every cheaper model by more than ${marginText} with 95% confidence`;
  }
  if (finalWithinNoise.length > 0) verdict += `; ${finalWithinNoise.join(' and ')} ${finalWithinNoise.length > 1 ? 'were' : 'was'} faster but within noise, so the cheaper ${current.model} is recommended`;
  for (const short of hybridsShort) verdict += `; ${short.model} beat ${short.beaten} by more than ${marginText} with 95% confidence but not ${short.notBeaten.join(' or ')}, as a hybrid must beat every simpler model`;
  // Differences between host processes (JIT, memory layout) only show across rounds.
  const fewRounds = current.paired ? current.paired.rounds < 2 : Math.min(baseline.rounds, current.rounds) < 2;
  if (fewRounds) verdict += '; measured in one round only, so differences between processes are not accounted for (a longer --time-budget gives more rounds)';
  return {
    model: current.model,
    concurrency: current.concurrency,
    ...(current.workers !== undefined ? { workers: current.workers } : {}),
    speedup: Math.round(speedupOf(current) * 1000) / 1000,
    reason: `${kind}: ${evidence || 'only sequential was measured'}. ${verdict[0].toUpperCase()}${verdict.slice(1)}.`,
    confidence: unclear || fewRounds ? 'low' : 'high',
    ...(unclear || fewRounds ? { doubts: [...(unclear ? (['within-noise'] as const) : []), ...(fewRounds ? (['one-round'] as const) : [])] } : {}),
    withinNoise: finalWithinNoise,
  };
}

/** Lower a recommendation's confidence for `doubt` (its reason must say why). */
export function addDoubt(recommendation: Recommendation, doubt: Doubt): void {
  recommendation.confidence = 'low';
  const doubts = recommendation.doubts ?? [];
  if (!doubts.includes(doubt)) recommendation.doubts = [...doubts, doubt];
}
