/**
 * Every host runs in its own process group (spawned detached), so killing the group kills the host
 * and everything it started: pool workers, child processes, grandchildren. The registry lets the
 * orchestrator kill whatever is still running when it is interrupted or exits.
 */
const live = new Set<number>();

export function trackGroup(pid: number): void {
  live.add(pid);
}

/** SIGKILL a whole process group; quiet when it is already gone. */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is gone already.
  }
  live.delete(pid);
}

export function killAllGroups(): void {
  for (const pid of [...live]) killGroup(pid);
}

// A last line of defence: whatever way the orchestrator exits, its hosts go with it.
process.on('exit', killAllGroups);
