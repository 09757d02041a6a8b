/**
 * The GitHub Action: reads the inputs and the event, measures (paired against the pull request's
 * base when there is one) or reads results files (report mode), then, in this order so that a later
 * failure loses nothing: results JSON, job summary, outputs, sticky comment, and only then the
 * step's verdict. The measuring and rendering are the CLI's own functions; this file and
 * src/github/* are the only places that know about @actions/*.
 */
import * as core from '@actions/core';
import { context } from '@actions/github';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { AnyResults } from './results/compare.ts';
import { compareCommand } from './commands/compare.ts';
import { runCommand, type ProgressEvent } from './commands/run.ts';
import { renderCompareTerminal } from './report/compare-terminal.ts';
import { writeJsonAtomic } from './results/write.ts';
import { renderRunTerminal } from './report/terminal.ts';
import { settledWorkloadNode } from './runtimes/node/runtime.ts';
import { ensureCommit } from './github/base-commit.ts';
import { forbiddenMessage, upsertStickyComment, type CommentOutcome } from './github/comment.ts';
import { parseEvent, type ActionEvent } from './github/event.ts';
import { configFile, parseInputs, type ActionInputs } from './github/inputs.ts';
import { logVerbatim, oneLine, PhaseLog, regressionAnnotations } from './github/log.ts';
import { apiBaseUrl, createClient, type GitHubClient } from './github/octokit.ts';
import { pullRequestForRun } from './github/pull-lookup.ts';
import { labelEntries, recommendationsOf, regressionsOf, renderReport, type ReportEntry } from './github/report.ts';
import { reportContext } from './github/report-context.ts';
import { ownFile } from './paths.ts';
import { loadUntrustedResultsAll, resolveResultFiles } from './results/read.ts';
import type { ReportResults } from './results/report.ts';

interface Outcome {
  entries: ReportEntry[];
  /** The JSON file the `results` output points at. */
  resultsPath: string;
  /** Exit code of the measuring command (0 ok, 3 measurement failures); 0 in report mode. */
  exitCode: number;
}

