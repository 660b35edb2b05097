// graph_dsl: the spec's examples with exact rows, Cypher hop semantics, WHERE/ORDER BY/LIMIT/COUNT,
// and malformed queries answered with the exact position of the fault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { estimateTokens } from '../../src/operations/define.js';
import { invoke } from '../../src/operations/execute.js';
import { graphDsl } from '../../src/operations/graph-dsl.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';

let project: Project;
let root: string;

// Edges: app→routes, app→a, routes→b, b→a, a→util, test_a→a, x→y, y→z, z→x, main→lib.
beforeAll(async () => {
  root = makeRepo({
    'src/api/app.py': 'from src.api import routes\nfrom src import a\n',
    'src/api/routes.py': 'from src import b\n',
    'src/b.py': 'from src import a\n',
    'src/a.py': 'from src import util\n\ndef fa():\n    return util.fu()\n',
    'src/util.py': 'def fu():\n    return 1\n\ndef fv():\n    return 2\n',
    'tests/test_a.py': 'from src import a\n',
    'src/cyc/x.py': 'from src.cyc import y\n',
    'src/cyc/y.py': 'from src.cyc import z\n',
    'src/cyc/z.py': 'from src.cyc import x\n',
    'web/main.ts': "import { lib } from './lib';\nexport const main = lib;\n",
    'web/lib.ts': 'export const lib = 1;\n',
    'pyproject.toml': '[project]\nname = "demo"\n',
  });
  project = await openIndexed(root);
});
afterAll(async () => { await project.close(); removeDir(root); });

interface DslOut { columns: string[]; rows: unknown[][]; total_rows: number; notes?: string[]; truncated?: { shown: number; total: number } }

async function dsl(query: string, extra: Record<string, unknown> = {}) {
  const res = await invoke(operationNamed('graph_dsl')!, project, { query, ...extra });
  if (!res.ok) throw res.error;
  return { ...(res.output as unknown as DslOut), text: res.text };
}

const rows = async (query: string) => (await dsl(query)).rows;

async function failure(query: string) {
  const res = await invoke(operationNamed('graph_dsl')!, project, { query });
  if (res.ok) throw new Error(`expected an error for ${query}`);
  return res.error;
}

describe('graph_dsl: the spec examples', () => {
  it('walks imports 1..3 hops from a quoted file', async () => {
    const out = await dsl('MATCH "src/api/app.py" -[IMPORTS*1..3]-> t RETURN t');
    expect(out.columns).toEqual(['t']);
    expect(out.rows).toEqual([['src/a.py'], ['src/api/routes.py'], ['src/b.py'], ['src/util.py']]);
    expect(out.total_rows).toBe(4);
    expect(out.text.split('\n').slice(0, 3)).toEqual(['Graph DSL results (4 matches):', '    1. t=src/a.py', '    2. t=src/api/routes.py']);
  });

  it('a left arrow binds the importers, ordered by a field', async () => {
    const out = await dsl('MATCH "src/a.py" <-[IMPORTS*..2]- x RETURN x, x.fan_in ORDER BY x.fan_in DESC');
    expect(out.rows).toEqual([['src/api/routes.py', 1], ['src/b.py', 1], ['src/api/app.py', 0], ['tests/test_a.py', 0]]);
    expect(out.text).toContain('    1. x=src/api/routes.py, x.fan_in=1');
  });

  it('filters with WHERE on two variables', async () => {
    expect(await rows('MATCH a -[IMPORTS]-> b WHERE b.language = "python" AND a.is_test = true RETURN a, b'))
      .toEqual([['tests/test_a.py', 'src/a.py']]);
  });

  it('COUNT counts the import edges', async () => {
    const out = await dsl('MATCH a -[IMPORTS]-> b RETURN COUNT');
    expect(out.columns).toEqual(['COUNT']);
    expect(out.rows).toEqual([[10]]);
    expect(out.text.split('\n')[1]).toBe('    1. COUNT=10');
  });
});

