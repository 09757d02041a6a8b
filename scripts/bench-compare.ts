/**
 * Benchmark of the compare method (issue 3, point 7), not a test: on the CPU-bound example, how often
 * does an A/A compare (identical code on both sides) claim a change, and how often is a 5% slowdown
 * (5% more work per task) flagged, with compare's default decision rule and per-comparison budget?
 *
 *   npm run bench:compare            (BENCH_TRIALS, BENCH_BUDGET_S, BENCH_REPLAYS to change the defaults)
 *
 * The cell is sequential, so, as compare does, both sides of a round run pinned to the same CPU.
 *
 * Two figures per scenario:
 * - real: complete paired compares, each measuring fresh hosts until decided or out of budget;
 * - replayed: many more compares replayed through the same decision loop by drawing rounds (with
 *   replacement) from the pool of rounds the real compares measured. Cheap, so the rate of a rare
 *   false alarm can be seen at all; it assumes rounds are independent, which real drift is not.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionableVerdict, analyzeComparisons, nextRound, type PairedRound } from '../src/analysis/compare.ts';
import type { ComparisonMetric, Verdict } from '../src/analysis/compare-types.ts';
import { compareSettings } from '../src/commands/compare.ts';
import { runPairedRounds, type PairedTarget } from '../src/commands/compare-paired.ts';
import { loadConfig } from '../src/config/load.ts';
import { mulberry32 } from '../src/stats/rng.ts';

const TRIALS = Number(process.env.BENCH_TRIALS ?? 20);
/** Per comparison: a default compare (120 s) of a one-workload config spends ~60% on paired rounds over ~4 comparisons. */
const BUDGET_S = Number(process.env.BENCH_BUDGET_S ?? 18);
const REPLAYS = Number(process.env.BENCH_REPLAYS ?? 2000);
/** What real trials decide on: compare picks `cpu-time` for this cell (it keeps a core busy computing); BENCH_METRIC=throughput for wall clock. */
const METRIC = (process.env.BENCH_METRIC ?? 'cpu-time') as ComparisonMetric;
const EXAMPLE = join(import.meta.dirname, '..', 'examples', 'cpu-hash.workload.ts');

/** A directory holding the CPU-bound example, optionally with `extraRounds` more hash rounds per task. */
function tree(root: string, name: string, slowdown: number): string {
  const dir = join(root, name);
  cpSync(join(import.meta.dirname, '..', 'examples'), dir, { recursive: true, filter: (p) => !p.endsWith('.json') });
  const source = readFileSync(EXAMPLE, 'utf8');
  const rounds = Number(/round < (\d+)/.exec(source)![1]);
  const slower = Math.round(rounds * (1 + slowdown));
  writeFileSync(join(dir, 'cpu-hash.workload.ts'), source.replace(`round < ${rounds}`, `round < ${slower}`));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ workloads: [{ name: 'cpu-hash', module: 'cpu-hash.workload.ts', tasks: 24, models: ['sequential'] }] }));
  return dir;
}

interface Trial {
  verdict: Verdict;
  rounds: number;
  seconds: number;
}

function summary(label: string, trials: readonly Trial[], kind: 'aa' | 'ab'): string {
  const count = (v: Verdict) => trials.filter((t) => t.verdict === v).length;
  const rate = (n: number) => `${((100 * n) / Math.max(1, trials.length)).toFixed(1)}%`;
  const key = kind === 'aa' ? `false alarms ${rate(count('regression') + count('improvement'))}` : `detected ${rate(count('regression'))}`;
  const mean = (f: (t: Trial) => number) => (trials.reduce((s, t) => s + f(t), 0) / Math.max(1, trials.length)).toFixed(1);
  return `| ${label} | ${trials.length} | ${key} | ${count('regression')} / ${count('improvement')} / ${count('unchanged')} / ${count('inconclusive')} | ${mean((t) => t.rounds)} | ${mean((t) => t.seconds)} |`;
}

async function realTrials(base: PairedTarget['base'], head: PairedTarget['head'], seed0: number, pool: PairedRound[]): Promise<Trial[]> {
  const trials: Trial[] = [];
  for (let i = 0; i < TRIALS; i++) {
    const settings = compareSettings({ seed: seed0 + i }, 'bench');
    const started = performance.now();
    const [state] = await runPairedRounds([{ cell: { workload: 'cpu-hash', model: 'sequential', concurrency: 1, roles: ['best'] }, metric: METRIC, pinToOneCpu: true, base, head }], {
      settings,
      deadline: started + BUDGET_S * 1000,
      sampleTimeMs: 150,
    });
    const [c] = analyzeComparisons([{ workload: 'cpu-hash', model: 'sequential', concurrency: 1, roles: ['best'], metric: METRIC, rounds: state.rounds }], settings);
    pool.push(...state.rounds);
    trials.push({ verdict: c.verdict, rounds: c.rounds, seconds: (performance.now() - started) / 1000 });
    process.stderr.write(`  trial ${i + 1}/${TRIALS}: ${c.verdict} after ${c.rounds} rounds (${(c.change! * 100).toFixed(1)}%)\n`);
  }
  return trials;
}

