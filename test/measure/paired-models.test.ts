import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { AGAIN_UNTIL_ROUNDS, longestRoundMs, measurePairedModels, type PairedModelTarget } from '../../src/measure/paired-models.ts';
import { planCells, visitSpec } from '../../src/measure/scheduler.ts';
import { allowedCpus, tasksetPath } from '../../src/runtimes/affinity.ts';
import type { Runtime } from '../../src/runtimes/types.ts';
import { runVisit } from '../../src/runtimes/visit.ts';
import { HOST_ROUNDS, pairedSpeedup } from '../../src/stats/paired-speedup.ts';
import { MODELS } from '../../src/types.ts';

const fakeHost = fileURLToPath(new URL('../fixtures/fake-cpu-host.mjs', import.meta.url));
const canPin = tasksetPath() !== null && allowedCpus().length >= 2;

function setup(throughput: Record<string, number>, env: Record<string, string> = {}) {
  const runtime: Runtime = {
    id: 'node',
    models: MODELS,
    hostCommand: async () => ({ command: process.execPath, args: [fakeHost], cwd: tmpdir(), env: { FAKE_CPU_SPEEDS: '[1, 1.5]', FAKE_THROUGHPUT: JSON.stringify(throughput), ...env } }),
  };
  const [workload] = parseConfig({ workloads: [{ name: 'w', module: 'w.mjs', tasks: 10, concurrency: { async: [1] } }] }, '/x/c.json', 'c.json', 2).workloads;
  const cells = planCells(workload, MODELS);
  const cell = (model: string) => cells.find((c) => c.model === model)!;
  return { runtime, cell };
}

describe.skipIf(!canPin)('paired model comparison (a fake host whose speed depends on its CPU)', () => {
  it('cancels the vCPU: async equal to sequential measures x1.00 paired, while single visits differ by the CPUs they got', async () => {
    const { runtime, cell } = setup({ sequential: 100, async: 100 });
    const [baseline, candidate] = [cell('sequential'), cell('async')];
    // Unpaired, the two CPUs show: visits run at 1x or 1.5x depending on where they landed.
    const rates = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const outcome = await runVisit(runtime, baseline.workload, { ...visitSpec(baseline, 0, 'measure', 1), warmupBatches: 0 });
      rates.add(Math.round((outcome.samples[0].tasks / outcome.samples[0].wallMs) * 1000));
    }
    expect([...rates].sort()).toEqual([100, 150]);
    const spec = { ...visitSpec(baseline, 0, 'measure', 2), warmupTimeMs: 0, warmupBatches: 1 };
    const measured = await measurePairedModels(
      [{ baseline, candidate, baselineSpec: spec, candidateSpec: { ...spec, model: 'async' }, expectedMs: 500 }],
      { deadline: performance.now() + 20_000, allowanceMs: 1000, seed: 3, pairs: 6, maxRounds: 6, runtimes: () => runtime },
    );
    const rounds = measured.get(candidate.key)!;
    expect(rounds).toHaveLength(6);
    const estimate = pairedSpeedup(rounds)!;
    expect(estimate.speedup).toBeGreaterThan(0.98);
    expect(estimate.speedup).toBeLessThan(1.02);
    expect(estimate.ci95[0]).toBeLessThanOrEqual(1);
    expect(estimate.ci95[1]).toBeGreaterThanOrEqual(1);
  });

  it('measures a real difference as it is: a candidate 1.8x faster reads x1.8 whichever CPU the pair got', async () => {
    const { runtime, cell } = setup({ sequential: 100, async: 180 });
    const [baseline, candidate] = [cell('sequential'), cell('async')];
    const spec = { ...visitSpec(baseline, 0, 'measure', 2), warmupTimeMs: 0, warmupBatches: 1 };
    const measured = await measurePairedModels(
      [{ baseline, candidate, baselineSpec: spec, candidateSpec: { ...spec, model: 'async' }, expectedMs: 500 }],
      { deadline: performance.now() + 20_000, allowanceMs: 1000, seed: 5, pairs: 6, maxRounds: 4, runtimes: () => runtime },
    );
    const estimate = pairedSpeedup(measured.get(candidate.key)!)!;
    expect(estimate.speedup).toBeGreaterThan(1.76);
    expect(estimate.speedup).toBeLessThan(1.84);
  });

  it('a round the budget cuts short measures the targets of priority 0 first, whatever the seed', async () => {
    const { runtime, cell } = setup({ sequential: 100, async: 100, thread: 150 });
    const [baseline, async, thread] = [cell('sequential'), cell('async'), cell('thread')];
    const spec = { ...visitSpec(baseline, 0, 'measure', 2), warmupTimeMs: 0, warmupBatches: 1 };
    for (const seed of [1, 2, 3, 4]) {
      // Room for about one target's expected cost: the second fits only if the first took under 500 ms
      // (the first must fit however slowly this test's own setup ran: 50 ms of room once looked thin).
      const visited: string[] = [];
      const measured = await measurePairedModels(
        [
          { baseline, candidate: async, baselineSpec: spec, candidateSpec: { ...spec, model: 'async' }, expectedMs: 5_000, priority: 1 },
          { baseline, candidate: thread, baselineSpec: spec, candidateSpec: { ...spec, model: 'thread' }, expectedMs: 5_000, priority: 0 },
        ],
        { deadline: performance.now() + 5_500, allowanceMs: 1000, seed, pairs: 6, maxRounds: 1, runtimes: () => runtime, onVisit: ({ cell }) => visited.push(cell.model) },
      );
      expect(measured.get(thread.key), `seed ${seed}`).toHaveLength(1);
      // Whether the second still fitted depends on how fast the first ran; it never goes first.
      expect(visited[0], `seed ${seed}`).toBe('thread');
      expect(visited.length, `seed ${seed}`).toBe(1 + measured.get(async.key)!.length);
    }
  });
});

