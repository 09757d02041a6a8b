import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../../src/config/load.ts';
import type { WorkloadConfig } from '../../../src/config/types.ts';
import { pythonRuntime } from '../../../src/runtimes/python/runtime.ts';
import type { VisitSpec } from '../../../src/runtimes/types.ts';
import { runVisit, type VisitOutcome } from '../../../src/runtimes/visit.ts';
import type { Model } from '../../../src/types.ts';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A python workload as the config loader makes it, from a config file in fixtures/. */
export function workload(declared: Record<string, unknown>): WorkloadConfig {
  const config = parseConfig({ workloads: [{ name: 'w', runtime: 'python', tasks: 8, ...declared }] }, join(FIXTURES, 'concurrency-bench.config.json'));
  return config.workloads[0];
}

export function specFor(w: WorkloadConfig, model: Model, concurrency: number, batches: Partial<VisitSpec> = {}): VisitSpec {
  return {
    mode: 'measure',
    workload: { name: w.name, modulePath: w.modulePath, function: w.function, tasks: w.tasks, timeoutMs: w.timeoutMs, startMethod: w.startMethod },
    model,
    concurrency,
    warmupBatches: 1,
    minBatches: 2,
    maxBatches: 3,
    sampleTimeMs: 0,
    ...batches,
  };
}

const MARKER = 'CB_PYTHON_TEST_MARKER';
let visits = 0;

/** Processes (other than zombies) whose environment carries this marker value. Linux /proc. */
export function processesMarked(value: string): number[] {
  const needle = Buffer.from(`${MARKER}=${value}\0`);
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`).includes(needle)) found.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** Wait up to `ms` for every marked process to be gone; returns those still there. */
export async function leftovers(value: string, ms = 3000): Promise<number[]> {
  const deadline = Date.now() + ms;
  let alive = processesMarked(value);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    alive = processesMarked(value);
  }
  return alive;
}

/**
 * One visit through the real runVisit, with a marker in the environment that every process the
 * host starts inherits (pool workers, forkserver, resource tracker), so we can see afterwards that
 * none of them is still running.
 */
export async function visit(w: WorkloadConfig, spec: VisitSpec): Promise<VisitOutcome & { leftovers: number[] }> {
  const value = `${process.pid}-${++visits}`;
  const previous = process.env[MARKER];
  process.env[MARKER] = value;
  try {
    const outcome = await runVisit(pythonRuntime, w, spec, { hardTimeoutMs: 60_000 });
    return { ...outcome, leftovers: await leftovers(value) };
  } finally {
    if (previous === undefined) delete process.env[MARKER];
    else process.env[MARKER] = previous;
  }
}

export function markerEnv(value: string): Record<string, string> {
  return { [MARKER]: value };
}

export function throughput(outcome: VisitOutcome): number {
  const tasks = outcome.samples.reduce((sum, s) => sum + s.tasks, 0);
  const wall = outcome.samples.reduce((sum, s) => sum + s.wallMs, 0);
  return (tasks / wall) * 1000;
}
