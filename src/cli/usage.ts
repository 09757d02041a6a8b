/**
 * What each command accepts, declared once: the argument parser's options and the `--help` text
 * (one line per flag) are both generated from these tables, so a flag cannot be accepted without
 * being described, or described without being accepted.
 */
import type { ParseArgsConfig } from 'node:util';
import { VERSION } from '../version.ts';

export interface FlagSpec {
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** Placeholder of the value in the help text (string flags). */
  value?: string;
  /** One line. */
  description: string;
}

export interface CommandSpec {
  name: 'run' | 'compare' | 'report';
  /** One line: what the command does. */
  summary: string;
  /** Usage lines after `concurrency-bench `. */
  synopsis: string[];
  flags: FlagSpec[];
  /** Paragraphs after the flags. */
  notes: string[];
}

/** Exit codes, shared by every command (their meaning never depends on the command). */
export const EXIT = {
  ok: 0,
  regression: 1,
  usage: 2,
  failed: 3,
  undecided: 4,
  /** EX_SOFTWARE (sysexits.h): a bug, an unexpected exception. */
  internal: 70,
  /** 128 + the signal number, as a shell reports a process killed by it. */
  sigint: 130,
  sigterm: 143,
} as const;

export const EXIT_CODES_TEXT = `Exit codes:
  0    ok
  1    a regression was found (compare --fail-on-regression)
  2    usage or config error, bad results file or git ref; also a Node older than 22.12
  3    a workload or cell failed to measure (the results file is still written)
  4    a workload's regression gate was not decided (compare --fail-on-regression)
  70   internal error: a bug in concurrency-bench (please report it with the message)
  130  interrupted (SIGINT, Ctrl-C): workers killed, partial results written, marked incomplete
  143  terminated (SIGTERM): workers killed, partial results written, marked incomplete`;

const ENVIRONMENT_TEXT = `Environment:
  NO_COLOR     set and non-empty: no colours
  FORCE_COLOR  0 or false: no colours; any other value, even empty: colours, also off a terminal
  CI           set: no progress line, one line per round instead`;

const help: FlagSpec = { name: 'help', short: 'h', type: 'boolean', description: 'print this help and exit' };
const noColor: FlagSpec = { name: 'no-color', type: 'boolean', description: 'no colours in the report (also NO_COLOR; see Environment)' };
const config: FlagSpec = {
  name: 'config',
  short: 'c',
  type: 'string',
  value: 'FILE',
  description: 'config file (default: concurrency-bench.config.json, .yaml, .ts, ...)',
};
const markdown: FlagSpec = { name: 'markdown', type: 'string', value: 'FILE', description: 'also write the report as markdown to FILE' };
const seed: FlagSpec = { name: 'seed', type: 'string', value: 'N', description: 'seed of the random visit order and of the bootstrap (default 1)' };
const threshold: FlagSpec = { name: 'threshold', type: 'string', value: 'PERCENT', description: 'a task this much slower (or faster) counts (default 5)' };
const alpha: FlagSpec = { name: 'alpha', type: 'string', value: 'P', description: 'error rate of regression claims, and of improvement ones (default 0.05)' };
const failOnRegression: FlagSpec = { name: 'fail-on-regression', type: 'boolean', description: 'exit 1 on a regression and 4 when a workload is not decided' };

const JSON_STDOUT_NOTE = '--json - writes the JSON document to stdout and the human report to stderr, so stdout stays parseable.';

