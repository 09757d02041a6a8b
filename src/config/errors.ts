/** One thing wrong in a config: the field (empty for the file as a whole) and what was expected there. */
export interface ConfigProblem {
  field: string;
  expected: string;
}

function line(problem: ConfigProblem): string {
  return `${problem.field ? `${problem.field}: ` : ''}${problem.expected}`;
}

/**
 * Config problems the user must fix: exit code 2, never a stack trace. The validator collects every
 * problem it finds and throws once, so `problems` lists them all. One problem reads as one line
 * ("file: field: expected"); several read as "file: N problems:" followed by one indented line each.
 * `field` and `expected` are those of the first problem.
 */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  readonly file: string;
  readonly field: string;
  readonly expected: string;
  readonly problems: readonly ConfigProblem[];
  constructor(file: string, field: string, expected: string);
  constructor(file: string, problems: readonly ConfigProblem[]);
  constructor(file: string, fieldOrProblems: string | readonly ConfigProblem[], expected = '') {
    const problems = typeof fieldOrProblems === 'string' ? [{ field: fieldOrProblems, expected }] : [...fieldOrProblems];
    if (problems.length === 0) throw new RangeError('ConfigError needs at least one problem');
    super(
      problems.length === 1
        ? `${file}: ${line(problems[0])}`
        : `${file}: ${problems.length} problems:\n${problems.map((p) => `  ${line(p)}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.file = file;
    this.field = problems[0].field;
    this.expected = problems[0].expected;
    this.problems = problems;
  }
}
