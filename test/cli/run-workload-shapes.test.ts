import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/results/run.ts';
import type { Model } from '../../src/types.ts';
import { runCli, scratchProject } from '../helpers/cli.ts';
import { expectPublishedFormat } from '../helpers/published-format.ts';

describe('workload module shapes', () => {
  it('runs setup and teardown once per host, worker thread and child process, outside the tasks; TypeScript workloads load', async () => {
    const project = scratchProject([
      // The single models; the hybrids' setup per worker is test/runtimes/node/hybrid.test.ts's.
      { name: 'setup', module: 'setup-teardown.mjs', tasks: 4, models: ['sequential', 'async', 'thread', 'process'], concurrency: { async: [2], thread: [2], process: [3] } },
      { name: 'typed', module: 'typed.workload.ts', tasks: 4, models: ['thread', 'process'], concurrency: [2] },
    ]);
    const log = join(project.dir, 'setup.log');
    const run = await runCli(['run', '--config', project.config, '--time-budget', '30', '--json', project.results], { env: { CB_TEST_SETUP_LOG: log } });
    // 30 s, not 15: the process pool (three children, each running setup) is the first cell a loaded
    // machine's slow start-ups trim from the sweep, and the test needs it measured.
    expect(run.code, run.stderr).toBe(0);
    const results = expectPublishedFormat<RunResults>(project.results);
    expect(results.workloads.map((w) => w.status)).toEqual(['ok', 'ok']);
    const cells = results.workloads[0].cells;
    // Every model measured or reported skipped (the budget is kept, also on a loaded machine); the
    // process pool, whose three workers each run setup, among the measured.
    const skipped = (results.workloads[0].skipped ?? []).map((c) => c.model);
    expect([...new Set([...cells.map((c) => c.model), ...skipped])].sort()).toEqual(['async', 'process', 'sequential', 'thread']);
    expect(cells.map((c) => c.model)).toContain('process');
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    const setups = lines.filter((l) => l.startsWith('setup'));
    // Per host: sequential 1 + async 1 (in the host) + thread 2 (one per worker) + process 3 (one
    // per child). Hosts: one per sweep visit, the calibration visit (sequential), and per paired
    // round a sequential host beside the cell's, which two candidates' rounds may share.
    const perHost: Partial<Record<Model, number>> = { sequential: 1, async: 1, thread: 2, process: 3 };
    const expected = 1 + cells.reduce((sum, c) => sum + c.rounds * perHost[c.model]! + (c.paired?.rounds ?? 0) * (perHost[c.model]! + 1), 0);
    const pairedRounds = cells.reduce((sum, c) => sum + (c.paired?.rounds ?? 0), 0);
    const fewestBaselineHosts = Math.ceil(pairedRounds / 2);
    // Exactly these, less the sequential hosts that were shared, unless the budget's backstop
    // stopped the last visit or paired round after its setups (one round at most: a sequential
    // host and 3 workers), which then is not counted.
    expect(setups.length).toBeGreaterThanOrEqual(expected - (pairedRounds - fewestBaselineHosts));
    expect(setups.length).toBeLessThanOrEqual(expected + 4);
    // Teardown runs wherever setup ran: once in every worker thread too, not twice in one.
    const teardowns = lines.filter((l) => l.startsWith('teardown'));
    expect(teardowns.length).toBeLessThanOrEqual(setups.length);
    expect(teardowns.length).toBeGreaterThanOrEqual(expected - (pairedRounds - fewestBaselineHosts) - 4);
    expect(new Set(teardowns.map((l) => l.replace('teardown', ''))).size).toBe(new Set(setups.map((l) => l.replace('setup', ''))).size);
    // thread setups ran in worker threads (threadId > 0) of one process
    expect(setups.some((l) => !l.endsWith(' 0'))).toBe(true);
  });
});
