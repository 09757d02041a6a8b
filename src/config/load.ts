import { readFileSync, existsSync, statSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { parse as parseYaml } from 'yaml';
import { availableParallelism } from 'node:os';
import { dirname, resolve, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ownFile } from '../paths.ts';
import { MODELS, RUNTIMES, type Model, type RuntimeId } from '../types.ts';
import { ConfigError, type ConfigProblem } from './errors.ts';
import type { Config, WorkloadConfig } from './types.ts';

export const DEFAULT_CONFIG_FILE = 'concurrency-bench.config.json';
/**
 * Looked for in this order when no config is named: JSON, YAML, then the module configs (TypeScript
 * before JavaScript), whose default export is the config (`export default defineConfig({...})`).
 */
export const DEFAULT_CONFIG_FILES = [
  DEFAULT_CONFIG_FILE,
  'concurrency-bench.config.yaml',
  'concurrency-bench.config.yml',
  'concurrency-bench.config.ts',
  'concurrency-bench.config.mts',
  'concurrency-bench.config.js',
  'concurrency-bench.config.mjs',
];
/** A config that is a module to import rather than a document to parse. */
const MODULE_CONFIG = /\.(m?ts|m?js)$/i;
const TYPESCRIPT_CONFIG = /\.m?ts$/i;

/** True when `path` names a TypeScript or JavaScript config, which only loadConfigAsync reads. */
export function isModuleConfig(path: string): boolean {
  return MODULE_CONFIG.test(path);
}

/** The config to use when none is named: the first default name that exists in `dir`, else the JSON one. */
export function defaultConfigPath(dir = process.cwd()): string {
  return DEFAULT_CONFIG_FILES.find((name) => existsSync(resolve(dir, name))) ?? DEFAULT_CONFIG_FILE;
}
export const DEFAULT_TIMEOUT_MS = 30_000;
const START_METHODS = ['fork', 'spawn', 'forkserver'] as const;
const WORKLOAD_KEYS = new Set([
  'name', 'module', 'entry', 'function', 'runtime', 'python', 'startMethod',
  'tasks', 'concurrency', 'models', 'timeoutMs',
]);
const TOP_KEYS = new Set(['$schema', 'workloads', 'prepare']);

/** Powers of two from 1 up to `max`, plus `max` itself (so 6 cores sweep 1,2,4,6). */
export function sweep(max: number, extra: number[] = []): number[] {
  const levels = new Set<number>(extra.filter((c) => c <= max));
  for (let c = 1; c <= max; c *= 2) levels.add(c);
  levels.add(Math.max(1, max));
  return [...levels].sort((a, b) => a - b);
}

/**
 * Default concurrency levels: up to 2x cores for thread/process, up to `tasks` for async, and for
 * the hybrids (tasks in flight in all, one worker per core) 2, 4, 8 and 16 in flight per worker.
 */
export function defaultConcurrency(tasks: number, cpus = availableParallelism()): Record<Model, number[]> {
  const hybrid = HYBRID_PER_WORKER.map((k) => k * cpus).filter((c) => c <= tasks);
  return {
    sequential: [1],
    async: sweep(tasks),
    thread: sweep(2 * cpus, [cpus]),
    process: sweep(2 * cpus, [cpus]),
    'thread+async': hybrid.length > 0 ? hybrid : [Math.max(1, Math.min(tasks, cpus))],
    'process+async': hybrid.length > 0 ? hybrid : [Math.max(1, Math.min(tasks, cpus))],
  };
}

/** Tasks in flight per worker in the hybrids' default sweep. */
export const HYBRID_PER_WORKER = [2, 4, 8, 16];

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '...' : value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** The file as resolved and as named in messages (relative to the working directory), after checking it is a file. */
function locate(path: string): { file: string; shown: string } {
  const file = resolve(path);
  const shown = relative(process.cwd(), file) || file;
  if (!existsSync(file)) {
    throw new ConfigError(shown, '', `config file not found (expected a JSON, YAML, TypeScript or JavaScript file declaring "workloads"; see ${DEFAULT_CONFIG_FILE} in the README)`);
  }
  if (statSync(file).isDirectory()) throw new ConfigError(shown, '', 'is a directory, expected a config file');
  return { file, shown };
}

/**
 * Read and validate a JSON or YAML config file. A file that cannot be read or parsed is one
 * ConfigError; otherwise one ConfigError lists every problem found, each naming file, field and
 * expectation. A TypeScript or JavaScript config must be imported, which is asynchronous: use
 * loadConfigAsync (which reads every kind).
 */
export function loadConfig(path: string, options: { cpus?: number } = {}): Config {
  const { file, shown } = locate(path);
  const fail = (field: string, expected: string): never => {
    throw new ConfigError(shown, field, expected);
  };
  if (isModuleConfig(file)) fail('', 'a TypeScript or JavaScript config is imported, which the synchronous loadConfig cannot do (use loadConfigAsync)');
  let raw: unknown;
  const text = readFileSync(file, 'utf8');
  if (/\.ya?ml$/i.test(file)) {
    // YAML with the same shape as the JSON; the first line of the parser's message says where.
    try {
      raw = parseYaml(text);
    } catch (error) {
      fail('', `not valid YAML (${String((error as Error).message).split('\n')[0]})`);
    }
  } else {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      fail('', `not valid JSON (${(error as Error).message})`);
    }
  }
  return parseConfig(raw, file, shown, options.cpus);
}

