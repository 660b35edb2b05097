// The lock file by which the HTTP server that serves a project announces itself
// (`<dataDir>/server.json`), so that `cartograph serve --transport stdio` forwards to it instead of
// opening a second writer on the same index; and the race-free claim used for it and for the start
// lock that lets exactly one stdio client start a server when none runs.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Server } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import type { Settings } from '../config.js';
import type { Project } from '../engine/project.js';
import { DEFAULT_PROJECT } from '../http/projects.js';
import { VERSION } from '../version.js';

export const ServerLock = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  port: z.number().int().positive(),
  /** Base URL a local client uses (loopback when the server binds every interface). */
  url: z.string(),
  /** The id of this project on that server (`/mcp?project=…`). */
  project: z.string(),
  root: z.string(),
  started_at: z.string(),
  version: z.string(),
  /** Forwarding a client that wants other tools than the server lists would change what it sees. */
  read_only: z.boolean(),
  /** The server wants an API key; forwarding clients send their own (CARTOGRAPH_API_KEY). */
  api_key_required: z.boolean(),
});
export type ServerLock = z.infer<typeof ServerLock>;

export const serverLockPath = (dataDir: string): string => join(dataDir, 'server.json');

/** The lock as written, or undefined when there is none or it cannot be read. */
export function readServerLock(dataDir: string): ServerLock | undefined {
  return parseLock(readText(serverLockPath(dataDir)));
}

function parseLock(text: string | undefined): ServerLock | undefined {
  if (text === undefined) return undefined;
  try { return ServerLock.parse(JSON.parse(text)); } catch { return undefined; }
}

function readText(path: string): string | undefined {
  try { return readFileSync(path, 'utf8'); } catch { return undefined; }
}

/** True while a process with this id exists (EPERM: it exists but belongs to someone else). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the server a lock names is still there: its process exists and its port answers. Only a
 * refused connection counts as gone; a server too busy to answer /health in time (indexing on a
 * loaded machine) is still the writer and must not get a rival.
 */
export async function serverAlive(lock: ServerLock, timeoutMs = 3000): Promise<boolean> {
  if (lock.pid === process.pid || !pidAlive(lock.pid)) return false;
  try {
    await fetch(`${lock.url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch (e) {
    return e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
  }
}

/** The lock of the live server for this data dir, if any; a stale lock reads as none. */
export async function liveServer(dataDir: string): Promise<ServerLock | undefined> {
  const lock = readServerLock(dataDir);
  return lock && (await serverAlive(lock)) ? lock : undefined;
}

/**
 * Creates `path` holding `text` unless another holder's file is there and not stale; returns
 * undefined once claimed, else the holder's text. The text goes to a private temporary file that
 * is then hard-linked into place: link fails when the name exists, so two claimants never both
 * win, and a reader never sees a half-written file. A stale file is moved aside by rename and
 * deleted only if it is still the one judged stale; a fresh claim moved by mistake is put back.
 */
export async function claimFile(path: string, text: string, isStale: (holder: string) => boolean | Promise<boolean>): Promise<string | undefined> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        linkSync(tmp, path);
        return undefined;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const holder = readText(path);
      if (holder === undefined) continue; // removed meanwhile
      if (!(await isStale(holder))) return holder;
      const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
      try { renameSync(path, aside); } catch { continue; }
      if (readText(aside) !== holder) {
        try { linkSync(aside, path); } catch { /* a newer claim is in place */ }
      }
      unlinkSync(aside);
    }
    throw new Error(`Cannot claim ${path}: it keeps changing.`);
  } finally {
    unlinkSync(tmp);
  }
}

/** Deletes `path` if it still holds `text` (another process may have replaced it). */
export function releaseFile(path: string, text: string): void {
  if (readText(path) === text) {
    try { unlinkSync(path); } catch { /* already gone */ }
  }
}

/** The URL a client on this machine uses for a server bound to `host`. */
function localUrl(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, '');
  const reach = bare === '0.0.0.0' ? '127.0.0.1' : bare === '::' ? '::1' : bare;
  return `http://${reach.includes(':') ? `[${reach}]` : reach}:${port}`;
}

/**
 * Announces a listening server as the writer of its project's index; returns the function that
 * withdraws the lock (also run at exit). Throws when another live server already serves the project.
 */
export async function announceServer(server: Server, project: Project, settings: Settings): Promise<() => void> {
  if (!server.listening) await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  const lock: ServerLock = {
    pid: process.pid, host: settings.host, port, url: localUrl(settings.host, port), project: DEFAULT_PROJECT, root: project.root,
    started_at: new Date().toISOString(), version: VERSION, read_only: settings.read_only,
    api_key_required: Boolean(settings.api_key || settings.api_keys_file),
  };
  const path = serverLockPath(project.dataDir);
  const text = `${JSON.stringify(lock, null, 2)}\n`;
  mkdirSync(project.dataDir, { recursive: true });
  const holder = await claimFile(path, text, async (t) => { const l = parseLock(t); return !l || !(await serverAlive(l)); });
  if (holder !== undefined) {
    const other = parseLock(holder)!;
    throw new Error(`${project.root} is already served by process ${other.pid} at ${other.url}; one server writes a project's index. Stop it first, or use it.`);
  }
  const release = () => releaseFile(path, text);
  process.once('exit', release);
  return release;
}
