import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftoverProcesses, runCli, scratchProject } from '../helpers/cli.ts';
import { runResults } from '../report/fixtures.ts';

/** A module for `--import` that makes reading the terminal width throw: a bug inside a command. */
const THROW_IN_COMMAND = 'data:text/javascript,Object.defineProperty(process.stdout,"columns",{get(){throw new Error("simulated bug")}})';
/** A module for `--import` that throws from a signal handler on SIGUSR2: a bug outside any await. */
const THROW_ON_SIGUSR2 = 'data:text/javascript,process.on("SIGUSR2",()=>{throw new Error("simulated bug")})';

describe('exit codes', () => {
  it('an unexpected exception inside a command is an internal error: 70, not 3 (a failed measurement)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-exit-'));
    const file = join(dir, 'results.json');
    writeFileSync(file, JSON.stringify(runResults(['quick'])));
    const healthy = await runCli(['report', file]);
    expect(healthy.code).toBe(0); // the file itself is fine: the failure below is the simulated bug
    const bug = await runCli(['report', file], { nodeArgs: ['--import', THROW_IN_COMMAND] });
    expect(bug.code).toBe(70);
    expect(bug.stderr).toMatch(/^concurrency-bench: internal error \(a bug in concurrency-bench; please report it\): Error: simulated bug\n\s+at /);
  });

  it('an exception that escapes main while measuring: 70, after killing every host', async () => {
    const project = scratchProject([{ name: 'slow', module: 'slow.mjs', tasks: 16, concurrency: { async: [1, 4], thread: [1, 2], process: [1, 2] } }]);
    let sent = false;
    let processesBefore = 0;
    const run = await runCli(['run', '--config', project.config, '--time-budget', '120', '--json', project.results], {
      nodeArgs: ['--import', THROW_ON_SIGUSR2],
      onStderr: (text, child) => {
        if (!sent && /round 1 done/.test(text)) {
          sent = true;
          setTimeout(() => {
            processesBefore = leftoverProcesses(project.dir).length;
            child.kill('SIGUSR2');
          }, 400);
        }
      },
    });
    expect(sent).toBe(true);
    expect(processesBefore).toBeGreaterThan(0); // the check below can see hosts when they exist
    expect(run.code).toBe(70);
    expect(run.stderr).toMatch(/internal error \(a bug in concurrency-bench; please report it\): Error: simulated bug/);
    await new Promise((r) => setTimeout(r, 300));
    expect(leftoverProcesses(project.dir)).toEqual([]);
  });
});
