import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/usage.ts';
import { runCli } from '../helpers/cli.ts';

describe('--help', () => {
  it.each([
    ['run', '--help'],
    ['compare', '-h'],
    ['report', '--help'],
  ])('%s %s prints the command usage with every flag described, on stdout, exit 0', async (command, flag) => {
    const help = await runCli([command, flag]);
    expect(help.stderr).toBe('');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`^concurrency-bench ${command}: `));
    expect(help.stdout).toMatch(new RegExp(`^  concurrency-bench ${command} `, 'm'));
    for (const f of COMMANDS[command as keyof typeof COMMANDS].flags) {
      expect(help.stdout, `--${f.name}`).toMatch(new RegExp(`--${f.name}\\b.*\\s{2,}${f.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    }
    expect(help.stdout).toMatch(/^  70 +internal error/m);
    expect(help.stdout).toMatch(/^  143 +terminated \(SIGTERM\)/m);
  });

  it('wins over other flags, even ones that would be errors', async () => {
    const help = await runCli(['run', '--config', 'nope.json', '--bogus', '-h']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^concurrency-bench run: /);
  });

  it.each([['--help'], ['-h'], ['help']])('top level %s prints the overview on stdout, exit 0', async (flag) => {
    const help = await runCli([flag]);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    for (const command of ['run', 'compare', 'report']) expect(help.stdout).toMatch(new RegExp(`^  concurrency-bench ${command} `, 'm'));
    expect(help.stdout).toMatch(/-v, --version +print the version/);
    expect(help.stdout).toMatch(/^Exit codes:/m);
  });

  it('help COMMAND is COMMAND --help', async () => {
    const [viaHelp, viaFlag] = await Promise.all([runCli(['help', 'compare']), runCli(['compare', '--help'])]);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });

  it('no command at all: the overview on stderr, nothing on stdout, exit 2', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^  concurrency-bench run /m);
  });

  it('a usage error is one line on stderr pointing at the command help, exit 2', async () => {
    const bad = await runCli(['compare', '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(`concurrency-bench: Unknown option '--bogus'\nrun "concurrency-bench compare --help" for usage\n`);
  });
});
