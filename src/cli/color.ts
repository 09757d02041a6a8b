/**
 * Whether the human report is coloured: decided here, in one place, for every command.
 *
 * Precedence, as Node's own `util.styleText` and most tools read these variables:
 * 1. `--no-color` on the command line: never.
 * 2. `FORCE_COLOR`: `0` or `false` disables; any other value, empty included, enables, even when
 *    the output is not a terminal (a CI log that renders ANSI, a pager).
 * 3. `NO_COLOR` set and non-empty (https://no-color.org): never.
 * 4. `TERM=dumb`: never.
 * 5. Otherwise: colour when the stream the report goes to is a terminal.
 */
export interface ColorInputs {
  /** `--no-color` was given. */
  noColorFlag?: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** The stream the coloured text is written to is a terminal. */
  isTTY: boolean;
}

export function colorEnabled({ noColorFlag = false, env, isTTY }: ColorInputs): boolean {
  if (noColorFlag) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}
