import { execFile } from 'node:child_process';
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkloadConfig } from '../../config/types.ts';
import { ownFile } from '../../paths.ts';
import { MODELS } from '../../types.ts';
import { repositoryEnv } from '../repository-env.ts';
import { RuntimeUnavailableError, type HostCommand, type Runtime, type VisitSpec } from '../types.ts';

/**
 * Oldest Node the host runs on: package.json `engines.node` (a test keeps the two equal). From the
 * TypeScript sources (development, tests) the host is itself a .ts file, which needs Node's type
 * stripping without a flag: 22.18 on the 22 line, 23.6 after it.
 */
export const MIN_WORKLOAD_NODE: readonly [number, number, number] = [22, 12, 0];
const MIN_STRIPPING_NODE: ReadonlyArray<readonly [number, number, number]> = [
  [22, 18, 0],
  [23, 6, 0],
];

/** The Node that runs Node workloads (their hosts, and so their worker threads and child processes). */
export interface WorkloadNode {
  /** The binary hosts are started with: the PATH node's own process.execPath (a version-manager shim is resolved once, so base and head of a compare run on the same binary whatever directory they are in). */
  executable: string;
  /** `process.version` of that binary, e.g. v22.22.0. */
  version: string;
  /** `path`: the first `node` on PATH (what `node` means in the job: actions/setup-node, a matrix leg, nvm...); `self`: none on PATH, so the Node running concurrency-bench. */
  source: 'path' | 'self';
  /** Where it was found on PATH (the shim itself when there is one). */
  found?: string;
}

export interface NodeLookup {
  /** Default: this process's PATH. */
  path?: string;
  /** Where a version manager's shim decides which Node it means; default process.cwd(). */
  cwd?: string;
  /** Default: this process (process.execPath, process.version). */
  self?: { executable: string; version: string };
  /** Default: whether this installation's host is a .ts file (run from the sources). */
  hostIsTypeScript?: boolean;
}

/**
 * The first `node` on PATH that is an executable file. Relative PATH entries are skipped: they
 * would name a different binary in each directory (and `.` would run whatever the checked-out
 * repository put there under the name `node`).
 */
