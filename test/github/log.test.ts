import * as core from '@actions/core';
import { describe, expect, it, vi } from 'vitest';
import type { CompareResults, WorkloadChange } from '../../src/results/compare.ts';
import { forbiddenMessage } from '../../src/github/comment.ts';
import { logVerbatim, MAX_ANNOTATIONS, oneLine, PhaseLog, regressionAnnotations } from '../../src/github/log.ts';
import { labelEntries } from '../../src/github/report.ts';
import { compareResults, environment, runResults, workload } from './fixtures.ts';

const HOSTILE = 'evil\n::error::forged annotation\r\n::add-mask::x\u2028::group::g';

/** A GroupWriter that records what would be printed, in order. */
function recorder() {
  const lines: string[] = [];
  return {
    lines,
    out: {
      startGroup: (name: string) => lines.push(`::group::${name}`),
      endGroup: () => lines.push('::endgroup::'),
      info: (line: string) => lines.push(line),
    },
  };
}

/** Lines of what was printed that the runner would take for a command. */
const commands = (lines: readonly string[]) => lines.flatMap((l) => l.split(/\r?\n|\r|\u2028|\u2029/)).filter((l) => l.trimStart().startsWith('::'));

function gate(name: string, verdict: WorkloadChange['verdict'], change: number): WorkloadChange {
  return {
    workload: name, verdict, change, ci95: [change - 0.02, change + 0.02], holmCi: [change - 0.03, change + 0.03], holmLevel: 0.95,
    roundSpread: 0.01, detectableChange: 0.03, model: 'sequential', concurrency: 1, metric: 'cpu-time', cells: 1, rounds: 20,
  };
}

function paired(gates: WorkloadChange[]): CompareResults {
  const results = compareResults(gates.map((g) => workload(g.workload, 'thread', 2)), gates.filter((g) => g.verdict === 'regression').map((g) => g.workload));
  return { ...results, workloadChanges: gates, regressions: gates.filter((g) => g.verdict === 'regression').length };
}

describe('oneLine', () => {
  it('flattens every line break and control character, and caps the length', () => {
    expect(oneLine(HOSTILE)).toBe('evil ::error::forged annotation  ::add-mask::x ::group::g');
    expect(oneLine('a\u0085b\u001b[31mc\u007f')).toBe('a b [31mc ');
    expect(oneLine('x'.repeat(50), 10)).toBe('xxxxxxx...');
  });
});

describe('logVerbatim', () => {
  it('prints multi-line text between stop-commands and a fresh random token, so no line of it is a command', () => {
    const first: string[] = [];
    logVerbatim(`report\n::error::forged\n  ::set-output name=x::y\n`, (l) => first.push(l));
    const second: string[] = [];
    logVerbatim('report', (l) => second.push(l));
    const token = /^::stop-commands::(cb-[0-9a-f]{32})$/.exec(first[0]!)?.[1];
    expect(token).toBeTruthy();
    expect(first).toEqual([`::stop-commands::${token}`, 'report\n::error::forged\n  ::set-output name=x::y', `::${token}::`]);
    expect(second[0]).not.toBe(first[0]);
  });
});

