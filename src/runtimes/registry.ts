import type { RuntimeId } from '../types.ts';
import { nodeRuntime } from './node/runtime.ts';
import { pythonRuntime } from './python/runtime.ts';
import type { Runtime } from './types.ts';

const runtimes: Record<RuntimeId, Runtime> = { node: nodeRuntime, python: pythonRuntime };

export function runtimeFor(id: RuntimeId): Runtime {
  return runtimes[id];
}
