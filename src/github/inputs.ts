/**
 * The action's inputs, validated. Takes a getter so it stays a plain function: main.ts passes
 * @actions/core's getInput, tests pass a map. Every message names the input and what it accepts.
 */
import { defaultConfigPath } from '../config/load.ts';
import { COMMENT_POLICIES, type CommentPolicy } from './comment.ts';

export const MODES = ['run', 'measure', 'report'] as const;
export type Mode = (typeof MODES)[number];
export const BASELINES = ['base', 'none'] as const;
export type Baseline = (typeof BASELINES)[number];

export interface ActionInputs {
  /** As given; '' = find it as the CLI does (configFile). */
  config: string;
  token: string;
  baseline: Baseline;
  /** Percent, e.g. 5 for 5%. */
  threshold: number;
  /** Family-wise error rate of regression and improvement claims, e.g. 0.05. */
  alpha: number;
  failOnRegression: boolean;
  /** With fail-on-regression: what a workload whose gate is not decided does to the step (`fail` or `warn`). */
  onUndecided: UndecidedPolicy;
  comment: CommentPolicy;
  /** Seconds; undefined = the tool's default. */
  timeBudget: number | undefined;
  mode: Mode;
  /** report mode: files or glob patterns, one per line or comma-separated. */
  results: string[];
}

export const UNDECIDED_POLICIES = ['fail', 'warn'] as const;
export type UndecidedPolicy = (typeof UNDECIDED_POLICIES)[number];

export class InputError extends Error {
  constructor(input: string, expected: string, got: string) {
    super(`Input \`${input}\`: expected ${expected}, got ${JSON.stringify(got)}`);
    this.name = 'InputError';
  }
}

export function parseInputs(get: (name: string) => string): ActionInputs {
  const read = (name: string) => get(name).trim();
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = read(name) || fallback;
    if (!(allowed as readonly string[]).includes(value)) throw new InputError(name, allowed.join(' | '), value);
    return value as T;
  };
  const number = (name: string, fallback: number | undefined, min: number): number | undefined => {
    const raw = read(name);
    if (raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min) throw new InputError(name, `a number >= ${min}`, raw);
    return value;
  };
  const bool = (name: string): boolean => {
    const raw = read(name).toLowerCase();
    if (raw === '' || raw === 'false') return false;
    if (raw === 'true') return true;
    throw new InputError(name, 'true | false', raw);
  };
  const probability = (name: string, fallback: number): number => {
    const raw = read(name);
    if (raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0 || value >= 0.5) throw new InputError(name, 'a probability above 0 and below 0.5, e.g. 0.05 or 0.01', raw);
    return value;
  };
  /** Percent: `5` or `5%`. */
  const percent = (name: string, fallback: number): number => {
    const raw = read(name);
    if (raw === '') return fallback;
    const value = Number(raw.replace(/\s*%$/, ''));
    if (raw.startsWith('%') || !Number.isFinite(value) || value < 0) throw new InputError(name, 'a percentage >= 0, e.g. 5 or 5%', raw);
    return value;
  };
  const timeBudget = number('time-budget', undefined, 0);
  return {
    config: read('config'),
    token: read('github-token'),
    baseline: oneOf('baseline', BASELINES, 'base'),
    threshold: percent('threshold', 5),
    alpha: probability('alpha', 0.05),
    failOnRegression: bool('fail-on-regression'),
    onUndecided: oneOf('on-undecided', UNDECIDED_POLICIES, 'fail'),
    comment: oneOf('comment', COMMENT_POLICIES, 'always'),
    timeBudget: timeBudget === 0 ? undefined : timeBudget,
    mode: oneOf('mode', MODES, 'run'),
    results: read('results')
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/**
 * The config file, relative to the workspace (or absolute, as given): the `config` input, or when
 * it is left empty the first of concurrency-bench.config.json, .yaml, .yml, .ts, .mts, .js and .mjs
 * that exists in the workspace, as the CLI finds it (the JSON name when there is none, so the error names it).
 */
export function configFile(inputs: Pick<ActionInputs, 'config'>, workspace: string): string {
  return inputs.config || defaultConfigPath(workspace);
}
