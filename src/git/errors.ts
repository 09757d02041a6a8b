/** A problem with how compare was asked to run (not a repository, unknown ref): exit code 2, one line, no stack trace. */
export class GitUsageError extends Error {
  readonly code = 'GIT_USAGE';
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'GitUsageError';
  }
}

/** The config's `prepare` command failed in one tree: the measurement cannot happen (exit code 3). */
export class PrepareError extends Error {
  readonly code = 'PREPARE_FAILED';
  readonly exitCode = 3;
  /** Which side of the compare. */
  readonly tree: 'base' | 'head';
  /** Where the command ran. */
  readonly cwd: string;
  /** The last lines of its combined stdout and stderr. */
  readonly outputTail: string;
  constructor(tree: 'base' | 'head', cwd: string, summary: string, outputTail: string) {
    super(`${summary}${outputTail ? `\n--- last output ---\n${outputTail}` : ''}`);
    this.name = 'PrepareError';
    this.tree = tree;
    this.cwd = cwd;
    this.outputTail = outputTail;
  }
}
