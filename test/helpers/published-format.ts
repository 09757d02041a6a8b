/**
 * The published results format, as the tests check it: a document is valid by its JSON Schema in
 * schema/ (results, compare or report), by the checker report mode applies to untrusted files
 * (src/results/schema.ts), and has no field the schema leaves undocumented. Every test that writes
 * a results document checks it with expectPublishedFormat (test/results/schema.test.ts holds the
 * suite to that).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import { checkAnyResults } from '../../src/results/schema.ts';

const root = join(import.meta.dirname, '..', '..');
export const SCHEMA_FILES = ['results.schema.json', 'compare.schema.json', 'report.schema.json'] as const;
export type SchemaFile = (typeof SCHEMA_FILES)[number];
export const schemaFor = { run: 'results.schema.json', compare: 'compare.schema.json', report: 'report.schema.json' } as const satisfies Record<string, SchemaFile>;

/** The schemas as published in schema/ (what users validate against). */
export const published = Object.fromEntries(SCHEMA_FILES.map((file) => [file, JSON.parse(readFileSync(join(root, 'schema', file), 'utf8'))])) as Record<SchemaFile, Record<string, any>>;

let compiled: Record<string, ValidateFunction> | undefined;
/** The published schemas compiled (strict: a schema ajv finds ambiguous fails here). */
export function validators(): Record<string, ValidateFunction> {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  return (compiled ??= Object.fromEntries(SCHEMA_FILES.map((file) => [file, ajv.compile(published[file])])));
}

/** Problems of a document by the published schema of its kind and by the checker; empty when valid. */
export function problems(doc: { kind: string }): { schema: string[]; checker: string[] } {
  const file = schemaFor[doc.kind as keyof typeof schemaFor];
  const checker: string[] = [];
  checkAnyResults(JSON.parse(JSON.stringify(doc)), checker);
  if (!file) return { schema: [`kind ${JSON.stringify(doc.kind)} has no published schema`], checker };
  const validate = validators()[file]!;
  const schema = validate(doc) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`);
  return { schema, checker };
}

/**
 * Every field of `value` (recursively) is a property the schema names at that place: a field the
 * code writes and the schema leaves out would pass (extra fields are allowed) yet be undocumented.
 */
export function undocumented(value: unknown, schema: Record<string, any>, defs: Record<string, any>, path = '$'): string[] {
  while (schema.$ref) schema = defs[schema.$ref.slice('#/$defs/'.length)];
  if (value === null || typeof value !== 'object') return [];
  if (schema.anyOf || schema.oneOf) {
    const branches: Record<string, any>[] = (schema.anyOf ?? schema.oneOf).map((b: Record<string, any>) => (b.$ref ? defs[b.$ref.slice('#/$defs/'.length)] : b));
    const kind = (value as { kind?: unknown }).kind;
    const branch = branches.find((b) => (kind !== undefined ? b.properties?.kind?.const === kind : b.type === (Array.isArray(value) ? 'array' : 'object'))) ?? branches.find((b) => b.type !== 'null');
    return branch ? undocumented(value, branch, defs, path) : [`${path}: no branch`];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => (schema.items ? undocumented(item, schema.items, defs, `${path}[${i}]`) : []));
  const out: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    const property = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (!property) out.push(`${path}.${key}`);
    else out.push(...undocumented(field, property, defs, `${path}.${key}`));
  }
  return out;
}

/** Fields of a document its published schema does not name. */
export function undocumentedFields(doc: { kind: string }): string[] {
  const schema = published[schemaFor[doc.kind as keyof typeof schemaFor]];
  return schema ? undocumented(doc, schema, schema.$defs as Record<string, unknown>) : [];
}

/** A results document of any kind, its fields not known statically (the e2e tests read them as JSON). */
export type AnyDocument = { kind: string; [field: string]: any };

/**
 * Expect a written results document (a parsed object, or the path of the file) to be in the
 * published format: valid by its schema and the checker, every field documented. Returns it parsed.
 */
export function expectPublishedFormat<T extends { kind: string } = AnyDocument>(path: string, label?: string): T;
export function expectPublishedFormat<T extends { kind: string }>(doc: T, label?: string): T;
export function expectPublishedFormat<T extends { kind: string }>(docOrPath: T | string, label = typeof docOrPath === 'string' ? docOrPath : 'document'): T {
  const doc = (typeof docOrPath === 'string' ? JSON.parse(readFileSync(docOrPath, 'utf8')) : JSON.parse(JSON.stringify(docOrPath))) as T;
  expect({ ...problems(doc), undocumented: undocumentedFields(doc) }, `${label} is not in the published format`).toEqual({ schema: [], checker: [], undocumented: [] });
  return doc;
}
