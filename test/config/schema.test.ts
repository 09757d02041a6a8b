import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The published JSON Schema (for editors) must describe the same fields the validator accepts.
const schema = JSON.parse(readFileSync(new URL('../../schema/concurrency-bench.schema.json', import.meta.url), 'utf8'));
const loader = readFileSync(new URL('../../src/config/load.ts', import.meta.url), 'utf8');

describe('published JSON schema', () => {
  it('lists exactly the workload fields the validator knows', () => {
    const match = /WORKLOAD_KEYS = new Set\(\[([^\]]*)\]/.exec(loader)!;
    const known = [...match[1].matchAll(/'(\w+)'/g)].map((m) => m[1]).sort();
    expect(Object.keys(schema.$defs.workload.properties).sort()).toEqual(known);
  });

  it('lists exactly the top-level fields the validator knows', () => {
    const match = /TOP_KEYS = new Set\(\[([^\]]*)\]/.exec(loader)!;
    const known = [...match[1].matchAll(/'([$\w]+)'/g)].map((m) => m[1]).sort();
    expect(Object.keys(schema.properties).sort()).toEqual(known);
  });

  it('the bundled example config points editors at it', () => {
    const example = JSON.parse(readFileSync(new URL('../../examples/concurrency-bench.config.json', import.meta.url), 'utf8'));
    expect(example.$schema).toBe('../schema/concurrency-bench.schema.json');
  });
});