export const COMMANDS: Record<CommandSpec['name'], CommandSpec> = {
  run: {
    name: 'run',
    summary: 'measure every workload under every model and concurrency, and recommend one',
    synopsis: ['run [--config FILE] [--time-budget SECONDS] [--json FILE|-] [--markdown FILE] [--margin PERCENT] [--seed N] [--workload NAME]...'],
    flags: [
      config,
      { name: 'time-budget', type: 'string', value: 'SECONDS', description: 'wall-clock budget for measuring, at least 1 (default 60)' },
      { name: 'json', type: 'string', value: 'FILE|-', description: 'results file (default .concurrency-bench/results.json); - for stdout' },
      markdown,
      { name: 'margin', type: 'string', value: 'PERCENT', description: 'how much a costlier model must beat a cheaper one (default 10)' },
      seed,
      { name: 'workload', type: 'string', multiple: true, value: 'NAME', description: 'measure only this workload; repeat for several' },
      noColor,
      help,
    ],
    notes: [
      'The results file is rewritten after every round, so an interruption loses nothing measured.',
      `${JSON_STDOUT_NOTE} The results file is then still kept at the default path.`,
    ],
  },
  compare: {
    name: 'compare',
    summary: 'measure base against head, paired on this machine, and report regressions',
    synopsis: [
      'compare --base REF [--head REF] [--config FILE] [--json FILE|-] [--markdown FILE] [--threshold PERCENT] [--alpha P] [--fail-on-regression] [--time-budget SECONDS] [--seed N]',
      'compare BASE.json HEAD.json [--json FILE|-] [--markdown FILE] [--threshold PERCENT] [--alpha P] [--fail-on-regression] [--seed N]',
    ],
    flags: [
      { name: 'base', type: 'string', value: 'REF', description: 'git ref to compare against; checked out into a temporary worktree' },
      { name: 'head', type: 'string', value: 'REF', description: 'git ref to measure (default: the working tree, uncommitted changes too)' },
      config,
      { name: 'json', type: 'string', value: 'FILE|-', description: 'comparison file (default .concurrency-bench/compare.json); - for stdout' },
      markdown,
      threshold,
      alpha,
      failOnRegression,
      { name: 'time-budget', type: 'string', value: 'SECONDS', description: 'cap on the whole compare (default: what the plan needs, up to 600)' },
      seed,
      noColor,
      help,
    ],
    notes: [
      'With two results files (from run) the comparison is unpaired (the report says it is less reliable) and is written to a file only with --json.',
      `${JSON_STDOUT_NOTE} A paired compare still keeps its file at the default path.`,
    ],
  },
  report: {
    name: 'report',
    summary: 'render a stored results or comparison file again',
    synopsis: ['report RESULTS.json [--format md|terminal|json]'],
    flags: [
      { name: 'format', short: 'f', type: 'string', value: 'md|terminal|json', description: 'output on stdout (default terminal); json: the checked document' },
      noColor,
      help,
    ],
    notes: [],
  },
};

/** The argument parser's options for a command. */
export function parseOptions(spec: CommandSpec): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    spec.flags.map((f) => [f.name, { type: f.type, ...(f.short ? { short: f.short } : {}), ...(f.multiple ? { multiple: true } : {}) }]),
  );
}

function flagLines(flags: readonly FlagSpec[]): string[] {
  const left = flags.map((f) => `${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.value ? ` ${f.value}` : ''}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return flags.map((f, i) => `  ${left[i].padEnd(width)}${f.description}`);
}

const WIDTH = 100;

/** Fill `words` into lines of at most WIDTH columns (a longer word gets a line of its own). */
function fill(words: readonly string[], first: string, indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of words) {
    const candidate = line.trim() === '' || line === first ? `${line}${word}` : `${line} ${word}`;
    if (candidate.length > WIDTH && line !== first) {
      lines.push(line);
      line = `${indent}${word}`;
    } else {
      line = candidate;
    }
  }
  return [...lines, line];
}

/** A usage line, wrapped between its bracketed groups, continuation lines aligned after the command. */
function synopsisLines(synopsis: string): string[] {
  const [command, ...rest] = synopsis.match(/\[[^\]]*\](?:\.\.\.)?|\S+/g) ?? [];
  const first = `  concurrency-bench ${command} `;
  return fill(rest, first, ' '.repeat(first.length));
}

/** `concurrency-bench COMMAND --help`. */
export function commandHelp(spec: CommandSpec): string {
  return [
    `concurrency-bench ${spec.name}: ${spec.summary}`,
    '',
    'Usage:',
    ...spec.synopsis.flatMap(synopsisLines),
    '',
    'Options:',
    ...flagLines(spec.flags),
    ...spec.notes.flatMap((note) => ['', ...fill(note.split(' '), '', '')]),
    '',
    EXIT_CODES_TEXT,
    '',
    ENVIRONMENT_TEXT,
  ].join('\n');
}

/** `concurrency-bench --help`. */
export function mainHelp(): string {
  const commands = Object.values(COMMANDS);
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    `concurrency-bench ${VERSION}: should this work use processes, threads or async? Measured on your code.`,
    '',
    'Usage:',
    ...commands.flatMap((c) => c.synopsis.flatMap(synopsisLines)),
    '  concurrency-bench COMMAND --help',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Options:',
    ...flagLines([
      { name: 'help', short: 'h', type: 'boolean', description: 'print this help and exit; COMMAND --help describes that command\'s flags' },
      { name: 'version', short: 'v', type: 'boolean', description: 'print the version and exit' },
    ]),
    '',
    EXIT_CODES_TEXT,
    '',
    ENVIRONMENT_TEXT,
  ].join('\n');
}

/** True when `args` ask for help (`-h`/`--help` before a `--`), whatever else they hold. */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
