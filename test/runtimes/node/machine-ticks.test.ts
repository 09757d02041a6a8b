import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { machineTicks, ticksBetween } from '../../../src/runtimes/node/executors/types.ts';

describe('machine ticks', () => {
  it.runIf(existsSync('/proc/stat'))('reads monotonic busy and steal ticks from /proc/stat', () => {
    const a = machineTicks()!;
    let x = 0;
    for (let i = 0; i < 5e7; i++) x += i;
    const delta = ticksBetween(a, machineTicks())!;
    expect(x).toBeGreaterThan(0);
    expect(delta.busy).toBeGreaterThanOrEqual(0);
    expect(delta.steal).toBeGreaterThanOrEqual(0);
    expect(Number.isInteger(a.busy) && Number.isInteger(a.steal)).toBe(true);
  });
  it('has no delta without both readings', () => {
    expect(ticksBetween(null, { busy: 1, steal: 0 })).toBeNull();
    expect(ticksBetween({ busy: 1, steal: 0 }, { busy: 5, steal: 2 })).toEqual({ busy: 4, steal: 2 });
  });
});