describe('PhaseLog', () => {
  it('a compare: prepare and probe, sweep, paired rounds, one group open at a time', () => {
    const { lines, out } = recorder();
    const log = new PhaseLog(out, 'compare');
    log.enter('prepare');
    out.info('Comparing the pull request with its base');
    log.progress({ type: 'probe', workload: 'base: spin', status: 'ok' });
    log.progress({ type: 'probe', workload: 'head: spin', status: 'ok' });
    log.progress({ type: 'visit', round: 1, done: 1, total: 4, label: 'sweep base spin async x2', status: 'ok' });
    log.progress({ type: 'visit', round: 1, done: 2, total: 4, label: 'sweep head spin async x2', status: 'timed-out' });
    log.progress({ type: 'round', round: 1, elapsedMs: 2400, phase: 'sweep' });
    log.progress({ type: 'plan', lines: ['spin: 40 rounds planned'] });
    log.progress({ type: 'visit', round: 1, done: 1, total: 2, label: 'base spin sequential x1', status: 'ok' });
    log.progress({ type: 'round', round: 1, elapsedMs: 5100, phase: 'paired' });
    log.progress({ type: 'round', round: 2, elapsedMs: 6100, phase: 'paired' });
    log.end();
    log.end();
    expect(lines).toEqual([
      '::group::Prepare and probe (base and head)',
      'Comparing the pull request with its base',
      'Workload base: spin: ok',
      'Workload head: spin: ok',
      '::endgroup::',
      '::group::Sweep: every cell of base and head',
      'Round 1, 2/4: sweep head spin async x2: timed-out',
      'Sweep round 1 measured (2 s).',
      '::endgroup::',
      '::group::Paired rounds: base and head interleaved',
      'spin: 40 rounds planned',
      'Paired round 1 measured (5 s).',
      'Paired round 2 measured (6 s).',
      '::endgroup::',
    ]);
  });

  it('a run: probe, then measure; paired rounds without a plan still get their group', () => {
    const { lines, out } = recorder();
    const run = new PhaseLog(out, 'run');
    run.progress({ type: 'probe', workload: 'spin', status: 'ok' });
    run.progress({ type: 'round', round: 1, elapsedMs: 1000 });
    run.end();
    expect(lines.filter((l) => l.startsWith('::'))).toEqual(['::group::Probe', '::endgroup::', '::group::Measure', '::endgroup::']);

    const compare = recorder();
    const log = new PhaseLog(compare.out, 'compare');
    log.progress({ type: 'round', round: 1, elapsedMs: 1000, phase: 'paired' });
    log.end();
    expect(compare.lines.filter((l) => l.startsWith('::'))).toEqual(['::group::Paired rounds: base and head interleaved', '::endgroup::']);
  });

  it('keeps a hostile workload name or error on its own line: no command gets into the log', () => {
    const { lines, out } = recorder();
    const log = new PhaseLog(out, 'compare');
    log.progress({ type: 'probe', workload: `head: ${HOSTILE}`, status: `failed: ${HOSTILE}` });
    log.progress({ type: 'visit', round: 1, done: 1, total: 1, label: HOSTILE, status: HOSTILE });
    log.progress({ type: 'plan', lines: [HOSTILE] });
    log.end();
    expect(commands(lines)).toEqual([
      '::group::Prepare and probe (base and head)',
      '::endgroup::',
      '::group::Sweep: every cell of base and head',
      '::endgroup::',
      '::group::Paired rounds: base and head interleaved',
      '::endgroup::',
    ]);
    // The plan line is the only one that starts with the name: flattened, it is text on one line.
    expect(lines).toContain('evil ::error::forged annotation  ::add-mask::x ::group::g');
  });
});

