#!/usr/bin/env node
/**
 * The command-line interface: `concurrency-bench run | compare | report`. Parses arguments, turns
 * user mistakes into one-line errors with exit code 2, and leaves all work to src/commands/.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli/errors.ts';
import { progressReporter } from './cli/progress.ts';
import { compareCommand } from './commands/compare.ts';
import { compareFilesCommand } from './commands/compare-files.ts';
import { REPORT_FORMATS, reportCommand, type ReportFormat } from './commands/report.ts';
import { runCommand } from './commands/run.ts';
import type { CompareResults } from './analysis/compare-types.ts';
import { writeJsonAtomic } from './report/json.ts';
import { renderCompareTerminal } from './report/compare-terminal.ts';
import { ConfigError } from './config/errors.ts';
import { defaultConfigPath } from './config/load.ts';
import { renderCompareMarkdown, renderRunMarkdown } from './report/markdown.ts';
import { renderRunTerminal } from './report/terminal.ts';
import { killAllGroups } from './runtimes/process-groups.ts';
import { VERSION } from './version.ts';

const USAGE = `concurrency-bench ${VERSION}: should this work use processes, threads or async? Measured on your code.

Usage:
  concurrency-bench run [--config FILE] [--time-budget SECONDS] [--json FILE] [--markdown FILE]
                        [--margin PERCENT] [--seed N] [--workload NAME]...
  concurrency-bench compare --base REF [--head REF] [--config FILE] [--json FILE] [--markdown FILE]
                        [--threshold PERCENT] [--alpha P] [--fail-on-regression] [--time-budget SECONDS]
  concurrency-bench compare BASE.json HEAD.json [--json FILE] [--markdown FILE] [--threshold PERCENT] [--alpha P]
  concurrency-bench report RESULTS.json [--format md|terminal|json]

compare without --time-budget takes what its plan needs to decide every workload, up to 600 s.

Exit codes: 0 ok, 1 regression (compare --fail-on-regression), 2 usage or config error,
3 a workload or cell failed to measure, 4 a workload's regression gate was not decided
(compare --fail-on-regression), 130 interrupted.`;

function number(value: string | undefined, flag: string, { min = 0, integer = false } = {}): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min || (integer && !Number.isInteger(parsed))) {
    throw new UsageError(`${flag} expects ${integer ? 'an integer' : 'a number'} >= ${min}, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ''));
  }
}

/** Ctrl-C: the first stops measuring and saves partial results; a second one kills everything now. */
function interruptController(): AbortController {
  const controller = new AbortController();
  process.on('SIGINT', () => {
    if (controller.signal.aborted) {
      killAllGroups();
      process.exit(130);
    }
    process.stderr.write('\ninterrupted: stopping, killing workers and saving partial results (Ctrl-C again to quit now)\n');
    controller.abort();
  });
  process.on('SIGTERM', () => controller.abort());
  return controller;
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    config: { type: 'string', short: 'c' },
    'time-budget': { type: 'string' },
    json: { type: 'string' },
    markdown: { type: 'string' },
    margin: { type: 'string' },
    seed: { type: 'string' },
    workload: { type: 'string', multiple: true },
    'no-color': { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`run takes no positional arguments, got ${JSON.stringify(positionals[0])}`);
  const interactive = Boolean(process.stderr.isTTY) && !process.env.CI;
  const progress = progressReporter(process.stderr, interactive);
  const controller = interruptController();
  const { results, exitCode, jsonPath } = await runCommand({
    configPath: (values.config as string | undefined) ?? defaultConfigPath(),
    timeBudgetSeconds: number(values['time-budget'] as string | undefined, '--time-budget', { min: 1 }),
    margin: percent(values.margin as string | undefined, '--margin'),
    seed: number(values.seed as string | undefined, '--seed', { integer: true }),
    jsonPath: values.json as string | undefined,
    only: values.workload as string[] | undefined,
    signal: controller.signal,
    onProgress: progress.onProgress,
  });
  progress.finish();
  if (values.markdown) writeFileSync(values.markdown as string, renderRunMarkdown(results));
  process.stdout.write(renderRunTerminal(results, terminalStyle(values['no-color'])) + '\n');
  process.stderr.write(`results: ${jsonPath}${values.markdown ? `, markdown: ${values.markdown}` : ''}\n`);
  return exitCode;
}

function terminalStyle(noColor: unknown) {
  return { color: Boolean(process.stdout.isTTY) && !noColor && !process.env.NO_COLOR, width: process.stdout.columns || 120 };
}