/** Two rounds of priority-ordered targets against sequential, with the follow-ups `followUp` returns; the visits in order. */
async function followUpRounds(first: readonly [string, number][], followUp: (measured: string, target: (model: string, priority: number) => PairedModelTarget) => PairedModelTarget[]) {
  const { runtime, cell } = setup({ sequential: 100, async: 100, thread: 150, process: 150 });
  const baseline = cell('sequential');
  const spec = { ...visitSpec(baseline, 0, 'measure', 2), warmupTimeMs: 0, warmupBatches: 1 };
  const target = (model: string, priority: number): PairedModelTarget => ({ baseline, candidate: cell(model), baselineSpec: spec, candidateSpec: { ...spec, model: cell(model).model }, expectedMs: 500, priority });
  const visited: string[] = [];
  const asked: string[] = [];
  const measured = await measurePairedModels(
    first.map(([model, priority]) => target(model, priority)),
    {
      deadline: performance.now() + 20_000,
      allowanceMs: 1000,
      seed: 7,
      pairs: 2,
      maxRounds: 2,
      runtimes: () => runtime,
      onVisit: ({ round, cell }) => visited.push(`${round}:${cell.model}`),
      followUp: (measuredTarget) => {
        asked.push(measuredTarget.candidate.model);
        return followUp(measuredTarget.candidate.model, target);
      },
    },
  );
  return { visited, asked, rounds: (model: string) => measured.get(cell(model).key) };
}

describe.skipIf(!canPin)('follow-up targets', () => {
  it('joins the round under way ahead of lower priorities, once, and a target already measured is not measured again', async () => {
    // After async: thread (priority 1), and async again (measured already: ignored).
    const { visited, asked, rounds } = await followUpRounds([['async', 0], ['process', 2]], (model, target) => (model === 'async' ? [target('thread', 1), target('async', 0)] : []));
    expect(visited).toEqual(['1:async', '1:thread', '1:process', '2:async', '2:thread', '2:process']);
    expect(asked.slice(0, 3)).toEqual(['async', 'thread', 'process']);
    expect(rounds('thread')).toHaveLength(2);
    expect(rounds('async')).toHaveLength(2);
  });

  it('asked for again, is measured again in the round under way, ahead of lower priorities, until it has AGAIN_UNTIL_ROUNDS rounds', async () => {
    // After every thread round: thread again (honoured only while it has fewer than AGAIN_UNTIL_ROUNDS rounds).
    expect(AGAIN_UNTIL_ROUNDS).toBe(3);
    const { visited, rounds } = await followUpRounds([['thread', 0], ['process', 2]], (model, target) => (model === 'thread' ? [{ ...target('thread', 0), again: true }] : []));
    expect(visited).toEqual(['1:thread', '1:thread', '1:thread', '1:process', '2:thread', '2:process']);
    expect(rounds('thread')).toHaveLength(4);
    expect(rounds('process')).toHaveLength(2);
  });

  it('a planned target returned at another priority moves there, down as well as up, in this round and the next', async () => {
    // thread, then process, then async; once thread is measured, process goes behind async
    // (priority 3), and stays there in round 2. Returned at its own priority, async does not move.
    const { visited } = await followUpRounds([['thread', 0], ['process', 1], ['async', 2]], (model, target) => (model === 'thread' ? [target('process', 3), target('async', 2)] : []));
    expect(visited).toEqual(['1:thread', '1:async', '1:process', '2:thread', '2:async', '2:process']);
  });

  it('a planned target returned at its own priority keeps its place among the others of that priority', async () => {
    const first: [string, number][] = [['thread', 0], ['process', 2], ['async', 2]];
    const plain = await followUpRounds(first, () => []);
    // The seeded order of the two at priority 2; after thread, the first of them is returned as it is.
    const ahead = plain.visited[1].split(':')[1];
    const returned = await followUpRounds(first, (model, target) => (model === 'thread' ? [target(ahead, 2)] : []));
    expect(returned.visited).toEqual(plain.visited);
  });
});

