import { describe, expect, it } from 'vitest';
import { renderRunTerminal } from '../../src/report/terminal.ts';
import { runResults } from './fixtures.ts';

describe('renderRunTerminal', () => {
  it('ends with a warning when the sequential hosts of a workload ran at different speeds', () => {
    const results = runResults(['calm', 'moved\u001b[31m']);
    results.workloads[0].cells[0] = { ...results.workloads[0].cells[0], hostRates: [100, 103, 99] };
    results.workloads[1].cells[0] = { ...results.workloads[1].cells[0], hostRates: [300, 420, 410] };
    const text = renderRunTerminal(results);
    const last = text.trimEnd().split('\n').at(-1)!;
    expect(last).toMatch(/^⚠ The baseline did not hold still: .*\(moved \[31m: 300 to 420 tasks\/s in 3 hosts, x1\.40\)/);
    expect(text).not.toContain('\u001b');
  });
  it('has no warning for a run whose hosts agree', () => {
    expect(renderRunTerminal(runResults(['calm']))).not.toContain('did not hold still');
  });
  it('says in the headline why a confidence is low, as the recommendation records it', () => {
    const results = runResults(['suspect', 'old']);
    const [suspect, old] = results.workloads;
    suspect.recommendation = { ...suspect.recommendation!, confidence: 'low', doubts: ['one-round', 'suspect-baseline'] };
    old.recommendation = { ...old.recommendation!, confidence: 'low' };
    const headlines = renderRunTerminal(results)
      .split('\n')
      .filter((line) => line.includes('→ use'));
    expect(headlines[0]).toMatch(/\(low confidence: one round of hosts; the sequential figure itself read slow\)$/);
    // A file without recorded doubts: low, and no cause it does not record.
    expect(headlines[1]).toMatch(/\(low confidence\)$/);
  });
});
