import { afterEach, describe, expect, it } from 'vitest';
import { nodeRuntime } from '../../../src/runtimes/node/runtime.ts';
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

  it('start normally elsewhere', async () => {
    const workload = { name: 'w', modulePath: '/tmp/w.mjs', configDir: '/tmp', runtime: 'node' } as unknown as WorkloadConfig;
    await expect(nodeRuntime.hostCommand(workload, {} as VisitSpec)).resolves.toMatchObject({ command: process.execPath });
  });
});
