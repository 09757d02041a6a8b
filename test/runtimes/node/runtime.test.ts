import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseConfig } from '../../../src/config/load.ts';
import { createNodeRuntime, findWorkloadNode, MIN_WORKLOAD_NODE, nodeOnPath, nodeRuntime, unsupportedNodeReason } from '../../../src/runtimes/node/runtime.ts';
import { runVisit } from '../../../src/runtimes/visit.ts';
import { pythonRuntime } from '../../../src/runtimes/python/runtime.ts';
import { RuntimeUnavailableError, type VisitSpec } from '../../../src/runtimes/types.ts';
import type { WorkloadConfig } from '../../../src/config/types.ts';

const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
afterEach(() => Object.defineProperty(process, 'platform', platform));

describe('runtimes on Windows', () => {
  it('refuse clearly instead of leaking processes (process-group kills are POSIX)', async () => {
    Object.defineProperty(process, 'platform', { value: 'win32' });
    const workload = { name: 'w', modulePath: '/tmp/w.mjs', configDir: '/tmp', runtime: 'node' } as unknown as WorkloadConfig;
    for (const runtime of [nodeRuntime, pythonRuntime]) {
      const error = await runtime.hostCommand(workload, {} as VisitSpec).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(RuntimeUnavailableError);
      expect((error as Error).message).toMatch(/need Linux or macOS/);
    }
  });

  it('start normally elsewhere, on the Node the lookup gives', async () => {
    const workload = { name: 'w', modulePath: '/tmp/w.mjs', configDir: '/tmp', runtime: 'node' } as unknown as WorkloadConfig;
    const runtime = createNodeRuntime(async () => ({ executable: '/opt/node-x/bin/node', version: 'v22.22.0', source: 'path' }));
    await expect(runtime.hostCommand(workload, {} as VisitSpec)).resolves.toMatchObject({ command: '/opt/node-x/bin/node' });
  });
});

const scratch = mkdtempSync(join(tmpdir(), 'cb-node-lookup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A directory holding an executable `node` shell script with `body`, for PATH. */
function fakeNode(name: string, body: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'node'), `#!/bin/sh\n${body}\n`);
  chmodSync(join(dir, 'node'), 0o755);
  return dir;
}

/** A `node` that answers the version question as `version` running from `executable` (what a version-manager shim resolves to). */
const answering = (name: string, version: string, executable = '/opt/fake/bin/node') =>
  fakeNode(name, `printf '%s' '{"version":"${version}","executable":"${executable}"}'`);

const SELF = { executable: '/self/bin/node', version: 'v24.21.0' };

