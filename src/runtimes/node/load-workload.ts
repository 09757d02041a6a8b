import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { TaskFunction, WorkloadDefinition } from '../../define.ts';

/** The workload module cannot be used: missing, throws on import, or exports nothing callable. */
export class WorkloadLoadError extends Error {
  readonly code = 'WORKLOAD_LOAD_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'WorkloadLoadError';
  }
}

export interface LoadedWorkload {
  setup: () => unknown;
  run: TaskFunction;
  teardown: () => unknown;
}

const noop = () => undefined;

/** First line of an error as `Name: message`, for reports. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const firstLine = String(error.message).split('\n')[0];
    return `${error.name && error.name !== 'Error' ? error.name + ': ' : 'Error: '}${firstLine}`;
  }
  return `thrown value: ${String(error).split('\n')[0]}`;
}

/** Import a workload module and normalise its default export to { setup, run, teardown }. */
export async function loadWorkload(modulePath: string): Promise<LoadedWorkload> {
  if (!existsSync(modulePath)) throw new WorkloadLoadError(`workload module not found: ${modulePath}`);
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(pathToFileURL(modulePath).href)) as Record<string, unknown>;
  } catch (error) {
    throw new WorkloadLoadError(`importing the workload module failed: ${describeError(error)}`);
  }
  const exported = namespace.default;
  if (typeof exported === 'function') return { setup: noop, run: exported as TaskFunction, teardown: noop };
  if (exported && typeof exported === 'object' && typeof (exported as WorkloadDefinition).run === 'function') {
    const definition = exported as WorkloadDefinition;
    const bind = (fn: unknown) => (typeof fn === 'function' ? (fn as () => unknown).bind(definition) : noop);
    return { setup: bind(definition.setup), run: definition.run.bind(definition), teardown: bind(definition.teardown) };
  }
  const found = exported === undefined ? 'no default export' : `a default export of type ${typeof exported}`;
  throw new WorkloadLoadError(
    `the workload module has ${found}; expected a default export that is a function (taskIndex) => value | Promise, or an object { setup?, run, teardown? }`,
  );
}
