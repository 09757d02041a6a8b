import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown } from '../../src/report/escape.ts';

describe('escapeMarkdown', () => {
  it('keeps table cells intact: pipes escaped, newlines flattened', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('one\r\ntwo\n\nthree')).toBe('one two three');
  });
  it('turns HTML into text', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeMarkdown('a & "b"')).toBe('a &amp; &quot;b&quot;');
  });
  it('cannot open a code span or emphasis', () => {
    expect(escapeMarkdown('`x`')).toBe('&#96;x&#96;');
    expect(escapeMarkdown('**b** _i_ [l](u) ~s~ ![i](x) \\')).toBe('\\*\\*b\\*\\* \\_i\\_ \\[l\\](u) \\~s\\~ \\!\\[i\\](x) \\\\');
  });
  it('does not ping anyone or link issues', () => {
    expect(escapeMarkdown('@org/team and @user, #12')).toBe('@\u200borg/team and @\u200buser, #\u200b12');
    expect(escapeMarkdown('mail a@b')).toContain('@\u200bb');
  });
  it('drops control and bidi characters and truncates long strings', () => {
    expect(escapeMarkdown('a\u0000b\u202ec')).toBe('abc');
    const long = escapeMarkdown('x'.repeat(1000), 50);
    expect(long).toHaveLength(50);
    expect(long.endsWith('…')).toBe(true);
  });
  it('does not let a user string start a list or quote', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown(null)).toBe('');
  });
});

describe('escapeHtml (a <summary> line: raw HTML, where a backslash escape would show)', () => {
  it('turns HTML into text without markdown escapes, and still pings no one', () => {
    expect(escapeHtml('my_workload|*x*')).toBe('my_workload|*x*');
    expect(escapeHtml('<img src=x>\n`a` @org #1')).toBe('&lt;img src=x&gt; &#96;a&#96; @\u200borg #\u200b1');
  });
});