export function nodeOnPath(path: string = process.env.PATH ?? ''): string | undefined {
  const names = process.platform === 'win32' ? ['node.exe', 'node'] : ['node'];
  for (const dir of path.split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        if (!statSync(candidate).isFile()) continue;
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

function parseVersion(version: string): [number, number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function atLeast(version: readonly number[], min: readonly number[]): boolean {
  for (let i = 0; i < 3; i++) if (version[i] !== min[i]) return version[i]! > min[i]!;
  return true;
}

/** Why `version` cannot run this installation's host, or undefined when it can. */
export function unsupportedNodeReason(version: string, hostIsTypeScript = ownFile('runtimes/node/host').endsWith('.ts')): string | undefined {
  const v = parseVersion(version);
  if (!v) return `its version ${JSON.stringify(version)} is not one concurrency-bench understands`;
  if (!atLeast(v, MIN_WORKLOAD_NODE)) return `it is Node ${version}, older than ${MIN_WORKLOAD_NODE.join('.')}, the oldest concurrency-bench supports`;
  if (hostIsTypeScript && !(v[0] >= 24 || MIN_STRIPPING_NODE.some((min) => v[0] === min[0] && atLeast(v, min)))) {
    return `it is Node ${version}, which cannot run concurrency-bench from its TypeScript sources (type stripping needs 22.18 or 23.6 and later)`;
  }
  return undefined;
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

const INSPECT = 'process.stdout.write(JSON.stringify({ version: process.version, executable: process.execPath }))';

function inspect(command: string, cwd: string): Promise<{ version: string; executable: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, ['-e', INSPECT], { cwd, timeout: 20_000, encoding: 'utf8', env: repositoryEnv() }, (error, stdout, stderr) => {
      try {
        const answer = JSON.parse(stdout) as { version?: unknown; executable?: unknown };
        if (typeof answer.version === 'string' && typeof answer.executable === 'string' && isAbsolute(answer.executable)) {
          return resolve({ version: answer.version, executable: answer.executable });
        }
      } catch {
        // not the answer; say why below
      }
      const why = (stderr || error?.message || stdout || 'no output').trim().split(/\r?\n/).at(-1);
      reject(new Error(why));
    });
  });
}

/**
 * Which Node runs Node workloads: the first `node` on PATH, so that the job's own Node
 * (actions/setup-node, a version matrix) is what is measured, as it is for Python; without one, the
 * Node running concurrency-bench. A PATH node that does not run or is too old for the host is an
 * error (RuntimeUnavailableError) rather than a silent switch to another Node: the results would
 * name a Node the job did not ask for.
 */
export async function findWorkloadNode(lookup: NodeLookup = {}): Promise<WorkloadNode> {
  const self = lookup.self ?? { executable: process.execPath, version: process.version };
  const found = nodeOnPath(lookup.path ?? process.env.PATH ?? '');
  if (!found) return { ...self, source: 'self' };
  // The very binary running concurrency-bench (npx puts a project's pinned node first): nothing to ask.
  if (sameFile(found, self.executable)) return { ...self, source: 'path', found };
  let answer: { version: string; executable: string };
  try {
    answer = await inspect(found, lookup.cwd ?? process.cwd());
  } catch (error) {
    throw new RuntimeUnavailableError(`the node on PATH (${found}) does not run: ${(error as Error).message}; fix or remove it, or put a working Node ${MIN_WORKLOAD_NODE.join('.')} or newer first on PATH (actions/setup-node)`);
  }
  const why = unsupportedNodeReason(answer.version, lookup.hostIsTypeScript);
  if (why) {
    throw new RuntimeUnavailableError(`Node workloads run on the node on PATH (${found}), but ${why}; put Node ${MIN_WORKLOAD_NODE.join('.')} or newer first on PATH (e.g. actions/setup-node with node-version: 22 or later)`);
  }
  return { executable: answer.executable, version: answer.version, source: 'path', found };
}

let resolved: Promise<WorkloadNode> | undefined;
let settled: { node: WorkloadNode } | { error: Error } | undefined;

/** findWorkloadNode for this process, looked up once: every host of a run or compare starts on the same binary. */
export function workloadNode(): Promise<WorkloadNode> {
  resolved ??= findWorkloadNode().then(
    (node) => {
      settled = { node };
      return node;
    },
    (error: Error) => {
      settled = { error };
      throw error;
    },
  );
  return resolved;
}

/** The outcome of workloadNode() when it has been looked up, without starting a lookup. */
export function settledWorkloadNode(): { node: WorkloadNode } | { error: Error } | undefined {
  return settled;
}

/**
 * TypeScript workloads run on Node's own type stripping. When the user's project has tsx installed,
 * it is used instead (it also handles enums and `./x.js` -> x.ts imports): passed by absolute URL so
 * that worker threads and child processes, which inherit execArgv, resolve it from anywhere.
 */
function tsxLoaderFor(workload: WorkloadConfig): string | undefined {
  if (!/\.(c|m)?tsx?$/.test(workload.modulePath)) return undefined;
  try {
    return pathToFileURL(createRequire(workload.modulePath).resolve('tsx')).href;
  } catch {
    return undefined;
  }
}

/** The Node runtime, starting hosts on the Node `node()` gives (tests pass their own lookup). */
export function createNodeRuntime(node: () => Promise<WorkloadNode> = workloadNode): Runtime {
  return {
    id: 'node',
    models: MODELS,
    async hostCommand(workload: WorkloadConfig, _spec: VisitSpec): Promise<HostCommand> {
      // Hosts are killed as whole process groups (kill(-pid)), which is POSIX: on Windows a timed-out
      // or interrupted cell would leave its worker processes running, so refuse rather than leak.
      if (process.platform === 'win32') throw new RuntimeUnavailableError('Node workloads need Linux or macOS for now (hosts are stopped by killing their POSIX process group; on Windows that would leave processes behind)');
      const tsx = tsxLoaderFor(workload);
      return {
        command: (await node()).executable,
        args: [...(tsx ? ['--import', tsx] : []), '--no-warnings=ExperimentalWarning', ownFile('runtimes/node/host')],
        cwd: workload.configDir,
      };
    },
  };
}

export const nodeRuntime: Runtime = createNodeRuntime();
