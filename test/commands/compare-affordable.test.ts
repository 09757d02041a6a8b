import { describe, expect, it } from 'vitest';
import { looksFor } from '../../src/analysis/compare.ts';
import { affordableRounds } from '../../src/commands/compare.ts';
import type { PairedTarget } from '../../src/commands/compare-paired.ts';
import type { WorkloadConfig } from '../../src/config/types.ts';
import type { VisitOutcome } from '../../src/runtimes/visit.ts';

const workload = {} as WorkloadConfig;
const target = (model: 'sequential' | 'thread', concurrency: number): PairedTarget => ({
  cell: { workload: 'w', model, concurrency, roles: ['best'] },
  base: workload,
  head: workload,
});
const visit = (elapsedMs: number, batchesMs: number[] = []) => ({ status: 'ok', samples: batchesMs.map((wallMs) => ({ wallMs, cpuMs: wallMs, tasks: 1, latenciesMs: [] })), elapsedMs }) as VisitOutcome;
const key = (side: string, model: string, concurrency: number) => `${side}\u0000w\u0000${model}\u0000${concurrency}`;
const settings = { minRounds: 6, maxRounds: 60 };

describe('affordableRounds', () => {
  it("divides the remaining budget by what a paired round of every target costs (each sweep visit's overhead plus the paired sample)", () => {
    const visits = new Map<string, VisitOutcome[]>([
      // overhead 300 + max(300 ms, 6 x 50 ms) = 600; overhead 400 + max(300, 6 x 100) = 1000: 800 on average
      [key('base', 'sequential', 1), [visit(400, [50, 50]), visit(600, [100, 100])]],
      // no batch timed: overhead 500 + 300
      [key('head', 'sequential', 1), [visit(500)]],
      // overhead 900 + 6 x 100
      [key('base', 'thread', 2), [visit(1000, [100])]],
      [key('head', 'thread', 2), [visit(1000, [100])]],
    ]);
    // one round: 800 + 800 + 1500 + 1500 = 4600 ms
    expect(affordableRounds([target('sequential', 1), target('thread', 2)], visits, 46_000, settings)).toBe(10);
    expect(affordableRounds([target('sequential', 1), target('thread', 2)], visits, 45_999, settings)).toBe(9);
    // clamped to [minRounds, maxRounds]
    expect(affordableRounds([target('sequential', 1), target('thread', 2)], visits, 1_000, settings)).toBe(6);
    expect(affordableRounds([target('sequential', 1), target('thread', 2)], visits, 1e9, settings)).toBe(60);
    // fewer affordable rounds mean fewer scheduled looks to split alpha over
    expect(looksFor(6, 10)).toBe(3);
    expect(looksFor(6, 60)).toBe(7);
    expect(looksFor(6, 6)).toBe(1);
    expect(looksFor(6, 7)).toBe(2);
  });

  it('leaves maxRounds alone when a target has no timed sweep visit', () => {
    expect(affordableRounds([target('sequential', 1)], new Map(), 10_000, settings)).toBe(60);
  });
});
