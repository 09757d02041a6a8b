/**
 * The workflow snippets users copy (docs/workflows/*.yml, ```yaml blocks in README.md) and our own
 * workflows must be valid workflow YAML and use only the inputs and outputs action.yml declares.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description?: string; default?: string }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string };
};
const OUR_ACTION = /^(\.\/?|[\w.-]+\/concurrency-bench(@.+)?)$/;
const ENUMS: Record<string, string[]> = { mode: ['run', 'measure', 'report'], comment: ['always', 'on-regression', 'never'], baseline: ['base', 'none'] };

interface Snippet {
  name: string;
  text: string;
}

function snippets(): Snippet[] {
  const files = (dir: string) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(dir, f)) : []);
  const out = [...files('docs/workflows'), ...files('.github/workflows')].map((name) => ({ name, text: readFileSync(join(root, name), 'utf8') }));
  const readme = existsSync(join(root, 'README.md')) ? readFileSync(join(root, 'README.md'), 'utf8') : '';
  [...readme.matchAll(/^```ya?ml[^\n]*\n([\s\S]*?)^```/gm)].forEach((m, i) => out.push({ name: `README.md yaml block ${i + 1}`, text: m[1]! }));
  return out;
}

/** Problems in one parsed snippet: workflow shape (when it is a whole workflow) and every use of this action. */
function problems(doc: any): string[] {
  const found: string[] = [];
  if (doc && typeof doc === 'object' && 'jobs' in doc) {
    if (!doc.on) found.push('workflow has no `on`');
    if ('pull_request_target' in (typeof doc.on === 'object' ? doc.on : { [doc.on]: 1 })) found.push('pull_request_target runs untrusted code with a write token');
    for (const [id, job] of Object.entries<any>(doc.jobs)) {
      if (!job['runs-on'] && !job.uses) found.push(`job ${id} has no runs-on`);
      if (!job.uses && !Array.isArray(job.steps)) found.push(`job ${id} has no steps`);
      for (const step of job.steps ?? []) if (('uses' in step) === ('run' in step)) found.push(`job ${id}: a step needs exactly one of uses/run`);
      found.push(...jobProblems(id, job, doc.on));
      found.push(...concurrencyProblems(id, job, doc));
    }
  }
  walk(doc, (node) => {
    if (typeof node.uses !== 'string' || !OUR_ACTION.test(node.uses)) return;
    for (const [key, value] of Object.entries(node.with ?? {})) {
      if (!(key in action.inputs)) found.push(`input \`${key}\` is not declared in action.yml`);
      else if (ENUMS[key] && !String(value).includes('${{') && !ENUMS[key]!.includes(String(value))) found.push(`input \`${key}\`: ${value} is not one of ${ENUMS[key]!.join(', ')}`);
    }
  });
  return found;
}

/** Outputs read from our action's step must be declared; a paired compare on pull_request needs the full history. */
function jobProblems(id: string, job: any, on: unknown): string[] {
  const found: string[] = [];
  const steps: any[] = job.steps ?? [];
  const ours = steps.filter((s) => typeof s.uses === 'string' && OUR_ACTION.test(s.uses));
  const ourIds = new Set(ours.map((s) => s.id).filter(Boolean));
  for (const [, stepId, output] of JSON.stringify(job).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    if (ourIds.has(stepId) && !(output! in action.outputs)) found.push(`job ${id}: output \`${output}\` is not declared in action.yml`);
  }
  const onPullRequest = typeof on === 'object' && on !== null ? 'pull_request' in on : on === 'pull_request';
  const pairs = ours.some((s) => (s.with?.mode ?? 'run') !== 'report' && (s.with?.baseline ?? 'base') === 'base');
  const checkout = steps.find((s) => typeof s.uses === 'string' && s.uses.startsWith('actions/checkout@'));
  if (onPullRequest && pairs && String(checkout?.with?.['fetch-depth']) !== '0') found.push(`job ${id}: compares against the base but checks out without fetch-depth: 0`);
  return found;
}

/** The triggers of a workflow, as names. */
function triggers(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  return on && typeof on === 'object' ? Object.keys(on) : [];
}

/** What keys a concurrency group per pull request, by trigger: the PR number or ref; for workflow_run, the head repository and branch (GitHub attaches no PR to a fork's run). */
const PER_PULL_REQUEST: Record<string, RegExp[]> = {
  pull_request: [/github\.event\.pull_request\.number|github\.head_ref|github\.ref\b/],
  workflow_run: [/github\.event\.workflow_run\.head_repository\.(full_name|owner\.login)/, /github\.event\.workflow_run\.head_branch/],
};

/**
 * A job that comments (our action in run or report mode, comment not `never`, on pull_request or
 * workflow_run) must run in a concurrency group per pull request with cancel-in-progress: otherwise
 * an older run that ends later overwrites the newer comment.
 */
function concurrencyProblems(id: string, job: any, doc: any): string[] {
  const comments = (job.steps ?? []).some(
    (s: any) => typeof s.uses === 'string' && OUR_ACTION.test(s.uses) && (s.with?.mode ?? 'run') !== 'measure' && (s.with?.comment ?? 'always') !== 'never',
  );
  const on = triggers(doc.on).filter((t) => t in PER_PULL_REQUEST);
  if (!comments || on.length === 0) return [];
  const concurrency = job.concurrency ?? doc.concurrency;
  if (!concurrency || typeof concurrency !== 'object') return [`job ${id} comments but runs in no concurrency group with cancel-in-progress (an older run could overwrite a newer comment)`];
  const found: string[] = [];
  if (concurrency['cancel-in-progress'] !== true) found.push(`job ${id}: its concurrency group does not cancel-in-progress`);
  const group = String(concurrency.group ?? '');
  for (const trigger of on) {
    if (!PER_PULL_REQUEST[trigger]!.every((re) => re.test(group))) found.push(`job ${id}: concurrency group ${JSON.stringify(group)} is not per pull request on ${trigger}`);
  }
  return found;
}

