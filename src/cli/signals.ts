/**
 * SIGINT and SIGTERM while measuring. The first signal stops measuring: the command kills its
 * workers, removes its worktrees and saves partial results, then the CLI exits 128 + the signal's
 * number (130 for SIGINT, 143 for SIGTERM), as a shell reports a process the signal killed. A
 * second signal kills every host now and exits at once.
 */
import { killAllGroups } from '../runtimes/process-groups.ts';
import { EXIT } from './usage.ts';

const SIGNALS = { SIGINT: EXIT.sigint, SIGTERM: EXIT.sigterm } as const;
type Handled = keyof typeof SIGNALS;

export interface Interrupt {
  signal: AbortSignal;
  /** The signal that stopped the command, if one did. */
  readonly received: Handled | undefined;
  /** 130 or 143 when a signal stopped the command; undefined otherwise. */
  readonly exitCode: number | undefined;
  /** Stop listening (the command is over). */
  dispose(): void;
}

export function interruptOnSignals(stderr: NodeJS.WritableStream = process.stderr): Interrupt {
  const controller = new AbortController();
  let received: Handled | undefined;
  const handlers = Object.fromEntries(
    (Object.keys(SIGNALS) as Handled[]).map((name) => [
      name,
      () => {
        if (controller.signal.aborted) {
          killAllGroups();
          process.exit(SIGNALS[name]);
        }
        received = name;
        const what = name === 'SIGINT' ? 'interrupted' : 'terminated (SIGTERM)';
        const again = name === 'SIGINT' ? 'Ctrl-C again' : 'signal again';
        stderr.write(`\n${what}: stopping, killing workers and saving partial results (${again} to quit now)\n`);
        controller.abort();
      },
    ]),
  ) as Record<Handled, () => void>;
  for (const name of Object.keys(handlers) as Handled[]) process.on(name, handlers[name]);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    get exitCode() {
      return received === undefined ? undefined : SIGNALS[received];
    },
    dispose() {
      for (const name of Object.keys(handlers) as Handled[]) process.off(name, handlers[name]);
    },
  };
}
