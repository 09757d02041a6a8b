import { describe, expect, it } from 'vitest';
import { COMMANDS, commandHelp, EXIT, EXIT_CODES_TEXT, mainHelp, parseOptions, wantsHelp } from '../../src/cli/usage.ts';

describe('usage texts', () => {
  for (const spec of Object.values(COMMANDS)) {
    it(`${spec.name} --help describes every flag the parser accepts, on one line each`, () => {
      const help = commandHelp(spec);
      const options = parseOptions(spec);
      expect(Object.keys(options).sort()).toEqual(spec.flags.map((f) => f.name).sort());
      for (const [name, option] of Object.entries(options)) {
        const line = help.split('\n').find((l) => new RegExp(`^  ${option.short ? `-${option.short}, ` : '    '}--${name}\\b`).test(l));
        expect(line, `--${name}`).toBeDefined();
        // A description follows the flag on the same line.
        expect(line!.replace(/^\s+(-\w, )?--\S+( \S+)?\s+/, '').length, `--${name}`).toBeGreaterThan(10);
      }
      expect(help).toContain(EXIT_CODES_TEXT);
      expect(help).toMatch(/NO_COLOR/);
      expect(help).toMatch(/FORCE_COLOR/);
    });
  }

  it('every exit code is documented, internal error and SIGTERM included', () => {
    for (const code of Object.values(EXIT)) expect(EXIT_CODES_TEXT).toMatch(new RegExp(`^  ${code} `, 'm'));
    expect(EXIT.internal).toBe(70);
    expect(EXIT.sigterm).toBe(143);
    expect(EXIT.sigint).toBe(130);
    expect(new Set(Object.values(EXIT)).size).toBe(Object.values(EXIT).length);
  });

  it('fits in 100 columns', () => {
    for (const text of [mainHelp(), ...Object.values(COMMANDS).map(commandHelp)]) {
      for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    }
  });

  it('the top-level help names every command and how to get its flags', () => {
    const help = mainHelp();
    for (const name of Object.keys(COMMANDS)) expect(help).toMatch(new RegExp(`^  concurrency-bench ${name} `, 'm'));
    expect(help).toMatch(/--help/);
    expect(help).toMatch(/--version/);
  });

  it('wantsHelp: -h or --help anywhere before --', () => {
    expect(wantsHelp(['--help'])).toBe(true);
    expect(wantsHelp(['--config', 'x.json', '-h'])).toBe(true);
    expect(wantsHelp(['--config', 'x.json'])).toBe(false);
    expect(wantsHelp(['--', '--help'])).toBe(false);
  });
});
