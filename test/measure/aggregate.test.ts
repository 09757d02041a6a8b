import { describe, expect, it } from 'vitest';
import { aggregateCell, stolenMs, taskThreads } from '../../src/measure/aggregate.ts';
import type { VisitOutcome } from '../../src/runtimes/visit.ts';
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

const visit = (samples: BatchSample[]): VisitOutcome => ({ status: 'ok', samples, elapsedMs: 1 });
const sample = (fields: Partial<BatchSample>): BatchSample => ({ wallMs: 100, tasks: 4, cpuMs: 100, latenciesMs: [1, 2, 3, 4], ...fields });

describe('CPU by thread kind', () => {
  it('sequential: the task thread is the utilisation; libuv pool and V8 background threads are reported apart', () => {
    // The figures: the whole process used 157% of a core, the main thread only 60%.
    const cell = aggregateCell('sequential', 1, [visit([sample({ cpuMs: 157, taskCpuMs: 60, poolCpuMs: 80, runQueueMs: 30 })])], 2)!;
    expect(cell.cpuUtilization).toBeCloseTo(0.6, 12);
    expect(cell.poolUtilization).toBeCloseTo(0.8, 12);
    expect(cell.overheadUtilization).toBeCloseTo(0.17, 12);
    expect(cell.runQueueShare).toBeCloseTo(0.3, 12);
  });

  it('stays within the task threads (and the cores), and the wait share within [0, 1], whatever the readings', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const [model, concurrency] of [['sequential', 1], ['async', 16], ['thread', 4], ['process', 3], ['thread+async', 16], ['process+async', 32]] as const) {
      const threads = taskThreads(model, concurrency, 8);
      for (let trial = 0; trial < 200; trial++) {
        // Physics: each task thread runs + waits at most the wall time; readings a moment apart add a little skew.
        const samples = Array.from({ length: 1 + Math.floor(random() * 5) }, () => {
          const wallMs = 1 + random() * 200;
          let task = 0;
          let wait = 0;
          for (let t = 0; t < threads; t++) {
            const run = random() * wallMs;
            task += run;
            wait += random() * (wallMs - run);
          }
          const skew = 1 + random() * 0.02;
          const pool = random() * 4 * wallMs;
          return sample({ wallMs, taskCpuMs: task * skew, poolCpuMs: pool, cpuMs: task + pool + random() * wallMs, runQueueMs: wait * skew });
        });
        for (const cores of [1, 2, 64]) {
          const cell = aggregateCell(model, concurrency, [visit(samples)], cores)!;
          expect(cell.cpuUtilization).toBeGreaterThanOrEqual(0);
          expect(cell.cpuUtilization).toBeLessThanOrEqual(Math.min(threads, cores));
          expect(cell.runQueueShare).toBeGreaterThanOrEqual(0);
          expect(cell.runQueueShare).toBeLessThanOrEqual(1);
          expect(cell.overheadUtilization).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('async at any concurrency has one task thread: its event loop', () => {
    expect(taskThreads('async', 64, 2)).toBe(1);
    expect(taskThreads('sequential', 1, 2)).toBe(1);
    expect(taskThreads('thread', 8, 2)).toBe(8);
    expect(taskThreads('process', 8, 2)).toBe(8);
    // A hybrid's tasks in flight share its workers' loops: one task thread per worker, one worker per core.
    expect(taskThreads('thread+async', 16, 2)).toBe(2);
    expect(taskThreads('process+async', 3, 4)).toBe(3);
    // The wait share is per task thread: 4 threads waiting 50 ms each in a 100 ms batch waited half the time.
    const cell = aggregateCell('thread', 4, [visit([sample({ cpuMs: 300, taskCpuMs: 280, poolCpuMs: 0, runQueueMs: 200 })])], 8)!;
    expect(cell.runQueueShare).toBeCloseTo(0.5, 12);
    expect(cell.cpuUtilization).toBeCloseTo(2.8, 12);
  });

  it('without per-thread figures: the whole process, capped at the task threads and cores; no pool or overhead share', () => {
    const whole = aggregateCell('sequential', 1, [visit([sample({ cpuMs: 157, runQueueMs: 404 })])], 2)!;
    expect(whole.cpuUtilization).toBe(1);
    expect(whole.runQueueShare).toBe(1);
    expect(whole.poolUtilization).toBeUndefined();
    expect(whole.overheadUtilization).toBeUndefined();
    // Within the bound the figure is today's: CPU time / wall time.
    expect(aggregateCell('sequential', 1, [visit([sample({ cpuMs: 42, runQueueMs: 3 })])], 2)!).toMatchObject({ cpuUtilization: 0.42, runQueueShare: 0.03 });
    expect(aggregateCell('thread', 4, [visit([sample({ cpuMs: 350 })])], 8)!.cpuUtilization).toBeCloseTo(3.5, 12);
    expect(aggregateCell('thread', 4, [visit([sample({ cpuMs: 350 })])], 2)!.cpuUtilization).toBe(2);
    // A cell measured partly without them (older host) falls back as a whole.
    const mixed = aggregateCell('sequential', 1, [visit([sample({ cpuMs: 90, taskCpuMs: 10, poolCpuMs: 75 })]), visit([sample({ cpuMs: 90 })])], 2)!;
    expect(mixed.cpuUtilization).toBeCloseTo(0.9, 12);
    expect(mixed.poolUtilization).toBeUndefined();
  });

  it('a host that cannot see the pool reports no pool share; the rest is overhead', () => {
    const cell = aggregateCell('sequential', 1, [visit([sample({ cpuMs: 100, taskCpuMs: 20 })])], 2)!;
    expect(cell.cpuUtilization).toBeCloseTo(0.2, 12);
    expect(cell.poolUtilization).toBeUndefined();
    expect(cell.overheadUtilization).toBeCloseTo(0.8, 12);
  });
});

describe('peak memory', () => {
  it('a visit stopped before its end (no "done") keeps the memory its samples read', () => {
    const stopped: VisitOutcome = { status: 'aborted', samples: [sample({ peakRssBytes: 40e6 }), sample({ peakRssBytes: 52e6 })], elapsedMs: 1 };
    expect(aggregateCell('thread+async', 8, [stopped], 2)!.peakRssBytes).toBe(52e6);
    // The end-of-visit figure, when there is one, and the largest over visits.
    const ended: VisitOutcome = { ...visit([sample({ peakRssBytes: 45e6 })]), peakRssBytes: 60e6 };
    expect(aggregateCell('thread+async', 8, [stopped, ended], 2)!.peakRssBytes).toBe(60e6);
    // An older host's samples carry none.
    expect(aggregateCell('async', 8, [visit([sample({})])], 2)!.peakRssBytes).toBe(0);
  });
});