describe('graph_dsl: hops', () => {
  const from = (start: string, edge: string) => rows(`MATCH "${start}" ${edge} t RETURN t`);

  it('no hops means exactly one', async () => {
    expect(await from('src/api/routes.py', '-[IMPORTS]->')).toEqual([['src/b.py']]);
    expect(await from('src/api/routes.py', '-[]->')).toEqual([['src/b.py']]);
  });

  it('*N is exactly N: the shortest distance must be N', async () => {
    expect(await from('src/api/app.py', '-[IMPORTS*2]->')).toEqual([['src/b.py'], ['src/util.py']]);
    // a.py is 1 hop from app.py (directly) though also 3 hops away via routes and b: not at distance 3.
    expect(await from('src/api/app.py', '-[IMPORTS*3]->')).toEqual([]);
  });

  it('*N..M, *..M and * (1..10)', async () => {
    expect(await from('src/api/routes.py', '-[IMPORTS*2..3]->')).toEqual([['src/a.py'], ['src/util.py']]);
    expect(await from('src/api/routes.py', '-[IMPORTS*..2]->')).toEqual([['src/a.py'], ['src/b.py']]);
    expect(await from('src/api/routes.py', '-[IMPORTS*]->')).toEqual([['src/a.py'], ['src/b.py'], ['src/util.py']]);
  });

  it('the start never qualifies, even on a cycle', async () => {
    expect(await from('src/cyc/x.py', '-[IMPORTS*]->')).toEqual([['src/cyc/y.py'], ['src/cyc/z.py']]);
  });

  it('IMPORTED_BY walks importers; a left arrow reverses either type', async () => {
    expect(await from('src/a.py', '-[IMPORTED_BY]->')).toEqual([['src/api/app.py'], ['src/b.py'], ['tests/test_a.py']]);
    expect(await from('src/a.py', '<-[IMPORTED_BY]-')).toEqual([['src/util.py']]);
    expect(await from('src/a.py', '<-[imports]-')).toEqual([['src/api/app.py'], ['src/b.py'], ['tests/test_a.py']]);
  });

  it('caps hop bounds at 10 with a note', async () => {
    const out = await dsl('MATCH "src/api/routes.py" -[IMPORTS*..25]-> t RETURN t');
    expect(out.rows).toEqual([['src/a.py'], ['src/b.py'], ['src/util.py']]);
    expect(out.notes).toEqual(['Hop bound 25 was capped at 10.']);
  });

  it('a repeated identifier is the same file, so cycles are found', async () => {
    expect(await rows('MATCH a -[IMPORTS*]-> b -[IMPORTS]-> a RETURN a, b'))
      .toEqual([['src/cyc/x.py', 'src/cyc/z.py'], ['src/cyc/y.py', 'src/cyc/x.py'], ['src/cyc/z.py', 'src/cyc/y.py']]);
  });

  it('a quoted node later in the pattern constrains it the same way', async () => {
    expect(await rows('MATCH x -[IMPORTS*..2]-> "src/util.py" RETURN x'))
      .toEqual([['src/a.py'], ['src/api/app.py'], ['src/b.py'], ['tests/test_a.py']]);
    expect(await rows('MATCH x -[IMPORTS]-> m -[IMPORTS]-> "util.py" RETURN x, m'))
      .toEqual([['src/api/app.py', 'src/a.py'], ['src/b.py', 'src/a.py'], ['tests/test_a.py', 'src/a.py']]);
  });

  it('quoted nodes: exact path, else glob, else path suffix; no match is an empty result with a note', async () => {
    expect(await rows('MATCH "src/cyc/*" -[IMPORTS]-> t RETURN t')).toEqual([['src/cyc/x.py'], ['src/cyc/y.py'], ['src/cyc/z.py']]);
    expect(await rows('MATCH "cyc/x.py" -[IMPORTS]-> t RETURN t')).toEqual([['src/cyc/y.py']]);
    const none = await dsl('MATCH "nope.py" -[IMPORTS]-> t RETURN t');
    expect(none.rows).toEqual([]);
    expect(none.notes).toEqual(['Node "nope.py" matches no file.']);
    expect(none.text.split('\n')[0]).toBe('No results for query: MATCH "nope.py" -[IMPORTS]-> t RETURN t');
  });
});

