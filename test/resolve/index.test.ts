import { describe, expect, it } from 'vitest';
import {
  createResolvers, externalPackageName, isClassLikeLanguage, resolverFor, resolverInputs,
} from '../../src/engine/graph/resolve/index.js';
import { globToRegExp, matchStarKey, matchesGlobs } from '../../src/engine/graph/resolve/glob.js';
import { tomlStrings, tomlTables } from '../../src/engine/graph/resolve/toml.js';
import { imp, makeView, parsed, summary } from './view.js';

const LANGUAGES = ['typescript', 'tsx', 'javascript', 'python', 'go', 'rust', 'java', 'kotlin', 'scala', 'c', 'cpp',
  'csharp', 'ruby', 'php', 'swift', 'lua', 'bash'];

describe('resolver registry', () => {
  it('maps every language id, sharing one resolver per family', () => {
    const get = createResolvers();
    for (const id of LANGUAGES) expect(get(id), id).toBeDefined();
    expect(get('tsx')).toBe(get('typescript'));
    expect(get('kotlin')).toBe(get('java'));
    expect(get('cpp')).toBe(get('c'));
    expect(get('python')).not.toBe(get('go'));
    expect(get('markdown')).toBeUndefined();
    expect(resolverFor('javascript')).toBeDefined();
    expect(resolverFor('json')).toBeUndefined();
  });

  it('lists the union of manifest inputs', () => {
    expect([...resolverInputs()].sort()).toEqual([
      'Cargo.toml', 'compile_commands.json', 'composer.json', 'go.mod', 'jsconfig.json', 'package.json',
      'pnpm-workspace.yaml', 'pyproject.toml', 'tsconfig.base.json', 'tsconfig.json',
    ]);
  });

  it('flags languages resolved through type names', () => {
    expect(LANGUAGES.filter(isClassLikeLanguage)).toEqual(['java', 'kotlin', 'scala', 'csharp', 'php', 'swift']);
  });

  it('names external packages per language', () => {
    expect([
      externalPackageName('typescript', '@scope/pkg/x'), externalPackageName('javascript', 'node:fs'),
      externalPackageName('python', 'os.path'), externalPackageName('go', 'golang.org/x/sync/errgroup'),
      externalPackageName('java', 'java.util.List'), externalPackageName('rust', 'std::io::Read'),
      externalPackageName('cpp', 'vector'), externalPackageName('csharp', 'System.Linq.Enumerable'),
      externalPackageName('ruby', 'rails/all'), externalPackageName('php', '\\Monolog\\Handler\\X'),
      externalPackageName('lua', 'lpeg'), externalPackageName('swift', 'Foundation'), externalPackageName('unknown', 'x'),
    ]).toEqual(['@scope/pkg', 'node:fs', 'os', 'golang.org/x/sync/errgroup', 'java.util', 'std', 'vector', 'System.Linq',
      'rails', 'Monolog\\Handler', 'lpeg', 'Foundation', 'x']);
  });

  it('never drops a record: one that yields nothing is reported unresolved', () => {
    const res = createResolvers()('go')!.resolve('a.go', parsed([imp('example.com/m/empty', 4)]),
      makeView({ 'go.mod': 'module example.com/m', 'a.go': '', 'empty/x.txt': '' }));
    expect(summary(res)).toEqual({ edges: [], external: [], unresolved: ['4 example.com/m/empty'] });
  });
});

describe('helpers', () => {
  it('matches workspace globs', () => {
    expect(globToRegExp('packages/*').test('packages/a')).toBe(true);
    expect(globToRegExp('packages/*').test('packages/a/b')).toBe(false);
    expect(globToRegExp('./apps/**').test('apps/a/b')).toBe(true);
    expect(globToRegExp('libs/**/pkg').test('libs/pkg')).toBe(true);
    expect(globToRegExp('libs/?-core/').test('libs/x-core')).toBe(true);
    expect(matchesGlobs('packages/a', ['packages/*', '!packages/a'])).toBe(false);
    expect(matchesGlobs('packages/b', ['packages/*', '!packages/a'])).toBe(true);
  });

  it('matches single-star keys: exact first, else the longest prefix', () => {
    const entries: Array<[string, number]> = [['./*', 1], ['./feat/*', 3], ['./feat/*.js', 2], ['./exact', 4]];
    expect(matchStarKey(entries, './exact')).toEqual({ value: 4 });
    expect(matchStarKey(entries, './feat/a/b.js')).toEqual({ value: 2, star: 'a/b' });
    expect(matchStarKey(entries, './feat/x')).toEqual({ value: 3, star: 'x' });
    expect(matchStarKey(entries, './other')).toEqual({ value: 1, star: 'other' });
    expect(matchStarKey(entries, 'bare')).toBeUndefined();
  });

  it('reads the TOML subset manifests need', () => {
    const tables = tomlTables('name = "top"\n[package]\nname = "a-b" # c\n[[bin]]\npath = \'x.rs\'\n[tool.x]\nwhere = [\n "src", # one\n "lib#2",\n]\n');
    expect(tables.map((t) => [t.name, Object.fromEntries(t.values)])).toEqual([
      ['', { name: '"top"' }], ['package', { name: '"a-b"' }], ['bin', { path: "'x.rs'" }],
      ['tool.x', { where: '[ "src", "lib#2", ]' }],
    ]);
    expect(tomlStrings(tables[3]!.values.get('where'))).toEqual(['src', 'lib#2']);
  });
});
