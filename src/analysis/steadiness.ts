/**
 * Did the baseline hold still while `run` measured? The same code in the same kind of host should
 * run at the same rate, so the spread of a workload's sequential host rates (CellResult.hostRates:
 * the sweep's visits and every paired round's baseline) shows how far the machine's speed moved,
 * or how differently the code runs alone (the sweep) and with its batches alternating with another
 * host's (a paired round): fs.readFile's paired baselines read 1.5-1.9x its sweep visits in 4 of 5
 * runs at 10afb2c, a property of the code's I/O, not of the machine. Either way the figures built
 * on that baseline are less sure than their intervals say. Paired figures cancel a move that slows
 * both sides of a pair alike, but not all of it: work that leans on memory and caches lost more on
 * this VM's bad minutes in a pool of two cores than alone (pool speedups read 4-10% low while
 * sequential read 13-48% slow; docs/benchmarks.md, 2026-12-02), and unpaired figures carry the
 * whole move. Like hyperfine's "statistical outliers" warning, the warning changes no figure: it
 * tells the reader that a close call is unsettled. (The same host rates do widen the interval of a
 * recommended figure paired in fewer than 3 rounds: paired-figure.ts.)
 */
import type { RunResults } from '../results/run.ts';

/**
 * Spread of a workload's sequential host rates (fastest / slowest - 1) above which `run` warns that
 * its baseline did not hold still: a judgment, not a calibration. With nothing else running it
 * fired in 3 of 18 workload runs of the bundled examples (scripts/steadiness-quiet.ts, 2026-12-03:
 * py-cpu-pure's hosts 75% apart once, tiny-task's and py-hashlib-sha256's 33%); what it caught in
 * bench:truth is in docs/benchmarks.md.
 */
export const UNSTEADY_SPREAD = 0.25;

/**
 * Fewest sequential hosts whose spread is judged. Two suffice: two hosts of the same code that
 * disagree by a quarter are the machine moving (or its hosts landing in different states), and at
 * the default budget most workloads get two (the sweep's visit and one paired round): 47 of 90
 * workload runs in bench:truth at 10afb2c had two, 34 three or more, 9 one.
 */
export const STEADINESS_MIN_HOSTS = 2;

export interface HostSpread {
  workload: string;
  /** Sequential hosts measured. */
  hosts: number;
  /** Slowest and fastest host rate, tasks/s. */
  low: number;
  high: number;
  /** high / low - 1. */
  spread: number;
}

/** The spread of one list of host rates, or undefined with fewer than STEADINESS_MIN_HOSTS usable rates. */
export function hostSpread(rates: readonly number[]): Omit<HostSpread, 'workload'> | undefined {
  const usable = rates.filter((r) => Number.isFinite(r) && r > 0);
  if (usable.length < STEADINESS_MIN_HOSTS) return undefined;
  const low = Math.min(...usable);
  const high = Math.max(...usable);
  return { hosts: usable.length, low, high, spread: high / low - 1 };
}

/** Every workload whose sequential hosts spread more than UNSTEADY_SPREAD, widest first. */
export function unsteadyWorkloads(results: Pick<RunResults, 'workloads'>, limit = UNSTEADY_SPREAD): HostSpread[] {
  const out: HostSpread[] = [];
  for (const w of results.workloads) {
    const sequential = w.cells.find((c) => c.model === 'sequential' && c.hostRates);
    const spread = sequential?.hostRates ? hostSpread(sequential.hostRates) : undefined;
    if (spread && spread.spread > limit) out.push({ workload: w.name, ...spread });
  }
  return out.sort((a, b) => b.spread - a.spread);
}
