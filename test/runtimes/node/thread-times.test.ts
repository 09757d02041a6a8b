import { availableParallelism } from 'node:os';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/analysis/classify.ts';
import { parseConfig } from '../../../src/config/load.ts';
import type { WorkloadConfig } from '../../../src/config/types.ts';
import { aggregateCell, taskThreads } from '../../../src/measure/aggregate.ts';
import { nodeRuntime } from '../../../src/runtimes/node/runtime.ts';
import type { VisitSpec } from '../../../src/runtimes/types.ts';
import { runVisit, type VisitOutcome } from '../../../src/runtimes/visit.ts';
import { MODELS, type BatchSample, type Model } from '../../../src/types.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

function workload(module: string, tasks: number): WorkloadConfig {
  return parseConfig({ workloads: [{ name: 'w', module, tasks }] }, join(FIXTURES, 'concurrency-bench.config.json')).workloads[0];
}

function specFor(w: WorkloadConfig, model: Model, concurrency: number): VisitSpec {
  return {
    mode: 'measure',
    workload: { name: w.name, modulePath: w.modulePath, function: w.function, tasks: w.tasks, timeoutMs: 20_000 },
    model,
    concurrency,
    warmupBatches: 2,
    minBatches: 4,
    maxBatches: 50,
    sampleTimeMs: 400,
  };
}

async function measure(w: WorkloadConfig, model: Model, concurrency = 1): Promise<VisitOutcome> {
  const outcome = await runVisit(nodeRuntime, w, specFor(w, model, concurrency), { hardTimeoutMs: 60_000 });
  expect(outcome.status, outcome.error).toBe('ok');
  return outcome;
}

const total = (samples: readonly BatchSample[], field: (s: BatchSample) => number | undefined) => samples.reduce((sum, s) => sum + (field(s) ?? 0), 0);

/** Whether the Node that runs workloads names libuv's pool threads (libuv 1.50+), so the pool can be seen. */
async function hostSeesPool(w: WorkloadConfig): Promise<boolean> {
  const { command } = await nodeRuntime.hostCommand(w, specFor(w, 'sequential', 1));
  const [major, minor] = execFileSync(command, ['-p', 'process.versions.uv'], { encoding: 'utf8' }).trim().split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 50);
}

describe.runIf(existsSync('/proc/self/task'))('node host: CPU time by thread kind (Linux)', () => {
  it("sequential zlib.gzip: libuv's pool does the work, the main thread stays well below a core", async () => {
    const w = workload('gzip.mjs', 8);
    const { samples } = await measure(w, 'sequential');
    for (const s of samples) expect(s.taskCpuMs).toBeGreaterThanOrEqual(0);
    const cell = aggregateCell('sequential', 1, [{ status: 'ok', samples, elapsedMs: 1 }])!;
    // Measured here: 0.1 of a core on the main thread, 0.8 in the pool, on a busy 2-core machine.
    expect(cell.cpuUtilization).toBeLessThan(0.5);
    expect(classify(cell)).not.toBe('cpu-bound');
    if (await hostSeesPool(w)) {
      for (const s of samples) expect(s.poolCpuMs).toBeGreaterThan(0);
      expect(total(samples, (s) => s.poolCpuMs)).toBeGreaterThan(total(samples, (s) => s.taskCpuMs));
    }
  });

  it('sequential CPU loop: nearly all the CPU time is the task thread, which is bounded by the wall time', async () => {
    const { samples } = await measure(workload('cpu-loop.mjs', 8), 'sequential');
    const cpu = total(samples, (s) => s.cpuMs);
    const task = total(samples, (s) => s.taskCpuMs);
    // V8's compiler and GC threads take a little beside it; the two are read a moment apart.
    expect(task).toBeGreaterThan(0.9 * cpu);
    expect(task).toBeLessThan(1.05 * cpu);
    for (const s of samples) expect(s.taskCpuMs! + s.runQueueMs!).toBeLessThan(s.wallMs * 1.05 + 2);
    expect(total(samples, (s) => s.poolCpuMs)).toBeLessThan(0.05 * cpu);
  });

  for (const model of MODELS.filter((m) => m !== 'sequential')) {
    it(`${model} at 2: every batch splits its CPU time, the task threads within their own run time`, async () => {
      const outcome = await measure(workload('cpu-loop.mjs', 8), model, 2);
      const { samples } = outcome;
      const threads = taskThreads(model, 2, availableParallelism());
      // A child process's task thread reads its own schedstat, which the kernel brings up to date
      // only at the thread's next tick or switch (dc5fce3): up to a tick late (4 ms at the usual HZ of
      // 250). Two children over a 15.6 ms batch read 38.7 ms once (fresh-clone CI at 0f7a5c2).
      const tickMs = model === 'process' || model === 'process+async' ? 4 : 0;
      for (const s of samples) {
        expect(s.taskCpuMs).toBeGreaterThan(0);
        expect(s.taskCpuMs! + s.runQueueMs!).toBeLessThan(threads * (s.wallMs * 1.05 + 2 + tickMs));
      }
      // The tasks' CPU is on the task threads in every model: the host's own threads (dispatch, the
      // watchdog, which is a worker thread too) take little beside it.
      expect(total(samples, (s) => s.taskCpuMs)).toBeGreaterThan(0.8 * total(samples, (s) => s.cpuMs));
      // Peak memory so far with every batch (a visit stopped before "done" keeps it), never falling.
      let last = 0;
      for (const s of samples) {
        expect(s.peakRssBytes).toBeGreaterThan(10 * 2 ** 20);
        expect(s.peakRssBytes!).toBeGreaterThanOrEqual(last);
        last = s.peakRssBytes!;
      }
      expect(outcome.peakRssBytes!).toBeGreaterThanOrEqual(last);
    });
  }
});
