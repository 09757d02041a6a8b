import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { machineTicks, stolenMs } from '../../../src/runtimes/node/executors/types.ts';

describe('steal attribution', () => {
  it("charges a batch the machine's steal per busy tick, in proportion to its own CPU time", () => {
    // 100 busy ticks and 25 stolen on the machine: every computed ms cost 0.25 ms more.
    expect(stolenMs(400, { busy: 1000, steal: 50 }, { busy: 1100, steal: 75 })).toBeCloseTo(100, 12);
    // A task that barely used the CPU is barely charged, however busy the neighbours were.
    expect(stolenMs(4, { busy: 1000, steal: 50 }, { busy: 1100, steal: 75 })).toBeCloseTo(1, 12);
    expect(stolenMs(400, { busy: 1000, steal: 50 }, { busy: 1000, steal: 60 })).toBe(0);
    expect(stolenMs(400, null, { busy: 1000, steal: 60 })).toBe(0);
  });
  it.runIf(existsSync('/proc/stat'))('reads monotonic machine ticks from /proc/stat', () => {
    const a = machineTicks()!;
    let x = 0;
    for (let i = 0; i < 5e7; i++) x += i;
    const b = machineTicks()!;
    expect(x).toBeGreaterThan(0);
    expect(b.busy).toBeGreaterThanOrEqual(a.busy);
    expect(b.steal).toBeGreaterThanOrEqual(a.steal);
    expect(Number.isInteger(a.busy) && Number.isInteger(a.steal)).toBe(true);
  });
});