describe('graph_dsl: WHERE', () => {
  it('OR, IN and LIKE (a glob whose * crosses /)', async () => {
    expect(await rows('MATCH x WHERE x.path LIKE "src/cyc/*" OR x.name IN ["main.ts", "pyproject.toml"] RETURN x'))
      .toEqual([['pyproject.toml'], ['src/cyc/x.py'], ['src/cyc/y.py'], ['src/cyc/z.py'], ['web/main.ts']]);
    expect(await rows('MATCH x WHERE x.path LIKE "src/*y.py" RETURN x')).toEqual([['src/cyc/y.py']]);
    expect(await rows('MATCH x WHERE x.name LIKE "[xy].py" RETURN x')).toEqual([['src/cyc/x.py'], ['src/cyc/y.py']]);
    expect(await rows('MATCH x WHERE x.dir = "src" AND x.name LIKE "[!a-b]*" RETURN x')).toEqual([['src/util.py']]);
  });

  it('NOT and parentheses', async () => {
    expect(await rows('MATCH x WHERE NOT (x.language = "python" OR x.is_config = true) RETURN x, x.language'))
      .toEqual([['web/lib.ts', 'typescript'], ['web/main.ts', 'typescript']]);
    expect(await rows('MATCH x WHERE (x.dir = "src/cyc" OR x.dir = "web") AND NOT x.name LIKE "?.py" RETURN x'))
      .toEqual([['web/lib.ts'], ['web/main.ts']]);
  });

  it('numbers, booleans and comparing two variables', async () => {
    expect(await rows('MATCH x WHERE x.fan_in >= 2 RETURN x, x.fan_in')).toEqual([['src/a.py', 3]]);
    expect(await rows('MATCH x WHERE x.symbol_count = 2 AND x.line_count < 10 RETURN x, x.is_test')).toEqual([['src/util.py', false]]);
    expect(await rows('MATCH a -[IMPORTS]-> b WHERE a.dir != b.dir RETURN a, b'))
      .toEqual([['src/api/app.py', 'src/a.py'], ['src/api/routes.py', 'src/b.py'], ['tests/test_a.py', 'src/a.py']]);
    expect(await rows('MATCH x WHERE x.is_config = true RETURN x, x.is_config')).toEqual([['pyproject.toml', true]]);
  });
});

describe('graph_dsl: RETURN, ORDER BY, LIMIT, COUNT', () => {
  it('rows are de-duplicated and sorted by the columns when there is no ORDER BY', async () => {
    expect(await rows('MATCH a -[IMPORTS]-> b RETURN b.dir')).toEqual([['src'], ['src/api'], ['src/cyc'], ['web']]);
  });

  it('COUNT(x) counts distinct files; grouped counts; counts come before LIMIT', async () => {
    expect(await rows('MATCH a -[IMPORTS]-> b RETURN COUNT(b), COUNT')).toEqual([[8, 10]]);
    const out = await dsl('MATCH a -[IMPORTS]-> b RETURN b, COUNT(a) ORDER BY b DESC LIMIT 2');
    expect(out.rows).toEqual([['web/lib.ts', 1], ['src/util.py', 1]]);
    expect(out.total_rows).toBe(8);
    expect(out.truncated).toMatchObject({ shown: 2, total: 8 });
    expect(out.text.split('\n').at(-2)).toBe('(results truncated at 2)');
    expect(await rows('MATCH "src/util.py" -[IMPORTS]-> b RETURN COUNT')).toEqual([[0]]);
  });

  it('ORDER BY several keys, ASC and DESC', async () => {
    expect(await rows('MATCH x WHERE x.language = "python" RETURN x.dir, x ORDER BY x.dir DESC, x ASC LIMIT 4'))
      .toEqual([['tests', 'tests/test_a.py'], ['src/cyc', 'src/cyc/x.py'], ['src/cyc', 'src/cyc/y.py'], ['src/cyc', 'src/cyc/z.py']]);
  });

  it('the limit parameter caps rows when smaller than LIMIT', async () => {
    const out = await dsl('MATCH x RETURN x LIMIT 50', { limit: 3 });
    expect(out.rows).toEqual([['pyproject.toml'], ['src/a.py'], ['src/api/app.py']]);
    expect(out.total_rows).toBe(12);
    expect(out.text).toContain('(results truncated at 3)');
  });

  it('keywords are case-insensitive and results repeat', async () => {
    const q = 'match a -[imports*..2]-> b where b.fan_in > 0 return a, b order by a desc limit 5';
    const first = await dsl(q);
    expect(first.rows[0]).toEqual(['web/main.ts', 'web/lib.ts']);
    expect(await dsl(q)).toEqual(first);
  });

  it('stays within the output cap on a result of 1,000 rows', async () => {
    const res = await invoke(graphDsl as never, project, { query: 'MATCH a -[IMPORTS*]-> b RETURN a, b', limit: 1000 });
    if (!res.ok) throw res.error;
    expect(estimateTokens(res.text)).toBeLessThan(25_000);
  });
});

