import { describe, expect, it } from 'vitest';
import { buildRunResults, pairedSpeedups } from '../../src/commands/run.ts';
import { checkAnyResults } from '../../src/results/schema.ts';
import type { Config, WorkloadConfig } from '../../src/config/types.ts';
import { planCells } from '../../src/measure/scheduler.ts';
import { NO_USE_FOR_HYBRIDS } from '../../src/measure/hybrids.ts';
import type { VisitOutcome } from '../../src/runtimes/visit.ts';
import type { BatchSample } from '../../src/types.ts';

const workload: WorkloadConfig = {
  name: 'w',
  runtime: 'node',
  modulePath: '/w.mjs',
  module: 'w.mjs',
  configDir: '/',
  function: 'run',
  tasks: 16,
  concurrency: { sequential: [1], async: [2], thread: [2], process: [2], 'thread+async': [4], 'process+async': [4] },
  models: ['sequential', 'async', 'thread', 'process'],
  timeoutMs: 1000,
};
const config: Config = { file: '/concurrency-bench.config.json', dir: '/', workloads: [workload] };

/** A visit of 8 batches of 16 tasks at about `rate` tasks/s, computing `cpu` of each batch's time. */
function visit(rate: number, cpu: number): VisitOutcome {
  const jitter = [1, 1.01, 0.99, 1.02, 0.98, 1, 1.01, 0.99];
  const samples: BatchSample[] = jitter.map((j) => {
    const wallMs = (16 / (rate * j)) * 1000;
    return { wallMs, tasks: 16, cpuMs: wallMs * cpu, taskCpuMs: wallMs * cpu, latenciesMs: [1] };
  });
  return { status: 'ok', samples, elapsedMs: 100, startupMs: 1, warmup: { ms: 100, settled: true } };
}

