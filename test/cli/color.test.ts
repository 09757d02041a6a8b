import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/cli/color.ts';
import { runCli } from '../helpers/cli.ts';
import { runResults } from '../report/fixtures.ts';

const on = (env: Record<string, string>, isTTY: boolean, noColorFlag = false) => colorEnabled({ env, isTTY, noColorFlag });

describe('colorEnabled', () => {
  it('follows the terminal when nothing is set', () => {
    expect(on({}, true)).toBe(true);
    expect(on({}, false)).toBe(false);
  });

  it('NO_COLOR set and non-empty disables, even on a terminal; empty NO_COLOR does not', () => {
    expect(on({ NO_COLOR: '1' }, true)).toBe(false);
    expect(on({ NO_COLOR: 'yes' }, true)).toBe(false);
    expect(on({ NO_COLOR: '' }, true)).toBe(true);
    expect(on({ NO_COLOR: '' }, false)).toBe(false);
  });

  it('FORCE_COLOR=1/2/3, true or empty enables even without a terminal; 0 and false disable even on one', () => {
    for (const value of ['1', '2', '3', 'true', '']) expect(on({ FORCE_COLOR: value }, false), `FORCE_COLOR=${JSON.stringify(value)}`).toBe(true);
    for (const value of ['0', 'false']) expect(on({ FORCE_COLOR: value }, true), `FORCE_COLOR=${value}`).toBe(false);
  });

  it('FORCE_COLOR wins over NO_COLOR (as in Node); --no-color wins over both', () => {
    expect(on({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
    expect(on({ FORCE_COLOR: '0', NO_COLOR: '' }, true)).toBe(false);
    expect(on({ FORCE_COLOR: '1' }, true, true)).toBe(false);
    expect(on({}, true, true)).toBe(false);
  });

  it('TERM=dumb disables unless colour is forced', () => {
    expect(on({ TERM: 'dumb' }, true)).toBe(false);
    expect(on({ TERM: 'dumb', FORCE_COLOR: '1' }, false)).toBe(true);
  });
});

describe('colours from the command line (stdout is a pipe here, not a terminal)', () => {
  const ANSI = /\u001b\[/;
  const file = join(mkdtempSync(join(tmpdir(), 'cb-color-')), 'results.json');
  writeFileSync(file, JSON.stringify(runResults(['quick'])));
  const report = (env: Record<string, string | undefined>, ...flags: string[]) => runCli(['report', file, ...flags], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } });

  it('none by default off a terminal, with NO_COLOR or FORCE_COLOR=0', async () => {
    for (const env of [{}, { NO_COLOR: '1' }, { FORCE_COLOR: '0' }]) {
      const out = await report(env);
      expect(out.code, JSON.stringify(env)).toBe(0);
      expect(out.stdout, JSON.stringify(env)).not.toMatch(ANSI);
    }
  });

  it('FORCE_COLOR=1 or FORCE_COLOR= colours even a pipe, unless --no-color', async () => {
    for (const env of [{ FORCE_COLOR: '1' }, { FORCE_COLOR: '' }, { FORCE_COLOR: '3', NO_COLOR: '1' }]) {
      const out = await report(env);
      expect(out.code, JSON.stringify(env)).toBe(0);
      expect(out.stdout, JSON.stringify(env)).toMatch(ANSI);
    }
    expect((await report({ FORCE_COLOR: '1' }, '--no-color')).stdout).not.toMatch(ANSI);
  });
});
