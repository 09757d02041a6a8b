/**
 * Pinning a host to chosen CPUs (Linux, via util-linux's `taskset`). On a shared VM the vCPUs do
 * not run at one speed: each is backed by a physical core whose other hyperthread belongs to
 * someone else, so the same single-threaded code ran at 125 tasks/s on one vCPU and 245 on the
 * other a second later (measured here). A fresh host lands on either, which makes two back-to-back
 * visits differ by up to 2x; pinning both sides of a paired round to the same vCPU removes that.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Parse a Linux CPU list such as `0-3,6,8-9`; [] for anything else. */
export function parseCpuList(text: string): number[] {
  const cpus: number[] = [];
  for (const part of text.trim().split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) return [];
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    for (let c = from; c <= to; c++) cpus.push(c);
  }
  return cpus;
}

/** CPUs this process may run on (its affinity, e.g. a container's cpuset); [] when unknown. */
export function allowedCpus(): number[] {
  try {
    const line = /^Cpus_allowed_list:\s*(.+)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return line ? parseCpuList(line[1]) : [];
  } catch {
    return [];
  }
}

let taskset: string | null | undefined;

/** Path of `taskset`, or null where there is none (then nothing is pinned). */
export function tasksetPath(): string | null {
  if (taskset !== undefined) return taskset;
  taskset = null;
  if (process.platform !== 'linux') return taskset;
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, 'taskset'), constants.X_OK);
      taskset = join(dir, 'taskset');
      break;
    } catch {
      // not here
    }
  }
  return taskset;
}

/** The command that runs `command args` on `cpus` only (taskset execs it: same pid, same process group). */
export function pinned(command: string, args: readonly string[], cpus: readonly number[] | undefined): { command: string; args: string[] } {
  const tool = cpus && cpus.length > 0 ? tasksetPath() : null;
  if (!tool) return { command, args: [...args] };
  return { command: tool, args: ['-c', cpus!.join(','), command, ...args] };
}
