import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const BIN = fileURLToPath(new URL('../../bin/concurrency-bench.js', import.meta.url));
const engines = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } }).engines.node;
const minimum = engines.replace(/^>=\s*/, '');

const older = (version: string) => {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  const [minMajor, minMinor] = minimum.split('.').map(Number);
  return major < minMajor || (major === minMajor && minor < minMinor);
};

/** A Node older than the minimum on this machine (the system Node 20 here), if there is one. */
function olderNode(): { path: string; version: string } | undefined {
  const candidates = [...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'node')), '/usr/bin/node', '/usr/local/bin/node'];
  for (const path of new Set(candidates)) {
    try {
      accessSync(path, constants.X_OK);
      const version = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
      if (older(version)) return { path, version };
    } catch {
      // not there, or not a node we can run
    }
  }
  return undefined;
}

const system = olderNode();
const message = (version: string) =>
  `concurrency-bench needs Node >= ${minimum} (this is ${version}); install a newer Node (https://nodejs.org) or put one first on PATH\n`;

describe('the Node version check in bin/', () => {
  it('states the minimum of package.json engines', () => {
    expect(engines).toMatch(/^>=\s*\d+\.\d+$/);
    expect(readFileSync(BIN, 'utf8')).toContain(`const MINIMUM = [${minimum.split('.').join(', ')}];`);
  });

  it.skipIf(!system)(`an older Node (${system?.path} ${system?.version}) gets one line and exit 2, even for --help`, async () => {
    for (const args of [['--help'], ['run', '--help'], ['run']]) {
      const old = await runCli(args, { node: system!.path, script: BIN });
      expect(old.code, args.join(' ')).toBe(2);
      expect(old.stdout).toBe('');
      expect(old.stderr).toBe(message(system!.version));
    }
  });

  it('an older version, simulated on this Node, gets the same line (for machines without an old Node)', async () => {
    const fake = 'data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"22.11.0"}})';
    const old = await runCli(['--help'], { nodeArgs: ['--import', fake], script: BIN });
    expect(old.code).toBe(2);
    expect(old.stderr).toBe(message('v22.11.0'));
  });

  it('this Node passes the check and reaches the CLI', async () => {
    expect(older(process.version)).toBe(false);
    const ok = await runCli(['--version'], { script: BIN });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
