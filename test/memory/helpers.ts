// Helpers of the project-memory tests: projects opened without indexing (memory needs no index),
// and operation calls that return the structured result or the typed error.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../../src/config.js';
import { Project } from '../../src/engine/project.js';
import type { CartographError } from '../../src/errors.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';

export const DAY = 86_400_000;

export function openProject(root: string, dataDir = mkdtempSync(join(tmpdir(), 'cartograph-memory-'))): Project {
  return Project.open(loadSettings({ project: root, data_dir: dataDir, workers: 1, watch: false }, {}));
}

export type Out = Record<string, any>;

/** Calls an operation; resolves to its output and text, or throws its CartographError. */
export async function call(project: Project, name: string, args: Record<string, unknown> = {}): Promise<{ out: Out; text: string }> {
  const res = await invoke(operationNamed(name)!, project, args);
  if (!res.ok) throw res.error;
  return { out: res.output, text: res.text };
}

/** The typed error an operation call gives (fails the test when it succeeds). */
export async function failure(project: Project, name: string, args: Record<string, unknown>): Promise<CartographError> {
  const res = await invoke(operationNamed(name)!, project, args);
  if (res.ok) throw new Error(`${name} ${JSON.stringify(args)} succeeded: ${res.text}`);
  return res.error;
}