describe('graph_dsl: malformed queries', () => {
  it.each([
    ['MATCH x RETURN x;', 17, 1, 17, "unexpected character ';'"],
    ['MATCH x WHERE x.fan_in > 1', 27, 1, 27, 'unexpected end of query'],
    ['MATCH x RETURN x.size', 18, 1, 18, "unknown field 'size'"],
    ['MATCH a RETURN b', 16, 1, 16, "variable 'b' is not bound in MATCH"],
    ['MATCH a WHERE a.name < "m" RETURN a', 22, 1, 22, 'operator < cannot compare a.name, which is text'],
    ['MATCH a\nRETURN a.foo', 18, 2, 10, "unknown field 'foo'"],
    ['MATCH a -[CALLS]-> b RETURN b', 11, 1, 11, "unknown edge type 'CALLS'"],
    ['MATCH a -[IMPORTS*3..1]-> b RETURN b', 18, 1, 18, 'empty hop range *3..1'],
    ['MATCH a RETURN a ORDER BY a.fan_in LIMIT x', 42, 1, 42, "name 'x' after LIMIT"],
    ['MATCH a WHERE a.path = 3 RETURN a', 22, 1, 22, '= compares text with a number'],
    ['MATCH a WHERE a.fan_in LIKE "1*" RETURN a', 24, 1, 24, 'operator LIKE cannot compare a.fan_in, which is a number'],
    ['MATCH "src/a.py RETURN x', 7, 1, 7, 'unterminated string'],
    ['MATCH a RETURN a, COUNT ORDER BY a.fan_in', 34, 1, 34, "sort key 'a.fan_in' is not a returned column"],
  ])('%j fails at position %i (line %i, column %i)', async (query, position, line, column, problem) => {
    const err = await failure(query);
    expect(err.code).toBe('invalid_argument');
    expect(err.details).toMatchObject({ position, line, column });
    expect(typeof err.details!.expected).toBe('string');
    expect(err.message).toContain(problem);
    expect(err.message).toMatch(new RegExp(`^Parameter 'query', line ${line}, column ${column}: .*; expected .+\\.$`));
  });

  it('names what was expected', async () => {
    expect((await failure('MATCH x WHERE x.fan_in > 1')).details!.expected).toBe('AND, OR or RETURN');
    expect((await failure('MATCH x x RETURN x')).details!.expected).toBe("an edge ('-[' or '<-['), WHERE or RETURN");
    expect((await failure('MATCH a RETURN b')).details!.expected).toBe('a variable bound in MATCH: a');
    expect((await failure('MATCH a RETURN a a')).details).toMatchObject({ position: 18, expected: "',', ORDER BY, LIMIT or end of query" });
    expect((await failure('MATCH a RETURN a LIMIT 2 3')).details).toMatchObject({ position: 26, expected: 'end of query' });
    expect((await failure('MATCH a -[IMPORTS 2]-> b RETURN b')).details!.expected).toBe("a hop range (*, *N, *N..M, *..M) or ']->'");
  });

  it('empty and over-long queries are refused', async () => {
    expect((await failure('')).code).toBe('invalid_argument');
    expect((await failure('   ')).details).toMatchObject({ position: 4, expected: 'MATCH' });
    expect((await failure(`MATCH x RETURN x ${' '.repeat(4000)}`)).code).toBe('too_large');
  });
});

describe('graph_dsl: expansion limit', () => {
  it('more than 1,000,000 intermediate bindings is too_large', async () => {
    // Six files importing each other: every walk reaches the 5 others, so each edge of the
    // pattern multiplies the bindings by 5 (6 × 5^8 ≈ 2.3 million).
    const names = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    const ringRoot = makeRepo(Object.fromEntries(names.map((n) => [`${n}.ts`,
      `${names.filter((m) => m !== n).map((m) => `import { ${m} } from './${m}';`).join('\n')}\nexport const ${n} = 1;\n`])));
    const ring = await openIndexed(ringRoot);
    try {
      const run = (query: string) => invoke(operationNamed('graph_dsl')!, ring, { query });
      const ok = await run('MATCH a -[*]-> b -[*]-> c RETURN COUNT');
      expect(ok.ok && ok.output.rows).toEqual([[150]]);
      const res = await run('MATCH a -[*]-> b -[*]-> c -[*]-> d -[*]-> e -[*]-> f -[*]-> g -[*]-> h -[*]-> i RETURN COUNT');
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('too_large');
        expect(res.error.details).toMatchObject({ limit: 1_000_000 });
      }
    } finally {
      await ring.close();
      removeDir(ringRoot);
    }
  });
});