/** Replay compares through the decision loop, drawing rounds from `pool`; rounds cost what they cost on average. */
function replay(pool: readonly PairedRound[], roundSeconds: number, seed: number, metric: ComparisonMetric): Trial[] {
  const random = mulberry32(seed);
  const trials: Trial[] = [];
  const settings = { ...compareSettings({}, 'bench'), resamples: 500 };
  for (let i = 0; i < REPLAYS; i++) {
    const rounds: PairedRound[] = [];
    let verdict: Verdict = 'inconclusive';
    for (;;) {
      const [c] = analyzeComparisons([{ workload: 'w', model: 'sequential', concurrency: 1, roles: ['best'], metric, rounds }], { ...settings, seed: seed + i });
      verdict = c.verdict;
      const next = nextRound([{ rounds: rounds.length, verdict: actionableVerdict(verdict, rounds.length, settings.maxRounds), failed: false, roundCostMs: roundSeconds * 1000 }], {
        minRounds: settings.minRounds,
        maxRounds: settings.maxRounds,
        remainingMs: (BUDGET_S - rounds.length * roundSeconds) * 1000,
      });
      if (next.measure.length === 0) break;
      rounds.push(pool[Math.floor(random() * pool.length)]);
    }
    trials.push({ verdict, rounds: rounds.length, seconds: rounds.length * roundSeconds });
  }
  return trials;
}

const root = mkdtempSync(join(tmpdir(), 'cb-bench-compare-'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    rmSync(root, { recursive: true, force: true });
    process.exit(130); // the exit handler of the runtime layer kills any host still running
  });
}
try {
  const [a1, a2, slow] = [tree(root, 'a1', 0), tree(root, 'a2', 0), tree(root, 'slow', 0.05)];
  const workload = (dir: string) => loadConfig(join(dir, 'config.json')).workloads[0];
  process.stderr.write(`bench:compare on ${availableParallelism()} cores: ${TRIALS} real trials per scenario, ${BUDGET_S} s per comparison\nA/A\n`);
  const aaPool: PairedRound[] = [];
  const abPool: PairedRound[] = [];
  const t0 = performance.now();
  const aa = await realTrials(workload(a1), workload(a2), 1000, aaPool);
  const aaSeconds = (performance.now() - t0) / 1000 / Math.max(1, aaPool.length);
  process.stderr.write('5% slowdown\n');
  const t1 = performance.now();
  const ab = await realTrials(workload(a1), workload(slow), 2000, abPool);
  const abSeconds = (performance.now() - t1) / 1000 / Math.max(1, abPool.length);
  const spread = (pool: PairedRound[], metric: ComparisonMetric) => {
    const d = pool
      .map((r) => (metric === 'cpu-time' ? Math.log(r.headCpuRate! / r.baseCpuRate!) : Math.log(r.head / r.base)))
      .filter(Number.isFinite)
      .sort((x, y) => x - y);
    const med = d[d.length >> 1];
    const mad = [...d.map((x) => Math.abs(x - med))].sort((x, y) => x - y)[d.length >> 1];
    return `${(1.4826 * mad * 100).toFixed(1)}% (median change ${(Math.expm1(med) * 100).toFixed(1)}%)`;
  };
  console.log(`\nCompare method on the CPU-bound example (examples/cpu-hash.workload.ts, sequential), ${availableParallelism()} cores, ${BUDGET_S} s per comparison, threshold 5%, noise floor 1%; real compares decided on ${METRIC}:\n`);
  console.log('| scenario | compares | key figure | regression / improvement / unchanged / inconclusive | mean rounds | mean s |');
  console.log('|---|---:|---|---|---:|---:|');
  console.log(summary(`A/A, real (${METRIC})`, aa, 'aa'));
  console.log(summary(`5% slowdown, real (${METRIC})`, ab, 'ab'));
  for (const metric of ['cpu-time', 'throughput'] as const) {
    console.log(summary(`A/A, replayed (${metric})`, replay(aaPool, aaSeconds, 7, metric), 'aa'));
    console.log(summary(`5% slowdown, replayed (${metric})`, replay(abPool, abSeconds, 8, metric), 'ab'));
  }
  for (const metric of ['cpu-time', 'throughput'] as const) {
    console.log(`\nPer-round log-ratio spread on ${metric}: A/A ${spread(aaPool, metric)}, slowdown ${spread(abPool, metric)}.`);
  }
  console.log(`${aaSeconds.toFixed(2)} s per paired round.`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