describe('which Node runs Node workloads', () => {
  it('package.json engines.node is the minimum the lookup enforces', () => {
    const engines = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8')).engines.node;
    expect(engines).toBe(`>=${MIN_WORKLOAD_NODE[0]}.${MIN_WORKLOAD_NODE[1]}`);
    expect(MIN_WORKLOAD_NODE[2]).toBe(0);
  });

  it('finds the first executable `node` on PATH, skipping relative entries, directories and files that are not executable', () => {
    const relative = fakeNode('relative', 'exit 0');
    const notExecutable = join(scratch, 'not-executable');
    mkdirSync(notExecutable, { recursive: true });
    writeFileSync(join(notExecutable, 'node'), '#!/bin/sh\n');
    chmodSync(join(notExecutable, 'node'), 0o644);
    const directory = join(scratch, 'directory');
    mkdirSync(join(directory, 'node'), { recursive: true });
    const real = fakeNode('real', 'exit 0');
    const later = fakeNode('later', 'exit 0');
    const relativeEntry = join('..', '..', relative.slice(1)); // relative, and names an existing node from / and from here
    expect(nodeOnPath([relativeEntry, '', notExecutable, directory, real, later].join(delimiter))).toBe(join(real, 'node'));
    expect(nodeOnPath([notExecutable, join(scratch, 'nothing-here')].join(delimiter))).toBeUndefined();
  });

  it('without a node on PATH, the Node running concurrency-bench', async () => {
    await expect(findWorkloadNode({ path: join(scratch, 'nothing-here'), self: SELF })).resolves.toEqual({ ...SELF, source: 'self' });
  });

  it('with one, the binary it resolves to and its version (a shim is asked once, not started per visit)', async () => {
    const dir = answering('v30', 'v30.1.0', '/opt/fake/bin/node');
    await expect(findWorkloadNode({ path: dir, self: SELF, hostIsTypeScript: false })).resolves.toEqual({
      executable: '/opt/fake/bin/node',
      version: 'v30.1.0',
      source: 'path',
      found: join(dir, 'node'),
    });
  });

  it('refuses a PATH node older than the minimum, or one that does not run, with a reason and the fix', async () => {
    const old = answering('v20', 'v20.19.2');
    const error = await findWorkloadNode({ path: old, self: SELF, hostIsTypeScript: false }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(RuntimeUnavailableError);
    expect((error as Error).message).toContain(`node on PATH (${join(old, 'node')}), but it is Node v20.19.2, older than 22.12.0`);
    expect((error as Error).message).toMatch(/actions\/setup-node/);

    const broken = fakeNode('broken', 'echo "node: cannot open shared object file" >&2; exit 127');
    const failure = await findWorkloadNode({ path: broken, self: SELF }).then(() => null, (e: unknown) => e);
    expect(failure).toBeInstanceOf(RuntimeUnavailableError);
    expect((failure as Error).message).toContain('does not run: node: cannot open shared object file');
  });

  it('knows which versions can run the host from its TypeScript sources (type stripping without a flag)', () => {
    expect(unsupportedNodeReason('v22.12.0', false)).toBeUndefined();
    expect(unsupportedNodeReason('v22.11.9', false)).toMatch(/older than 22\.12\.0/);
    expect(unsupportedNodeReason('v18.20.0', true)).toMatch(/older than/);
    for (const ok of ['v22.18.0', 'v23.6.0', 'v24.0.0', 'v25.1.0']) expect(unsupportedNodeReason(ok, true), ok).toBeUndefined();
    for (const no of ['v22.17.1', 'v23.5.0']) expect(unsupportedNodeReason(no, true), no).toMatch(/type stripping/);
    expect(unsupportedNodeReason('nonsense', false)).toMatch(/not one concurrency-bench understands/);
  });

  it('hosts really start on the PATH node: its version is the one the probe reports, and an unusable one fails the workload clearly', async () => {
    // The shim answers the version question as a version manager would (naming the binary it
    // resolves to): here a wrapper that records each host it starts and runs this Node.
    const log = join(scratch, 'hosts.log');
    const wrapper = join(scratch, 'wrapper-node');
    writeFileSync(wrapper, `#!/bin/sh\necho "host $$" >> '${log}'\nexec '${process.execPath}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    const shim = answering('shim', process.version, wrapper);
    const fixtures = join(import.meta.dirname, 'fixtures');
    const workload = parseConfig({ workloads: [{ name: 'w', module: 'handled-rejection.mjs', tasks: 1 }] }, join(fixtures, 'concurrency-bench.config.json')).workloads[0]!;
    const spec: VisitSpec = {
      mode: 'probe',
      workload: { name: 'w', modulePath: workload.modulePath, function: workload.function, tasks: 1, timeoutMs: 20_000 },
      model: 'sequential',
      concurrency: 1,
      warmupBatches: 0,
      minBatches: 1,
      maxBatches: 1,
      sampleTimeMs: 0,
    };
    const onPath = createNodeRuntime(() => findWorkloadNode({ path: shim }));
    const outcome = await runVisit(onPath, workload, spec, { hardTimeoutMs: 60_000 });
    expect(outcome.status, outcome.error).toBe('ok');
    expect(outcome.env).toMatchObject({ node: process.version });
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(1);

    const tooOld = createNodeRuntime(() => findWorkloadNode({ path: answering('old', 'v18.20.8', wrapper) }));
    const refused = await runVisit(tooOld, workload, spec, { hardTimeoutMs: 60_000 });
    expect(refused).toMatchObject({ status: 'unavailable', error: expect.stringContaining('it is Node v18.20.8, older than 22.12.0') });
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('the default runtime uses the lookup of this process (here npx puts the pinned Node first on PATH)', async () => {
    const workload = { name: 'w', modulePath: '/tmp/w.mjs', configDir: '/tmp', runtime: 'node' } as unknown as WorkloadConfig;
    const found = nodeOnPath();
    const { command } = await nodeRuntime.hostCommand(workload, {} as VisitSpec);
    expect(command).toBe(found ? (await findWorkloadNode()).executable : process.execPath);
  });
});

describe('the results environment', () => {
  it('names the Node the hosts reported, not the one running concurrency-bench', async () => {
    const { describeEnvironment } = await import('../../../src/environment.ts');
    expect(describeEnvironment({ node: { node: 'v22.22.0', v8: '12.4' } }).node).toBe('v22.22.0');
    // Nothing reported (no Node workload measured): the Node looked up for them, else this process's.
    const { settledWorkloadNode } = await import('../../../src/runtimes/node/runtime.ts');
    const looked = settledWorkloadNode();
    expect(describeEnvironment({}).node).toBe(looked && 'node' in looked ? looked.node.version : process.version);
  });
});
