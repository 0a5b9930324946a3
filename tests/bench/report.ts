/**
 * What a benchmark group may hand back besides rows of the main table: lines to print under it, a small
 * table of its own (figures that are not timings, such as requests or bytes), and details for the JSON.
 */
import type { Sample } from './measure';

export interface ExtraTable {
  title: string;
  /** The first row is the header. */
  rows: string[][];
}

export interface GroupResult {
  samples: Sample[];
  notes?: string[];
  tables?: ExtraTable[];
  /** Written to the JSON under `details.<group>`. */
  details?: unknown;
}

/** Columns padded to their widest cell, two spaces apart. */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_cell, index) => Math.max(...rows.map((row) => row[index]?.length ?? 0)));
  return rows.map((row) => row.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ').trimEnd());
}

export const kib = (bytes: number): string => (bytes / 1024).toFixed(1);
export const seconds = (ms: number): string => (ms / 1000).toFixed(2);
