/**
 * Escaping for the markdown report. Everything that comes from the user's repository (workload
 * names, error messages, reasons quoting them, refs) goes through here before it reaches a PR
 * comment: it must not break a table, inject HTML, start a code span, or ping anyone.
 */

/** Longest user string kept in one place of the report; the rest is cut with an ellipsis. */
export const MAX_USER_STRING = 300;

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Escape a user string for inline markdown, table cells included. Newlines become spaces (a newline
 * ends a table row), `|` is backslash-escaped (GitHub splits cells on it even inside code spans),
 * HTML-significant characters become entities, markdown punctuation is backslash-escaped, and a
 * zero-width space after `@` and `#` keeps mentions and issue links from resolving.
 */
export function escapeMarkdown(value: unknown, maxLength = MAX_USER_STRING): string {
  return escapeHtml(value, maxLength)
    .replace(/[\\*_[\]~!|]/g, (c) => `\\${c}`)
    .replace(/^([+\-=])(\s)/, '\\$1$2')
    .replace(/^(\d+)([.)])(\s)/, '$1\\$2$3');
}

/**
 * Escape a user string for raw HTML, such as a `<summary>` line: GitHub does not read markdown
 * there, so a backslash escape would show; only HTML entities, and the zero-width space that keeps
 * mentions and issue links from resolving (GitHub links them in HTML text too).
 */
export function escapeHtml(value: unknown, maxLength = MAX_USER_STRING): string {
  let text = String(value ?? '');
  // Control characters (other than whitespace) have no business in a comment; they can hide text.
  text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
  text = text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\t/g, ' ');
  if (text.length > maxLength) text = `${text.slice(0, maxLength - 1)}…`;
  return text
    .replace(/([@#])(?=\S)/g, `$1${ZERO_WIDTH_SPACE}`) // before entities, whose own `#` must stay intact
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/`/g, '&#96;');
}
