import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/contract.js';
import { reportLines } from '../../src/compiler/diagnostics.js';

const d = (file: string, line: number, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({
  severity,
  file,
  line,
  column: 1,
  message: `m${line}`,
});

describe('reportLines', () => {
  it('prints every diagnostic of a file that has no more than the cap', () => {
    const list = [d('a.md', 1), d('a.md', 2, 'warning'), d('b.md', 3)];
    expect(reportLines(list, 3)).toEqual(['a.md:1:1: error: m1', 'a.md:2:1: warning: m2', 'b.md:3:1: error: m3']);
  });

  it('cuts each file at the cap and says how many more, per file', () => {
    const list = [...Array.from({ length: 5 }, (_, i) => d('a.md', i + 1)), d('b.md', 1), d('b.md', 2)];
    expect(reportLines(list, 2)).toEqual([
      'a.md:1:1: error: m1',
      'a.md:2:1: error: m2',
      '… and 3 more in a.md (3 errors; the first 2 are shown)',
      'b.md:1:1: error: m1',
      'b.md:2:1: error: m2',
    ]);
  });

  it('shows errors before warnings when a file has more than the cap, in the order of the file', () => {
    const list = [
      d('a.md', 1, 'warning'),
      d('a.md', 2, 'warning'),
      d('a.md', 3),
      d('a.md', 4, 'warning'),
      d('a.md', 5),
    ];
    expect(reportLines(list, 3)).toEqual([
      'a.md:1:1: warning: m1',
      'a.md:3:1: error: m3',
      'a.md:5:1: error: m5',
      '… and 2 more in a.md (2 warnings; the first 3 are shown)',
    ]);
  });

  it('counts hidden errors and warnings apart', () => {
    const list = [d('a.md', 1), d('a.md', 2), d('a.md', 3), d('a.md', 4, 'warning')];
    expect(reportLines(list, 1)).toEqual([
      'a.md:1:1: error: m1',
      '… and 3 more in a.md (2 errors, 1 warning; the first 1 are shown)',
    ]);
  });
});