describe('regressionAnnotations', () => {
  it('one per regressed workload, from the gates: an error when the step fails on regressions, else a warning', () => {
    const results = paired([gate('cpu-hash', 'regression', -0.136), gate('tiny-task', 'unchanged', 0.004), gate('slow-io', 'inconclusive', -0.02)]);
    const entries = labelEntries([results]);
    const errors = regressionAnnotations(entries, true);
    expect(errors).toEqual([
      {
        level: 'error',
        title: 'Regression: cpu-hash 13.6% slower',
        message: 'cpu-hash 13.6% slower (95% interval -15.6% to -11.6%): throughput from CPU time per task, sequential, head bbbbbbb against base aaaaaaa; threshold 5%. The job summary has the whole report.',
      },
    ]);
    expect(regressionAnnotations(entries, false)).toEqual([{ ...errors[0], level: 'warning' }]);
    expect(regressionAnnotations(labelEntries([paired([gate('tiny-task', 'unchanged', 0.004)])]), true)).toEqual([]);
    expect(regressionAnnotations(labelEntries([runResults([workload('spin', 'thread', 2)])]), true)).toEqual([]);
  });

  it('counts workloads, not cells: an unpaired compare (stored files) gives one per workload from its gating comparisons', () => {
    const results = compareResults([workload('a', 'thread', 2), workload('b', 'thread', 2)], ['a']);
    results.comparisons.push({ ...results.comparisons[0]!, model: 'process', concurrency: 4 });
    delete results.workloadChanges;
    const annotations = regressionAnnotations(labelEntries([results]), true);
    expect(annotations.map((a) => a.title)).toEqual(['Regression: a 15.0% slower']);
    expect(annotations[0]!.message).toContain('throughput, thread x2');
  });

  it('names the environment when there are several, flattens hostile names, and stops at what GitHub shows', () => {
    const hostile = paired([gate(HOSTILE, 'regression', -0.2)]);
    const [annotation] = regressionAnnotations(labelEntries([hostile, { ...hostile, environment: environment(16) }]), true);
    expect(annotation!.title).toBe('Regression: evil ::error::forged annotation  ::add-mask::x ::group::g 20.0% slower (linux 6.8 x64, 2 cores, Node v24.21.0)');
    expect(annotation!.message).not.toMatch(/[\r\n\u2028]/);

    const many = paired(Array.from({ length: 13 }, (_, i) => gate(`w${i}`, 'regression', -0.1)));
    const capped = regressionAnnotations(labelEntries([many]), false);
    expect(capped).toHaveLength(MAX_ANNOTATIONS);
    expect(capped.at(-1)!.message).toMatch(/And 3 more regressed workloads: see the job summary\.$/);
  });

  it('reach the runner as one command line each (what @actions/core escapes, checked)', () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const [a] = regressionAnnotations(labelEntries([paired([gate(HOSTILE, 'regression', -0.2)])]), true);
      core.error(a!.message, { title: a!.title });
    } finally {
      spy.mockRestore();
    }
    expect(written).toHaveLength(1);
    const line = written[0]!.replace(/\r?\n$/, '');
    expect(line).not.toMatch(/[\r\n]/);
    // The title is a property: its colons are escaped, so it cannot end the command early.
    expect(line.startsWith('::error title=Regression%3A evil %3A%3Aerror%3A%3Aforged annotation')).toBe(true);
    // So the first `::` after the command's own is where the message starts (its `%` escaped as %25).
    expect(line.slice(line.indexOf('::', 2) + 2)).toMatch(/^evil ::error::forged annotation {2}::add-mask::x ::group::g 20\.0%25 slower \(95%25 interval/);
  });
});

describe('forbiddenMessage', () => {
  it('says a fork\'s read-only token only for a fork, and names the comment it could not update', () => {
    const url = 'https://github.example/octo/bench/pull/7#issuecomment-1001';
    expect(forbiddenMessage({ action: 'forbidden', operation: 'create', message: 'Resource not accessible by integration' }, 7, true)).toBe(
      "Could not comment on pull request #7 (403: Resource not accessible by integration). A fork's pull request gets a read-only token: the report is in the job summary; to comment, use the two-workflow recipe (mode: measure, then mode: report on workflow_run).",
    );
    const update = forbiddenMessage({ action: 'forbidden', operation: 'update', url, message: 'Resource not accessible by integration' }, 7, false);
    expect(update).toBe(
      `Could not update the sticky comment on pull request #7 (${url}) (403: Resource not accessible by integration). The token may not write pull request comments: give the job \`permissions: pull-requests: write\` (or pass a github-token that has it); if that comment was posted with another token (another GitHub App), delete it and the next run starts a new one. The report is in the job summary.`,
    );
    expect(update).not.toMatch(/fork/);
    expect(forbiddenMessage({ action: 'forbidden', operation: 'read', message: 'Forbidden\n::error::x' }, 7, false)).toMatch(/^Could not read the comments of pull request #7 \(403: Forbidden ::error::x\)\. The token may not read pull request comments/);
  });
});
