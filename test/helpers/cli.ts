import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/node/', import.meta.url));

export interface CliRun {
  code: number | null;
  /** The signal that killed the CLI, if one did (then code is null). */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the CLI from source in a child process, as a user would (CI=true: no progress frames).
 * `env` entries set to undefined are removed from the child's environment; `nodeArgs` go before the
 * script (e.g. `--import` of a module that simulates a bug); `script` replaces src/cli.ts (the bin).
 */
export function runCli(
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    nodeArgs?: string[];
    node?: string;
    script?: string;
    onStderr?: (text: string, child: ReturnType<typeof spawn>) => void;
  } = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(options.node ?? process.execPath, [...(options.nodeArgs ?? []), options.script ?? CLI, ...args], {
      cwd: options.cwd,
      env: { ...process.env, CI: 'true', NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      options.onStderr?.(stderr, child);
    });
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A scratch directory with the node fixtures copied in and a config written from `workloads`. */
export function scratchProject(workloads: unknown[]): { dir: string; config: string; results: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cb-cli-'));
  cpSync(FIXTURES, dir, { recursive: true });
  const config = join(dir, 'concurrency-bench.config.json');
  writeFileSync(config, JSON.stringify({ workloads }, null, 2));
  return { dir, config, results: join(dir, 'out', 'results.json') };
}

/**
 * Processes still alive whose environment mentions `marker` (the scratch directory): every host gets
 * the module path in its visit spec and every process-model child in its environment, so this finds
 * anything the run left behind, whoever its parent is now.
 */
export function leftoverProcesses(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (environ.includes(marker) && !/\) Z /.test(stat)) found.push(Number(entry));
    } catch {
      // gone already, or not ours to read
    }
  }
  return found;
}
