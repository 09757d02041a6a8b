import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.ts';
import { defaultConcurrency, defaultConfigPath, loadConfig, parseConfig, sweep } from '../../src/config/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'cb-config-'));
function configFile(content: string): string {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, content);
  return file;
}
function problem(raw: unknown): ConfigError {
  try {
    parseConfig(raw, '/repo/concurrency-bench.config.json', 'concurrency-bench.config.json', 2);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}
const ok = { name: 'hash', module: 'bench/hash.ts', tasks: 8 };

describe('config validation', () => {
  it('reads YAML with the same shape, and names the file when it is not valid YAML', () => {
    const yamlFile = join(dir, 'c.yaml');
    writeFileSync(yamlFile, 'workloads:\n  - name: hash\n    module: hash.mjs\n    tasks: 8\n    concurrency: { thread: [1, 2] }\n');
    const config = loadConfig(yamlFile, { cpus: 2 });
    expect(config.workloads[0]).toMatchObject({ name: 'hash', tasks: 8, concurrency: { thread: [1, 2] } });
    const badYaml = join(dir, 'bad.yml');
    writeFileSync(badYaml, 'workloads:\n  - name: [unclosed\n');
    expect(() => loadConfig(badYaml)).toThrow(/bad\.yml: not valid YAML/);
    const wrongType = join(dir, 'wrong.yaml');
    writeFileSync(wrongType, 'workloads:\n  - name: hash\n    module: hash.mjs\n    tasks: many\n');
    expect(() => loadConfig(wrongType)).toThrow(/wrong\.yaml: workloads\[0\]\.tasks: expected a positive integer/);
  });

  it('finds a default config by name: JSON first, then YAML', () => {
    const empty = mkdtempSync(join(tmpdir(), 'cb-default-'));
    expect(defaultConfigPath(empty)).toBe('concurrency-bench.config.json');
    writeFileSync(join(empty, 'concurrency-bench.config.yaml'), 'workloads: []\n');
    expect(defaultConfigPath(empty)).toBe('concurrency-bench.config.yaml');
    writeFileSync(join(empty, 'concurrency-bench.config.json'), '{}');
    expect(defaultConfigPath(empty)).toBe('concurrency-bench.config.json');
  });

  it('names the file when it is missing or not JSON', () => {
    expect(() => loadConfig(join(dir, 'nope.json'))).toThrow(/nope\.json: config file not found/);
    expect(() => loadConfig(configFile('{ "workloads": [ }'))).toThrow(/\.json: not valid JSON/);
  });

  it.each([
    [{}, 'workloads', /missing/],
    [{ workloads: {} }, 'workloads', /expected a non-empty array of workloads, got an array|got object/],
    [{ workloads: [] }, 'workloads', /empty array/],
    [{ workloads: [{ name: 'a', tasks: 4 }] }, 'workloads[0].module', /missing: expected the path/],
    [{ workloads: [{ ...ok, tasks: '8' }] }, 'workloads[0].tasks', /positive integer.*the string "8"/],
    [{ workloads: [{ ...ok, tasks: 0 }] }, 'workloads[0].tasks', /positive integer/],
    [{ workloads: [{ ...ok, models: ['thread', 'fibers'] }] }, 'workloads[0].models[1]', /one of sequential, async, thread, process, got the string "fibers"/],
    [{ workloads: [ok, { ...ok }] }, 'workloads[1].name', /duplicate workload name "hash"/],
    [{ workloads: [{ ...ok, concurrency: [1, -2] }] }, 'workloads[0].concurrency[1]', /positive integer/],
    [{ workloads: [{ ...ok, concurrency: { fibers: [1] } }] }, 'workloads[0].concurrency.fibers', /async, thread, process/],
    [{ workloads: [{ ...ok, timeoutMs: 1.5 }] }, 'workloads[0].timeoutMs', /positive integer/],
    [{ workloads: [{ ...ok, runtime: 'ruby' }] }, 'workloads[0].runtime', /node, python/],
    [{ workloads: [{ ...ok, function: 'go' }] }, 'workloads[0].function', /only for runtime "python"/],
    [{ workloads: [ok], extra: 1 }, 'extra', /unknown field/],
    [{ workloads: [{ ...ok, taks: 3 }] }, 'workloads[0].taks', /unknown field/],
  ])('%j -> %s', (raw, field, expected) => {
    const error = problem(raw);
    expect(error.field).toBe(field);
    expect(error.file).toBe('concurrency-bench.config.json');
    expect(error.message).toMatch(expected);
    expect(error.message.startsWith(`concurrency-bench.config.json: ${field}: `)).toBe(true);
  });
});

describe('config defaults', () => {
  it('sweeps thread/process up to 2x cores and async up to tasks', () => {
    expect(sweep(4)).toEqual([1, 2, 4]);
    expect(sweep(6)).toEqual([1, 2, 4, 6]);
    expect(sweep(12, [6])).toEqual([1, 2, 4, 6, 8, 12]);
    expect(defaultConcurrency(64, 2)).toEqual({ sequential: [1], async: [1, 2, 4, 8, 16, 32, 64], thread: [1, 2, 4], process: [1, 2, 4] });
  });

  it('resolves module paths against the config file and always measures sequential', () => {
    const config = parseConfig({ workloads: [{ ...ok, models: ['thread'], concurrency: { async: [1, 16], thread: [2, 1, 2, 64] } }] }, '/repo/cfg/c.json', 'c.json', 2);
    const [w] = config.workloads;
    expect(w.modulePath).toBe('/repo/cfg/bench/hash.ts');
    expect(w.models).toEqual(['sequential', 'thread']);
    // levels above tasks (8) are dropped, duplicates merged, sorted
    expect(w.concurrency.thread).toEqual([1, 2]);
    expect(w.concurrency.async).toEqual([1]);
    expect(w.concurrency.process).toEqual([1, 2, 4]);
    expect(w.timeoutMs).toBe(30000);
  });

  it('accepts python entries', () => {
    const config = parseConfig({ workloads: [{ name: 'p', runtime: 'python', entry: 'pkg.mod:work', tasks: 4, startMethod: 'spawn' }] }, '/r/c.json', 'c.json', 2);
    expect(config.workloads[0]).toMatchObject({ runtime: 'python', modulePath: 'pkg.mod', function: 'work', startMethod: 'spawn' });
  });
});
