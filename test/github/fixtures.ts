/** Typed results fixtures: if the results contract changes, these stop compiling before the check drifts. */
import type { CompareResults } from '../../src/results/compare.ts';
import type { Model } from '../../src/types.ts';
import type { CellResult, Environment, RunResults, WorkloadResult } from '../../src/results/run.ts';

export function environment(cpus: number, overrides: Partial<Environment> = {}): Environment {
  return { cpus, cpuModel: 'Test CPU', node: 'v24.21.0', os: 'linux 6.8', arch: 'x64', totalMemoryBytes: 8e9, runtimes: {}, ...overrides };
}

function cell(model: Model, concurrency: number, median: number): CellResult {
  return {
    model, concurrency, status: 'ok', samples: 10, rounds: 5,
    throughput: { median, ci95: [median * 0.95, median * 1.05] }, latencyMs: { p50: 1, p99: 2 },
    cpuUtilization: 0.9, peakRssBytes: 5e7, startupMs: 40, speedup: median / 100, batchThroughputs: [median, median],
  };
}

export function workload(name: string, model: Model, concurrency: number): WorkloadResult {
  return {
    name, runtime: 'node', status: 'ok', classification: 'cpu-bound', sequentialCpuUtilization: 0.98,
    recommendation: { model, concurrency, speedup: 1.9, reason: `CPU-bound: ${model} wins`, confidence: 'high', withinNoise: [] },
    cells: [cell('sequential', 1, 100), cell(model, concurrency, 190)],
  };
}

export function runResults(workloads: WorkloadResult[], env = environment(2)): RunResults {
  return {
    schemaVersion: 1, kind: 'run', tool: { name: 'concurrency-bench', version: '0.1.0' }, incomplete: false, environment: env,
    settings: { timeBudgetSeconds: 60, margin: 0.1, rounds: 5, seed: 1, config: 'concurrency-bench.config.json' }, workloads,
  };
}

export function compareResults(workloads: WorkloadResult[], regressions: string[], env = environment(2)): CompareResults {
  return {
    schemaVersion: 1, kind: 'compare', tool: { name: 'concurrency-bench', version: '0.1.0' },
    base: { ref: 'main', sha: 'a'.repeat(40) }, head: { ref: 'working tree', sha: 'b'.repeat(40) }, paired: true,
    regressions: regressions.length, improvements: 0,
    comparisons: workloads.map((w) => ({
      workload: w.name, model: w.recommendation!.model, concurrency: w.recommendation!.concurrency, roles: ['recommended' as const], metric: 'throughput' as const, gating: true,
      verdict: regressions.includes(w.name) ? ('regression' as const) : ('unchanged' as const),
      change: regressions.includes(w.name) ? -0.15 : 0.001, ci95: [-0.02, 0.02], holmCi: [-0.03, 0.03], holmLevel: 0.95, rounds: 12,
      base: { throughput: 190, peakRssBytes: 5e7 }, head: { throughput: 189, peakRssBytes: 5e7 },
      memoryChange: 0, memoryGrowth: false, roundSpread: 0.01, detectableChange: 0.02,
    })),
    recommendationChanges: [], workloads, environment: env,
    settings: { threshold: 0.05, noiseFloor: 0.01, memoryThreshold: 0.2, alpha: 0.05, timeBudgetSeconds: 60, seed: 1, resamples: 2000, config: 'concurrency-bench.config.json' },
    noise: { roundSpread: 0.01, detectableChange: 0.02 }, failures: [], incomplete: false,
  };
}
