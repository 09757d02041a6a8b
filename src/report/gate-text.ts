/**
 * How a workload's gate reads, in the markdown and the terminal report alike: "cpu-hash 13.6%
 * slower (-15.5% to -11.5%)", "tiny-task unchanged", "slow-io not decided (...)". The verdict
 * comes first, the number with it; a reviewer should not have to find either in a table.
 */
import type { CompareResults, WorkloadChange } from '../results/compare.ts';
import { formatChange, formatDetectable } from './format.ts';

/** A change as a magnitude with a direction word: -0.136 -> "13.6% slower". */
export function slowerOrFaster(change: number): string {
  const size = formatChange(Math.abs(change)).replace('+', '');
  return change < 0 ? `${size} slower` : `${size} faster`;
}

/**
 * What the metric of a change is, so "-14%" cannot be misread as "CPU time went down": it is always
 * a change of throughput (tasks per second), in some cells worked out from CPU time per task.
 */
export function metricName(metric: WorkloadChange['metric']): string {
  return metric === 'cpu-time' ? 'throughput, from CPU time' : 'throughput';
}

/** Short verdict of one workload, with `name` already escaped for its destination. */
export function gateVerdict(w: WorkloadChange, name: string): string {
  const ci = w.ci95 ? ` (${formatChange(w.ci95[0])} to ${formatChange(w.ci95[1])})` : '';
  switch (w.verdict) {
    case 'regression':
    case 'improvement':
      return `${name} ${slowerOrFaster(w.change ?? 0)}${ci}`;
    case 'unchanged':
      return `${name} unchanged`;
    default:
      // No figures because a side failed: not a question of rounds.
      return w.error ? `${name} failed to measure` : `${name} not decided`;
  }
}

/** Why a workload is not decided, in one clause. */
export function undecidedReason(w: WorkloadChange): string {
  if (w.error) return 'a side failed to measure';
  if (w.ci95 === null) return `${w.rounds === 0 ? 'no paired round' : `only ${w.rounds} paired round${w.rounds === 1 ? '' : 's'}`} within the budget`;
  const planned = w.wantedRounds !== undefined && w.plannedRounds !== undefined && w.plannedRounds < w.wantedRounds ? `; the budget paid for ${w.rounds} of the ${w.wantedRounds > 60 ? 'over 60' : w.wantedRounds} rounds it needed` : '';
  return `smallest change it could flag: ${formatDetectable(w.detectableChange)}${planned}`;
}

/** Counts of the gates by verdict. */
export function gateCounts(results: CompareResults): { slower: number; faster: number; unchanged: number; undecided: number } {
  const gates = results.workloadChanges ?? [];
  return {
    slower: gates.filter((w) => w.verdict === 'regression').length,
    faster: gates.filter((w) => w.verdict === 'improvement').length,
    unchanged: gates.filter((w) => w.verdict === 'unchanged').length,
    undecided: results.undecided ?? gates.filter((w) => w.verdict === 'inconclusive').length,
  };
}
