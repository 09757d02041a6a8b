/**
 * The action run the way a runner runs it: `node dist/index.js` (built from the current sources
 * into a scratch dist/), a pull_request event file, INPUT_* variables, GITHUB_STEP_SUMMARY and
 * GITHUB_OUTPUT files, the API at a loopback stand-in, in a shallow clone of a scratch repository
 * with a base and a head commit.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS_BOT, OCTOCAT, startStandIn, type StandIn } from '../github/api-standin.ts';
import { compareResults, environment, workload } from '../github/fixtures.ts';
import { expectPublishedFormat } from '../helpers/published-format.ts';

const TOKEN = 'ghs_e2eSecretToken_9f8e7d6c5b4a';
const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'cb-e2e-'));
const dist = join(scratch, 'dist');
const origin = join(scratch, 'origin');
const workspace = join(scratch, 'workspace');
let api: StandIn;
let base = '';
let head = '';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' }).trim();

/** Writes, once per host main thread / worker thread / child process, the environment it sees as `<where>-<pid>-<thread>.json`. */
const ENV_WORKLOAD = `import { writeFileSync } from 'node:fs';
import { isMainThread, threadId } from 'node:worker_threads';
let written = false;
export default function () {
  if (written) return;
  written = true;
  const where = typeof process.send === 'function' ? 'child' : isMainThread ? 'host' : 'thread';
  writeFileSync(process.env.CB_E2E_ENV_DIR + '/' + where + '-' + process.pid + '-' + threadId + '.json', JSON.stringify(process.env));
}
`;

const workloadSource = (loops: number) => `export default function (i) { let x = 0; for (let k = 0; k < ${loops}; k++) x += (k ^ i) & 7; return x; }\n`;

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--outdir', dist], { stdio: 'pipe' });
  mkdirSync(join(origin, 'bench'), { recursive: true });
  git(scratch, 'init', '-q', origin);
  writeFileSync(
    join(origin, 'concurrency-bench.config.json'),
    JSON.stringify({ workloads: [{ name: 'spin', module: 'bench/spin.workload.mjs', tasks: 4, models: ['async'], concurrency: [2], timeoutMs: 10_000 }] }),
  );
  writeFileSync(join(origin, 'bench', 'spin.workload.mjs'), workloadSource(20_000));
  // A Python workload in its own config: compare and the action must handle it with no Python-specific code.
  writeFileSync(
    join(origin, 'concurrency-bench.python.json'),
    JSON.stringify({ workloads: [{ name: 'py-spin', runtime: 'python', module: 'bench/spin.py', tasks: 4, models: ['thread'], concurrency: [2], timeoutMs: 10_000 }] }),
  );
  writeFileSync(join(origin, 'bench', 'spin.py'), 'def run(index):\n    return sum(i ^ index for i in range(5000))\n');
  // A workload and a prepare command that record the environment they see (issue: secrets reaching repository code).
  writeFileSync(
    join(origin, 'concurrency-bench.env.json'),
    JSON.stringify({
      prepare: 'env > "$CB_E2E_ENV_DIR/prepare-$$.env"',
      workloads: [{ name: 'env', module: 'bench/env.workload.mjs', tasks: 2, models: ['thread', 'process'], concurrency: [1], timeoutMs: 10_000 }],
    }),
  );
  writeFileSync(join(origin, 'bench', 'env.workload.mjs'), ENV_WORKLOAD);
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'base');
  base = git(origin, 'rev-parse', 'HEAD');
  writeFileSync(join(origin, 'README'), 'head changes only a text file\n');
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'head');
  head = git(origin, 'rev-parse', 'HEAD');
  // Like actions/checkout's default: one commit deep, so the action must fetch the base itself.
  git(scratch, 'clone', '-q', '--depth=1', `file://${origin}`, workspace);
  api = await startStandIn({ token: TOKEN });
}, 60_000);

afterAll(async () => {
  await api?.close();
  rmSync(scratch, { recursive: true, force: true });
});

interface ActionRun {
  code: number | null;
  log: string;
  summary: string;
  outputs: Record<string, string>;
}

interface RunOptions {
  eventName?: string;
  payload?: unknown;
  server?: StandIn;
  /** More variables of the action's process (the runner's own, or a workflow's `env:`). */
  env?: Record<string, string>;
}

