// Binding: an open API (no key) is only served on loopback; `cartograph serve` says why it refuses.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { assertSafeBind, isLoopback } from '../../src/http/listen.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { makeRepo, removeDir } from '../helpers/fixture.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
let root: string;

beforeAll(() => { root = makeRepo({ 'a.ts': 'export const a = 1;\n' }); });
afterAll(() => { removeDir(root); });

const settings = (flags: Record<string, unknown>) => loadSettings({ project: root, ...flags }, {});

describe('bind safety', () => {
  it.each(['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])('treats %s as loopback', (host) => {
    expect(isLoopback(host)).toBe(true);
  });

  it.each(['0.0.0.0', '::', '192.168.1.10', 'example.com', '127.0.0.1.example.com'])('does not treat %s as loopback', (host) => {
    expect(isLoopback(host)).toBe(false);
  });

  it('refuses a non-loopback host without a key and allows it with one', () => {
    expect(() => assertSafeBind(settings({ host: '0.0.0.0' }))).toThrow(/Refusing to serve on 0\.0\.0\.0 without an API key.*CARTOGRAPH_API_KEY/);
    expect(() => assertSafeBind(settings({ host: '0.0.0.0', api_key: 'k' }))).not.toThrow();
    expect(() => assertSafeBind(settings({ host: '0.0.0.0', api_keys_file: 'keys.yaml' }))).not.toThrow();
    expect(() => assertSafeBind(settings({}))).not.toThrow();
  });

  it.skipIf(!existsSync(CLI))('makes `cartograph serve` fail with the reason, before indexing', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cg-listen-'));
    try {
      const r = spawnSync(process.execPath, [CLI, 'serve', '--project', root, '--data-dir', join(dataDir, 'idx'), '--host', '0.0.0.0', '--port', '0'],
        { encoding: 'utf8', env: { ...process.env, CARTOGRAPH_API_KEY: '' }, timeout: 30_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('Refusing to serve on 0.0.0.0 without an API key');
      expect(existsSync(join(dataDir, 'idx'))).toBe(false);
    } finally {
      removeDir(dataDir);
    }
  });
});
