// search_symbols ranks by match tier, never above 100 %, with kind families and scope filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';

let project: Project;
let root: string;

beforeAll(async () => {
  root = makeRepo({
    'src/parse.ts': [
      'export function parse() {}',
      'export function Parse() {}',
      'export function parseFile() {}',
      'export function reparse() {}',
      'export function fileParser() {}',
      'export function prase() {}',
      'export class Parser { parse() {} }',
      '',
    ].join('\n'),
    'src/shapes.go': 'package shapes\n\ntype Circle struct{}\n\ntype Shape interface{ Area() float64 }\n',
    'lib/other.ts': 'export function parse() {}\n',
  });
  project = await openIndexed(root);
});
afterAll(async () => { await project.close(); removeDir(root); });

async function search(args: Record<string, unknown>) {
  const res = await invoke(operationNamed('search_symbols')!, project, args);
  if (!res.ok) throw res.error;
  return res.output as { results: Array<{ qualified_name: string; file_path: string; score: number; match: string; kind: string }>; total_matches: number };
}

describe('search_symbols', () => {
  it('orders matches by tier, then boosts, and never exceeds 100 %', async () => {
    const out = await search({ name: 'parse' });
    expect(out.results.map((r) => [r.match, r.qualified_name, r.file_path])).toEqual([
      ['exact', 'parse', 'lib/other.ts'], // equal scores and importance: path order
      ['exact', 'parse', 'src/parse.ts'],
      ['exact', 'Parser.parse', 'src/parse.ts'],
      ['case_insensitive', 'Parse', 'src/parse.ts'],
      ['prefix', 'Parser', 'src/parse.ts'], // class-like outranks function within a tier
      ['prefix', 'parseFile', 'src/parse.ts'],
      ['substring', 'reparse', 'src/parse.ts'], // then line order
      ['substring', 'fileParser', 'src/parse.ts'],
      ['fuzzy', 'prase', 'src/parse.ts'],
    ]);
    expect(out.total_matches).toBe(9);
    for (const r of out.results) expect(r.score).toBeLessThanOrEqual(1);
    const tiers = out.results.map((r) => r.score);
    expect([...tiers].sort((a, b) => b - a)).toEqual(tiers);
  });

  it('finds one-typo and identifier-token matches', async () => {
    expect((await search({ name: 'pasre' })).results.map((r) => [r.match, r.qualified_name, r.file_path])).toEqual([
      ['fuzzy', 'parse', 'lib/other.ts'], ['fuzzy', 'parse', 'src/parse.ts'], ['fuzzy', 'Parse', 'src/parse.ts'], ['fuzzy', 'Parser.parse', 'src/parse.ts'],
    ]);
    expect((await search({ name: 'file_parse' })).results.map((r) => r.match)).toContain('token');
  });

  it('resolves Class.method and path#name', async () => {
    expect((await search({ name: 'Parser.parse' })).results[0]).toMatchObject({ match: 'exact_qualified', qualified_name: 'Parser.parse', score: 1 });
    expect((await search({ name: 'lib/other.ts#parse' })).results.map((r) => r.file_path)).toEqual(['lib/other.ts']);
  });

  it('filters by kind family and directory', async () => {
    expect((await search({ name: 'Circle', kind: 'class' })).results.map((r) => r.kind)).toEqual(['struct']);
    expect((await search({ name: 'Shape', kind: 'interface' })).results.map((r) => r.qualified_name)).toEqual(['Shape']);
    expect((await search({ name: 'parse', dir: 'lib' })).results.map((r) => r.file_path)).toEqual(['lib/other.ts']);
  });
});
