import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { BUDGET_ALLOWANCE_SHARE, FIRST_VISIT_BATCHES, measureInRounds, planCells, withHybridsAfterTheirSigns, type Cell } from '../../src/measure/scheduler.ts';
import type { WorkloadConfig } from '../../src/config/types.ts';
import { CALIBRATION_TASKS } from '../../src/measure/sweep.ts';
import type { Runtime } from '../../src/runtimes/types.ts';
import { isHybrid, MODELS, type Model } from '../../src/types.ts';

const fakeHost = fileURLToPath(new URL('../fixtures/fake-host.mjs', import.meta.url));

/** The single models: the tests of scheduling as such; the hybrids (measured only on the coarse sweep's signs) have their own. */
const SINGLE_MODELS = MODELS.filter((m) => !isHybrid(m));

function setup(env: Record<string, string>, workloads: object[] = [{ name: 'w', module: 'w.mjs', tasks: 10, concurrency: [1, 2] }], models: readonly Model[] = SINGLE_MODELS) {
  const log = join(mkdtempSync(join(tmpdir(), 'cb-sched-')), 'visits.log');
  const runtime: Runtime = {
    id: 'node',
    models,
    hostCommand: async () => ({ command: process.execPath, args: [fakeHost], cwd: tmpdir(), env: { FAKE_LOG: log, FAKE_THROUGHPUT: '{"sequential":100,"async":100,"thread":90,"process":80}', FAKE_CPU_SHARE: '0.5', ...env } }),
  };
  const config = parseConfig({ workloads }, '/x/c.json', 'c.json', 2);
  const cells = config.workloads.flatMap((w) => planCells(w, models));
  const visits = () => readFileSync(log, 'utf8').trim().split('\n');
  return { runtime, cells, visits };
}