function percent(value: string | undefined, flag: string): number | undefined {
  const parsed = number(value, flag);
  return parsed === undefined ? undefined : parsed / 100;
}

function printCompare(results: CompareResults, markdown: string | undefined, noColor: unknown): void {
  if (markdown) writeFileSync(markdown, renderCompareMarkdown(results));
  process.stdout.write(renderCompareTerminal(results, terminalStyle(noColor)) + '\n');
}

async function compare(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    base: { type: 'string' },
    head: { type: 'string' },
    config: { type: 'string', short: 'c' },
    json: { type: 'string' },
    markdown: { type: 'string' },
    threshold: { type: 'string' },
    alpha: { type: 'string' },
    'fail-on-regression': { type: 'boolean' },
    'time-budget': { type: 'string' },
    seed: { type: 'string' },
    'no-color': { type: 'boolean' },
  });
  const threshold = percent(values.threshold as string | undefined, '--threshold');
  const alpha = number(values.alpha as string | undefined, '--alpha', { min: 1e-6 });
  if (alpha !== undefined && alpha >= 0.5) throw new UsageError(`--alpha is a probability below 0.5 (e.g. 0.05 or 0.01), got ${JSON.stringify(values.alpha)}`);
  const seed = number(values.seed as string | undefined, '--seed', { integer: true });
  const failOnRegression = Boolean(values['fail-on-regression']);
  if (positionals.length > 0) {
    // Two stored results files: unpaired, labelled less reliable in the report.
    if (positionals.length !== 2 || values.base || values.head) {
      throw new UsageError('compare takes either --base REF [--head REF], or two results files BASE.json HEAD.json');
    }
    const { results, exitCode } = await compareFilesCommand({ baseFile: positionals[0], headFile: positionals[1], threshold, alpha, seed, failOnRegression });
    if (values.json) writeJsonAtomic(values.json as string, results);
    printCompare(results, values.markdown as string | undefined, values['no-color']);
    return exitCode;
  }
  if (!values.base) throw new UsageError('compare needs --base REF (or two results files)');
  const interactive = Boolean(process.stderr.isTTY) && !process.env.CI;
  const progress = progressReporter(process.stderr, interactive);
  const controller = interruptController();
  const { results, exitCode, jsonPath } = await compareCommand({
    base: values.base as string,
    head: values.head as string | undefined,
    configPath: (values.config as string | undefined) ?? defaultConfigPath(),
    jsonPath: values.json as string | undefined,
    threshold,
    alpha,
    failOnRegression,
    timeBudgetSeconds: number(values['time-budget'] as string | undefined, '--time-budget', { min: 1 }),
    seed,
    signal: controller.signal,
    onProgress: progress.onProgress,
  });
  progress.finish();
  printCompare(results, values.markdown as string | undefined, values['no-color']);
  process.stderr.write(`results: ${jsonPath}${values.markdown ? `, markdown: ${values.markdown}` : ''}\n`);
  return exitCode;
}

async function report(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string', short: 'f' }, 'no-color': { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('report takes one results file: concurrency-bench report RESULTS.json [--format md|terminal|json]');
  const format = (values.format as string | undefined) ?? 'terminal';
  if (!REPORT_FORMATS.includes(format as ReportFormat)) throw new UsageError(`--format expects one of ${REPORT_FORMATS.join(', ')}, got ${JSON.stringify(format)}`);
  const { output, exitCode } = await reportCommand(positionals[0], format as ReportFormat, { style: terminalStyle(values['no-color']) });
  process.stdout.write(output.endsWith('\n') ? output : output + '\n');
  return exitCode;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await run(rest);
      case 'compare':
        return await compare(rest);
      case 'report':
        return await report(rest);
      case '--version':
      case '-v':
        process.stdout.write(VERSION + '\n');
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(USAGE + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)} (expected run, compare or report)`);
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError || (error as { exitCode?: number })?.exitCode === 2) {
      process.stderr.write(`concurrency-bench: ${(error as Error).message}\n`);
      if (error instanceof UsageError) process.stderr.write(`run "concurrency-bench --help" for usage\n`);
      return 2;
    }
    // Errors that carry their own exit code (a failing `prepare` command: 3) are reported as they are.
    const exitCode = (error as { exitCode?: unknown })?.exitCode;
    if (typeof exitCode === 'number' && error instanceof Error) {
      process.stderr.write(`concurrency-bench: ${error.message}\n`);
      return exitCode;
    }
    process.stderr.write(`concurrency-bench: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 3;
  }
}

process.exitCode = await main(process.argv.slice(2));
