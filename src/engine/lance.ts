// Shared LanceDB plumbing: one way to load and connect (quiet logs, other processes' writes seen
// at once) and one way to quote strings into filters (LanceDB filters are SQL text with no
// parameter binding).
import { mkdirSync } from 'node:fs';
import type * as LanceDb from '@lancedb/lancedb';

/**
 * The LanceDB module, loaded on first use. Its native logger reads LANCEDB_LOG when the module
 * loads, so the variable is set first; otherwise Lance's warnings flood stderr.
 */
export function lancedb(): Promise<typeof LanceDb> {
  process.env.LANCEDB_LOG ??= 'error';
  return import('@lancedb/lancedb');
}

/** Opens (creating) a LanceDB directory. */
export async function connectLance(dir: string): Promise<LanceDb.Connection> {
  mkdirSync(dir, { recursive: true });
  return (await lancedb()).connect(dir, { readConsistencyInterval: 0 });
}

/** A string as an SQL literal: single quotes doubled, the whole value in single quotes. */
export function escapeLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
