/**
 * How far rounds of fresh hosts read apart (`node scripts/paired-rounds.ts <config> <workload>
 * <model> <concurrency> [rounds] [warm-up cap ms]`, with Node 24 first on PATH): the candidate cell
 * measured paired against sequential the way `run`'s paired phase does (measure/paired-models.ts:
 * a fresh host pair per round, batches alternated ABBA, 6 pairs per round), for 8 rounds by
 * default. Prints every pair's ratio, each round's median, the spread of one batch pair around its
 * round's median (what stats/paired-speedup.ts calls `spread`), the spread of the round medians,
 * and what is left of it once a round median's own sampling error is taken out: the spread between
 * fresh hosts, and its multiple of the batch-pair spread (HOST_SPREAD_FACTOR is chosen from these).
 * Batches: SEQ_TASKS and CAND_TASKS (default: the workload's `tasks`); PAIRS per round (6); BATCH_REPEAT
 * batches per sample (default 1: run's paired phase repeats them to samples of about 100 ms), or
 * SEQ_REPEAT and CAND_REPEAT for each side.
 */
import { loadConfig } from '../src/config/load.ts';
import { measurePairedModels } from '../src/measure/paired-models.ts';
import { planCells, visitSpec, type Cell } from '../src/measure/scheduler.ts';
import { median } from '../src/stats/paired.ts';
import { pairedSpeedup } from '../src/stats/paired-speedup.ts';
import type { BatchSample } from '../src/types.ts';

const [configPath, name, model, concurrencyText, roundsText, warmupText] = process.argv.slice(2);
if (!configPath || !name || !model || !concurrencyText) throw new Error('usage: paired-rounds.ts <config> <workload> <model> <concurrency> [rounds] [warm-up cap ms]');
const config = await loadConfig(configPath);
const workload = config.workloads.find((w) => w.name === name);
if (!workload) throw new Error(`no workload ${name} in ${configPath}`);
const cells = planCells(workload, workload.models);
const baseline = cells.find((c) => c.model === 'sequential');
const candidate = cells.find((c) => c.model === model && c.concurrency === Number(concurrencyText));
if (!baseline || !candidate) throw new Error(`${name} has no sequential cell or no ${model} ${concurrencyText} cell in ${configPath}`);
const pairs = Number(process.env.PAIRS ?? 6);
const warmupMaxMs = Number(warmupText ?? 720);
const repeatOf = (text: string | undefined) => (text ? Math.max(1, Number(text)) : undefined);
const spec = (cell: Cell, tasks: string | undefined, repeatText: string | undefined) => {
  const batchRepeat = repeatOf(repeatText ?? process.env.BATCH_REPEAT);
  return { ...visitSpec(cell, 0, 'measure', pairs, tasks ? Number(tasks) : undefined), warmupMaxMs, ...(batchRepeat ? { batchRepeat } : {}) };
};
const measured = await measurePairedModels(
  [{ baseline, candidate, baselineSpec: spec(baseline, process.env.SEQ_TASKS, process.env.SEQ_REPEAT), candidateSpec: spec(candidate, process.env.CAND_TASKS, process.env.CAND_REPEAT), expectedMs: 0, pinnable: false }],
  { deadline: performance.now() + 3_600_000, allowanceMs: 0, seed: 1, pairs, maxRounds: Number(roundsText ?? 8) },
);
const rounds = measured.get(candidate.key) ?? [];
if (rounds.length < 2) throw new Error(`only ${rounds.length} round measured: a visit failed`);

const rate = (s: BatchSample) => s.tasks / s.wallMs;
const logRatios = rounds.map((r) => r.candidate.map((c, i) => Math.log(rate(c) / rate(r.baseline[i]))));
const roundMedians = logRatios.map(median);
for (const [i, ratios] of logRatios.entries()) {
  console.log(`round ${i + 1}: ${ratios.map((x) => Math.exp(x).toFixed(2)).join(' ')}  median x${Math.exp(roundMedians[i]).toFixed(2)}`);
}
const mean = roundMedians.reduce((a, b) => a + b, 0) / roundMedians.length;
const betweenRounds = Math.sqrt(roundMedians.reduce((a, x) => a + (x - mean) ** 2, 0) / (roundMedians.length - 1));
const estimate = pairedSpeedup(rounds)!;
const sideRate = (side: 'baseline' | 'candidate') => median(rounds.flatMap((r) => r[side].map(rate))) * 1000;
console.log(`median rate: sequential ${sideRate('baseline').toFixed(1)}/s, ${model} ${concurrencyText} ${sideRate('candidate').toFixed(1)}/s`);
// A median of n pairs strays from its round's centre by about 1.25 x spread / sqrt(n).
const ownError = (1.25 * estimate.spread) / Math.sqrt(estimate.pairs / estimate.rounds);
const betweenHosts = Math.sqrt(Math.max(0, betweenRounds ** 2 - ownError ** 2));
console.log(
  `${name} ${model} ${concurrencyText}: x${estimate.speedup.toFixed(2)} over ${estimate.rounds} rounds; batch-pair spread ${estimate.spread.toFixed(3)}, ` +
    `round medians spread ${betweenRounds.toFixed(3)} (their own sampling error ~${ownError.toFixed(3)}), between fresh hosts ~${betweenHosts.toFixed(3)} = ${(betweenHosts / estimate.spread).toFixed(2)} x the batch-pair spread`,
);
