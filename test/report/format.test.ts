import { describe, expect, it } from 'vitest';
import { formatDetectable, formatRef } from '../../src/report/format.ts';

describe('formatDetectable', () => {
  it('says a percentage, or what a huge or missing one means', () => {
    expect(formatDetectable(0.093)).toBe('9.3%');
    expect(formatDetectable(52.46)).toBe('over 100% (too few rounds to tell more)');
    expect(formatDetectable(null)).toBe('unknown (too few rounds)');
  });
});

describe('formatRef', () => {
  const sha = '0123456789abcdef0123456789abcdef01234567';
  const upper = (t: string) => t.toUpperCase();
  it('shows a named ref with its short commit', () => {
    expect(formatRef('main', sha, (t) => t)).toBe('main (0123456)');
    expect(formatRef('working tree', null, (t) => t)).toBe('working tree');
  });
  it('shows a ref that is the commit once, short (the action passes the base SHA)', () => {
    expect(formatRef(sha, sha, (t) => t)).toBe('0123456');
    expect(formatRef('0123456', sha, (t) => t)).toBe('0123456');
  });
  it('escapes both parts', () => {
    expect(formatRef('main', sha, upper)).toBe('MAIN (0123456)');
    expect(formatRef('x', '<b>', upper)).toBe('X (<B>)');
  });
});