/**
 * Read and validate a config of any kind: JSON and YAML as loadConfig does; a TypeScript or
 * JavaScript module (`concurrency-bench.config.ts|mts|js|mjs`) by importing it and validating its
 * default export (an object, `defineConfig({...})`, or a promise of one) exactly like a parsed JSON
 * file, with the same messages. TypeScript runs on Node's own type stripping (on by default from
 * Node 22.18 and 23.6), so types are erased, not checked, and TypeScript-only syntax that needs
 * transforming (enums, namespaces) is refused by Node.
 */
export async function loadConfigAsync(path: string, options: { cpus?: number } = {}): Promise<Config> {
  if (!isModuleConfig(path)) return loadConfig(path, options);
  const { file, shown } = locate(path);
  resolveOwnNameToSelf();
  const fail = (expected: string): never => {
    throw new ConfigError(shown, '', expected);
  };
  let module: Record<string, unknown>;
  try {
    // The modification time in the URL: a config edited since an earlier load in this process is read
    // again rather than served from the module cache (an unchanged one is not imported twice).
    const { mtimeMs, size } = statSync(file);
    module = (await import(`${pathToFileURL(file).href}?mtime=${mtimeMs}-${size}`)) as Record<string, unknown>;
  } catch (error) {
    const message = String((error as Error)?.message ?? error).split('\n')[0];
    const code = (error as { code?: string })?.code;
    if (code === 'ERR_UNKNOWN_FILE_EXTENSION' && TYPESCRIPT_CONFIG.test(file)) {
      // Node 22.12 to 22.17 do not strip types unless --experimental-strip-types is given.
      fail(`a TypeScript config needs Node's type stripping (on by default from Node 22.18 and 23.6; this is ${process.version}, where it is off): use a newer Node or write the config as .mjs or JSON`);
    }
    if (code === 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX' || code === 'ERR_INVALID_TYPESCRIPT_SYNTAX') {
      fail(`could not be loaded: TypeScript that Node cannot strip (${message}); configs are type-stripped, not compiled, so use no enums or namespaces`);
    }
    return fail(`could not be loaded (${(error as Error)?.name ?? 'Error'}: ${message})`);
  }
  if (!('default' in module) || module.default === undefined) {
    const named = Object.keys(module).filter((k) => k !== 'default');
    fail(`expected a default export (export default defineConfig({ workloads: [...] })), found ${named.length ? `only named exports: ${named.join(', ')}` : 'no exports'}`);
  }
  let raw: unknown;
  try {
    raw = await module.default;
  } catch (error) {
    fail(`the default export is a promise that rejected (${String((error as Error)?.message ?? error).split('\n')[0]})`);
  }
  // A module's object may carry things JSON cannot (functions, class instances); the checks below
  // look only at the fields a JSON config has, so the same validation applies unchanged.
  return parseConfig(raw, file, shown, options.cpus);
}

let ownNameHooked = false;

/**
 * A config imports `defineConfig` from 'concurrency-bench'. Where its directory cannot resolve that
 * name (the base tree of a compare, checked out in a scratch worktree without node_modules; npx
 * without an install), it resolves to the concurrency-bench that is loading the config. Only a
 * failed resolution of that one name is changed. Needs module.registerHooks (Node >= 22.15 and
 * >= 23.5); older Nodes resolve the name as usual.
 */
function resolveOwnNameToSelf(): void {
  if (ownNameHooked) return;
  ownNameHooked = true;
  type Resolve = (specifier: string, context: unknown) => { url: string };
  const registerHooks = (nodeModule as unknown as { registerHooks?: (hooks: { resolve: (specifier: string, context: unknown, next: Resolve) => unknown }) => void }).registerHooks;
  if (typeof registerHooks !== 'function') return;
  const self = pathToFileURL(ownFile('define')).href;
  registerHooks({
    resolve(specifier, context, next) {
      try {
        return next(specifier, context);
      } catch (error) {
        if (specifier !== 'concurrency-bench') throw error;
        return { url: self, shortCircuit: true };
      }
    },
  });
}

