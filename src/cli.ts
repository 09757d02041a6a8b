#!/usr/bin/env node
/**
 * The command-line interface: `concurrency-bench run | compare | report`. Parses arguments, turns
 * user mistakes into one-line errors with exit code 2, and leaves all work to src/commands/.
 * Flags, help texts and exit codes are declared in src/cli/usage.ts.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { colorEnabled } from './cli/color.ts';
import { UsageError } from './cli/errors.ts';
import { progressReporter } from './cli/progress.ts';
import { interruptOnSignals, type Interrupt } from './cli/signals.ts';
import { COMMANDS, commandHelp, EXIT, mainHelp, parseOptions, wantsHelp, type CommandSpec } from './cli/usage.ts';
import { compareCommand } from './commands/compare.ts';
import { compareFilesCommand } from './commands/compare-files.ts';
import { REPORT_FORMATS, reportCommand, type ReportFormat } from './commands/report.ts';
import { runCommand } from './commands/run.ts';
import type { CompareResults } from './results/compare.ts';
import { jsonText, writeJsonAtomic } from './results/write.ts';
import { renderCompareTerminal } from './report/compare-terminal.ts';
import { ConfigError } from './config/errors.ts';
import { defaultConfigPath } from './config/load.ts';
import { renderCompareMarkdown, renderRunMarkdown } from './report/markdown.ts';
import { renderRunTerminal, type TerminalStyle } from './report/terminal.ts';
import { killAllGroups } from './runtimes/process-groups.ts';
import { VERSION } from './version.ts';

/** `--json -`: the document goes to stdout. */
const STDOUT = '-';

