/**
 * The sticky comment's body: a hidden marker line that identifies it, then the report, kept under
 * GitHub's comment size limit.
 */

/**
 * GitHub refuses comment bodies over 65,536 characters with a 422. It counts characters; a JS
 * string's length counts UTF-16 units, which is never fewer, so comparing `length` is safe.
 */
export const GITHUB_COMMENT_LIMIT = 65_536;

const MARKER_PREFIX = '<!-- concurrency-bench';

/**
 * The hidden marker for one config: two configs in one repository keep two comments. The key is
 * sanitised so it can neither end the HTML comment early nor differ between runs by path spelling.
 */
export function commentMarker(key: string): string {
  const clean = key
    .replaceAll('\\', '/')
    .replace(/^\.\//, '')
    .replace(/[^A-Za-z0-9._/@+-]/g, '_');
  return `${MARKER_PREFIX} key=${clean} -->`;
}

/** True when `body` is the sticky comment for `marker` (the marker must be its first line, so a quote of it elsewhere does not count). */
export function isStickyComment(body: string | null | undefined, marker: string): boolean {
  if (!body) return false;
  const firstLine = body.split('\n', 1)[0] ?? '';
  return firstLine.trim() === marker;
}

/**
 * Marker + report, trimmed to fit `limit`. The report's own renderer already keeps itself short;
 * this is the last guard so that a 422 cannot happen. Trimming cuts at a line boundary, closes an
 * open code fence and open <details> blocks so the note after the cut renders as text.
 */
export function buildCommentBody(marker: string, markdown: string, limit = GITHUB_COMMENT_LIMIT): string {
  const whole = `${marker}\n${markdown}`;
  if (whole.length <= limit) return whole;
  return `${marker}\n${trimMarkdown(markdown, limit - marker.length - 1)}`;
}

const TRIM_NOTE = '\n\n> [!NOTE]\n> The report was cut to fit GitHub\'s comment size limit; the full report is in the job summary and the results file.\n';

/** Cuts `markdown` to at most `limit` characters including the closing tags and the note. */
export function trimMarkdown(markdown: string, limit: number): string {
  if (markdown.length <= limit) return markdown;
  // Room for the note and for closers; closers are small (a fence, a few </details>).
  let budget = limit - TRIM_NOTE.length - 200;
  for (;;) {
    const cut = cutAtLine(markdown, Math.max(0, budget));
    const result = cut + closers(cut) + TRIM_NOTE;
    if (result.length <= limit || budget <= 0) return result.slice(0, limit);
    budget -= result.length - limit;
  }
}

function cutAtLine(text: string, max: number): string {
  const slice = text.slice(0, max);
  const lastNewline = slice.lastIndexOf('\n');
  return lastNewline > 0 ? slice.slice(0, lastNewline) : slice;
}

/** Text that closes a code fence and <details> blocks left open by the cut. */
function closers(cut: string): string {
  let out = '';
  const fences = cut.split('\n').filter((line) => /^\s*(```|~~~)/.test(line)).length;
  if (fences % 2 === 1) out += '\n```';
  const open = (cut.match(/<details\b/gi) ?? []).length - (cut.match(/<\/details>/gi) ?? []).length;
  for (let i = 0; i < open; i++) out += '\n</details>';
  return out;
}
