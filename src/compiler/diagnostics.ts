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
