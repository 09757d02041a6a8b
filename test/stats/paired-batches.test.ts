import { describe, expect, it } from 'vitest';
import { pairedBatchRates } from '../../src/stats/paired-batches.ts';
import type { VisitOutcome } from '../../src/runtimes/visit.ts';

const visit = (batches: Array<[wallMs: number, cpuMs: number]>, tasks = 10): VisitOutcome => ({
  status: 'ok',
  samples: batches.map(([wallMs, cpuMs]) => ({ wallMs, cpuMs, tasks, latenciesMs: [] })),
  elapsedMs: 1,
});
const wall = (s: { wallMs: number }) => s.wallMs;
const cpu = (s: { cpuMs: number }) => s.cpuMs;

describe("a paired round's rates (batches paired by position)", () => {
  it('pools each side: its tasks over its time', () => {
    const base = visit([[100, 90], [120, 100], [80, 80]]);
    const head = visit([[110, 100], [130, 110], [90, 85]]);
    // Fewer than six pairs: nothing is trimmed.
    expect(pairedBatchRates(base, head, wall)).toEqual({ base: 30 / 0.3, head: 30 / 0.33 });
    expect(pairedBatchRates(base, head, cpu).head).toBeCloseTo(30 / 0.295, 9);
  });
  it('drops the most extreme sixth of pairs at each end by their head/base ratio', () => {
    // Six pairs: head is 10% slower except pair 2 (a stall on head's batch: 3x) and pair 5 (on base's).
    const base = visit([[100, 100], [100, 100], [100, 100], [100, 100], [100, 100], [300, 100]]);
    const head = visit([[110, 110], [330, 110], [110, 110], [110, 110], [110, 110], [110, 110]]);
    const rates = pairedBatchRates(base, head, wall);
    expect(rates.base).toBeCloseTo(40 / 0.4, 9);
    expect(rates.head).toBeCloseTo(40 / 0.44, 9);
  });
  it('pairs only as many batches as the shorter side has, skipping untimed pairs', () => {
    const rates = pairedBatchRates(visit([[100, 0], [100, 50], [100, 50]]), visit([[100, 50], [200, 50]]), cpu);
    expect(rates).toEqual({ base: 10 / 0.05, head: 10 / 0.05 });
    expect(pairedBatchRates(visit([]), visit([[1, 1]]), wall).base).toBeNaN();
  });
});