describe('buildRunResults', () => {
  it('lowers the confidence for a model the budget left unmeasured, and records why', () => {
    const cells = planCells(workload, workload.models);
    const key = (model: string) => cells.find((c) => c.model === model)!.key;
    // Two rounds of each measured cell: thread 2 clearly beats sequential; process never ran.
    const visits = new Map<string, VisitOutcome[]>([
      [key('sequential'), [visit(100, 1), visit(100, 1)]],
      [key('async'), [visit(100, 1), visit(100, 1)]],
      [key('thread'), [visit(190, 2), visit(190, 2)]],
      [key('process'), []],
    ]);
    const skipped = new Map([[key('process'), 'the budget did not allow one visit of every cell of the coarse sweep']]);
    const probes = new Map([['w', { status: 'ok', samples: [], elapsedMs: 1 } satisfies VisitOutcome]]);
    const results = buildRunResults(config, probes, cells, visits, { timeBudgetSeconds: 60, margin: 0.1, seed: 1, rounds: 2, incomplete: false, workloads: [workload], cores: 2 }, skipped);
    const rec = results.workloads[0].recommendation!;
    expect(rec).toMatchObject({ model: 'thread', concurrency: 2, confidence: 'low', doubts: ['model-not-measured'] });
    expect(rec.reason).toContain('Not measured within the budget: process');
    expect(results.workloads[0].skipped).toEqual([{ model: 'process', concurrency: 2, reason: skipped.get(key('process')) }]);
  });

  it('does not count a hybrid the coarse sweep showed no use for as unmeasured: it was ruled out, not left out', () => {
    const all: WorkloadConfig = { ...workload, models: ['sequential', 'async', 'thread', 'process', 'thread+async', 'process+async'] };
    const allConfig: Config = { ...config, workloads: [all] };
    const cells = planCells(all, all.models);
    const key = (model: string) => cells.find((c) => c.model === model)!.key;
    const visits = new Map<string, VisitOutcome[]>(cells.map((c) => [c.key, []]));
    visits.set(key('sequential'), [visit(100, 1), visit(100, 1)]);
    visits.set(key('async'), [visit(100, 1), visit(100, 1)]);
    visits.set(key('thread'), [visit(190, 2), visit(190, 2)]);
    visits.set(key('process'), [visit(185, 2), visit(185, 2)]);
    const noUse = `${NO_USE_FOR_HYBRIDS}async did not beat sequential by more than 10% (x1.00 at 2 in flight): no waits for a hybrid's event loops to overlap`;
    const skipped = new Map([[key('thread+async'), noUse], [key('process+async'), 'the workload showed waits and parallel work, but the budget left no time for this hybrid layout']]);
    const probes = new Map([['w', { status: 'ok', samples: [], elapsedMs: 1 } satisfies VisitOutcome]]);
    const results = buildRunResults(allConfig, probes, cells, visits, { timeBudgetSeconds: 60, margin: 0.1, seed: 1, rounds: 2, incomplete: false, workloads: [all], cores: 2 }, skipped);
    const rec = results.workloads[0].recommendation!;
    // process+async was left out by the budget: that still lowers the confidence; thread+async does not.
    expect(rec.reason).toContain('Not measured within the budget: process+async (a longer --time-budget measures it).');
    expect(rec.doubts).toEqual(['model-not-measured']);
    skipped.set(key('process+async'), noUse);
    const ruledOut = buildRunResults(allConfig, probes, cells, visits, { timeBudgetSeconds: 60, margin: 0.1, seed: 1, rounds: 2, incomplete: false, workloads: [all], cores: 2 }, skipped).workloads[0];
    expect(ruledOut.recommendation).toMatchObject({ model: 'thread', confidence: 'high' });
    expect(ruledOut.recommendation!.reason).not.toContain('Not measured');
    expect(ruledOut.skipped!.map((s) => s.model)).toEqual(['thread+async', 'process+async']);
  });

  it('a baseline the budget left out fails the workload with the reason, not a bare "not measured"', () => {
    const cells = planCells(workload, ['sequential', 'thread']);
    const reason = "after calibration 0.7 s of the sweep's 1.0 s (its share of the budget) was left, less than its first visit was expected to take, 0.8 s";
    const skipped = new Map(cells.map((c) => [c.key, reason]));
    const probes = new Map([['w', { status: 'ok', samples: [], elapsedMs: 1 } satisfies VisitOutcome]]);
    const visits = new Map<string, VisitOutcome[]>(cells.map((c) => [c.key, []]));
    const results = buildRunResults(config, probes, cells, visits, { timeBudgetSeconds: 2, margin: 0.1, seed: 1, rounds: 0, incomplete: false, workloads: [workload], cores: 2 }, skipped);
    expect(results.workloads[0]).toMatchObject({ status: 'failed', error: `the sequential baseline was not measured: ${reason}; a longer --time-budget measures it` });
    const errors: string[] = [];
    checkAnyResults(JSON.parse(JSON.stringify(results)), errors);
    expect(errors).toEqual([]);
  });

  it('keeps a high confidence, and no doubts, when every model was measured and the winner is clear', () => {
    const cells = planCells(workload, ['sequential', 'thread']);
    const key = (model: string) => cells.find((c) => c.model === model)!.key;
    const visits = new Map<string, VisitOutcome[]>([
      [key('sequential'), [visit(100, 1), visit(100, 1)]],
      [key('thread'), [visit(190, 2), visit(190, 2)]],
    ]);
    const probes = new Map([['w', { status: 'ok', samples: [], elapsedMs: 1 } satisfies VisitOutcome]]);
    const results = buildRunResults(config, probes, cells, visits, { timeBudgetSeconds: 60, margin: 0.1, seed: 1, rounds: 2, incomplete: false, workloads: [workload], cores: 2 });
    const rec = results.workloads[0].recommendation!;
    expect(rec).toMatchObject({ model: 'thread', concurrency: 2, confidence: 'high' });
    expect(rec.doubts).toBeUndefined();
  });

  it("saves each paired round's two host rates beside the paired figure, in round order", () => {
    const cells = planCells(workload, ['sequential', 'thread']);
    const key = (model: string) => cells.find((c) => c.model === model)!.key;
    const visits = new Map<string, VisitOutcome[]>([
      [key('sequential'), [visit(100, 1), visit(100, 1)]],
      [key('thread'), [visit(190, 2), visit(190, 2)]],
    ]);
    // Round 1: a sequential host at 130/s beside a thread host at 195/s (x1.5); round 2: 100 and 190 (x1.9).
    const rounds = [
      { baseline: visit(130, 1).samples, candidate: visit(195, 2).samples, baselineHost: 1 },
      { baseline: visit(100, 1).samples, candidate: visit(190, 2).samples, baselineHost: 2 },
    ];
    const paired = pairedSpeedups(new Map([[key('thread'), rounds]]), 1);
    const probes = new Map([['w', { status: 'ok', samples: [], elapsedMs: 1 } satisfies VisitOutcome]]);
    const results = buildRunResults(config, probes, cells, visits, { timeBudgetSeconds: 60, margin: 0.1, seed: 1, rounds: 2, incomplete: false, workloads: [workload], cores: 2 }, new Map(), paired);
    const thread = results.workloads[0].cells.find((c) => c.model === 'thread')!;
    expect(thread.paired?.rounds).toBe(2);
    const hosts = thread.paired!.hosts!;
    expect(hosts).toHaveLength(2);
    // The median batch of each host: 130 and 195 (the jitter's middle values are 1 and 1.01), rounded to 0.001.
    expect(hosts[0].baseline).toBeCloseTo(130, 0);
    expect(hosts[0].candidate).toBeCloseTo(195, 0);
    expect(hosts[1].baseline).toBeCloseTo(100, 0);
    expect(hosts[1].candidate).toBeCloseTo(190, 0);
    for (const h of hosts) for (const rate of [h.baseline!, h.candidate!]) expect(Math.round(rate * 1000) / 1000).toBe(rate);
    const errors: string[] = [];
    expect(checkAnyResults(JSON.parse(JSON.stringify(results)), errors)).toMatchObject({ kind: 'run' });
    expect(errors).toEqual([]);
  });
});
