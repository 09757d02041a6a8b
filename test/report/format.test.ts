import { describe, expect, it } from 'vitest';
import { cellNotes, formatDetectable, formatRef, lowConfidenceText } from '../../src/report/format.ts';
import type { CellResult } from '../../src/results/run.ts';

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

describe('cellNotes', () => {
  const pairedCell = (rounds: number): CellResult => ({
    model: 'thread',
    concurrency: 2,
    status: 'ok',
    samples: 6,
    rounds: 1,
    throughput: { median: 650, ci95: [640, 660] },
    latencyMs: { p50: 1, p99: 2 },
    cpuUtilization: 1.7,
    peakRssBytes: 1,
    startupMs: 1,
    speedup: 1.38,
    batchThroughputs: [640, 650, 660, 655, 645, 650],
    paired: { speedup: 1.38, ci95: [1.31, 1.57], rounds, pairs: 6 * rounds, spread: 0.05 },
  });

  it("gives a paired figure's interval with the spread between fresh hosts when it rests on fewer than 3 rounds", () => {
    const [one] = cellNotes({ cells: [pairedCell(1)] });
    expect(one).toMatch(/^thread 2: 1\.38x measured paired against sequential \(95% interval 1\.2\dx to 1\.6\dx with the spread between fresh hosts, 1 round of both hosts alive at once, 6 batch pairs\)$/);
    const [three] = cellNotes({ cells: [pairedCell(3)] });
    expect(three).toMatch(/\(95% interval 1\.31x to 1\.57x, 3 rounds of both hosts/);
  });
});

describe('lowConfidenceText', () => {
  it('says why in a few words, in the order the doubts arose', () => {
    expect(lowConfidenceText({ confidence: 'low', doubts: ['one-round', 'suspect-baseline'] })).toBe('low confidence: one round of hosts; the sequential figure itself read slow');
    expect(lowConfidenceText({ confidence: 'low', doubts: ['model-not-measured'] })).toBe('low confidence: a model was not measured');
  });

  it('claims no cause a file does not record, and nothing when confidence is high', () => {
    // Before doubts were recorded, the terminal said "some differences were within noise" of every
    // low confidence, a suspect baseline and an unmeasured model included.
    expect(lowConfidenceText({ confidence: 'low' })).toBe('low confidence');
    expect(lowConfidenceText({ confidence: 'high' })).toBeUndefined();
  });
});
