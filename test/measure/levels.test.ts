import { describe, expect, it } from 'vitest';
import { coarseLevels, coarseRank, refineAround } from '../../src/measure/levels.ts';
import type { WorkloadConfig } from '../../src/config/types.ts';
import type { Cell } from '../../src/measure/scheduler.ts';

describe('coarse levels and their rank', () => {
  it('takes the levels nearest 1, cores and 2 x cores, and async’s far end', () => {
    expect(coarseLevels('thread', [1, 2, 4, 8, 16], 8)).toEqual([1, 8, 16]);
    expect(coarseLevels('async', [1, 2, 4, 8, 16, 24], 2)).toEqual([1, 2, 4, 24]);
  });

  it('ranks each model’s most telling level first: pools at the cores for computing work, at their far end for waiting work', () => {
    const levels = [1, 2, 4];
    expect(coarseRank({ model: 'sequential', concurrency: 1 }, 2, [1])).toBe(0);
    expect(coarseRank({ model: 'thread', concurrency: 2 }, 2, levels)).toBe(1);
    expect(coarseRank({ model: 'thread', concurrency: 4 }, 2, levels)).toBe(2);
    expect(coarseRank({ model: 'thread', concurrency: 4 }, 2, levels, true)).toBe(1);
    expect(coarseRank({ model: 'thread', concurrency: 2 }, 2, levels, true)).toBe(2);
    expect(coarseRank({ model: 'async', concurrency: 24 }, 2, [1, 2, 4, 24])).toBe(1);
    expect(coarseRank({ model: 'process', concurrency: 1 }, 2, levels)).toBe(3);
  });
});

describe('the hybrids', () => {
  const workload = { name: 'w' } as WorkloadConfig;
  const cells: Cell[] = [4, 8, 16, 32].map((concurrency) => ({ workload, model: 'thread+async', concurrency, key: `thread+async ${concurrency}` }));

  it('sweep their far end first, and it ranks with each model’s most telling level', () => {
    expect(coarseLevels('thread+async', [4, 8, 16, 32], 2)).toEqual([32]);
    expect(coarseRank({ model: 'process+async', concurrency: 32 }, 2, [4, 8, 16, 32])).toBe(1);
    expect(coarseRank({ model: 'process+async', concurrency: 16 }, 2, [4, 8, 16, 32])).toBe(2);
  });

  it('are refined one level at a time below a far end measured alone, not all levels at once', () => {
    expect(refineAround(cells, new Set(['thread+async 32']), new Map([['w\u0000thread+async', 32]])).map((c) => c.concurrency)).toEqual([16]);
    // With 16 measured and best, the level between it and its measured neighbour above stays none; below, the next one.
    expect(refineAround(cells, new Set(['thread+async 16', 'thread+async 32']), new Map([['w\u0000thread+async', 16]])).map((c) => c.concurrency)).toEqual([8]);
  });
});
