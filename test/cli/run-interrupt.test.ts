import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/results/run.ts';
import { leftoverProcesses, runCli, scratchProject } from '../helpers/cli.ts';
import { expectPublishedFormat } from '../helpers/published-format.ts';

/** Run the slow fixture and send `signal` in the middle of round 2, when hosts and pools are running. */
async function interruptedRun(signal: 'SIGINT' | 'SIGTERM') {
  const project = scratchProject([{ name: 'slow', module: 'slow.mjs', tasks: 16, concurrency: { async: [1, 4], thread: [1, 2], process: [1, 2] } }]);
  let signalled = false;
  let sawProcessesBeforeInterrupt = 0;
  const run = await runCli(['run', '--config', project.config, '--time-budget', '120', '--json', project.results], {
    onStderr: (text, child) => {
      if (!signalled && /round 1 done/.test(text)) {
        signalled = true;
        setTimeout(() => {
          sawProcessesBeforeInterrupt = leftoverProcesses(project.dir).length;
          child.kill(signal);
        }, 400);
      }
    },
  });
  expect(signalled).toBe(true);
  expect(sawProcessesBeforeInterrupt).toBeGreaterThan(0); // the check below can see hosts when they exist
  expect(existsSync(project.results)).toBe(true);
  const results = expectPublishedFormat<RunResults>(project.results);
  expect(results.incomplete).toBe(true);
  expect(results.workloads[0].cells.length).toBeGreaterThan(0);
  expect(results.workloads[0].cells.every((c) => c.samples > 0)).toBe(true);
  await new Promise((r) => setTimeout(r, 300));
  expect(leftoverProcesses(project.dir)).toEqual([]);
  return run;
}

describe('interrupted', () => {
  it('Ctrl-C stops cleanly: children killed, partial results written and marked incomplete, exit 130', async () => {
    const run = await interruptedRun('SIGINT');
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/interrupted: stopping/);
  });

  it('SIGTERM stops as cleanly and exits 143 (128 + 15)', async () => {
    const run = await interruptedRun('SIGTERM');
    expect(run.code).toBe(143);
    expect(run.stderr).toMatch(/terminated \(SIGTERM\): stopping/);
  });
});
