import { describe, expect, it } from 'vitest';
import { buildCommentBody, commentMarker, isStickyComment } from '../../src/github/comment-body.ts';

describe('comment body', () => {
  it('keys the marker by config path, and a hostile key cannot close the HTML comment', () => {
    expect(commentMarker('./bench\\a.json')).toBe('<!-- concurrency-bench key=bench/a.json -->');
    expect(commentMarker('x --> <b>hi</b>')).toBe('<!-- concurrency-bench key=x_--___b_hi_/b_ -->');
    expect(isStickyComment(`${commentMarker('a')}\nreport`, commentMarker('a'))).toBe(true);
    expect(isStickyComment(`${commentMarker('a')}\nreport`, commentMarker('b'))).toBe(false);
  });
  it('cuts an oversized report at a line, closing an open code fence and <details> before the note', () => {
    const markdown = `intro\n<details>\n\n\`\`\`mermaid\n${'line\n'.repeat(500)}\`\`\`\n</details>\n`;
    const body = buildCommentBody(commentMarker('a'), markdown, 1000);
    expect(body.length).toBeLessThanOrEqual(1000);
    expect(body).toMatch(/\nline\n```\n<\/details>\n\n> \[!NOTE\]\n> The report was cut/);
  });
});
