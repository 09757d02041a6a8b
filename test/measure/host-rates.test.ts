import { describe, expect, it } from 'vitest';
import { hostRate, sequentialHostRates } from '../../src/measure/host-rates.ts';
import type { Cell } from '../../src/measure/scheduler.ts';
import type { VisitOutcome } from '../../src/runtimes/visit.ts';
import type { BatchSample } from '../../src/types.ts';
import type { WorkloadConfig } from '../../src/config/types.ts';

const batch = (tasks: number, wallMs: number): BatchSample => ({ tasks, wallMs, cpuMs: wallMs, latenciesMs: [] });
const visit = (status: VisitOutcome['status'], samples: BatchSample[]): VisitOutcome => ({ status, samples, elapsedMs: 1000 });
const workload = (name: string) => ({ name, runtime: 'node' }) as unknown as WorkloadConfig;

describe('hostRate', () => {
  it('is the median of the batches in tasks per second', () => {
    expect(hostRate([batch(10, 100), batch(10, 50), batch(10, 200)])).toBe(100);
  });
  it('is undefined without a usable batch', () => {
    expect(hostRate([])).toBeUndefined();
    expect(hostRate([batch(10, 0), batch(0, 10)])).toBeUndefined();
  });
});

describe('sequentialHostRates', () => {
  const a = workload('a');
  const b = workload('b');
  const cells: Cell[] = [
    { workload: a, model: 'sequential', concurrency: 1, key: 'a/s' },
    { workload: a, model: 'thread', concurrency: 2, key: 'a/t2' },
    { workload: b, model: 'sequential', concurrency: 1, key: 'b/s' },
    { workload: b, model: 'async', concurrency: 4, key: 'b/a4' },
  ];
  it("takes the sweep's successful sequential visits, then every paired round's baseline, per workload", () => {
    const visits = new Map([
      ['a/s', [visit('ok', [batch(10, 100)]), visit('errored', [batch(10, 10)]), visit('ok', [batch(10, 125)])]],
      // Other models' hosts are not the baseline: they say nothing about the machine's speed.
      ['a/t2', [visit('ok', [batch(10, 50)])]],
      ['b/s', [visit('ok', [batch(5, 100)])]],
    ]);
    const paired = new Map([
      ['a/t2', [{ baseline: [batch(10, 200), batch(10, 200)], candidate: [batch(10, 100), batch(10, 100)] }]],
      ['b/a4', [{ baseline: [batch(5, 50)], candidate: [batch(5, 10)] }, { baseline: [batch(5, 100)], candidate: [batch(5, 20)] }]],
    ]);
    const rates = sequentialHostRates(cells, visits, paired);
    expect(rates.get('a')).toEqual([100, 80, 50]);
    expect(rates.get('b')).toEqual([50, 100, 50]);
  });
  it('counts a baseline host shared by two candidates in one round once', () => {
    const shared = [batch(10, 100)];
    const paired = new Map([
      ['a/t2', [{ baseline: shared, candidate: [batch(10, 50)], baselineHost: 1 }, { baseline: [batch(10, 200)], candidate: [batch(10, 50)], baselineHost: 2 }]],
      ['a/p2', [{ baseline: shared, candidate: [batch(10, 60)], baselineHost: 1 }]],
    ]);
    const withProcess = [...cells, { workload: a, model: 'process' as const, concurrency: 2, key: 'a/p2' }];
    expect(sequentialHostRates(withProcess, new Map(), paired).get('a')).toEqual([100, 50]);
  });
  it('has no entry for a workload with no measured sequential host', () => {
    expect(sequentialHostRates(cells, new Map()).size).toBe(0);
  });
});
