#!/usr/bin/env node
/**
 * The command-line interface: `concurrency-bench run | compare | report`. Parses arguments, turns
 * user mistakes into one-line errors with exit code 2, and leaves all work to src/commands/.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli/errors.ts';
import { progressReporter } from './cli/progress.ts';
import { runCommand } from './commands/run.ts';
import { ConfigError } from './config/errors.ts';
import { DEFAULT_CONFIG_FILE } from './config/load.ts';
import { renderRunMarkdown } from './report/markdown.ts';
import { renderRunTerminal } from './report/terminal.ts';
import { killAllGroups } from './runtimes/process-groups.ts';
import { VERSION } from './version.ts';

const USAGE = `concurrency-bench ${VERSION}: should this work use processes, threads or async? Measured on your code.

Usage:
  concurrency-bench run [--config FILE] [--time-budget SECONDS] [--json FILE] [--markdown FILE]
                        [--margin PERCENT] [--seed N] [--workload NAME]...
  concurrency-bench compare --base REF [--head REF] [--config FILE] [--json FILE] [--markdown FILE]
                        [--threshold PERCENT] [--fail-on-regression] [--time-budget SECONDS]
  concurrency-bench compare BASE.json HEAD.json [--json FILE] [--markdown FILE] [--threshold PERCENT]
  concurrency-bench report RESULTS.json [--format md|terminal|json]

Exit codes: 0 ok, 1 regression (compare --fail-on-regression), 2 usage or config error,
3 a workload or cell failed to measure, 130 interrupted.`;

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
    configPath: (values.config as string | undefined) ?? DEFAULT_CONFIG_FILE,
    timeBudgetSeconds: number(values['time-budget'] as string | undefined, '--time-budget', { min: 1 }),
    margin: ((m) => (m === undefined ? undefined : m / 100))(number(values.margin as string | undefined, '--margin')),
    seed: number(values.seed as string | undefined, '--seed', { integer: true }),
    jsonPath: values.json as string | undefined,
    only: values.workload as string[] | undefined,
    signal: controller.signal,
    onProgress: progress.onProgress,
  });
  progress.finish();
  if (values.markdown) writeFileSync(values.markdown as string, renderRunMarkdown(results));
  const color = Boolean(process.stdout.isTTY) && !values['no-color'] && !process.env.NO_COLOR;
  process.stdout.write(renderRunTerminal(results, { color, width: process.stdout.columns || 120 }) + '\n');
  process.stderr.write(`results: ${jsonPath}${values.markdown ? `, markdown: ${values.markdown}` : ''}\n`);
  return exitCode;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await run(rest);
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
    process.stderr.write(`concurrency-bench: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 3;
  }
}

process.exitCode = await main(process.argv.slice(2));