async function runAction(inputs: Record<string, string>, name: string, options: RunOptions = {}): Promise<ActionRun> {
  const { eventName = 'pull_request', server = api } = options;
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  const event = join(dir, 'event.json');
  writeFileSync(
    event,
    JSON.stringify(options.payload ?? {
      action: 'synchronize',
      number: 5,
      repository: { name: 'bench', full_name: 'octo/bench', owner: { login: 'octo' } },
      pull_request: { number: 5, base: { sha: base, ref: 'main', repo: { full_name: 'octo/bench' } }, head: { sha: head, ref: 'topic', repo: { full_name: 'octo/bench' } } },
    }),
  );
  for (const file of ['summary.md', 'output.txt']) writeFileSync(join(dir, file), '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'octo/bench',
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '777',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_API_URL: server.url,
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_OUTPUT: join(dir, 'output.txt'),
    RUNNER_TEMP: join(dir, 'temp'),
    ...options.env,
  };
  // The runner passes inputs as INPUT_<NAME upper-cased>, dashes kept.
  for (const [key, value] of Object.entries({ 'github-token': TOKEN, ...inputs })) env[`INPUT_${key.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [join(dist, 'index.js')], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  // `::add-mask::` lines are commands the runner consumes (they register the secret for masking)
  // and never shows; what must not contain the token is every other line.
  expect(log).toContain(`::add-mask::${TOKEN}`);
  log = log.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
  return { code, log, summary: readFileSync(join(dir, 'summary.md'), 'utf8'), outputs: parseOutputs(readFileSync(join(dir, 'output.txt'), 'utf8')) };
}

/** GITHUB_OUTPUT uses `name<<DELIMITER` ... `DELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]!] = m[3]!;
  return out;
}

