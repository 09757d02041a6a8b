import type { CellResult, RuntimeId, WorkloadResult } from '../types.ts';
import { classify } from './classify.ts';
import { recommend, type RecommendOptions } from './recommend.ts';

/** Turn a workload's aggregated cells into its result: speedups, classification, recommendation. */
export function analyzeWorkload(name: string, runtime: RuntimeId, cells: CellResult[], options: RecommendOptions = {}): WorkloadResult {
  const sequential = cells.find((c) => c.model === 'sequential' && c.status === 'ok' && c.samples > 0);
  const withSpeedups = cells.map((c) => ({
    ...c,
    speedup: sequential && c.samples > 0 ? Math.round((c.throughput.median / sequential.throughput.median) * 1000) / 1000 : null,
  }));
  const classification = classify(sequential);
  const sequentialCpu = sequential ? sequential.cpuUtilization : null;
  const recommendation = recommend(withSpeedups, classification, sequentialCpu, { ...options, sequentialRunQueue: sequential?.runQueueShare }) ?? null;
  const result: WorkloadResult = {
    name,
    runtime,
    status: 'ok',
    classification,
    sequentialCpuUtilization: sequentialCpu,
    recommendation,
    cells: withSpeedups,
  };
  if (!recommendation) {
    result.status = 'failed';
    const seq = cells.find((c) => c.model === 'sequential');
    result.error = seq?.error ? `the sequential baseline failed: ${seq.error}` : 'the sequential baseline was not measured';
  }
  return result;
}

/** A workload that could not be measured at all (module missing, import failed, runtime unavailable). */
export function failedWorkload(name: string, runtime: RuntimeId, error: string): WorkloadResult {
  return { name, runtime, status: 'failed', error, classification: null, sequentialCpuUtilization: null, recommendation: null, cells: [] };
}
