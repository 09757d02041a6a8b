import { groupSamples, ratioOfMediansGrouped } from '../stats/ratio.ts';
import { MODELS, type CellResult, type Classification, type Model, type Recommendation } from '../types.ts';

export const DEFAULT_MARGIN = 0.1;

export interface RecommendOptions {
  /** A costlier option must beat a cheaper one by this fraction (0.1 = 10%) with 95% confidence. */
  margin?: number;
  /** Seed of the bootstrap, so the same results always give the same recommendation. */
  seed?: number;
  /** Share of the sequential cell's wall time spent waiting for a core (busy machine), for the reason text. */
  sequentialRunQueue?: number;
}

type Verdict = 'wins' | 'loses' | 'within-noise';

/** Does `costly` beat `cheap` by the margin? `wins` / `loses` when the 95% CI says so clearly. */
function judge(costly: CellResult, cheap: CellResult, margin: number, seed: number): Verdict {
  const { ci95 } = ratioOfMediansGrouped(
    groupSamples(costly.batchThroughputs, costly.batchesPerRound),
    groupSamples(cheap.batchThroughputs, cheap.batchesPerRound),
    { seed },
  );
  if (ci95[0] > 1 + margin) return 'wins';
  if (ci95[1] < 1 + margin) return 'loses';
  return 'within-noise';
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
const times = (value: number) => `x${value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2)}`;
const UNIT: Record<Model, [string, string]> = {
  sequential: ['task at a time', 'tasks at a time'],
  async: ['in flight', 'in flight'],
  thread: ['thread', 'threads'],
  process: ['process', 'processes'],
};
const unit = (model: Model, c: number) => `${c} ${UNIT[model][c === 1 ? 0 : 1]}`;

const CLASS_WORDS: Record<Classification, string> = {
  'cpu-bound': 'CPU-bound',
  'io-bound': 'I/O-bound',
  mixed: 'Mixed CPU and waiting',
};

/**
 * Pick the cheapest model (cost order sequential < async < thread < process, and lower concurrency
 * before higher) that no costlier option beats by the margin with 95% confidence. Within a model the
 * concurrency levels are walked upwards the same way; across models the best level of each costlier
 * model challenges the current choice. Returns undefined when not even sequential was measured.
 */
export function recommend(
  cells: readonly CellResult[],
  classification: Classification | null,
  sequentialCpu: number | null,
  options: RecommendOptions = {},
): Recommendation | undefined {
  const margin = options.margin ?? 0.1;
  const seed = options.seed ?? 1;
  const usable = cells.filter((c) => c.status === 'ok' && c.batchThroughputs.length > 0);
  const byModel = new Map<Model, CellResult[]>();
  for (const model of MODELS) {
    const levels = usable.filter((c) => c.model === model).sort((a, b) => a.concurrency - b.concurrency);
    if (levels.length > 0) byModel.set(model, levels);
  }
  const baseline = byModel.get('sequential')?.[0];
  if (!baseline) return undefined;

  let unclear = false;
  const withinNoise: Model[] = [];
  const bestOfModel = new Map<Model, CellResult>();
  for (const [model, levels] of byModel) {
    let choice = levels[0];
    for (const candidate of levels.slice(1)) {
      const verdict = judge(candidate, choice, margin, seed);
      if (verdict === 'wins') choice = candidate;
    }
    bestOfModel.set(model, choice);
  }
  let current = baseline;
  for (const model of MODELS.slice(1)) {
    const challenger = bestOfModel.get(model);
    if (!challenger) continue;
    const verdict = judge(challenger, current, margin, seed);
    if (verdict === 'wins') {
      current = challenger;
    } else if (verdict === 'within-noise' && challenger.throughput.median > current.throughput.median) {
      // Possibly better, not shown to be: the cheaper choice stands, with low confidence.
      unclear = true;
      withinNoise.push(model);
    }
  }
  // A model that beat sequential but then lost its place to a costlier winner stays "within noise" only if it was.
  const finalWithinNoise = withinNoise.filter((m) => MODELS.indexOf(m) > MODELS.indexOf(current.model));

  const speedupOf = (cell: CellResult) => cell.throughput.median / baseline.throughput.median;
  const evidence = MODELS.slice(1)
    .filter((m) => bestOfModel.has(m))
    .map((m) => {
      const cell = bestOfModel.get(m)!;
      return `${m} ${times(speedupOf(cell))} at ${unit(m, cell.concurrency)}`;
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
  } else {
    verdict = `recommended: ${current.model} at ${unit(current.model, current.concurrency)}, which beats every cheaper option by more than ${marginText} with 95% confidence`;
  }
  if (finalWithinNoise.length > 0) verdict += `; ${finalWithinNoise.join(' and ')} ${finalWithinNoise.length > 1 ? 'were' : 'was'} faster but within noise, so the cheaper ${current.model} is recommended`;
  // Differences between host processes (JIT, memory layout) only show across rounds.
  const fewRounds = Math.min(baseline.rounds, current.rounds) < 2;
  if (fewRounds) verdict += '; measured in one round only, so differences between processes are not accounted for (a longer --time-budget gives more rounds)';
  return {
    model: current.model,
    concurrency: current.concurrency,
    speedup: Math.round(speedupOf(current) * 1000) / 1000,
    reason: `${kind}: ${evidence || 'only sequential was measured'}. ${verdict[0].toUpperCase()}${verdict.slice(1)}.`,
    confidence: unclear || fewRounds ? 'low' : 'high',
    withinNoise: finalWithinNoise,
  };
}