export async function run(): Promise<void> {
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    // Masked in every log line from here on, whatever prints it.
    if (inputs.token) core.setSecret(inputs.token);
    const event = parseEvent(context.eventName ?? '', context.payload);
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const config = configFile(inputs, workspace);
    if (!inputs.config) core.info(`Config: ${oneLine(config)} (input \`config\` left empty: the first of concurrency-bench.config.json, .yaml, .yml, .ts, .mts, .js, .mjs in the repository root).`);

    const outcome = inputs.mode === 'report' ? await report(inputs, config, workspace) : await measure(inputs, config, event, workspace);
    const regressions = outcome.entries.reduce((sum, e) => sum + regressionsOf(e.results), 0);
    // Where and when the report was made (run link, the pull request's head, the time): plain data for the renderer.
    const where = reportContext({ env: process.env, event, now: new Date(), actionRoot: actionRoot() });
    const markdown = renderReport(outcome.entries, undefined, where);
    logTerminalReport(outcome.entries);

    await writeSummary(markdown);
    core.setOutput('results', outcome.resultsPath);
    core.setOutput('regressions', String(regressions));
    core.setOutput('recommendations', JSON.stringify(recommendationsOf(outcome.entries)));

    const commentUrl = inputs.mode === 'measure' ? '' : await comment(inputs, config, event, markdown, regressions);
    core.setOutput('comment-url', commentUrl);

    // One annotation per regressed workload: an error when it fails the step, else a warning.
    for (const a of regressionAnnotations(outcome.entries, inputs.failOnRegression)) {
      (a.level === 'error' ? core.error : core.warning)(a.message, { title: a.title });
    }
    if (outcome.exitCode === 3) core.warning('Some workloads or cells failed to measure; see the report for their errors.');
    // A gate that could not decide must not pass silently as if all were well.
    const undecided = outcome.entries.flatMap((e) => (e.results.kind === 'compare' ? (e.results.workloadChanges ?? []).filter((w) => w.verdict === 'inconclusive').map((w) => oneLine(w.workload, 100)) : []));
    core.setOutput('undecided', String(undecided.length));
    const undecidedText = `${undecided.length} workload${undecided.length === 1 ? '' : 's'} not decided (${undecided.slice(0, 5).join(', ')}${undecided.length > 5 ? ', ...' : ''}): the measurements could not tell whether ${undecided.length === 1 ? 'it' : 'they'} changed by the threshold; a longer time-budget buys more rounds.`;
    if (inputs.failOnRegression && regressions > 0) {
      core.setFailed(`${regressions} regression${regressions === 1 ? '' : 's'} found (fail-on-regression is on).`);
    } else if (undecided.length > 0 && inputs.failOnRegression && inputs.onUndecided === 'fail') {
      core.setFailed(`${undecidedText} (fail-on-regression is on; on-undecided: warn lets the step pass)`);
    } else if (undecided.length > 0) {
      core.warning(undecidedText);
    }
  } catch (error) {
    // The message only: a stack trace would say nothing to the user, and errors from the API
    // carry the request, which we never print.
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

/** run / measure: paired compare on a pull request with baseline `base`; a plain run otherwise. */
async function measure(inputs: ActionInputs, config: string, event: ActionEvent, workspace: string): Promise<Outcome> {
  const configPath = resolve(workspace, config);
  const resultsPath = resultsFile(config);
  const compare = event.kind === 'pull_request' && inputs.baseline === 'base';
  // One collapsible group per phase: prepare and probe, the sweep, the paired rounds (a run: probe, measure).
  const phases = new PhaseLog(core, compare ? 'compare' : 'run');
  const onProgress = (e: ProgressEvent) => phases.progress(e);
  try {
    if (compare) {
      phases.enter('prepare');
      const how = await ensureCommit(event.baseSha, workspace);
      core.info(`Comparing the pull request with its base ${event.baseSha.slice(0, 12)} (${how === 'fetched' ? 'fetched' : 'already in the checkout'}).`);
      const { results, exitCode } = await compareCommand({
        cwd: workspace,
        base: event.baseSha,
        configPath,
        jsonPath: resultsPath,
        threshold: inputs.threshold / 100,
        alpha: inputs.alpha,
        timeBudgetSeconds: inputs.timeBudget,
        onProgress,
      });
      phases.end();
      logWorkloadNode();
      return { entries: labelEntries([results]), resultsPath, exitCode };
    }
    if (event.kind !== 'pull_request') core.info(`Event ${event.kind === 'other' ? oneLine(event.name, 60) : event.kind}: measuring without a baseline.`);
    const { results, exitCode } = await runCommand({ configPath, jsonPath: resultsPath, timeBudgetSeconds: inputs.timeBudget, onProgress });
    phases.end();
    logWorkloadNode();
    return { entries: labelEntries([results]), resultsPath, exitCode };
  } finally {
    phases.end();
  }
}

/** Which Node ran the Node workloads (the node on PATH, see src/runtimes/node/runtime.ts), when any did. */
function logWorkloadNode(): void {
  const looked = settledWorkloadNode();
  if (!looked) return;
  if ('error' in looked) {
    core.warning(`Node workloads could not run: ${oneLine(looked.error.message, 500)}`);
    return;
  }
  const { node } = looked;
  core.info(
    node.source === 'path'
      ? `Node workloads ran on Node ${oneLine(node.version, 40)} (${oneLine(node.executable)}), the node on PATH${node.found && node.found !== node.executable ? ` (${oneLine(node.found)})` : ''}.`
      : `Node workloads ran on Node ${oneLine(node.version, 40)}, the action's own (no node on PATH).`,
  );
}

/** The terminal report of each results entry, without colour, in a group of its own. */
function logTerminalReport(entries: readonly ReportEntry[]): void {
  core.startGroup('Report');
  try {
    for (const { label, results } of entries) {
      if (entries.length > 1) core.info(`Environment: ${oneLine(label)}`);
      try {
        const text = results.kind === 'compare' ? renderCompareTerminal(results, { color: false, width: 120 }) : renderRunTerminal(results, { color: false, width: 120 });
        logVerbatim(text, (line) => core.info(line));
      } catch (error) {
        core.warning(`The terminal report could not be rendered: ${oneLine(error instanceof Error ? error.message : error)}`);
      }
    }
  } finally {
    core.endGroup();
  }
}

/** report: merge results files from artifacts (untrusted), one section per environment. */
async function report(inputs: ActionInputs, config: string, workspace: string): Promise<Outcome> {
  if (inputs.results.length === 0) throw new Error('Input `results` is required in report mode (files or glob patterns of results JSON).');
  const files = await resolveResultFiles(inputs.results, workspace);
  const loaded: AnyResults[] = [];
  const read: string[] = [];
  for (const file of files) {
    try {
      // A report file (an earlier report's output) brings every results file it read.
      for (const one of await loadUntrustedResultsAll(file, workspace)) {
        loaded.push(one.results);
        read.push(file);
      }
    } catch (error) {
      // One broken matrix leg must not hide the others' results.
      core.warning(`Skipped ${oneLine(error instanceof Error ? error.message : String(error), 500)}`);
    }
  }
  if (loaded.length === 0) throw new Error(`None of the ${files.length} results file(s) could be used; see the warnings above.`);
  const entries = labelEntries(loaded);
  const resultsPath = resultsFile(`${config}.report`);
  const report: ReportResults = { schemaVersion: 1, kind: 'report', entries: entries.map((e, i) => ({ file: read[i], environment: e.label, results: e.results })) };
  writeJsonAtomic(resultsPath, report);
  return { entries, resultsPath, exitCode: 0 };
}

/** The action's root (action.yml's directory): one level above src/ or dist/. */
function actionRoot(): string {
  return resolve(ownFile('index'), '..', '..');
}

/** Where the results JSON goes: the runner's temp dir, one file per config so two configs in a job do not collide. */
function resultsFile(key: string): string {
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'concurrency-bench');
  mkdirSync(dir, { recursive: true });
  const slug = key.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '') || 'results';
  return join(dir, `${slug}.results.json`);
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('GITHUB_STEP_SUMMARY is not set (not on a runner?): no job summary written.');
    return;
  }
  await core.summary.addRaw(markdown, true).write();
}

