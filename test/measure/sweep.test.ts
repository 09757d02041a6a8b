import { describe, expect, it } from 'vitest';
import { batchTasksFor, LANE_FLOOR_MAX_MS, MIN_TASKS_PER_LANE } from '../../src/measure/sweep.ts';

describe('batchTasksFor', () => {
  it('sizes a sequential batch to about batchMs of wall time, within the config', () => {
    expect(batchTasksFor(64, 1, 10, 30)).toBe(3);
    expect(batchTasksFor(64, 1, 0.01, 30)).toBe(64);
    expect(batchTasksFor(64, 1, Number.NaN, 30)).toBe(64);
  });

  it('keeps several tasks per lane in a pool, so the idle tail of a batch stays small', () => {
    // acorn at 10 ms a task, two lanes: 30 ms batches would be 6 tasks (3 per lane).
    expect(batchTasksFor(64, 2, 10, 30)).toBe(2 * MIN_TASKS_PER_LANE);
    // The config's batch is the ceiling: the user's unit of work.
    expect(batchTasksFor(12, 2, 10, 30)).toBe(12);
    // Longer batches than the floor come from batchMs as before.
    expect(batchTasksFor(1000, 2, 0.1, 30)).toBe(600);
  });

  it('stops the per-lane floor where a lane would run longer than LANE_FLOOR_MAX_MS', () => {
    expect(batchTasksFor(128, 4, 40, 30)).toBe(4 * Math.floor(LANE_FLOOR_MAX_MS / 40));
    expect(batchTasksFor(128, 4, 500, 30)).toBe(4);
  });

  it('never gives fewer tasks than lanes, nor more than the config', () => {
    expect(batchTasksFor(3, 8, 1000, 30)).toBe(3);
    expect(batchTasksFor(256, 256, 50, 30)).toBe(256);
  });
});
