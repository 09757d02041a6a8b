import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.ts';
import type { WorkloadConfig } from '../../../src/config/types.ts';
import { nodeRuntime } from '../../../src/runtimes/node/runtime.ts';
import type { VisitSpec } from '../../../src/runtimes/types.ts';
import { runVisit } from '../../../src/runtimes/visit.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

function workload(module: string, tasks: number): WorkloadConfig {
  return parseConfig({ workloads: [{ name: 'w', module, tasks }] }, join(FIXTURES, 'concurrency-bench.config.json')).workloads[0];
}

function spec(w: WorkloadConfig, extra: Partial<VisitSpec>): VisitSpec {
  return {
    mode: 'measure',
    workload: { name: w.name, modulePath: w.modulePath, function: w.function, tasks: w.tasks, timeoutMs: 20_000 },
    model: 'sequential',
    concurrency: 1,
    warmupBatches: 1,
    warmupTimeMs: 60,
    minBatches: 4,
    maxBatches: 50,
    sampleTimeMs: 100,
    ...extra,
  };
}

const rate = (samples: readonly { tasks: number; wallMs: number }[]) => samples.reduce((s, b) => s + b.tasks, 0) / samples.reduce((s, b) => s + b.wallMs, 0);

describe('the Node host samples what run asks for', () => {
  it('warms up until the rate settles: a task that speeds up for 1 s is measured at its steady rate', async () => {
    const w = workload('warming.mjs', 10);
    const settled = await runVisit(nodeRuntime, w, spec(w, { warmupMaxMs: 4000 }), { hardTimeoutMs: 60_000 });
    expect(settled.status, settled.error).toBe('ok');
    expect(settled.warmup?.settled).toBe(true);
    expect(settled.warmup!.ms).toBeGreaterThanOrEqual(900);
    // The fixed 60 ms warm-up measured it cold, and did not say so.
    const cold = await runVisit(nodeRuntime, w, spec(w, {}), { hardTimeoutMs: 60_000 });
    expect(cold.warmup).toBeUndefined();
    // Steady state is 1 task per ms (cold 0.1): measured warm, at least twice the cold rate even on a busy machine.
    expect(rate(settled.samples)).toBeGreaterThan(2 * rate(cold.samples));
    // A cap shorter than the ramp: measured anyway, reported as not settled.
    const capped = await runVisit(nodeRuntime, w, spec(w, { warmupMaxMs: 300 }), { hardTimeoutMs: 60_000 });
    expect(capped.warmup).toMatchObject({ settled: false });
    // The cap plus one batch (cold: ~100 ms, longer on a loaded machine); ignoring the cap takes 900 ms+.
    expect(capped.warmup!.ms).toBeLessThan(800);
  });

  it('repeats a batch of tiny tasks within one sample', async () => {
    const w = workload('multiply.mjs', 10);
    const outcome = await runVisit(nodeRuntime, w, spec(w, { batchRepeat: 500, sampleTimeMs: 0 }), { hardTimeoutMs: 60_000 });
    expect(outcome.status, outcome.error).toBe('ok');
    for (const sample of outcome.samples) {
      expect(sample.tasks).toBe(5000);
      expect(sample.latenciesMs).toHaveLength(5000);
    }
  });

  it('raises the repeat from its own warm-up when a sample is shorter than minSampleMs, the same for every measured sample', async () => {
    const w = workload('multiply.mjs', 10);
    const outcome = await runVisit(nodeRuntime, w, spec(w, { minSampleMs: 20, sampleTimeMs: 0, minBatches: 5 }), { hardTimeoutMs: 60_000 });
    expect(outcome.status, outcome.error).toBe('ok');
    const sizes = new Set(outcome.samples.map((s) => s.tasks));
    expect(sizes.size).toBe(1);
    // Ten multiplications take microseconds: a sample of 20 ms holds hundreds of batches.
    expect([...sizes][0]).toBeGreaterThanOrEqual(10 * 100);
    // Sized on warm-up samples, which on a shared machine can run at half the speed of the measured
    // ones (a median of 9.5 ms in one full parallel test run): the samples reach the order of
    // minSampleMs, where one batch of ten multiplications takes microseconds.
    const walls = outcome.samples.map((s) => s.wallMs).sort((a, b) => a - b);
    expect(walls[Math.floor(walls.length / 2)]).toBeGreaterThanOrEqual(5);
  });
});
