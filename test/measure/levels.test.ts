import { describe, expect, it } from 'vitest';
import { coarseLevels, coarseRank } from '../../src/measure/levels.ts';

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
