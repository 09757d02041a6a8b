import { execFile as execFileCallback } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.ts';
import { DEFAULT_CONFIG_FILES, defaultConfigPath, loadConfig } from '../../src/config/load.ts';
import type { Config } from '../../src/config/types.ts';
import type { RunResults } from '../../src/results/run.ts';
import { runCli } from '../helpers/cli.ts';
import { expectPublishedFormat } from '../helpers/published-format.ts';

const fixture = fileURLToPath(new URL('./fixtures/concurrency-bench.config.ts', import.meta.url));
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

const loader = new URL('../../src/config/load.ts', import.meta.url).href;

/**
 * loadConfigAsync run by Node itself in a child process: inside vitest, import() goes through
 * vite, which transforms TypeScript and reports syntax errors its own way; the CLI and the action
 * import configs with plain Node. The files are loaded in turn in one process (a step may rewrite a
 * file, to see the module cache at work); each load's config or ConfigError comes back.
 */
async function loadInNode(...steps: Array<string | { write: string; text: string }>): Promise<Array<{ config?: Config; error?: ConfigError }>> {
  const script = `
    import { loadConfigAsync } from ${JSON.stringify(loader)};
    import { readFileSync, writeFileSync } from 'node:fs';
    const out = [];
    for (const step of JSON.parse(process.argv[1])) {
      if (step.write) { writeFileSync(step.write, step.text); continue; }
      try { out.push({ config: await loadConfigAsync(step, { cpus: 2 }) }); }
      catch (error) { out.push({ error: { name: error.name, message: error.message, file: error.file, field: error.field, problems: error.problems } }); }
    }
    process.stdout.write(JSON.stringify(out));`;
  const { stdout } = await execFile(process.execPath, ['--input-type=module', '--no-warnings', '-e', script, JSON.stringify(steps)], { cwd: process.cwd() });
  return JSON.parse(stdout);
}
const execFile = promisify(execFileCallback);