function walk(node: unknown, visit: (node: any) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

describe('action.yml', () => {
  it('runs dist/index.js on node24 and documents every input and output', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(Object.keys(action.inputs).sort()).toEqual(['alpha', 'baseline', 'comment', 'config', 'fail-on-regression', 'github-token', 'mode', 'on-undecided', 'results', 'threshold', 'time-budget']);
    expect(Object.keys(action.outputs).sort()).toEqual(['comment-url', 'recommendations', 'regressions', 'results', 'undecided']);
    for (const entry of [...Object.values(action.inputs), ...Object.values(action.outputs)]) expect(entry.description).toBeTruthy();
  });
});

describe('workflow snippets', () => {
  const all = snippets();
  it('include the documented recipes', () => {
    expect(all.map((s) => s.name)).toEqual(expect.arrayContaining(['docs/workflows/pull-request.yml', 'docs/workflows/fork-safe-report.yml', 'docs/workflows/matrix.yml']));
  });
  it.each(all.map((s) => [s.name, s.text] as const))('%s is valid and uses only declared inputs', (_name, text) => {
    expect(problems(parse(text))).toEqual([]);
  });
  it('the checker rejects an undeclared input, a bad enum value, an unknown output and a shallow paired compare', () => {
    const bad = parse(`
on: pull_request
jobs:
  b:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - id: x
        uses: concurrency-bench/concurrency-bench@v1
        with: { treshold: 5, comment: sometimes }
      - run: echo \${{ steps.x.outputs.regression }}
`);
    expect(problems(bad)).toEqual([
      'job b: output `regression` is not declared in action.yml',
      'job b: compares against the base but checks out without fetch-depth: 0',
      'job b comments but runs in no concurrency group with cancel-in-progress (an older run could overwrite a newer comment)',
      'input `treshold` is not declared in action.yml',
      'input `comment`: sometimes is not one of always, on-regression, never',
    ]);
  });
  it('the checker requires a per-pull-request concurrency group that cancels in progress wherever the action comments', () => {
    const workflow = (on: string, concurrency: string, withs = '{}') =>
      parse(`
on: ${on}
${concurrency}
jobs:
  b:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with: { fetch-depth: 0 }
      - uses: concurrency-bench/concurrency-bench@v1
        with: ${withs}
`);
    const perPr = 'concurrency: { group: "cb-${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}", cancel-in-progress: true }';
    expect(problems(workflow('pull_request', perPr))).toEqual([]);
    expect(problems(workflow('pull_request', 'concurrency: { group: "cb-${{ github.sha }}", cancel-in-progress: true }'))).toEqual([
      'job b: concurrency group "cb-${{ github.sha }}" is not per pull request on pull_request',
    ]);
    expect(problems(workflow('pull_request', 'concurrency: { group: "cb-${{ github.ref }}" }'))).toEqual(['job b: its concurrency group does not cancel-in-progress']);
    // Measuring only, or never commenting, or not on a pull request: nothing to overwrite.
    expect(problems(workflow('pull_request', '', '{ mode: measure }'))).toEqual([]);
    expect(problems(workflow('pull_request', '', '{ comment: never }'))).toEqual([]);
    expect(problems(workflow('push', ''))).toEqual([]);
    // workflow_run: GitHub attaches no pull request to a fork's run, so the head repository and branch key it.
    const branchOnly = 'concurrency: { group: "cb-${{ github.event.workflow_run.head_branch }}", cancel-in-progress: true }';
    expect(problems(workflow('workflow_run', branchOnly, '{ mode: report }'))).toEqual([
      'job b: concurrency group "cb-${{ github.event.workflow_run.head_branch }}" is not per pull request on workflow_run',
    ]);
    const perHead = 'concurrency: { group: "cb-${{ github.event.workflow_run.head_repository.full_name }}-${{ github.event.workflow_run.head_branch }}", cancel-in-progress: true }';
    expect(problems(workflow('workflow_run', perHead, '{ mode: report }'))).toEqual([]);
  });
  it('every documented recipe that comments cancels superseded runs', () => {
    const recipes = all.filter((s) => /^docs\/workflows\/|^README\.md/.test(s.name)).map((s) => ({ name: s.name, doc: parse(s.text) }));
    // The ones that comment: those the check would fault without their concurrency group.
    const commenting = recipes.filter(({ doc }) => doc?.jobs && Object.entries<any>(doc.jobs).some(([id, job]) => concurrencyProblems(id, job, { ...doc, concurrency: undefined }).length > 0));
    expect(commenting.map((s) => s.name).sort()).toEqual(
      ['README.md yaml block 1', 'docs/workflows/fork-safe-report.yml', 'docs/workflows/matrix.yml', 'docs/workflows/pull-request.yml'].sort(),
    );
    for (const { name, doc } of commenting) {
      expect(Object.entries<any>(doc.jobs).flatMap(([id, job]) => concurrencyProblems(id, job, doc)), name).toEqual([]);
      expect(String(doc.concurrency?.group), name).toContain('${{ github.workflow }}');
    }
  });
});
