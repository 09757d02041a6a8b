import { describe, expect, it } from 'vitest';
import { stolenMs } from '../../src/measure/aggregate.ts';
import type { BatchSample } from '../../src/types.ts';

const batch = (busy: number, steal: number): BatchSample => ({ wallMs: 100, tasks: 1, cpuMs: 50, latenciesMs: [], machineTicks: { busy, steal } });

describe('steal attribution', () => {
  it("charges a cell the machine's steal per busy tick over all its batches, in proportion to its CPU time", () => {
    // 100 busy ticks and 25 stolen over the cell: every computed ms cost 0.25 ms more.
    expect(stolenMs(400, [batch(60, 5), batch(40, 20)])).toBeCloseTo(100, 12);
    // A task that barely used the CPU is barely charged, however busy the neighbours were.
    expect(stolenMs(4, [batch(100, 25)])).toBeCloseTo(1, 12);
    // Summed, not averaged per batch: a batch of 1 busy tick and 3 stolen does not make it 3x.
    expect(stolenMs(400, [batch(1, 3), batch(99, 22)])).toBeCloseTo(100, 12);
    expect(stolenMs(400, [batch(100, 0)])).toBe(0);
    expect(stolenMs(400, [{ wallMs: 100, tasks: 1, cpuMs: 50, latenciesMs: [] }])).toBe(0);
  });
});