describe.skipIf(!canPin)('deferred targets (deferredPriority)', () => {
  /** Rounds of priority-ordered targets, priority 3 and lower deferred; the visits in order. */
  const deferredRounds = async (first: readonly [string, number, number?][], maxRounds: number) => {
    const { runtime, cell } = setup({ sequential: 100, async: 100, thread: 150, process: 150 });
    const baseline = cell('sequential');
    const spec = { ...visitSpec(baseline, 0, 'measure', 2), warmupTimeMs: 0, warmupBatches: 1 };
    const visited: string[] = [];
    const targets = first.map(([model, priority, expectedMs]): PairedModelTarget => ({ baseline, candidate: cell(model), baselineSpec: spec, candidateSpec: { ...spec, model: cell(model).model }, expectedMs: expectedMs ?? 500, priority }));
    await measurePairedModels(targets, { deadline: performance.now() + 20_000, allowanceMs: 1000, seed: 7, pairs: 2, maxRounds, deferredPriority: 3, runtimes: () => runtime, onVisit: ({ round, cell }) => visited.push(`${round}:${cell.model}`) });
    return visited;
  };

  it('wait for their first round until the others have had HOST_ROUNDS rounds, then go in every round', async () => {
    expect(HOST_ROUNDS).toBe(3);
    const visited = await deferredRounds([['async', 3], ['thread', 1], ['process', 2]], 4);
    expect(visited).toEqual(['1:thread', '1:process', '2:thread', '2:process', '3:thread', '3:process', '3:async', '4:thread', '4:process', '4:async']);
  });

  it('wait only for targets that still fit the time left, and for no more rounds than maxRounds allows', async () => {
    // thread never fits (its round is expected to cost more than the whole phase): async does not wait for it.
    expect(await deferredRounds([['async', 3], ['thread', 1, 60_000]], 2)).toEqual(['1:async', '2:async']);
    // Two rounds allowed: async goes in the second, once process has had both.
    expect(await deferredRounds([['async', 3], ['process', 2]], 2)).toEqual(['1:process', '2:process', '2:async']);
  });
});

describe.skipIf(!canPin)('a baseline host shared by two candidates (shareBaseline)', () => {
  /** One round of the targets, every CPU at the same speed; counts the hosts started. */
  const oneRound = async (first: readonly [string, number][], times: { expectedMs?: number; baselineMs?: number; deadlineMs?: number } = {}, env: Record<string, string> = {}) => {
    const { runtime, cell } = setup({ sequential: 100, async: 100, thread: 150, process: 180 }, { FAKE_CPU_SPEEDS: '[1, 1]', ...env });
    let hosts = 0;
    const counting: Runtime = { ...runtime, hostCommand: (...args) => (hosts++, runtime.hostCommand(...args)) };
    const baseline = cell('sequential');
    const spec = { ...visitSpec(baseline, 0, 'measure', 2), warmupTimeMs: 0, warmupBatches: 1 };
    const targets = first.map(([model, priority]): PairedModelTarget => ({ baseline, candidate: cell(model), baselineSpec: spec, candidateSpec: { ...spec, model: cell(model).model }, expectedMs: times.expectedMs ?? 500, baselineMs: times.baselineMs ?? 250, priority }));
    const measured = await measurePairedModels(targets, { deadline: performance.now() + (times.deadlineMs ?? 20_000), allowanceMs: 1000, seed: 7, pairs: 3, maxRounds: 1, shareBaseline: true, runtimes: () => counting, stallMinMs: 500 });
    return { hosts, rounds: (model: string) => measured.get(cell(model).key)!, cell };
  };

  it('two candidates of one baseline cell and one priority share its host: three hosts, and each candidate a round of its own pairs', async () => {
    const { hosts, rounds, cell } = await oneRound([['thread', 0], ['process', 0]]);
    expect(hosts).toBe(3);
    const [thread] = rounds('thread');
    const [process] = rounds('process');
    expect(thread.baselineHost).toBeDefined();
    expect(process.baselineHost).toBe(thread.baselineHost);
    expect(process.baseline).toEqual(thread.baseline);
    expect(thread.candidate).toHaveLength(3);
    // Each candidate against the one baseline: its own speed, not the other's.
    const speedup = (model: string) => pairedSpeedup(rounds(model))!.speedup;
    expect(speedup('thread')).toBeCloseTo((150 * cell('thread').concurrency) / 100, 1);
    expect(speedup('process')).toBeCloseTo((180 * cell('process').concurrency) / 100, 1);
  });

  it('a candidate of another priority, or one pinned with its baseline (async), has a baseline host of its own', async () => {
    const { hosts, rounds } = await oneRound([['thread', 0], ['process', 1], ['async', 0]]);
    expect(hosts).toBe(6);
    const numbers = ['thread', 'process', 'async'].map((m) => rounds(m)[0].baselineHost);
    expect(new Set(numbers).size).toBe(3);
  });

  it('a candidate whose host stalls loses the round for both; the other, not at fault, is measured again alone in the same round', async () => {
    const { hosts, rounds } = await oneRound([['thread', 0], ['process', 0]], {}, { FAKE_STALL: 'thread' });
    expect(rounds('thread')).toHaveLength(0);
    const [process] = rounds('process');
    expect(process.candidate).toHaveLength(3);
    // Three hosts for the shared round, two for the process pool's own.
    expect(hosts).toBe(5);
  });

  it('shares only when both fit the time left, counting the baseline once', async () => {
    // 5 s each, 1 s of it the baseline's: 9 s together. With 8 s left they go one after the other.
    const apart = await oneRound([['thread', 0], ['process', 0]], { expectedMs: 5_000, baselineMs: 1_000, deadlineMs: 8_000 });
    expect(apart.hosts).toBe(4);
    expect(apart.rounds('thread')[0].baselineHost).not.toBe(apart.rounds('process')[0].baselineHost);
    const together = await oneRound([['thread', 0], ['process', 0]], { expectedMs: 5_000, baselineMs: 1_000, deadlineMs: 9_500 });
    expect(together.hosts).toBe(3);
    expect(together.rounds('thread')[0].baselineHost).toBe(together.rounds('process')[0].baselineHost);
  });
});