/** Posts or updates the sticky comment; returns its URL, or '' when there is none. */
async function comment(inputs: ActionInputs, config: string, event: ActionEvent, markdown: string, regressions: number): Promise<string> {
  if (inputs.comment === 'never') return '';
  if (!inputs.token) {
    core.warning('No github-token: the pull request comment was skipped (the job summary has the report).');
    return '';
  }
  const octokit = createClient({ token: inputs.token, baseUrl: apiBaseUrl(process.env), log: (line) => core.info(line) });
  const number = await pullRequestNumber(octokit, event);
  if (number === undefined) {
    core.info('Not a pull request: the report is in the job summary only.');
    return '';
  }
  const owner = event.kind === 'other' ? '' : event.owner;
  const repo = event.kind === 'other' ? '' : event.repo;
  const outcome: CommentOutcome = await upsertStickyComment(octokit, { owner, repo, number }, {
    key: commentKey(config),
    markdown,
    policy: inputs.comment,
    regressions,
  });
  if (outcome.action === 'forbidden') {
    core.warning(forbiddenMessage(outcome, number, event.kind === 'pull_request' && event.fork));
    return '';
  }
  if (outcome.action === 'skipped') {
    core.info(`No comment: ${outcome.reason}.`);
    return '';
  }
  core.info(`Comment ${outcome.action}: ${outcome.url}`);
  return outcome.url;
}

async function pullRequestNumber(octokit: GitHubClient, event: ActionEvent): Promise<number | undefined> {
  if (event.kind === 'pull_request') return event.number;
  if (event.kind === 'workflow_run') return pullRequestForRun(octokit, event);
  return undefined;
}

/** The config path relative to the workspace, spelled the same on every runner: one comment per config. */
function commentKey(config: string): string {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const rel = isAbsolute(config) ? relative(workspace, config) : config;
  return rel.replaceAll('\\', '/').replace(/^\.\//, '');
}