describe('the action, run like a runner runs it', () => {
  it('compares with the base, comments once, updates that comment on the next run, and never logs the token', async () => {
    // on-undecided: warn, so that a gate a 4 s budget cannot decide does not fail this run (tested below).
    const inputs = { config: 'concurrency-bench.config.json', 'time-budget': '4', threshold: '5%', 'fail-on-regression': 'true', 'on-undecided': 'warn', comment: 'always' };
    // A person pasted an old report, marker line and all, and another quoted it: neither is ours.
    const marker = '<!-- concurrency-bench key=concurrency-bench.config.json -->';
    const pasted = api.seed(5, `${marker}\nthis is what the bot said yesterday`, OCTOCAT);
    const quoted = api.seed(5, `> ${marker}\n> quoted`, OCTOCAT);
    const first = await runAction(inputs, 'run1');
    expect(first.log).not.toContain(TOKEN);
    // The log: a group per phase, closed in order, then the terminal report in a group of its own.
    const groups = first.log.split('\n').filter((l) => /^::(end)?group::/.test(l));
    expect(groups).toEqual([
      '::group::Prepare and probe (base and head)',
      '::endgroup::',
      '::group::Sweep: every cell of base and head',
      '::endgroup::',
      '::group::Paired rounds: base and head interleaved',
      '::endgroup::',
      '::group::Report',
      '::endgroup::',
    ]);
    // The terminal report, printed with workflow commands stopped until a random token.
    const token = /^::stop-commands::(cb-[0-9a-f]{32})$/m.exec(first.log)?.[1];
    expect(token, first.log).toBeTruthy();
    const terminal = first.log.slice(first.log.indexOf(`::stop-commands::${token}`), first.log.indexOf(`::${token}::`));
    expect(terminal).toContain('spin');
    expect(terminal).not.toContain('\u001b[');
    // Base and head run the same code; a regression verdict from noise is rare but possible in a
    // 4 s budget, so the exit code is checked against the verdict rather than assumed.
    const written = expectPublishedFormat(first.outputs.results!);
    expect(written).toMatchObject({ kind: 'compare', base: { sha: base } });
    expect(first.outputs.regressions).toBe(String(written.regressions));
    expect(first.code, first.log).toBe(written.regressions > 0 ? 1 : 0);
    expect(first.outputs.undecided).toBe(String(written.undecided));
    if (written.undecided > 0) expect(first.log).toMatch(/::warning::1 workload not decided \(spin\)/);
    const ours = () => api.comments.filter((c) => c.author === ACTIONS_BOT);
    expect(ours()).toHaveLength(1);
    expect(api.comments).toHaveLength(3);
    const body = ours()[0]!.body;
    expect(body.startsWith('<!-- concurrency-bench key=concurrency-bench.config.json -->\n')).toBe(true);
    expect(body).toContain('spin');
    expect(first.summary).toContain('spin');
    expect(body).toContain(first.summary.trim().split('\n')[0]);
    // The head is the pull request's branch and head commit; the footer links the run, says which commit and how to reproduce.
    expect(body).toContain(`Comparing **topic** (${head.slice(0, 7)}) against base main (${base.slice(0, 7)}).`);
    expect(body).toContain('[Workflow run](https://github.example/octo/bench/actions/runs/777)');
    expect(body).toMatch(new RegExp(`updated for ${head.slice(0, 7)} at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC`));
    expect(body).toContain(`reproduce locally: \`npx concurrency-bench compare --base ${base} --time-budget 4\``);
    expect(JSON.parse(first.outputs.recommendations!)).toEqual([expect.objectContaining({ workload: 'spin', model: expect.any(String) })]);
    expect(first.outputs['comment-url']).toMatch(/#issuecomment-\d+$/);

    const second = await runAction({ ...inputs, 'fail-on-regression': 'false' }, 'run2');
    expect(second.code, second.log).toBe(0);
    expect(second.log).not.toContain(TOKEN);
    expect(ours()).toHaveLength(1);
    expect(api.comments).toHaveLength(3);
    expect(api.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([`/repos/octo/bench/issues/comments/${ours()[0]!.id}`]);
    expect(pasted.body).toBe(`${marker}\nthis is what the bot said yesterday`);
    expect(quoted.body).toBe(`> ${marker}\n> quoted`);
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url']);
    expect(api.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expect(api.violations).toEqual([]);
  }, 120_000);

  it('hides its inputs and the runner\'s credentials from repository code (prepare, host, worker thread, child process), in run and compare', async () => {
    // What a runner hands a JavaScript action besides the workflow's env: (see src/runtimes/repository-env.ts).
    const runnerSecrets: Record<string, string> = {
      ACTIONS_RUNTIME_TOKEN: 'runtime-secret-1',
      ACTIONS_RUNTIME_URL: 'https://pipelines.example/runtime/',
      ACTIONS_CACHE_URL: 'https://artifactcache.example/',
      ACTIONS_RESULTS_URL: 'https://results.example/',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-secret-2',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/oidc',
      STATE_saved: 'action-state',
    };
    const hidden = [...Object.keys(runnerSecrets), 'INPUT_GITHUB-TOKEN', 'INPUT_CONFIG', 'GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY'];
    const secretValues = [TOKEN, ...Object.values(runnerSecrets)];
    const server = await startStandIn({ token: TOKEN });
    try {
      for (const [name, eventName, payload] of [
        ['env-compare', 'pull_request', undefined],
        ['env-run', 'push', {}],
      ] as const) {
        const seen = join(scratch, `${name}-seen`);
        mkdirSync(seen, { recursive: true });
        const workflowEnv = { CB_E2E_ENV_DIR: seen, DATABASE_URL: 'postgres://127.0.0.1/bench' };
        // A run (push) needs its process cell visited to see a child: 12 s, where slow start-ups trim it first.
        const run = await runAction({ config: 'concurrency-bench.env.json', 'time-budget': eventName === 'push' ? '12' : '6', comment: 'never' }, name, {
          eventName,
          payload,
          server,
          env: { ...runnerSecrets, ...workflowEnv },
        });
        expect(run.code, run.log).toBe(0);
        const files = readdirSync(seen);
        const where = new Set(files.map((f) => f.split('-')[0]));
        // Every place repository code runs recorded what it saw: the host (sequential), a worker
        // thread, a child process, and on a compare the prepare command of both trees.
        expect([...where].sort(), files.join(', ')).toEqual(eventName === 'pull_request' ? ['child', 'host', 'prepare', 'thread'] : ['child', 'host', 'thread']);
        if (eventName === 'pull_request') expect(files.filter((f) => f.startsWith('prepare-'))).toHaveLength(2);
        for (const file of files) {
          const text = readFileSync(join(seen, file), 'utf8');
          const env: Record<string, string> = file.endsWith('.json')
            ? JSON.parse(text)
            : Object.fromEntries(text.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
          for (const key of hidden) expect(env, `${file} sees ${key}`).not.toHaveProperty(key);
          expect(Object.keys(env).filter((k) => /^(INPUT_|ACTIONS_|STATE_)/i.test(k)), file).toEqual([]);
          for (const value of secretValues) expect(text, `${file} holds a secret value`).not.toContain(value);
          // The workflow's own env: and the non-credential context still arrive.
          expect(env, file).toMatchObject({ ...workflowEnv, GITHUB_REPOSITORY: 'octo/bench', CI: 'true' });
          expect(env.PATH, file).toBeTruthy();
        }
      }
      expect(server.violations).toEqual([]);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('fails the step when a gate is not decided and fail-on-regression is on (a gate that measured nothing must not pass)', async () => {
    const server = await startStandIn({ token: TOKEN });
    try {
      const run = await runAction({ config: 'concurrency-bench.config.json', 'time-budget': '1', 'fail-on-regression': 'true', comment: 'never' }, 'undecided', { server });
      const written = expectPublishedFormat(run.outputs.results!);
      expect(written.undecided).toBe(1);
      expect(run.outputs.undecided).toBe('1');
      expect(run.code, run.log).toBe(1);
      expect(run.log).toMatch(/::error::1 workload not decided \(spin\)/);
      expect(run.summary).toContain('not decided');
    } finally {
      await server.close();
    }
  }, 60_000);

  it('on push measures without a baseline: summary and outputs, no API call; the config found as the CLI finds it; Node workloads on the node on PATH', async () => {
    const before = api.requests.length;
    // actions/setup-node puts its Node first on PATH; here a shim that records each start and runs this Node.
    const shimDir = join(scratch, 'setup-node', 'bin');
    const shimLog = join(scratch, 'setup-node', 'starts.log');
    mkdirSync(shimDir, { recursive: true });
    writeFileSync(join(shimDir, 'node'), `#!/bin/sh\necho "$*" >> '${shimLog}'\nexec '${process.execPath}' "$@"\n`);
    chmodSync(join(shimDir, 'node'), 0o755);
    const run = await runAction({ 'time-budget': '3' }, 'push', { eventName: 'push', payload: {}, env: { PATH: `${shimDir}${delimiter}${process.env.PATH ?? ''}` } });
    expect(run.code, run.log).toBe(0);
    expect(run.log).not.toContain(TOKEN);
    expect(run.log).toContain('Config: concurrency-bench.config.json (input `config` left empty');
    expect(run.summary).toContain('spin');
    expect(run.outputs).toMatchObject({ regressions: '0', 'comment-url': '' });
    const written = expectPublishedFormat(run.outputs.results!);
    expect(written).toMatchObject({ kind: 'run', environment: { node: process.version, runtimes: { node: { node: process.version } } } });
    // Asked once which binary it is (then every host starts on that binary, not through the shim).
    expect(readFileSync(shimLog, 'utf8').trim().split('\n')).toEqual([expect.stringMatching(/^-e /)]);
    expect(run.log).toContain(`Node workloads ran on Node ${process.version} (${process.execPath}), the node on PATH (${join(shimDir, 'node')}).`);
    // The paired phase has a group when its budget buys a round (3 s may not).
    const groups = run.log.split('\n').filter((l) => l.startsWith('::group::'));
    expect(groups.filter((g) => !g.startsWith('::group::Paired rounds: each model against sequential'))).toEqual(['::group::Probe', '::group::Measure', '::group::Report']);
    expect(groups.filter((g) => g.startsWith('::group::Paired')).length).toBeLessThanOrEqual(1);
    expect(api.requests.length).toBe(before);
  }, 60_000);

  it('fails Node workloads clearly when the node on PATH is too old, and says so', async () => {
    const oldDir = join(scratch, 'old-node', 'bin');
    mkdirSync(oldDir, { recursive: true });
    writeFileSync(join(oldDir, 'node'), `#!/bin/sh\nprintf '%s' '{"version":"v20.19.2","executable":"${process.execPath}"}'\n`);
    chmodSync(join(oldDir, 'node'), 0o755);
    const run = await runAction({ 'time-budget': '3' }, 'old-node', { eventName: 'push', payload: {}, env: { PATH: `${oldDir}${delimiter}${process.env.PATH ?? ''}` } });
    expect(run.code, run.log).toBe(0);
    expect(run.log).toMatch(/::warning::Node workloads could not run: Node workloads run on the node on PATH \(.*old-node\/bin\/node\), but it is Node v20\.19\.2, older than 22\.12\.0/);
    const written = expectPublishedFormat(run.outputs.results!);
    expect(written.workloads).toEqual([expect.objectContaining({ name: 'spin', status: 'failed', error: expect.stringContaining('older than 22.12.0') })]);
  }, 60_000);

  it('on a fork pull request warns about the read-only token and keeps the summary, without failing', async () => {
    const fork = await startStandIn({ token: TOKEN, readOnly: true });
    try {
      const payload = {
        action: 'synchronize',
        number: 5,
        repository: { name: 'bench', full_name: 'octo/bench', owner: { login: 'octo' } },
        pull_request: { number: 5, base: { sha: base, ref: 'main', repo: { full_name: 'octo/bench' } }, head: { sha: head, ref: 'topic', repo: { full_name: 'mallory/bench' } } },
      };
      const run = await runAction({ config: 'concurrency-bench.config.json', baseline: 'none', 'time-budget': '3' }, 'fork', { server: fork, payload });
      expect(run.code, run.log).toBe(0);
      expect(run.log).toMatch(/::warning::Could not comment on pull request #5 \(403: Resource not accessible by integration[^)]*\)\. A fork's pull request gets a read-only token/);
      expect(run.summary).toContain('spin');
      expect(run.outputs['comment-url']).toBe('');
      expect(fork.violations).toEqual([]);
    } finally {
      await fork.close();
    }
  }, 60_000);

  it('report mode merges artifact results (one bad file skipped) and comments on the fork PR found from workflow_run', async () => {
    const headSha = 'c'.repeat(40);
    const reporter = await startStandIn({ token: TOKEN, pulls: [{ number: 12, label: 'mallory:topic', sha: headSha }] });
    try {
      const artifacts = join(scratch, 'artifacts');
      for (const [leg, cpus, model, regressed] of [['two', 2, 'async', []], ['sixteen', 16, 'thread', ['spin']]] as const) {
        mkdirSync(join(artifacts, leg), { recursive: true });
        writeFileSync(join(artifacts, leg, 'results.json'), JSON.stringify(compareResults([workload('spin', model, cpus)], [...regressed], environment(cpus))));
      }
      mkdirSync(join(artifacts, 'evil'), { recursive: true });
      writeFileSync(join(artifacts, 'evil', 'results.json'), JSON.stringify({ kind: 'run', workloads: '$(rm -rf /)' }));
      const payload = {
        repository: { name: 'bench', owner: { login: 'octo' } },
        workflow_run: { event: 'pull_request', conclusion: 'success', head_sha: headSha, head_branch: 'topic', head_repository: { owner: { login: 'mallory' } }, pull_requests: [] },
      };
      const run = await runAction({ mode: 'report', results: `${artifacts}/*/results.json` }, 'report', { eventName: 'workflow_run', payload, server: reporter });
      expect(run.code, run.log).toBe(0);
      // The merged report file (the action's `results` output in report mode) is in the published format.
      const report = expectPublishedFormat(run.outputs.results!);
      expect(report.kind).toBe('report');
      expect(report.entries.map((e: { file: string }) => e.file.split('/').at(-2)).sort()).toEqual(['sixteen', 'two']);
      expect(run.log).toMatch(/::warning::Skipped ".*evil.*results\.json": not a concurrency-bench results file/);
      expect(reporter.comments).toHaveLength(1);
      expect(reporter.comments[0]).toMatchObject({ issue: 12 });
      expect(reporter.comments[0]!.body).toContain('The recommendation differs between environments for 1 of 1 workload');
      // One annotation for the one regressed workload, in the environment it regressed in (a warning: fail-on-regression is off).
      expect(run.log.split('\n').filter((l) => l.startsWith('::warning title=Regression'))).toEqual([
        expect.stringMatching(/^::warning title=Regression%3A spin 15\.0%25 slower \(linux 6\.8 x64%2C 16 cores%2C Node v24\.21\.0\)::spin 15\.0%25 slower/),
      ]);
      expect(run.summary).toContain('2 environments');
      expect(JSON.parse(run.outputs.recommendations!)).toHaveLength(2);
      expect(reporter.violations).toEqual([]);
    } finally {
      await reporter.close();
    }
  }, 30_000);

  it('compares a Python workload the same way: results, summary and its own sticky comment', async () => {
    const server = await startStandIn({ token: TOKEN });
    try {
      const run = await runAction({ config: 'concurrency-bench.python.json', 'time-budget': '6', comment: 'always' }, 'python', { server });
      expect(run.log).not.toContain(TOKEN);
      const written = expectPublishedFormat(run.outputs.results!);
      expect(written).toMatchObject({ kind: 'compare', base: { sha: base } });
      expect(run.code, run.log).toBe(written.regressions > 0 ? 1 : 0);
      expect(written.workloads).toEqual([expect.objectContaining({ name: 'py-spin', runtime: 'python', status: 'ok' })]);
      expect(written.comparisons.length).toBeGreaterThan(0);
      expect(written.comparisons.every((c: { workload: string }) => c.workload === 'py-spin')).toBe(true);
      expect(written.environment.runtimes.python.version).toMatch(/^3\./);
      expect(server.comments).toHaveLength(1);
      expect(server.comments[0]!.body.startsWith('<!-- concurrency-bench key=concurrency-bench.python.json -->\n')).toBe(true);
      expect(server.comments[0]!.body).toContain('py-spin');
      expect(run.summary).toMatch(/python 3\.\d+/i);
      expect(server.violations).toEqual([]);
    } finally {
      await server.close();
    }
  }, 120_000);
});
