import type { Comparison, CompareResults } from '../../src/results/compare.ts';
import type { Model } from '../../src/types.ts';
import type { CellResult, RunResults, WorkloadResult } from '../../src/results/run.ts';

export function cell(model: Model, concurrency: number, throughput: number, extra: Partial<CellResult> = {}): CellResult {
  return {
    model,
    concurrency,
    status: 'ok',
    samples: 12,
    rounds: 3,
    throughput: { median: throughput, ci95: [throughput * 0.97, throughput * 1.02] },
    latencyMs: { p50: 1000 / throughput, p99: 1500 / throughput },
    cpuUtilization: model === 'sequential' ? 0.98 : Math.min(concurrency, 2) * 0.97,
    peakRssBytes: 50 * 1048576 + concurrency * 10 * 1048576,
    startupMs: 40,
    speedup: null,
    batchThroughputs: [throughput],
    ...extra,
  };
}

export function workload(name: string, scale = 1): WorkloadResult {
  const seq = 100 * scale;
  const cells = [
    cell('sequential', 1, seq),
    cell('async', 1, seq * 0.99),
    cell('async', 4, seq * 1.01),
    cell('thread', 1, seq * 0.95),
    cell('thread', 2, seq * 1.9),
    cell('thread', 4, seq * 1.85),
    cell('process', 1, seq * 0.9),
    cell('process', 2, seq * 1.8),
    cell('process', 4, seq * 1.7, { status: 'crashed', error: 'worker died: <b>|boom|</b>\nsecond line @here' }),
  ].map((c) => ({ ...c, speedup: c.throughput.median / seq }));
  return {
    name,
    runtime: 'node',
    status: 'ok',
    classification: 'cpu-bound',
    sequentialCpuUtilization: 0.98,
    recommendation: {
      model: 'thread',
      concurrency: 2,
      speedup: 1.9,
      reason: `CPU-bound: 98% CPU; thread x1.9 at 2 workers, process x1.8, async x1.0 (${name})`,
      confidence: 'high',
      withinNoise: [],
    },
    cells,
  };
}

export const HOSTILE = ['a|b', '<img src=x onerror=alert(1)>', '@org/team', 'tick`s` and **bold**\nnewline'];

export const environment = {
  cpus: 2,
  cpuModel: 'Test CPU @ 2.0GHz',
  node: 'v24.21.0',
  os: 'linux 6.1',
  arch: 'x64',
  totalMemoryBytes: 8 * 1024 ** 3,
  runtimes: { python: { version: '3.12.3' } },
};

export function runResults(names: string[]): RunResults {
  const workloads = names.map((n, i) => workload(n, 1 + i));
  workloads.push({ name: 'broken|one', runtime: 'node', status: 'failed', error: 'Cannot find module `./x` <script>', classification: null, sequentialCpuUtilization: null, recommendation: null, cells: [] });
  return {
    schemaVersion: 1,
    kind: 'run',
    tool: { name: 'concurrency-bench', version: '0.1.0' },
    incomplete: false,
    environment,
    settings: { timeBudgetSeconds: 60, margin: 0.1, rounds: 3, seed: 1, config: 'concurrency-bench.config.json' },
    workloads,
  };
}

function comparison(name: string, model: Model, concurrency: number, change: number, verdict: Comparison['verdict']): Comparison {
  return {
    workload: name,
    model,
    concurrency,
    roles: ['best'],
    // The sequential cell is each workload's gate; the others describe.
    gating: model === 'sequential',
    // Sequential cells of these fixtures count as compute-bound: both metrics get rendered.
    metric: model === 'sequential' ? 'cpu-time' : 'throughput',
    verdict,
    change,
    ci95: [change - 0.02, change + 0.015],
    holmCi: [change - 0.025, change + 0.02],
    holmLevel: 0.99,
    rounds: 12,
    base: { throughput: 100, peakRssBytes: 60e6 },
    head: { throughput: 100 * (1 + change), peakRssBytes: verdict === 'regression' ? 90e6 : 60e6 },
    memoryChange: verdict === 'regression' ? 0.5 : 0,
    memoryGrowth: verdict === 'regression',
    roundSpread: 0.02,
    detectableChange: 0.045,
  };
}

/** `regressed(i)`: whether workload i's thread cell regressed (default: only the first). */
export function compareResults(names: string[], regressed: (i: number) => boolean = (i) => i === 0): CompareResults {
  const head = runResults(names).workloads;
  const base = runResults(names).workloads.map((w) => ({ ...w, cells: w.cells.map((c) => ({ ...c, throughput: { ...c.throughput, median: c.throughput.median * 1.1 } })) }));
  base[0] = { ...base[0], recommendation: { ...base[0].recommendation!, model: 'process', concurrency: 2 } };
  const comparisons = names.flatMap((n, i) => [
    regressed(i) ? comparison(n, 'sequential', 1, -0.061, 'regression') : comparison(n, 'sequential', 1, 0.003, 'unchanged'),
    comparison(n, 'thread', 2, regressed(i) ? -0.152 : 0.081, regressed(i) ? 'regression' : 'improvement'),
    comparison(n, 'process', 2, -0.03, 'inconclusive'),
  ]);
  // Each workload's gate (its sequential cell): those regressed(i) got slower, the others did not move.
  const workloadChanges = names.map((n, i) => ({
    workload: n,
    model: 'sequential' as const,
    concurrency: 1,
    metric: 'cpu-time' as const,
    detectableChange: 0.045,
    cells: 1,
    verdict: (regressed(i) ? 'regression' : 'unchanged') as Comparison['verdict'],
    change: regressed(i) ? -0.061 : 0.003,
    // The same figures as the workload's sequential comparison (the gate is decided on it).
    ci95: [regressed(i) ? -0.081 : -0.017, regressed(i) ? -0.046 : 0.018] as [number, number],
    holmCi: [regressed(i) ? -0.086 : -0.022, regressed(i) ? -0.041 : 0.023] as [number, number],
    holmLevel: 0.99,
    rounds: 12,
    roundSpread: 0.012,
  }));
  return {
    schemaVersion: 1,
    kind: 'compare',
    tool: { name: 'concurrency-bench', version: '0.1.0' },
    base: { ref: 'main', sha: '0123456789abcdef0123456789abcdef01234567' },
    head: { ref: 'feature/<x>|y', sha: 'fedcba9876543210fedcba9876543210fedcba98', dirty: true },
    paired: true,
    regressions: workloadChanges.filter((w) => w.verdict === 'regression').length,
    improvements: workloadChanges.filter((w) => w.verdict === 'improvement').length,
    undecided: 0,
    comparisons,
    workloadChanges,
    recommendationChanges: [{ workload: names[0], base: { model: 'process', concurrency: 2 }, head: { model: 'thread', concurrency: 2 } }],
    workloads: head,
    baseWorkloads: base,
    environment,
    settings: { threshold: 0.05, noiseFloor: 0.01, memoryThreshold: 0.1, alpha: 0.05, timeBudgetSeconds: 120, seed: 1, resamples: 2000, config: 'concurrency-bench.config.json' },
    noise: { roundSpread: 0.02, detectableChange: 0.045 },
    failures: [{ tree: 'base', workload: names[1], model: 'process', concurrency: 4, message: 'crashed: `rm -rf` @everyone | <b>' }],
    incomplete: false,
  };
}
