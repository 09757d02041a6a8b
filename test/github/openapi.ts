/**
 * Validates request and response bodies against GitHub's published OpenAPI description, so the
 * API stand-in cannot drift from the real API (a made-up field or a missing required one fails).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with a default export object; under ESM the function sits on .default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

type Json = Record<string, any>;
let cached: { ajv: Ajv; doc: Json } | undefined;

function load(): { ajv: Ajv; doc: Json } {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  // Only the api.github.com description: the package also ships GHES/GHEC ones and dereferenced copies.
  const path = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const doc = JSON.parse(readFileSync(path, 'utf8')) as Json;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'gh');
  cached = { ajv, doc };
  return cached;
}

const validators = new Map<string, ValidateFunction>();

function pointer(...segments: string[]): string {
  return segments.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
}

function validatorFor(ref: string): ValidateFunction {
  let v = validators.get(ref);
  if (!v) {
    v = load().ajv.compile({ $ref: `gh#/${ref}` });
    validators.set(ref, v);
  }
  return v;
}

function errorsOf(v: ValidateFunction): string[] {
  return (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** Problems with a request body for `method` on the templated `path` (e.g. /repos/{owner}/{repo}/issues/{issue_number}/comments). */
export function checkRequest(method: string, path: string, body: unknown): string[] {
  const op = load().doc.paths[path]?.[method.toLowerCase()];
  if (!op) return [`${method} ${path} is not in GitHub's API description`];
  if (!op.requestBody) return body === undefined ? [] : [`${method} ${path} takes no body`];
  const v = validatorFor(pointer('paths', path, method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema'));
  return v(body) ? [] : errorsOf(v).map((e) => `request ${method} ${path}: ${e}`);
}

/** Problems with a response body, or with the status itself when the description does not list it. */
export function checkResponse(method: string, path: string, status: number, body: unknown): string[] {
  const { doc } = load();
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (!op) return [`${method} ${path} is not in GitHub's API description`];
  let response = op.responses?.[String(status)];
  if (!response) return [`${method} ${path} does not document status ${status}`];
  let base = pointer('paths', path, method.toLowerCase(), 'responses', String(status));
  if (response.$ref) {
    base = String(response.$ref).slice(2);
    response = base.split('/').reduce((node: Json, key: string) => node[key.replaceAll('~1', '/').replaceAll('~0', '~')], doc);
  }
  if (!response.content) return body === undefined || body === '' ? [] : [`${method} ${path} ${status} has no body`];
  const v = validatorFor(`${base}/${pointer('content', 'application/json', 'schema')}`);
  return v(body) ? [] : errorsOf(v).map((e) => `response ${status} ${method} ${path}: ${e}`);
}

/** A documented example, deep-copied, to build realistic responses from. */
export function example(name: string): Json {
  return structuredClone(load().doc.components.examples[name].value);
}
