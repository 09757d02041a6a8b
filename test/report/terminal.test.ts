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
});
