/**
 * Which cells a compare measures in paired rounds: for each model the concurrency where it does
 * best, plus the recommended cells. "Best" is judged on both trees together (sum of log medians):
 * picking by head alone would favour cells where head happened to be lucky and bias the change up.
 */
import type { Model } from '../types.ts';
import type { CellResult, WorkloadResult } from '../results/run.ts';
import { MODELS } from '../types.ts';
import { CPU_BOUND_AT } from './classify.ts';
import type { ComparisonMetric } from '../results/compare.ts';

export interface SelectedCell {
  workload: string;
  model: Model;
  concurrency: number;
  roles: Array<'best' | 'recommended'>;
}

export function selectCells(base: WorkloadResult, head: WorkloadResult): SelectedCell[] {
  const okIn = (w: WorkloadResult, model: Model, concurrency: number) =>
    w.cells.find((c) => c.model === model && c.concurrency === concurrency && c.status === 'ok' && c.throughput.median > 0);
  const selected: SelectedCell[] = [];
  const add = (model: Model, concurrency: number, role: 'best' | 'recommended') => {
    const existing = selected.find((s) => s.model === model && s.concurrency === concurrency);
    if (existing) {
      if (!existing.roles.includes(role)) existing.roles.push(role);
    } else {
      selected.push({ workload: head.name, model, concurrency, roles: [role] });
    }
  };
  for (const model of MODELS) {
    let best: { concurrency: number; score: number } | undefined;
    for (const cell of head.cells.filter((c) => c.model === model)) {
      const b = okIn(base, model, cell.concurrency);
      const h = okIn(head, model, cell.concurrency);
      if (!b || !h) continue;
      const score = Math.log(b.throughput.median) + Math.log(h.throughput.median);
      if (!best || score > best.score) best = { concurrency: cell.concurrency, score };
    }
    if (best) add(model, best.concurrency, 'best');
  }
  for (const w of [head, base]) {
    const r = w.recommendation;
    if (r && okIn(base, r.model, r.concurrency) && okIn(head, r.model, r.concurrency)) add(r.model, r.concurrency, 'recommended');
  }
  const rank = (m: Model) => MODELS.indexOf(m);
  return selected.sort((a, b) => rank(a.model) - rank(b.model) || a.concurrency - b.concurrency);
}

/**
 * Share of its lanes' time a cell spent computing or wanting to (CPU, run-queue wait, time stolen
 * by the hypervisor), from the sweep. Lanes: one thread for sequential and async, one per worker
 * (at most one per core) for thread and process.
 */
export function computeShare(cell: CellResult, cores: number): number {
  const lanes = cell.model === 'sequential' || cell.model === 'async' ? 1 : Math.max(1, Math.min(cell.concurrency, cores));
  // cpuUtilization and stealShare are in cores; runQueueShare is already a share of each task thread's time.
  return (cell.cpuUtilization + (cell.stealShare ?? 0)) / lanes + (cell.runQueueShare ?? 0);
}

/**
 * The metric a cell is compared on: CPU time per task where the cell kept its lanes busy computing
 * in both trees (then it is what throughput depends on, and it does not move with steal), wall-clock
 * throughput otherwise (waiting, locks and I/O only show there). Decided from the sweep, before any
 * paired round, so the choice cannot favour a verdict.
 */
export function comparisonMetric(base: CellResult | undefined, head: CellResult | undefined, cores: number): ComparisonMetric {
  if (!base || !head) return 'throughput';
  return computeShare(base, cores) >= CPU_BOUND_AT && computeShare(head, cores) >= CPU_BOUND_AT ? 'cpu-time' : 'throughput';
}

/**
 * Whether a cell can run its paired rounds pinned to one CPU. Sequential: always; it runs one task
 * at a time, and a sweep's utilization cannot tell otherwise: short fresh-host visits of a
 * single-threaded hash loop read 0.75-1.63 cores (V8's compiler and GC threads working beside the
 * main thread), and left unpinned those threads ran beside the batches and charged their CPU time to
 * the side with more of them (a 15% slowdown was estimated at -27% to -29% on CPU time, against
 * -15% pinned). Async: only when it kept at most about one core busy in both trees (an async
 * workload spreading over libuv's pool, e.g. pbkdf2, is left free).
 */
export function runsOnOneCpu(base: CellResult | undefined, head: CellResult | undefined): boolean {
  // The whole host's CPU: the task thread's own is at most one core by construction (aggregate.ts).
  const total = (c: CellResult) => c.cpuUtilization + (c.poolUtilization ?? 0) + (c.overheadUtilization ?? 0);
  const single = (c: CellResult | undefined) => c !== undefined && (c.model === 'sequential' || (c.model === 'async' && total(c) <= 1.1));
  return single(base) && single(head);
}