/**
 * Validate an already-parsed config object. `shown` is the file name used in messages.
 * Every problem found is collected (at most one per field: a later check on a field assumes the
 * earlier ones passed) and thrown together as one ConfigError, so a user fixes them in one go.
 */
export function parseConfig(raw: unknown, file: string, shown = file, cpus = availableParallelism()): Config {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(shown, '', `expected an object with "workloads", got ${describe(raw)}`);
  }
  const problems: ConfigProblem[] = [];
  const report = (field: string, expected: string): void => {
    problems.push({ field, expected });
  };
  const top = raw as Record<string, unknown>;
  for (const key of Object.keys(top)) if (!TOP_KEYS.has(key)) report(key, `unknown field (allowed: ${[...TOP_KEYS].join(', ')})`);
  if (top.prepare !== undefined && (typeof top.prepare !== 'string' || top.prepare.trim() === '')) {
    report('prepare', `expected a non-empty shell command string, got ${describe(top.prepare)}`);
  }
  let list: unknown[] = [];
  if (!('workloads' in top)) report('workloads', 'missing: expected a non-empty array of workloads');
  else if (!Array.isArray(top.workloads)) report('workloads', `expected a non-empty array of workloads, got ${describe(top.workloads)}`);
  else if (top.workloads.length === 0) report('workloads', 'expected at least one workload, got an empty array');
  else list = top.workloads;
  const dir = dirname(file);
  const seen = new Map<string, number>();
  const workloads: WorkloadConfig[] = [];
  list.forEach((item, index) => {
    const workload = parseWorkload(item, index, dir, cpus, seen, report);
    if (workload) workloads.push(workload);
  });
  if (problems.length > 0) throw new ConfigError(shown, problems);
  const config: Config = { file, dir, workloads };
  if (typeof top.prepare === 'string') config.prepare = top.prepare;
  return config;
}

