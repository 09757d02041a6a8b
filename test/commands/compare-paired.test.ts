import { describe, expect, it } from 'vitest';
import { visitCpuRate, visitThroughput } from '../../src/commands/compare-paired.ts';
import type { VisitOutcome } from '../../src/runtimes/visit.ts';

const visit = (batches: Array<[wallMs: number, cpuMs: number]>, tasks = 10): VisitOutcome =>
  ({ status: 'ok', samples: batches.map(([wallMs, cpuMs]) => ({ wallMs, cpuMs, tasks, latenciesMs: [] })), leftovers: [], stderrTail: '', elapsedMs: 1 }) as unknown as VisitOutcome;

describe("a paired visit's rate", () => {
  it('is its best batch: disturbances only slow a batch down', () => {
    // 10 tasks in 100 ms = 100/s; the 200 ms batch lost half its time to a neighbour.
    const v = visit([[200, 100], [100, 100], [125, 110]]);
    expect(visitThroughput(v)).toBeCloseTo(100, 12);
    expect(visitCpuRate(v)).toBeCloseTo(100, 12);
  });
  it('pools many short batches into three groups before taking the best', () => {
    // Nine batches: groups of three; the middle group holds the lucky 1 ms batch but pools to 30 tasks / 21 ms.
    const v = visit([[10, 10], [10, 10], [10, 10], [10, 10], [1, 1], [10, 10], [20, 20], [20, 20], [20, 20]]);
    expect(visitThroughput(v)).toBeCloseTo(30 / 0.021, 9);
    expect(visitCpuRate(v)).toBeCloseTo(30 / 0.021, 9);
  });
  it('is NaN without measured time', () => {
    expect(visitThroughput(visit([]))).toBeNaN();
    expect(visitCpuRate(visit([[100, 0]]))).toBeNaN();
  });
});
