import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/types.ts';
import { leftoverProcesses, runCli, scratchProject } from '../helpers/cli.ts';

describe('Ctrl-C', () => {
  it('stops cleanly: children killed, partial results written and marked incomplete, exit 130', async () => {
    const project = scratchProject([{ name: 'slow', module: 'slow.mjs', tasks: 16, concurrency: { async: [1, 4], thread: [1, 2], process: [1, 2] } }]);
    let signalled = false;
    let sawProcessesBeforeInterrupt = 0;
    const run = await runCli(['run', '--config', project.config, '--time-budget', '120', '--json', project.results], {
      onStderr: (text, child) => {
        // Interrupt in the middle of round 2, when hosts and pools are running.
        if (!signalled && /round 1 done/.test(text)) {
          signalled = true;
          setTimeout(() => {
            sawProcessesBeforeInterrupt = leftoverProcesses(project.dir).length;
            child.kill('SIGINT');
          }, 400);
        }
      },
    });
    expect(signalled).toBe(true);
    expect(sawProcessesBeforeInterrupt).toBeGreaterThan(0); // the check below can see hosts when they exist
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/interrupted: stopping/);
    expect(existsSync(project.results)).toBe(true);
    const results = JSON.parse(readFileSync(project.results, 'utf8')) as RunResults;
    expect(results.incomplete).toBe(true);
    expect(results.workloads[0].cells.length).toBeGreaterThan(0);
    expect(results.workloads[0].cells.every((c) => c.samples > 0)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(leftoverProcesses(project.dir)).toEqual([]);
  });
});