/** Validate `workloads[index]`, reporting each problem; undefined when it has any. */
function parseWorkload(
  item: unknown,
  index: number,
  dir: string,
  cpus: number,
  seen: Map<string, number>,
  report: (field: string, expected: string) => void,
): WorkloadConfig | undefined {
  const at = `workloads[${index}]`;
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    report(at, `expected an object, got ${describe(item)}`);
    return undefined;
  }
  let ok = true;
  const fail = (field: string, expected: string): void => {
    ok = false;
    report(field, expected);
  };
  const w = item as Record<string, unknown>;
  for (const key of Object.keys(w)) if (!WORKLOAD_KEYS.has(key)) fail(`${at}.${key}`, `unknown field (allowed: ${[...WORKLOAD_KEYS].join(', ')})`);

  let name: string | undefined;
  if (typeof w.name !== 'string' || w.name.trim() === '') {
    fail(`${at}.name`, `expected a non-empty string, got ${w.name === undefined ? 'nothing (missing)' : describe(w.name)}`);
  } else if (seen.has(w.name)) {
    fail(`${at}.name`, `duplicate workload name ${JSON.stringify(w.name)} (also workloads[${seen.get(w.name)}].name); names must be unique`);
  } else {
    name = w.name;
    seen.set(name, index);
  }

  const runtime = (w.runtime ?? 'node') as RuntimeId;
  const runtimeKnown = RUNTIMES.includes(runtime);
  if (!runtimeKnown) fail(`${at}.runtime`, `expected one of ${RUNTIMES.join(', ')}, got ${describe(w.runtime)}`);
  // With an unknown runtime, "only for runtime python" would be a guess; those checks wait for a known one.
  const notPython = runtimeKnown && runtime !== 'python';

  let module: string | undefined;
  let fn = 'run';
  if (w.entry !== undefined) {
    if (notPython) fail(`${at}.entry`, 'only for runtime "python" ("package.module:function"); Node workloads use "module"');
    else if (w.module !== undefined) fail(`${at}.entry`, 'give either "module" or "entry", not both');
    else if (typeof w.entry !== 'string' || !/^[A-Za-z_][\w.]*:[A-Za-z_]\w*$/.test(w.entry)) fail(`${at}.entry`, `expected "package.module:function", got ${describe(w.entry)}`);
    else [module, fn] = w.entry.split(':');
  } else if (w.module === undefined) {
    fail(`${at}.module`, 'missing: expected the path of the workload module, relative to the config file');
  } else if (typeof w.module !== 'string' || w.module.trim() === '') {
    fail(`${at}.module`, `expected a non-empty path string, got ${describe(w.module)}`);
  } else {
    module = w.module;
  }
  if (w.function !== undefined) {
    if (notPython) fail(`${at}.function`, 'only for runtime "python"; a Node workload module exports its task as the default export');
    else if (typeof w.function !== 'string' || !/^[A-Za-z_]\w*$/.test(w.function)) fail(`${at}.function`, `expected a Python identifier, got ${describe(w.function)}`);
    else fn = w.function;
  }
  if (w.python !== undefined) {
    if (notPython) fail(`${at}.python`, 'only for runtime "python"');
    else if (typeof w.python !== 'string' || w.python === '') fail(`${at}.python`, `expected an interpreter command or path, got ${describe(w.python)}`);
  }
  if (w.startMethod !== undefined) {
    if (notPython) fail(`${at}.startMethod`, 'only for runtime "python"');
    else if (!START_METHODS.includes(w.startMethod as never)) fail(`${at}.startMethod`, `expected one of ${START_METHODS.join(', ')}, got ${describe(w.startMethod)}`);
  }

  let tasks: number | undefined;
  if (!isPositiveInt(w.tasks)) fail(`${at}.tasks`, `expected a positive integer (tasks per batch), got ${w.tasks === undefined ? 'nothing (missing)' : describe(w.tasks)}`);
  else if (w.tasks > 1_000_000) fail(`${at}.tasks`, `expected at most 1000000 tasks per batch, got ${w.tasks}`);
  else tasks = w.tasks;

  let models: Model[] = [...MODELS];
  if (w.models !== undefined) {
    if (!Array.isArray(w.models) || w.models.length === 0) {
      fail(`${at}.models`, `expected a non-empty array of ${MODELS.join(', ')}, got ${describe(w.models)}`);
    } else {
      const listed = w.models as unknown[];
      listed.forEach((m, i) => {
        if (!MODELS.includes(m as Model)) fail(`${at}.models[${i}]`, `expected one of ${MODELS.join(', ')}, got ${describe(m)}`);
      });
      // sequential is the baseline every speedup is measured against, so it is always measured.
      models = MODELS.filter((m) => m === 'sequential' || listed.includes(m));
    }
  }

  const concurrency = defaultConcurrency(tasks ?? 1, cpus);
  if (w.concurrency !== undefined) {
    // The levels at `field`, or undefined after reporting what is wrong with them.
    const levelsAt = (value: unknown, field: string): number[] | undefined => {
      if (!Array.isArray(value) || value.length === 0) {
        fail(field, `expected a non-empty array of positive integers, got ${describe(value)}`);
        return undefined;
      }
      let valid = true;
      value.forEach((c: unknown, i) => {
        if (!isPositiveInt(c) || c > 1024) {
          fail(`${field}[${i}]`, `expected a positive integer up to 1024, got ${describe(c)}`);
          valid = false;
        }
      });
      // Without a valid tasks count there is nothing to compare the levels with (tasks has its own problem).
      if (!valid || tasks === undefined) return undefined;
      const levels = [...new Set(value as number[])].sort((a, b) => a - b).filter((c) => c <= tasks);
      if (levels.length === 0) {
        fail(field, `every level exceeds tasks (${tasks}); expected levels <= tasks`);
        return undefined;
      }
      return levels;
    };
    if (Array.isArray(w.concurrency)) {
      // One list for async, thread and process; the hybrids' levels are tasks in flight over a
      // worker per core, which a list for one-task-per-lane pools does not describe: they keep theirs.
      const levels = levelsAt(w.concurrency, `${at}.concurrency`);
      if (levels) concurrency.async = concurrency.thread = concurrency.process = levels;
    } else if (typeof w.concurrency === 'object' && w.concurrency !== null) {
      // Per model: { "async": [1, 16, 64], "thread": [1, 2, 4] }; models left out keep their default sweep.
      for (const [model, value] of Object.entries(w.concurrency)) {
        if (model === 'sequential' || !MODELS.includes(model as Model)) {
          fail(`${at}.concurrency.${model}`, `expected one of ${MODELS.slice(1).join(', ')} as key`);
          continue;
        }
        const levels = levelsAt(value, `${at}.concurrency.${model}`);
        if (levels) concurrency[model as Model] = levels;
      }
    } else {
      fail(`${at}.concurrency`, `expected an array of positive integers or an object of arrays per model, got ${describe(w.concurrency)}`);
    }
  }
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (w.timeoutMs !== undefined) {
    if (!isPositiveInt(w.timeoutMs)) fail(`${at}.timeoutMs`, `expected a positive integer of milliseconds, got ${describe(w.timeoutMs)}`);
    else timeoutMs = w.timeoutMs;
  }
  if (!ok || name === undefined || module === undefined || tasks === undefined) return undefined;
  const workload: WorkloadConfig = {
    name,
    runtime,
    module,
    configDir: dir,
    modulePath: runtime === 'python' && w.entry !== undefined ? module : resolve(dir, module),
    function: fn,
    tasks,
    concurrency,
    models,
    timeoutMs,
  };
  if (w.python !== undefined) workload.python = w.python as string;
  if (w.startMethod !== undefined) workload.startMethod = w.startMethod as WorkloadConfig['startMethod'];
  return workload;
}
