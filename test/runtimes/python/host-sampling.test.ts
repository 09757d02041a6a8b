import { describe, expect, it } from 'vitest';
import { runInterleavedVisits } from '../../../src/measure/interleaved.ts';
import { pythonRuntime } from '../../../src/runtimes/python/runtime.ts';
import { specFor, visit, workload } from './helpers.ts';

const rate = (samples: readonly { tasks: number; wallMs: number }[]) => samples.reduce((s, b) => s + b.tasks, 0) / samples.reduce((s, b) => s + b.wallMs, 0);

describe('the Python host samples what run asks for (the Node host rule, ported)', () => {
  it('warms up until the rate settles, and says so; without warmupMaxMs it measures cold', async () => {
    const w = workload({ module: 'warming.py', tasks: 10 });
    const settled = await visit(w, specFor(w, 'sequential', 1, { warmupMaxMs: 4000, warmupTimeMs: 60, minBatches: 4, maxBatches: 50, sampleTimeMs: 100 }));
    expect(settled.status, settled.error).toBe('ok');
    expect(settled.warmup?.settled).toBe(true);
    expect(settled.warmup!.ms).toBeGreaterThanOrEqual(900);
    const cold = await visit(w, specFor(w, 'sequential', 1, { minBatches: 4, maxBatches: 4 }));
    expect(cold.warmup).toBeUndefined();
    // Steady state is 1 task per ms (cold 0.1): measured warm, at least twice the cold rate even on a busy machine.
    expect(rate(settled.samples)).toBeGreaterThan(2 * rate(cold.samples));
  });

  it('repeats a batch of tiny tasks within one sample', async () => {
    const w = workload({ module: 'multiply.py', tasks: 10 });
    const outcome = await visit(w, specFor(w, 'sequential', 1, { batchRepeat: 200 }));
    expect(outcome.status, outcome.error).toBe('ok');
    for (const sample of outcome.samples) {
      expect(sample.tasks).toBe(2000);
      expect(sample.latenciesMs).toHaveLength(2000);
    }
  });

  it('repeats the batch on a stepped visit too (the paired phase lengthens its samples this way)', async () => {
    const w = workload({ module: 'multiply.py', tasks: 10 });
    const side = (batchRepeat: number) => ({ runtime: pythonRuntime, workload: w, spec: specFor(w, 'sequential', 1, { batchRepeat, minBatches: 3, maxBatches: 3 }) });
    const [a, b] = await runInterleavedVisits(side(50), side(3));
    expect(a.status, a.error).toBe('ok');
    expect(b?.status, b?.error).toBe('ok');
    expect(a.samples.map((s) => s.tasks)).toEqual([500, 500, 500]);
    expect(b!.samples.map((s) => s.tasks)).toEqual([30, 30, 30]);
  });

  it('raises the repeat from its own warm-up when a sample is shorter than minSampleMs, the same for every measured sample', async () => {
    const w = workload({ module: 'multiply.py', tasks: 10 });
    const outcome = await visit(w, specFor(w, 'sequential', 1, { minSampleMs: 20, sampleTimeMs: 0, minBatches: 5, maxBatches: 5 }));
    expect(outcome.status, outcome.error).toBe('ok');
    const sizes = new Set(outcome.samples.map((s) => s.tasks));
    expect(sizes.size).toBe(1);
    expect([...sizes][0]).toBeGreaterThanOrEqual(10 * 20);
    // Sized on warm-up samples, which on a shared machine can run at half the speed of the measured
    // ones (a median of 9.8 ms in the CI run of c46bd77, as the Node host's 9.5 ms once): the samples
    // reach the order of minSampleMs, where one batch of ten multiplications takes tens of microseconds.
    const walls = outcome.samples.map((s) => s.wallMs).sort((a, b) => a - b);
    expect(walls[Math.floor(walls.length / 2)]).toBeGreaterThanOrEqual(5);
  });
});
