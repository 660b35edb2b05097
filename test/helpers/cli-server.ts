// The built `cartograph serve --transport http` as a separate process, for the load and crash tests:
// started on an ephemeral loopback port, found through the lock file it announces itself with, and
// killed by pid (its own and any server a lock file names) so no test leaves a process behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readServerLock, type ServerLock } from '../../src/cli/server-lock.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';

export const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

export interface CliServer {
  child: ChildProcess;
  pid: number;
  /** Everything the server wrote to stderr so far (banner, progress lines, warnings). */
  stderr(): string;
  /** Resolves with the exit code, or the signal name for a killed server. */
  exited: Promise<number | string>;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** `serve --transport http --port 0` over `root` with its index in `dataDir`; `env` adds settings. */
export function spawnServer(root: string, dataDir: string, opts: { env?: Record<string, string>; args?: string[] } = {}): CliServer {
  const child = spawn(process.execPath, [CLI, 'serve', '--transport', 'http', '--host', '127.0.0.1', '--port', '0', '--project', root,
    '--data-dir', dataDir, '--no-watch', ...(opts.args ?? [])], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...opts.env } });
  let text = '';
  child.stderr!.on('data', (d: Buffer) => { text += d.toString(); });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, pid: child.pid!, stderr: () => text, exited };
}

/** The lock of the server with this pid once it has announced itself; throws if it exits first. */
export async function waitForLock(dataDir: string, server: CliServer, ms = 60_000): Promise<ServerLock> {
  const deadline = Date.now() + ms;
  for (;;) {
    const lock = readServerLock(dataDir);
    if (lock?.pid === server.pid) return lock;
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`server ${server.pid} exited before announcing itself:\n${server.stderr()}`);
    }
    if (Date.now() > deadline) throw new Error(`server ${server.pid} did not announce itself within ${ms} ms:\n${server.stderr()}`);
    await sleep(10);
  }
}

/** Whether `pid` is a running Cartograph CLI process (a pid that exited may since belong to another program). */
function isCartograph(pid: number): boolean {
  try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(CLI); } catch { return false; }
}

/** SIGKILL to `pid` while it is a Cartograph CLI process. */
function killHard(pid: number | undefined): void {
  if (pid === undefined || !isCartograph(pid)) return;
  try { process.kill(pid, 'SIGKILL'); } catch { /* exited meanwhile */ }
}

/** Kills the given processes and any server the data dirs' lock files still name (one a forwarder may have started). */
export function killAll(pids: ReadonlyArray<number | undefined>, dataDirs: readonly string[]): void {
  for (const pid of [...pids, ...dataDirs.map((dir) => readServerLock(dir)?.pid)]) killHard(pid);
}
