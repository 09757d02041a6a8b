import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { measureInRounds, planCells } from '../../src/measure/scheduler.ts';
import type { Runtime } from '../../src/runtimes/types.ts';
import { MODELS } from '../../src/types.ts';

const fakeHost = fileURLToPath(new URL('../fixtures/fake-host.mjs', import.meta.url));

function setup(env: Record<string, string>) {
  const log = join(mkdtempSync(join(tmpdir(), 'cb-sched-')), 'visits.log');
  const runtime: Runtime = {
    id: 'node',
    models: MODELS,
    hostCommand: async () => ({ command: process.execPath, args: [fakeHost], cwd: tmpdir(), env: { FAKE_LOG: log, FAKE_THROUGHPUT: '{"sequential":100,"async":100,"thread":90,"process":80}', ...env } }),
  };
  const [workload] = parseConfig({ workloads: [{ name: 'w', module: 'w.mjs', tasks: 10, concurrency: [1, 2] }] }, '/x/c.json', 'c.json', 2).workloads;
  const cells = planCells(workload, MODELS);
  const visits = () => readFileSync(log, 'utf8').trim().split('\n');
  return { runtime, cells, visits };
}

describe('measureInRounds (fake hosts)', () => {
  it('visits every cell once per round, in a seeded order that differs between rounds, within the budget', async () => {
    const { runtime, cells, visits } = setup({});
    const rounds: number[] = [];
    const started = performance.now();
    const result = await measureInRounds(cells, { budgetMs: 6000, seed: 42, maxRounds: 3, runtimes: () => runtime, onRound: (r) => void rounds.push(r) });
    expect(performance.now() - started).toBeLessThan(6000 * 1.2);
    // Three rounds fit the 6 s budget on an idle machine; on a loaded one the scheduler's own budget
    // check may stop after two, or the budget may cut the last round short (its visits aborted or
    // not started), so the count of complete rounds is not fixed here.
    expect(rounds).toEqual(Array.from({ length: rounds.length }, (_, i) => i + 1));
    expect(rounds.length).toBeLessThanOrEqual(3); // maxRounds
    const complete = Math.min(...cells.map((c) => result.get(c.key)!.filter((o) => o.status === 'ok').length));
    expect(complete).toBeGreaterThanOrEqual(2);
    const log = visits();
    const perRound = Array.from({ length: complete }, (_, r) => log.slice(r * cells.length, (r + 1) * cells.length));
    for (const round of perRound) expect([...round].sort()).toEqual(cells.map((c) => `${c.model} ${c.concurrency}`).sort());
    expect(perRound[0]).not.toEqual(perRound[1]);
    for (const cell of cells) {
      const outcomes = result.get(cell.key)!;
      expect(outcomes.slice(0, complete).every((o) => o.status === 'ok' && o.samples.length >= 2)).toBe(true);
      expect(outcomes.slice(complete).every((o) => o.status === 'aborted')).toBe(true);
    }
    // the same seed gives the same order
    const again = setup({});
    await measureInRounds(cells, { budgetMs: 6000, seed: 42, maxRounds: 1, runtimes: () => again.runtime });
    expect(again.visits()).toEqual(perRound[0]);
  });

  it('does not visit a failed cell again and stops when the budget is spent', async () => {
    const { runtime, cells, visits } = setup({ FAKE_FAIL: 'process' });
    // 5 s, not 2.5: round 1 (8 fresh fake hosts) can take most of 2.5 s on a loaded machine, leaving no room for a second.
    const result = await measureInRounds(cells, { budgetMs: 5000, seed: 1, maxRounds: 50, runtimes: () => runtime });
    const processVisits = visits().filter((v) => v.startsWith('process'));
    expect(processVisits).toHaveLength(2); // both levels, round 1 only
    for (const cell of cells.filter((c) => c.model === 'process')) {
      expect(result.get(cell.key)).toMatchObject([{ status: 'errored', error: 'TypeError: fake failure in process' }]);
    }
    const rounds = result.get(cells[0].key)!.length;
    expect(rounds).toBeGreaterThan(1);
    expect(rounds).toBeLessThan(50);
  });
});