describe.skipIf(!canPin)('stalled rounds', () => {
  const run = async (env: Record<string, string>) => {
    const { runtime, cell } = setup({ sequential: 100, async: 100, thread: 150 }, env);
    const [baseline, async, thread] = [cell('sequential'), cell('async'), cell('thread')];
    const spec = { ...visitSpec(baseline, 0, 'measure', 2), warmupTimeMs: 0, warmupBatches: 1 };
    const target = (candidate: typeof async) => ({ baseline, candidate, baselineSpec: spec, candidateSpec: { ...spec, model: candidate.model }, expectedMs: 100 });
    const started = performance.now();
    const measured = await measurePairedModels([target(async), target(thread)], { deadline: performance.now() + 20_000, allowanceMs: 1000, seed: 3, pairs: 2, maxRounds: 3, runtimes: () => runtime, stallMinMs: 1500 });
    return { async: measured.get(async.key)!, thread: measured.get(thread.key)!, elapsedMs: performance.now() - started };
  };

  it('a host that falls silent loses its round, not its target: the rounds after it are measured', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'cb-stall-')), 'stalled');
    const measured = await run({ FAKE_STALL: 'thread', FAKE_STALL_ONCE: marker });
    expect(existsSync(marker)).toBe(true);
    expect(measured.thread).toHaveLength(2);
    expect(measured.async).toHaveLength(3);
    expect(measured.elapsedMs).toBeLessThan(10_000); // stopped after 1.5 s of silence, not at the deadline
  });

  it('a target whose hosts fall silent twice is dropped; the others are measured in every round', async () => {
    const measured = await run({ FAKE_STALL: 'thread' });
    expect(measured.thread).toHaveLength(0);
    expect(measured.async).toHaveLength(3);
    expect(measured.elapsedMs).toBeLessThan(10_000);
  });
});

describe('the backstop of the paired phase', () => {
  const target = (baseline: string, expectedMs: number, baselineMs: number) => ({ baseline: { key: baseline }, expectedMs, baselineMs }) as unknown as PairedModelTarget;

  it('allows the longest round: one target alone, or two sharing a baseline host with its smaller part counted once', () => {
    const targets = [target('a', 5_000, 1_000), target('a', 4_000, 2_000), target('b', 6_000, 1_000)];
    expect(longestRoundMs(targets, false)).toBe(6_000);
    // a's two: 5 + 4 - min(1, 2) = 8 s.
    expect(longestRoundMs(targets, true)).toBe(8_000);
    expect(longestRoundMs([target('a', 5_000, 1_000), target('b', 6_000, 1_000)], true)).toBe(6_000);
    expect(longestRoundMs([], true)).toBe(0);
  });
});