function number(value: string | undefined, flag: string, { min = 0, integer = false } = {}): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min || (integer && !Number.isInteger(parsed))) {
    throw new UsageError(`${flag} expects ${integer ? 'an integer' : 'a number'} >= ${min}, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

function parse(args: string[], spec: CommandSpec) {
  try {
    return parseArgs({ args, options: parseOptions(spec), allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ''));
  }
}

/** The signal listener of the measuring command, if one is running (main reads how it ended). */
let interrupt: Interrupt | undefined;

function listenForInterrupts(): AbortSignal {
  interrupt = interruptOnSignals(process.stderr);
  return interrupt.signal;
}

/** Colour and width of the human report, for the stream it is written to. */
function terminalStyle(stream: NodeJS.WriteStream, noColorFlag: unknown): TerminalStyle {
  return {
    color: colorEnabled({ noColorFlag: Boolean(noColorFlag), env: process.env, isTTY: Boolean(stream.isTTY) }),
    width: stream.columns || 120,
  };
}

/** The human report goes to stdout, or to stderr when stdout carries the JSON (`--json -`). */
function humanStream(json: unknown): NodeJS.WriteStream {
  return json === STDOUT ? process.stderr : process.stdout;
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, COMMANDS.run);
  if (positionals.length > 0) throw new UsageError(`run takes no positional arguments, got ${JSON.stringify(positionals[0])}`);
  const json = values.json as string | undefined;
  const options = {
    configPath: (values.config as string | undefined) ?? defaultConfigPath(),
    timeBudgetSeconds: number(values['time-budget'] as string | undefined, '--time-budget', { min: 1 }),
    margin: percent(values.margin as string | undefined, '--margin'),
    seed: number(values.seed as string | undefined, '--seed', { integer: true }),
    // With `--json -` the file is still kept at the default path: an interruption loses nothing.
    jsonPath: json === STDOUT ? undefined : json,
    only: values.workload as string[] | undefined,
  };
  const interactive = Boolean(process.stderr.isTTY) && !process.env.CI;
  const progress = progressReporter(process.stderr, interactive);
  const { results, exitCode, jsonPath } = await runCommand({ ...options, signal: listenForInterrupts(), onProgress: progress.onProgress });
  progress.finish();
  if (values.markdown) writeFileSync(values.markdown as string, renderRunMarkdown(results));
  const human = humanStream(json);
  human.write(renderRunTerminal(results, terminalStyle(human, values['no-color'])) + '\n');
  if (json === STDOUT) process.stdout.write(jsonText(results));
  process.stderr.write(`results: ${jsonPath}${values.markdown ? `, markdown: ${values.markdown}` : ''}\n`);
  return exitCode;
}

function percent(value: string | undefined, flag: string): number | undefined {
  const parsed = number(value, flag);
  return parsed === undefined ? undefined : parsed / 100;
}

function printCompare(results: CompareResults, values: { json?: unknown; markdown?: unknown; 'no-color'?: unknown }): void {
  if (values.markdown) writeFileSync(values.markdown as string, renderCompareMarkdown(results));
  const human = humanStream(values.json);
  human.write(renderCompareTerminal(results, terminalStyle(human, values['no-color'])) + '\n');
  if (values.json === STDOUT) process.stdout.write(jsonText(results));
}

async function compare(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, COMMANDS.compare);
  const threshold = percent(values.threshold as string | undefined, '--threshold');
  const alpha = number(values.alpha as string | undefined, '--alpha', { min: 1e-6 });
  if (alpha !== undefined && alpha >= 0.5) throw new UsageError(`--alpha is a probability below 0.5 (e.g. 0.05 or 0.01), got ${JSON.stringify(values.alpha)}`);
  const seed = number(values.seed as string | undefined, '--seed', { integer: true });
  const failOnRegression = Boolean(values['fail-on-regression']);
  const json = values.json as string | undefined;
  if (positionals.length > 0) {
    // Two stored results files: unpaired, labelled less reliable in the report.
    if (positionals.length !== 2 || values.base || values.head) {
      throw new UsageError('compare takes either --base REF [--head REF], or two results files BASE.json HEAD.json');
    }
    const { results, exitCode } = await compareFilesCommand({ baseFile: positionals[0], headFile: positionals[1], threshold, alpha, seed, failOnRegression });
    if (json !== undefined && json !== STDOUT) writeJsonAtomic(json, results);
    printCompare(results, values);
    return exitCode;
  }
  if (!values.base) throw new UsageError('compare needs --base REF (or two results files)');
  const interactive = Boolean(process.stderr.isTTY) && !process.env.CI;
  const progress = progressReporter(process.stderr, interactive);
  const { results, exitCode, jsonPath } = await compareCommand({
    base: values.base as string,
    head: values.head as string | undefined,
    configPath: (values.config as string | undefined) ?? defaultConfigPath(),
    // With `--json -` the file is still kept at the default path, as for run.
    jsonPath: json === STDOUT ? undefined : json,
    threshold,
    alpha,
    failOnRegression,
    timeBudgetSeconds: number(values['time-budget'] as string | undefined, '--time-budget', { min: 1 }),
    seed,
    signal: listenForInterrupts(),
    onProgress: progress.onProgress,
  });
  progress.finish();
  printCompare(results, values);
  process.stderr.write(`results: ${jsonPath}${values.markdown ? `, markdown: ${values.markdown}` : ''}\n`);
  return exitCode;
}

async function report(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, COMMANDS.report);
  if (positionals.length !== 1) throw new UsageError('report takes one results file: concurrency-bench report RESULTS.json [--format md|terminal|json]');
  const format = (values.format as string | undefined) ?? 'terminal';
  if (!REPORT_FORMATS.includes(format as ReportFormat)) throw new UsageError(`--format expects one of ${REPORT_FORMATS.join(', ')}, got ${JSON.stringify(format)}`);
  const { output, exitCode } = await reportCommand(positionals[0], format as ReportFormat, { style: terminalStyle(process.stdout, values['no-color']) });
  process.stdout.write(output.endsWith('\n') ? output : output + '\n');
  return exitCode;
}

const HANDLERS: Record<CommandSpec['name'], (args: string[]) => Promise<number>> = { run, compare, report };

function isCommand(name: string | undefined): name is CommandSpec['name'] {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

/** An unexpected exception: a bug, exit 70 (EX_SOFTWARE), never confused with a failed measurement (3). */
function reportInternalError(error: unknown): void {
  process.stderr.write(`concurrency-bench: internal error (a bug in concurrency-bench; please report it): ${(error as Error)?.stack ?? String(error)}\n`);
}

function errorExitCode(error: unknown, command: string | undefined): number {
  if (error instanceof ConfigError || error instanceof UsageError || (error as { exitCode?: number })?.exitCode === EXIT.usage) {
    process.stderr.write(`concurrency-bench: ${(error as Error).message}\n`);
    if (error instanceof UsageError) process.stderr.write(`run "concurrency-bench ${isCommand(command) ? `${command} ` : ''}--help" for usage\n`);
    return EXIT.usage;
  }
  // Errors that carry their own exit code (a failing `prepare` command: 3) are reported as they are.
  const exitCode = (error as { exitCode?: unknown })?.exitCode;
  if (typeof exitCode === 'number' && error instanceof Error) {
    process.stderr.write(`concurrency-bench: ${error.message}\n`);
    return exitCode;
  }
  reportInternalError(error);
  return EXIT.internal;
}

async function dispatch(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (isCommand(command)) {
    if (wantsHelp(rest)) {
      process.stdout.write(commandHelp(COMMANDS[command]) + '\n');
      return EXIT.ok;
    }
    return await HANDLERS[command](rest);
  }
  switch (command) {
    case '--version':
    case '-v':
      process.stdout.write(VERSION + '\n');
      return EXIT.ok;
    case '--help':
    case '-h':
      process.stdout.write(mainHelp() + '\n');
      return EXIT.ok;
    case 'help': {
      // `help` or `help COMMAND`.
      const topic = rest[0];
      if (topic !== undefined && !isCommand(topic)) throw new UsageError(`no help on ${JSON.stringify(topic)} (commands: ${Object.keys(COMMANDS).join(', ')})`);
      process.stdout.write((topic === undefined ? mainHelp() : commandHelp(COMMANDS[topic])) + '\n');
      return EXIT.ok;
    }
    case undefined:
      // No command at all is a usage error: the help goes to stderr, stdout stays empty.
      process.stderr.write(mainHelp() + '\n');
      return EXIT.usage;
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)} (expected run, compare or report)`);
  }
}

export async function main(argv: string[]): Promise<number> {
  let code: number;
  try {
    code = await dispatch(argv);
  } catch (error) {
    code = errorExitCode(error, argv[0]);
  } finally {
    interrupt?.dispose();
  }
  if (interrupt?.exitCode !== undefined) {
    // Stopped by SIGINT or SIGTERM: whatever the command made of it, no host outlives it and the
    // exit code says which signal (130, 143).
    killAllGroups();
    return interrupt.exitCode;
  }
  return code;
}

// A bug that escapes main (an exception in a callback, a rejection nobody awaited) is an internal
// error too: exit 70, after killing every host.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    reportInternalError(error);
    killAllGroups();
    process.exit(EXIT.internal);
  });
}

process.exitCode = await main(process.argv.slice(2));
