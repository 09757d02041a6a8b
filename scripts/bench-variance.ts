/**
 * Variance components of compare's paired rounds on this machine (issue 9, point 4), not a test:
 * where the noise of a gate's per-round log-ratio comes from, and so how many batch pairs a round
 * should measure before a fresh pair of hosts is worth more.
 *
 *   npm run bench:variance        (BENCH_ROUNDS, default 12; BENCH_PAIRS, default 24)
 *
 * Each round starts two fresh hosts of the same code (A/A), pinned to one random CPU, interleaves
 * BENCH_PAIRS batch pairs (ABBA) of the gate's size (about 25 ms), and records each pair's
 * ln(rate_b / rate_a). Then, per workload:
 * - within: the standard deviation of a pair's log-ratio inside one live pair of hosts (s_w);
 * - between: the standard deviation of a round's true mean across fresh host pairs (s_b), from
 *   var(round means) - s_w^2 / pairs;
 * - cost: a round's fixed cost (start-up, warm-up, teardown) and the cost of one pair;
 * - the spread across rounds of compare's own round estimate (pairedBatchRates: extreme pairs
 *   trimmed, tasks over time) from the first 6, 12 and all pairs: how much a longer round buys.
 *   compare measures PAIRED_MIN_BATCHES pairs and 300 ms per side.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadConfig } from '../src/config/load.ts';
import type { WorkloadConfig } from '../src/config/types.ts';
import { runInterleavedVisits } from '../src/measure/interleaved.ts';
import { PAIRED_MIN_BATCHES } from '../src/measure/paired-rounds.ts';

/** compare's paired sample per side, ms (PAIRED_SAMPLE_MS in src/commands/compare.ts). */
const PAIRED_SAMPLE_MS = 300;
import { batchTasksFor } from '../src/measure/sweep.ts';
import { pairedBatchRates } from '../src/stats/paired-batches.ts';
import { visitSpec } from '../src/measure/scheduler.ts';
import { allowedCpus } from '../src/runtimes/affinity.ts';
import { runtimeFor } from '../src/runtimes/registry.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 24);
const ROOT = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'cb-bench-variance-'));

function workload(name: string, file: string, source: string, tasks: number): WorkloadConfig {
  const dir = join(scratch, name);
  cpSync(join(ROOT, 'examples'), dir, { recursive: true, filter: (p) => !p.includes('python') && !p.endsWith('.json') });
  writeFileSync(join(dir, file), source);
  writeFileSync(join(dir, 'c.json'), JSON.stringify({ workloads: [{ name, module: file, tasks, models: ['sequential'] }] }));
  return loadConfig(join(dir, 'c.json')).workloads[0];
}

const sd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, xs.length - 1));
};

async function components(w: WorkloadConfig, oneTaskMs: number, metric: 'cpu' | 'wall') {
  const cpus = allowedCpus();
  const runtime = runtimeFor(w.runtime);
  const spec = visitSpec({ workload: w, model: 'sequential', concurrency: 1, key: '' }, 0);
  spec.workload.tasks = batchTasksFor(w.tasks, 1, oneTaskMs, 25);
  spec.warmupBatches = 1;
  spec.warmupTimeMs = 100;
  spec.minBatches = PAIRS;
  spec.maxBatches = PAIRS;
  // Per round: compare's own estimate (pairedBatchRates: the most extreme sixth of pairs trimmed,
  // tasks over time) from its first k pairs, for several k.
  const ks = [6, 12, PAIRS].filter((k, i, all) => k <= PAIRS && all.indexOf(k) === i);
  const estimates = new Map<number, number[]>(ks.map((k) => [k, []]));
  const naive: number[] = [];
  const within: number[] = [];
  const overheads: number[] = [];
  const pairMs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const cpu = cpus.length >= 2 ? [cpus[r % cpus.length]] : undefined;
    const started = performance.now();
    const [a, b] = await runInterleavedVisits({ runtime, workload: w, spec }, { runtime, workload: w, spec }, { cpus: cpu, hardTimeoutMs: 120_000 });
    const elapsed = performance.now() - started;
    if (a.status !== 'ok' || b?.status !== 'ok') throw new Error(`round failed: ${a.error ?? b?.error}`);
    const time = (s: (typeof a.samples)[number]) => (metric === 'cpu' ? s.cpuMs : s.wallMs);
    const d = a.samples.map((s, i) => Math.log(b.samples[i].tasks / time(b.samples[i]) / (s.tasks / time(s))));
    naive.push(d.reduce((x, y) => x + y, 0) / d.length);
    within.push(sd(d) ** 2);
    for (const k of ks) {
      const rates = pairedBatchRates({ samples: a.samples.slice(0, k) }, { samples: b.samples.slice(0, k) }, time);
      estimates.get(k)!.push(Math.log(rates.head / rates.base));
    }
    const measured = [...a.samples, ...b.samples].reduce((sum, s) => sum + s.wallMs, 0);
    overheads.push(elapsed - measured);
    pairMs.push(measured / PAIRS);
  }
  const sw = Math.sqrt(within.reduce((x, y) => x + y, 0) / within.length);
  const O = overheads.reduce((x, y) => x + y, 0) / overheads.length;
  const c = pairMs.reduce((x, y) => x + y, 0) / pairMs.length;
  // Between fresh host pairs: what the spread of the naive round means leaves beyond within-pair noise.
  const sb = Math.sqrt(Math.max(0, sd(naive) ** 2 - sw ** 2 / PAIRS));
  const comparePairs = Math.max(PAIRED_MIN_BATCHES, Math.ceil(PAIRED_SAMPLE_MS / (c / 2)));
  return { sw, sb, O, c, comparePairs, spreads: ks.map((k) => [k, sd(estimates.get(k)!)] as const) };
}

try {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const cpuSource = readFileSync(join(ROOT, 'examples', 'cpu-hash.workload.ts'), 'utf8');
  const cases = [
    { label: 'cpu-hash (CPU time)', w: workload('cpu', 'cpu-hash.workload.ts', cpuSource, 24), oneTaskMs: 4, metric: 'cpu' as const },
    { label: '20 ms timer (wall clock)', w: workload('io', 'wait.workload.mjs', "import { setTimeout as s } from 'node:timers/promises';\nexport default async () => { await s(20); };\n", 16), oneTaskMs: 20, metric: 'wall' as const },
  ];
  console.log(`\nVariance components of a paired round, A/A, ${ROUNDS} rounds of ${PAIRS} ABBA pairs of ~25 ms batches, ${availableParallelism()} cores, ${new Date().toISOString().slice(0, 10)}, commit ${commit}:\n`);
  console.log('| workload | one batch pair, within a live host pair (s_w) | between fresh host pairs (s_b) | round overhead | per batch pair | spread of compare\'s round estimate: 6 / 12 / 24 pairs | pairs compare measures |');
  console.log('|---|---:|---:|---:|---:|---|---:|');
  for (const k of cases) {
    const r = await components(k.w, k.oneTaskMs, k.metric);
    const pc = (x: number) => `${(x * 100).toFixed(2)}%`;
    console.log(`| ${k.label} | ${pc(r.sw)} | ${pc(r.sb)} | ${r.O.toFixed(0)} ms | ${r.c.toFixed(0)} ms | ${r.spreads.map(([, x]) => pc(x)).join(' / ')} | ${r.comparePairs} |`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
