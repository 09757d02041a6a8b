/**
 * Run the config's `prepare` command (e.g. `npm ci && npm run build`) in one tree before it is
 * measured. Its output is kept only as a tail for the error message; the command runs in its own
 * process group so an interrupted compare takes it down with everything it started.
 */
import { spawn } from 'node:child_process';
import { PrepareError } from './errors.ts';
import { repositoryEnv } from '../runtimes/repository-env.ts';

const TAIL_CHARS = 4000;
const TAIL_LINES = 30;

/** Last lines of the output, at most TAIL_LINES lines / TAIL_CHARS characters. */
export function outputTail(text: string): string {
  const lines = text.replace(/\s+$/, '').split(/\r?\n/);
  return lines.slice(-TAIL_LINES).join('\n').slice(-TAIL_CHARS);
}

export async function runPrepare(
  command: string,
  cwd: string,
  tree: 'base' | 'head',
  options: { signal?: AbortSignal; timeoutMs?: number; label?: string } = {},
): Promise<{ elapsedMs: number }> {
  const started = performance.now();
  const where = `${tree} tree${options.label ? ` (${options.label})` : ''} at ${cwd}`;
  const child = spawn(command, { cwd, shell: true, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: repositoryEnv({ CI: process.env.CI ?? '' }) });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-TAIL_CHARS * 4);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const killGroup = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  let reason: string | undefined;
  const onAbort = () => {
    reason = 'was interrupted';
    killGroup();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = options.timeoutMs
    ? setTimeout(() => {
        reason = `did not finish within ${Math.round(options.timeoutMs! / 1000)} s`;
        killGroup();
      }, options.timeoutMs)
    : undefined;
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  clearTimeout(timer);
  options.signal?.removeEventListener('abort', onAbort);
  killGroup(); // background processes the command left behind must not skew the measurement
  if (exit.code === 0 && !reason) return { elapsedMs: performance.now() - started };
  const how = reason ?? (exit.error ? `could not start (${exit.error.message})` : exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`);
  throw new PrepareError(tree, cwd, `prepare command ${JSON.stringify(command)} ${how} in the ${where}`, outputTail(output));
}
