import { describe, expect, it } from 'vitest';
import { warmupDecision, type WarmupBatch } from '../../src/measure/warmup.ts';

/** Batches of 10 tasks whose rate follows `rateAt(ms since warm-up began)` (tasks per ms). */
function run(rateAt: (ms: number) => number, minMs: number, maxMs: number, batchTasks = 10) {
  const batches: WarmupBatch[] = [];
  let elapsed = 0;
  for (;;) {
    const wallMs = batchTasks / rateAt(elapsed);
    batches.push({ wallMs, tasks: batchTasks });
    elapsed += wallMs;
    const decision = warmupDecision(batches, elapsed, minMs, maxMs);
    if (decision.done) return { elapsed, settled: decision.settled, batches: batches.length };
  }
}

describe('warmupDecision', () => {
  it('waits out a host whose rate rises for 2 s, and stops soon after it levels off', () => {
    // 1 task/ms cold, rising linearly to 3 tasks/ms at 2 s, flat after (a JIT reaching its top tier).
    const rising = (ms: number) => 1 + 2 * Math.min(1, ms / 2000);
    const result = run(rising, 60, 5000);
    expect(result.settled).toBe(true);
    expect(result.elapsed).toBeGreaterThanOrEqual(2000);
    expect(result.elapsed).toBeLessThan(4500);
  });

  it('ends after the minimum for code that is warm at once', () => {
    const result = run(() => 2, 60, 5000);
    expect(result).toMatchObject({ settled: true });
    expect(result.elapsed).toBeLessThan(100);
  });

  it('stops at the cap and says the rate had not settled', () => {
    const result = run((ms) => 1 + ms / 1000, 60, 1000);
    expect(result.settled).toBe(false);
    expect(result.elapsed).toBeGreaterThanOrEqual(1000);
    expect(result.elapsed).toBeLessThan(1100);
  });

  it('fits a trend over many batches, so the noise of single short batches does not end it early', () => {
    // Batches of 1 task of about 1 ms, +-10% alternating, on a rate rising until 300 ms.
    let batch = 0;
    const noisyRamp = (ms: number) => (1 + Math.min(300, ms) / 100) * (batch++ % 2 === 0 ? 0.9 : 1.1);
    const result = run(noisyRamp, 60, 5000, 1);
    expect(result.settled).toBe(true);
    expect(result.elapsed).toBeGreaterThanOrEqual(300);
  });
});