async function loadAsync(file: string): Promise<Config> {
  const [outcome] = await loadInNode(file);
  if (outcome.error) throw Object.assign(new ConfigError(outcome.error.file, outcome.error.problems), { message: outcome.error.message });
  return outcome.config!;
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'cb-module-config-'));
}
function write(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
async function rejection(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('TypeScript and JavaScript configs', () => {
  it('a .ts config with defineConfig from the package declares the same workloads as the JSON example', async () => {
    const fromTs = await loadAsync(fixture);
    const fromJson = loadConfig(join(examples, 'concurrency-bench.config.json'), { cpus: 2 });
    expect(fromTs.file).toBe(fixture);
    expect(fromTs.workloads.map((w) => w.name)).toEqual(fromJson.workloads.map((w) => w.name));
    // Modules are relative to the config file, as in JSON.
    for (const [i, w] of fromTs.workloads.entries()) {
      expect(w.modulePath).toBe(fromJson.workloads[i].modulePath);
      expect(w).toEqual({ ...fromJson.workloads[i], module: `../../../examples/${fromJson.workloads[i].module}`, configDir: fromTs.dir });
    }
  });

  it.each([
    ['concurrency-bench.config.mjs', 'export default { workloads: [{ name: "a", module: "a.mjs", tasks: 4 }] };\n'],
    ['concurrency-bench.config.js', 'export default { workloads: [{ name: "a", module: "a.mjs", tasks: 4 }] };\n'],
    ['concurrency-bench.config.mts', 'const tasks: number = 4;\nexport default { workloads: [{ name: "a", module: "a.mjs", tasks }] } satisfies { workloads: unknown[] };\n'],
    ['concurrency-bench.config.ts', 'export default Promise.resolve({ workloads: [{ name: "a", module: "a.mjs", tasks: 4 }] });\n'],
  ])('%s: the default export (or a promise of it) is the config', async (name, text) => {
    const dir = scratch();
    const config = await loadAsync(write(dir, name, text));
    expect(config.workloads).toMatchObject([{ name: 'a', tasks: 4, modulePath: join(dir, 'a.mjs') }]);
  });

  it("imports 'concurrency-bench' where the config's directory has no node_modules (a compare's base worktree)", async () => {
    const dir = scratch();
    const file = write(dir, 'concurrency-bench.config.ts', "import { defineConfig } from 'concurrency-bench';\nexport default defineConfig({ workloads: [{ name: 'a', module: 'a.mjs', tasks: 4 }] });\n");
    expect((await loadAsync(file)).workloads[0].name).toBe('a');
    // Any other name that does not resolve is still the config's own problem.
    const other = write(dir, 'other.ts', "import { defineConfig } from 'concurrency-bench-nope';\nexport default defineConfig({ workloads: [] });\n");
    expect((await rejection(loadAsync(other))).message).toMatch(/other\.ts: could not be loaded \(Error: Cannot find package 'concurrency-bench-nope'/);
  });

  it('is validated like JSON: the same problems, naming the file and the field', async () => {
    const dir = scratch();
    const body = { workloads: [{ name: 'a', module: 'a.mjs', tasks: 'many' }, { name: 'a', module: 'b.mjs', tasks: 2, taks: 3 }] };
    const json = write(dir, 'concurrency-bench.config.json', JSON.stringify(body));
    const ts = write(dir, 'concurrency-bench.config.ts', `export default ${JSON.stringify(body)} as const;\n`);
    const fromJson = await rejection(loadAsync(json));
    const fromTs = await rejection(loadAsync(ts));
    expect(fromTs.problems).toEqual(fromJson.problems);
    expect(fromTs.field).toBe('workloads[0].tasks');
    expect(fromTs.file).toMatch(/concurrency-bench\.config\.ts$/);
    expect(fromTs.message).toMatch(/concurrency-bench\.config\.ts: 3 problems:\n {2}workloads\[0\]\.tasks: expected a positive integer/);
  });

  it('says what is wrong with the module itself', async () => {
    const dir = scratch();
    const missingDefault = await rejection(loadAsync(write(dir, 'named.mjs', 'export const config = { workloads: [] };\n')));
    expect(missingDefault.message).toMatch(/named\.mjs: expected a default export .*only named exports: config/);
    const notObject = await rejection(loadAsync(write(dir, 'list.mjs', 'export default [];\n')));
    expect(notObject.message).toMatch(/list\.mjs: expected an object with "workloads", got an array/);
    const broken = await rejection(loadAsync(write(dir, 'broken.mjs', 'export default {\n')));
    expect(broken.message).toMatch(/broken\.mjs: could not be loaded \(SyntaxError: /);
    const throws = await rejection(loadAsync(write(dir, 'throws.mjs', 'throw new Error("no config today");\n')));
    expect(throws.message).toMatch(/throws\.mjs: could not be loaded \(Error: no config today\)/);
    const rejects = await rejection(loadAsync(write(dir, 'rejects.mjs', 'export default Promise.reject(new Error("later"));\n')));
    expect(rejects.message).toMatch(/rejects\.mjs: the default export is a promise that rejected \(later\)/);
    const missing = await rejection(loadAsync(join(dir, 'nope.ts')));
    expect(missing.message).toMatch(/nope\.ts: config file not found/);
  });

  it('reads a config edited since it was first loaded in the same process', async () => {
    const dir = scratch();
    const file = write(dir, 'concurrency-bench.config.mjs', 'export default { workloads: [{ name: "a", module: "a.mjs", tasks: 4 }] };\n');
    const text = 'export default { workloads: [{ name: "a", module: "a.mjs", tasks: 16 }] };\n';
    const [first, again, edited] = await loadInNode(file, file, { write: file, text }, file);
    expect([first, again, edited].map((o) => o.config?.workloads[0].tasks)).toEqual([4, 4, 16]);
  });

  it('the synchronous loader still reads JSON and YAML, and points module configs at the async one', async () => {
    const dir = scratch();
    const ts = write(dir, 'concurrency-bench.config.ts', 'export default { workloads: [] };\n');
    expect(() => loadConfig(ts)).toThrow(/concurrency-bench\.config\.ts: .*use loadConfigAsync/);
    const yaml = write(dir, 'c.yaml', 'workloads:\n  - { name: a, module: a.mjs, tasks: 2 }\n');
    expect((await loadAsync(yaml)).workloads[0].name).toBe('a');
  });

  it('is found after JSON and YAML when no config is named, TypeScript before JavaScript', () => {
    expect(DEFAULT_CONFIG_FILES.slice(3)).toEqual([
      'concurrency-bench.config.ts',
      'concurrency-bench.config.mts',
      'concurrency-bench.config.js',
      'concurrency-bench.config.mjs',
    ]);
    const dir = scratch();
    write(dir, 'concurrency-bench.config.mjs', '');
    expect(defaultConfigPath(dir)).toBe('concurrency-bench.config.mjs');
    write(dir, 'concurrency-bench.config.ts', '');
    expect(defaultConfigPath(dir)).toBe('concurrency-bench.config.ts');
    write(dir, 'concurrency-bench.config.yml', '');
    expect(defaultConfigPath(dir)).toBe('concurrency-bench.config.yml');
  });
});

describe('the CLI with a TypeScript config', () => {
  it('a broken one exits 2 naming the file and the field, like JSON', async () => {
    const dir = scratch();
    write(dir, 'concurrency-bench.config.ts', 'export default { workloads: [{ name: "a", module: "a.mjs", tasks: 0 as number }] };\n');
    // Found by its default name, no --config.
    const run = await runCli(['run', '--time-budget', '1'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('concurrency-bench: concurrency-bench.config.ts: workloads[0].tasks: expected a positive integer (tasks per batch), got number 0\n');
  });

  it('runs an example declared with defineConfig', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cb-ts-run-'));
    const json = join(out, 'results.json');
    const run = await runCli(['run', '--config', fixture, '--workload', 'cpu-hash', '--time-budget', '6', '--json', json]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    const results = expectPublishedFormat<RunResults>(json);
    expect(results.settings.config).toBe(fixture);
    expect(results.workloads.map((w) => [w.name, w.status])).toEqual([['cpu-hash', 'ok']]);
  });
});
