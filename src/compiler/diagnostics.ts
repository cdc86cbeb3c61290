/** diagnostics: collecting located errors and warnings, and printing them as `path:line:col: severity: message`. */
import type { Diagnostic } from '../contract.js';

/**
 * A message as one line: line breaks (and Unicode line and paragraph separators) in quoted text become
 * spaces, so every diagnostic is exactly one `path:line:col: severity: message` line.
 */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n\v\f\u0085\u2028\u2029]+\s*/g, ' ');
}

export interface Location {
  file: string;
  line: number;
  column: number;
}

export class Diagnostics {
  readonly list: Diagnostic[] = [];
  error(at: Location, message: string): void {
    this.list.push({ severity: 'error', file: at.file, line: at.line, column: at.column, message: oneLine(message) });
  }
  warning(at: Location, message: string): void {
    this.list.push({ severity: 'warning', file: at.file, line: at.line, column: at.column, message: oneLine(message) });
  }
  get errorCount(): number {
    return this.list.filter((d) => d.severity === 'error').length;
  }
}

/** Sorted by file, line and column, so a run's report reads top to bottom. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
  );
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}

/** How many of one file's diagnostics a report prints before it sums up the rest (reportLines). */
export const SHOWN_PER_FILE = 20;

/**
 * A run's report as lines: each file's diagnostics in order, at most `cap` of them (its errors first
 * when it has more than `cap`: a flood of warnings never hides an error), then one line
 * "… and N more in FILE (E errors, W warnings)". A document with thousands of faults prints a screenful,
 * not thousands of lines; the counts, the exit code and the diagnostics handed on are not capped.
 */
export function reportLines(list: readonly Diagnostic[], cap = SHOWN_PER_FILE): string[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of list) {
    const group = byFile.get(d.file);
    if (group) group.push(d);
    else byFile.set(d.file, [d]);
  }
  const lines: string[] = [];
  for (const [file, group] of byFile) {
    if (group.length <= cap) {
      lines.push(...group.map(formatDiagnostic));
      continue;
    }
    const errors = group.filter((d) => d.severity === 'error');
    const shown = new Set(errors.slice(0, cap));
    for (const d of group) if (shown.size < cap && d.severity !== 'error') shown.add(d);
    lines.push(...group.filter((d) => shown.has(d)).map(formatDiagnostic));
    const hiddenErrors = errors.length - errors.filter((d) => shown.has(d)).length;
    const hiddenWarnings = group.length - shown.size - hiddenErrors;
    const parts = [
      ...(hiddenErrors > 0 ? [`${hiddenErrors} error${hiddenErrors === 1 ? '' : 's'}`] : []),
      ...(hiddenWarnings > 0 ? [`${hiddenWarnings} warning${hiddenWarnings === 1 ? '' : 's'}`] : []),
    ];
    lines.push(`… and ${group.length - shown.size} more in ${file} (${parts.join(', ')}; the first ${cap} are shown)`);
  }
  return lines;
}