describe('measureInRounds (fake hosts)', () => {
  it('calibrates, then visits every cell once per round, in a seeded order that differs between rounds', async () => {
    const { runtime, cells, visits } = setup({});
    const rounds: number[] = [];
    const { visits: result, skipped } = await measureInRounds(cells, { budgetMs: 8000, seed: 42, maxRounds: 3, cores: 2, runtimes: () => runtime, onRound: (r) => void rounds.push(r) });
    expect(skipped.size).toBe(0);
    expect(rounds).toEqual(Array.from({ length: rounds.length }, (_, i) => i + 1));
    expect(rounds.length).toBeLessThanOrEqual(3); // maxRounds
    const [calibration, ...log] = visits();
    // The calibration visit: the sequential cell with a short batch.
    expect(calibration).toBe(`sequential 1 ${Math.min(10, CALIBRATION_TASKS)}`);
    const complete = Math.min(...cells.map((c) => result.get(c.key)!.filter((o) => o.status === 'ok').length));
    expect(complete).toBeGreaterThanOrEqual(2);
    const perRound = Array.from({ length: complete }, (_, r) => log.slice(r * cells.length, (r + 1) * cells.length).map((l) => l.split(' ').slice(0, 2).join(' ')));
    for (const round of perRound) expect([...round].sort()).toEqual(cells.map((c) => `${c.model} ${c.concurrency}`).sort());
    expect(perRound[0]).not.toEqual(perRound[1]);
    for (const cell of cells) {
      const outcomes = result.get(cell.key)!;
      // The first visit bounds a median on its own; later ones add hosts.
      expect(outcomes[0].samples.length).toBeGreaterThanOrEqual(FIRST_VISIT_BATCHES);
      expect(outcomes.slice(0, complete).every((o) => o.status === 'ok')).toBe(true);
    }
    // the same seed gives the same order
    const again = setup({});
    await measureInRounds(cells, { budgetMs: 8000, seed: 42, maxRounds: 1, cores: 2, runtimes: () => again.runtime });
    expect(again.visits().slice(1).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(perRound[0]);
  });

  it('does not visit a failed cell again and stops when the budget is spent', async () => {
    const { runtime, cells, visits } = setup({ FAKE_FAIL: 'process' });
    // 8 s, not 5: every cell's first visit must fit, and on a loaded machine a fake host's start-up
    // (hundreds of ms) made the first visits' expected sum reach 5 s (test audit, 2026-12-04).
    const { visits: result } = await measureInRounds(cells, { budgetMs: 8000, seed: 1, maxRounds: 50, cores: 2, runtimes: () => runtime });
    const processVisits = visits().filter((v) => v.startsWith('process'));
    expect(processVisits).toHaveLength(2); // both levels, round 1 only
    for (const cell of cells.filter((c) => c.model === 'process')) {
      expect(result.get(cell.key)).toMatchObject([{ status: 'errored', error: 'TypeError: fake failure in process' }]);
    }
    const rounds = result.get(cells[0].key)!.length;
    expect(rounds).toBeGreaterThan(1);
    expect(rounds).toBeLessThan(50);
  });

  it('keeps the budget when visits are slow: coarse cells first, the rest skipped with a reason', async () => {
    // 3 workloads x 13 cells, every host 400 ms to start: one visit of each would take ~20 s.
    const workloads = ['a', 'b', 'c'].map((name) => ({ name, module: 'w.mjs', tasks: 24 }));
    const { runtime, cells } = setup({ FAKE_STARTUP_MS: '400', FAKE_REAL_TIME: '1' }, workloads);
    expect(cells).toHaveLength(39);
    const budgetMs = 6000;
    const started = performance.now();
    const { visits: result, skipped, allowanceMs } = await measureInRounds(cells, { budgetMs, seed: 3, cores: 2, runtimes: () => runtime });
    const elapsed = performance.now() - started;
    // The promise: at most the allowance late (5% of the budget, or one visit's cost if larger).
    expect(allowanceMs).toBeGreaterThanOrEqual(BUDGET_ALLOWANCE_SHARE * budgetMs);
    expect(elapsed).toBeLessThanOrEqual(budgetMs + allowanceMs);
    // Something was measured for every workload's baseline, and what was not is said, with why.
    for (const name of ['a', 'b', 'c']) {
      const baseline = cells.find((c) => c.workload.name === name && c.model === 'sequential')!;
      expect(result.get(baseline.key)!.some((v) => v.samples.length > 0)).toBe(true);
    }
    expect(skipped.size).toBeGreaterThan(0);
    for (const cell of cells) {
      const measured = result.get(cell.key)!.some((v) => v.samples.length > 0);
      expect(measured || skipped.has(cell.key), `${cell.key} neither measured nor reported skipped`).toBe(true);
      if (skipped.has(cell.key)) expect(skipped.get(cell.key)).toMatch(/budget|time/);
    }
  });

  it('with a reserve, keeps one model besides sequential for every workload, the most telling first, and keeps the budget plus the reserve', async () => {
    // 4 workloads, every host 400 ms to start: the sweep's 5 s after calibration holds the
    // baselines and a model or two, not one more model for each workload.
    const workloads = ['a', 'b', 'c', 'd'].map((name) => ({ name, module: 'w.mjs', tasks: 24 }));
    const computing = setup({ FAKE_STARTUP_MS: '400', FAKE_REAL_TIME: '1', FAKE_CPU_SHARE: '1' }, workloads);
    const budgetMs = 5000;
    const reserveMs = 10_000;
    const started = performance.now();
    const { visits: result, skipped, allowanceMs } = await measureInRounds(computing.cells, { budgetMs, reserveMs, seed: 3, maxRounds: 1, cores: 2, runtimes: () => computing.runtime });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThanOrEqual(budgetMs + reserveMs + allowanceMs);
    for (const name of ['a', 'b', 'c', 'd']) {
      const measured = computing.cells.filter((c) => c.workload.name === name && result.get(c.key)!.some((v) => v.samples.length > 0));
      expect(measured.map((c) => c.model), `${name}: visits ${computing.visits().join('; ')}`).toContain('sequential');
      // A task that computes: a pool at the cores tells, one loop cannot overlap computing.
      const others = measured.filter((c) => c.model !== 'sequential');
      expect(others.length, `${name}: ${JSON.stringify([...skipped].filter(([k]) => k.startsWith(name)))}`).toBeGreaterThan(0);
      expect(others.some((c) => c.model !== 'async' && c.concurrency === 2), name).toBe(true);
    }
    // Without one, the same plan keeps the budget and says what it left out.
    const plain = setup({ FAKE_STARTUP_MS: '400', FAKE_REAL_TIME: '1', FAKE_CPU_SHARE: '1' }, workloads);
    const before = performance.now();
    const bare = await measureInRounds(plain.cells, { budgetMs, seed: 3, maxRounds: 1, cores: 2, runtimes: () => plain.runtime });
    expect(performance.now() - before).toBeLessThanOrEqual(budgetMs + bare.allowanceMs);
    expect([...bare.skipped.values()].some((r) => /budget/.test(r))).toBe(true);
  }, 60_000);

  it('sizes batches to their cost: slow tasks get short batches at concurrency 1', async () => {
    // 10 tasks/s per lane: a batch of 24 tasks would take 2.4 s at concurrency 1.
    // Tasks that wait (5% CPU): 24 in flight overlap, a batch of 24 lasts about one task.
    const { runtime, cells, visits } = setup({ FAKE_THROUGHPUT: '{"sequential":10,"async":10,"thread":10,"process":10}', FAKE_CPU_SHARE: '0.05' }, [{ name: 'slow', module: 'w.mjs', tasks: 24, models: ['sequential', 'async'], concurrency: { async: [1, 24] } }]);
    await measureInRounds(cells, { budgetMs: 6000, seed: 1, maxRounds: 1, cores: 2, runtimes: () => runtime });
    const sizes = new Map(visits().slice(1).map((l) => [l.split(' ').slice(0, 2).join(' '), Number(l.split(' ')[2])]));
    expect(sizes.get('sequential 1')).toBeLessThanOrEqual(2); // ~50 ms of 100 ms tasks
    expect(sizes.get('async 24')).toBe(24); // all in flight at once
  });

  it('stops a visit whose host falls silent, visits the cell again, and reports it timed out only when it stalls twice', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'cb-stall-')), 'stalled');
    const once = setup({ FAKE_STALL: 'thread 2', FAKE_STALL_ONCE: marker });
    const started = performance.now();
    const first = await measureInRounds(once.cells, { budgetMs: 8000, seed: 1, maxRounds: 3, cores: 2, runtimes: () => once.runtime, stallMinMs: 1000 });
    expect(performance.now() - started).toBeLessThanOrEqual(8000 + first.allowanceMs);
    const thread2 = once.cells.find((c) => c.model === 'thread' && c.concurrency === 2)!;
    // The stalled host was stopped (not left to the budget's end) and the cell measured on a later visit.
    expect(once.visits().filter((v) => v.startsWith('thread 2')).length).toBeGreaterThanOrEqual(2);
    expect(first.visits.get(thread2.key)!.every((v) => v.status === 'ok')).toBe(true);
    expect(first.visits.get(thread2.key)!.length).toBeGreaterThan(0);

    const always = setup({ FAKE_STALL: 'thread 2' });
    // 14 s: two stalls take about 6 s of it, and every other cell must still get two visits after them.
    const second = await measureInRounds(always.cells, { budgetMs: 14_000, seed: 1, maxRounds: 3, cores: 2, runtimes: () => always.runtime, stallMinMs: 1000 });
    expect(second.visits.get(thread2.key)).toMatchObject([{ status: 'timed-out', error: expect.stringMatching(/^the host sent nothing for \d+\.\d s on 2 visits \(each expected to take about \d+\.\d s\)$/) }]);
    expect(always.visits().filter((v) => v.startsWith('thread 2'))).toHaveLength(2);
    // Everything else was measured in every round.
    for (const cell of always.cells.filter((c) => c.key !== thread2.key)) expect(second.visits.get(cell.key)!.filter((v) => v.status === 'ok').length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('measures async only at its far end when the task computes all the time (async cannot beat sequential there)', async () => {
    const workloads = [{ name: 'w', module: 'w.mjs', tasks: 10, concurrency: { async: [1, 2, 4, 8], thread: [1, 2], process: [1, 2] } }];
    const computing = setup({ FAKE_CPU_SHARE: '1' }, workloads);
    // 12 s, and maxRounds bounds the run: at 6 s a loaded machine's host start-ups left a coarse cell out.
    const { skipped } = await measureInRounds(computing.cells, { budgetMs: 12_000, seed: 1, maxRounds: 2, cores: 2, runtimes: () => computing.runtime });
    const visited = new Set(computing.visits().slice(1).map((l) => l.split(' ').slice(0, 2).join(' ')));
    expect([...visited].sort()).toEqual(['async 8', 'process 1', 'process 2', 'sequential 1', 'thread 1', 'thread 2']);
    for (const level of [1, 2, 4]) expect(skipped.get(`w\u0000async\u0000${level}`)).toMatch(/^its task computed over 95% of the time in calibration: on one thread async can beat sequential by 5% at most/);
    // A task that computes 90% of the time and waits for a core the other 10% computes all the time it can.
    const queued = setup({ FAKE_CPU_SHARE: '0.9', FAKE_QUEUE_SHARE: '0.1' }, workloads);
    await measureInRounds(queued.cells, { budgetMs: 12_000, seed: 1, maxRounds: 1, cores: 2, runtimes: () => queued.runtime });
    expect(queued.visits().filter((l) => l.startsWith('async')).map((l) => l.split(' ')[1])).toEqual(['8']);
    // A task that waits half the time keeps every coarse level of async.
    const waiting = setup({ FAKE_CPU_SHARE: '0.5' }, workloads);
    await measureInRounds(waiting.cells, { budgetMs: 12_000, seed: 1, maxRounds: 1, cores: 2, runtimes: () => waiting.runtime });
    expect(waiting.visits().filter((l) => l.startsWith('async')).map((l) => l.split(' ')[1]).sort()).toEqual(['1', '2', '4', '8']);
  });

  describe('hybrids (thread+async, process+async)', () => {
    const workloads = [{ name: 'w', module: 'w.mjs', tasks: 64, concurrency: { async: [1, 8, 64], thread: [1, 2, 4], process: [2] } }];
    const hybridVisits = (lines: string[]) => lines.filter((l) => l.includes('+async')).map((l) => l.split(' ').slice(0, 2).join(' '));
    const hybridKeys = (cells: ReturnType<typeof setup>['cells']) => cells.filter((c) => isHybrid(c.model)).map((c) => c.key);

    it('measures them once the coarse sweep shows waits (async scales), parallel work (a pool scales) and a busy loop, from their coarse layouts', async () => {
      const signs = setup({ FAKE_THROUGHPUT: '{"sequential":100,"async":100,"thread":90,"process":80,"thread+async":100,"process+async":100}', FAKE_CPU_SHARE: '0.6' }, workloads, MODELS);
      // 4, 8, 16 and 32 in flight (2, 4, 8 and 16 per worker on 2 cores); coarse: the far end, 32.
      expect(signs.cells.filter((c) => c.model === 'thread+async').map((c) => c.concurrency)).toEqual([4, 8, 16, 32]);
      // 20 s: the coarse sweep plans the hybrids' far ends in, and round 1 visits them.
      const { skipped } = await measureInRounds(signs.cells, { budgetMs: 20_000, seed: 1, maxRounds: 2, cores: 2, runtimes: () => signs.runtime });
      const lines = signs.visits();
      const firstHybrid = lines.findIndex((l) => l.includes('+async'));
      // In round 1, right after each model's most telling cell (which shows the signs), before the second levels.
      const before = lines.slice(1, firstHybrid).map((l) => l.split(' ').slice(0, 2).join(' '));
      expect([...before].sort()).toEqual(['async 64', 'process 2', 'sequential 1', 'thread 2']);
      const roundOne = lines.slice(1, 1 + 10).map((l) => l.split(' ').slice(0, 2).join(' '));
      expect(roundOne.filter((l) => l.includes('+async')).sort()).toEqual(['process+async 32', 'thread+async 32']);
      // Then refined around the best like any model: the level below the far end.
      expect([...new Set(hybridVisits(lines))].sort()).toEqual(expect.arrayContaining(['process+async 32', 'thread+async 32']));
      for (const visit of hybridVisits(lines)) expect(visit).toMatch(/ (16|32)$/);
      for (const key of hybridKeys(signs.cells)) expect(skipped.get(key) ?? '').not.toMatch(/no use for a hybrid/);
    }, 60_000);

    it('lets the layouts the coarse sweep trimmed out join on the reserve once the signs show, and keeps the budget plus the reserve', async () => {
      // Every host 300 ms to start, 10 s: the coarse sweep holds sequential, thread 2, process 2 and
      // async 64 (which show the signs) but not the hybrids' far ends; after round 1 the sweep's own
      // time holds one of them. The other joins on the reserve (at 1b23868 it was left out, "no time
      // for this hybrid layout": wait-then-compute's hybrid was missed in 1 bench run of 5).
      const run = setup({ FAKE_THROUGHPUT: '{"sequential":100,"async":100,"thread":90,"process":80,"thread+async":100,"process+async":100}', FAKE_CPU_SHARE: '0.6', FAKE_STARTUP_MS: '300' }, workloads, MODELS);
      const budgetMs = 10_000;
      const reserveMs = 10_000;
      const started = performance.now();
      const { skipped, allowanceMs } = await measureInRounds(run.cells, { budgetMs, reserveMs, seed: 1, maxRounds: 3, cores: 2, runtimes: () => run.runtime });
      expect(performance.now() - started).toBeLessThanOrEqual(budgetMs + reserveMs + allowanceMs);
      const lines = run.visits();
      const firstHybrid = lines.findIndex((l) => l.includes('+async'));
      // Trimmed out of round 1: its visits (after calibration) showed the signs first.
      expect(lines.slice(1, firstHybrid).map((l) => l.split(' ').slice(0, 2).join(' ')), lines.join('; ')).toContain('async 64');
      expect(hybridVisits(lines), JSON.stringify([...skipped])).toEqual(expect.arrayContaining(['thread+async 32', 'process+async 32']));
    }, 60_000);

    it('leaves them out, saying why, where the task hardly waits, async does not scale, no pool does, or the loop had room', async () => {
      const cases = [
        // A task that computes 95% of the time: async can gain x1.05 at most, whatever one level read.
        { env: { FAKE_THROUGHPUT: '{"sequential":100,"async":100,"thread":90,"process":80,"thread+async":100,"process+async":100}', FAKE_CPU_SHARE: '0.95' }, reason: /^the coarse sweep showed no use for a hybrid: sequential computed 95% of the time: overlapping the rest can gain at most x1\.05/ },
        { env: { FAKE_THROUGHPUT: '{"sequential":100,"async":1.5,"thread":90,"process":80,"thread+async":100,"process+async":100}', FAKE_CPU_SHARE: '0.6' }, reason: /^the coarse sweep showed no use for a hybrid: async did not beat sequential by more than 10% \(x0\.96 at 64 in flight\): no waits/ },
        { env: { FAKE_THROUGHPUT: '{"sequential":100,"async":100,"thread":25,"process":50,"thread+async":100,"process+async":100}', FAKE_CPU_SHARE: '0.6' }, reason: /^the coarse sweep showed no use for a hybrid: no thread or process pool beat sequential by more than 10% \((thread|process) x1\.00\): no parallel work/ },
        { env: { FAKE_THROUGHPUT: '{"sequential":100,"async":100,"thread":90,"process":80,"thread+async":100,"process+async":100}', FAKE_CPU_SHARE: '0.2' }, reason: /^the coarse sweep showed no use for a hybrid: async's one loop was busy 20% of the time at its best level \(64 in flight\), under 50%/ },
      ];
      // Async failed in every visit: nothing was ruled out, and the reason does not say "no use".
      cases.push({ env: { FAKE_THROUGHPUT: '{"sequential":100,"async":100,"thread":90,"process":80,"thread+async":100,"process+async":100}', FAKE_CPU_SHARE: '0.6', FAKE_FAIL: 'async' } as never, reason: /^async was not measured \(the budget, or its visits failed\), so the coarse sweep could not show whether the task has waits to overlap$/ });
      for (const { env, reason } of cases) {
        const run = setup(env, workloads, MODELS);
        const { skipped } = await measureInRounds(run.cells, { budgetMs: 10_000, seed: 1, maxRounds: 2, cores: 2, runtimes: () => run.runtime });
        expect(hybridVisits(run.visits()), JSON.stringify([...skipped])).toEqual([]);
        for (const key of hybridKeys(run.cells)) expect(skipped.get(key)).toMatch(reason);
      }
    }, 90_000);
  });
});

describe('withHybridsAfterTheirSigns', () => {
  it("puts each waiting hybrid right after its own workload's most telling cells, before every second level", () => {
    const w = (name: string) => ({ name }) as WorkloadConfig;
    const [a, b] = [w('a'), w('b')];
    const cell = (workload: WorkloadConfig, model: Model, concurrency: number): Cell => ({ workload, model, concurrency, key: `${workload.name} ${model} ${concurrency}` });
    const telling = new Set(['a sequential 1', 'b sequential 1', 'a async 64', 'b async 64', 'a thread 2', 'b thread 2']);
    const order = [
      cell(a, 'sequential', 1), cell(b, 'sequential', 1),
      cell(b, 'async', 64), cell(a, 'async', 64), cell(a, 'thread', 2), cell(b, 'thread', 2),
      cell(a, 'thread+async', 32), cell(b, 'process+async', 32), cell(a, 'process+async', 32),
      cell(a, 'thread', 4), cell(b, 'async', 1),
    ];
    const placed = withHybridsAfterTheirSigns(order, (c) => isHybrid(c.model), (c) => telling.has(c.key)).map((c) => c.key);
    expect(placed).toEqual([
      'a sequential 1', 'b sequential 1', 'b async 64', 'a async 64', 'a thread 2',
      'a thread+async 32', 'a process+async 32',
      'b thread 2', 'b process+async 32',
      'a thread 4', 'b async 1',
    ]);
  });
});
