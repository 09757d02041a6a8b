/** A config problem the user must fix: reported as one line, exit code 2, never a stack trace. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  readonly file: string;
  readonly field: string;
  readonly expected: string;
  constructor(file: string, field: string, expected: string) {
    super(`${file}: ${field ? `${field}: ` : ''}${expected}`);
    this.name = 'ConfigError';
    this.file = file;
    this.field = field;
    this.expected = expected;
  }
}
