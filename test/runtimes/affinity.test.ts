import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { allowedCpus, parseCpuList, pinned, tasksetPath } from '../../src/runtimes/affinity.ts';

describe('CPU affinity', () => {
  it('parses Linux CPU lists', () => {
    expect(parseCpuList('0-3,6,8-9\n')).toEqual([0, 1, 2, 3, 6, 8, 9]);
    expect(parseCpuList('2')).toEqual([2]);
    expect(parseCpuList('ff')).toEqual([]);
  });
  it('leaves the command alone without CPUs', () => {
    expect(pinned('node', ['-v'], undefined)).toEqual({ command: 'node', args: ['-v'] });
    expect(pinned('node', ['-v'], [])).toEqual({ command: 'node', args: ['-v'] });
  });
  it.runIf(process.platform === 'linux' && tasksetPath() !== null && allowedCpus().length >= 2)('runs a pinned command on that CPU only', () => {
    const cpu = allowedCpus().at(-1)!;
    const run = pinned(process.execPath, ['-e', "process.stdout.write(/Cpus_allowed_list:\\s*(.+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1])"], [cpu]);
    expect(run.command).toBe(tasksetPath());
    expect(execFileSync(run.command, run.args, { encoding: 'utf8' })).toBe(String(cpu));
  });
});
