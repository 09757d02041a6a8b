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
const visit = (elapsedMs: number) => ({ status: 'ok', samples: [], elapsedMs }) as VisitOutcome;
const key = (side: string, model: string, concurrency: number) => `${side}\u0000w\u0000${model}\u0000${concurrency}`;
const settings = { minRounds: 6, maxRounds: 60 };

describe('affordableRounds', () => {
  it('divides the remaining budget by what a paired round of every target costs (sweep visit costs x 1.1)', () => {
    const visits = new Map<string, VisitOutcome[]>([
      [key('base', 'sequential', 1), [visit(400), visit(600)]],
      [key('head', 'sequential', 1), [visit(500)]],
      [key('base', 'thread', 2), [visit(1000)]],
      [key('head', 'thread', 2), [visit(1000)]],
    ]);
    // one round: 1.1 * (500 + 500 + 1000 + 1000) = 3300 ms
    expect(affordableRounds([target('sequential', 1), target('thread', 2)], visits, 33_000, settings)).toBe(10);
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
