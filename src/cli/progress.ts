import type { ProgressEvent } from '../commands/run.ts';
import { terminalSafe } from '../report/terminal.ts';

/**
 * Progress display: a single rewritten status line on an interactive terminal; in CI logs only a
 * line per round (a log must not fill with carriage-return frames).
 */
export function progressReporter(stream: NodeJS.WriteStream, interactive: boolean): { onProgress: (event: ProgressEvent) => void; finish: () => void } {
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write('\r\u001b[2K');
    drawn = false;
  };
  return {
    onProgress(event) {
      if (event.type === 'probe') {
        if (event.status !== 'ok') {
          clear();
          stream.write(`workload ${terminalSafe(event.workload)} ${terminalSafe(event.status)}\n`);
        }
      } else if (event.type === 'plan') {
        clear();
        for (const line of event.lines) stream.write(`${terminalSafe(line)}\n`);
      } else if (event.type === 'visit') {
        if (!interactive) return;
        clear();
        const line = `round ${event.round} · ${event.done}/${event.total} · ${terminalSafe(event.label)}${event.status === 'ok' ? '' : ` · ${event.status}`}`;
        stream.write(line.slice(0, (stream.columns || 100) - 1));
        drawn = true;
      } else {
        clear();
        if (!interactive) stream.write(`${event.phase ? `${event.phase} ` : ''}round ${event.round} done after ${(event.elapsedMs / 1000).toFixed(1)} s\n`);
      }
    },
    finish: clear,
  };
}
