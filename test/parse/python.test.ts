// Python extractor: symbols (decorators, docstrings, nesting, export rule), imports (relative,
// aliased, star, nested in functions / TYPE_CHECKING) and references (shadowing, strings, members).
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const src = `"""Module docstring: not a symbol doc."""
import os
import json as j
import xml.etree.ElementTree
from ..pkg.mod import helper, other as alias
from . import sibling
from .util import *
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

MAX_RETRIES = 3
_cache = {}
count: int = 0


def helper_user(items, *, limit=MAX_RETRIES):
    """Use the helper on each item.

    More text.
    """
    import re
    result = []
    for item in items:
        if item and limit > 0 or item is None:
            result.append(helper(item))
        elif re.match("x", item):
            continue
    return [r for r in result if r]


# Registry of plugins.
@dataclass(frozen=True)
class Plugin(base.Base, Mixin):
    """A plugin."""
    name: str = "plugin"
    version = 1

    def __init__(self, name):
        self.name = name

    @property
    def _private(self) -> str:
        helper = "shadow"  # helper() here is a local
        return helper

    def run(self, data: Sequence) -> dict:
        """Run it."""
        payload = j.dumps(data)
        os.path.join("helper", payload)
        return alias(payload, key=sibling)

    class Meta:
        ordering = ["name"]


def outer(x):
    def inner(y):
        return x + y
    return inner(lambda helper: helper)
`;

describe('python extractor', () => {
  it('extracts symbols with kinds, qualified names, lines, export status and docs', async () => {
    const r = await parseSource(specFor('python')!, src);
    expect(r.parse_status).toBe('ok');
    const brief = r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported]);
    expect(brief).toEqual([
      ['constant', 'MAX_RETRIES', 13, 13, true],
      ['variable', '_cache', 14, 14, false],
      ['variable', 'count', 15, 15, true],
      ['function', 'helper_user', 18, 30, true],
      ['class', 'Plugin', 34, 55, true],
      ['property', 'Plugin.name', 37, 37, true],
      ['property', 'Plugin.version', 38, 38, true],
      ['method', 'Plugin.__init__', 40, 41, true],
      ['method', 'Plugin._private', 43, 46, false],
      ['method', 'Plugin.run', 48, 52, true],
      ['class', 'Plugin.Meta', 54, 55, true],
      ['property', 'Plugin.Meta.ordering', 55, 55, true],
      ['function', 'outer', 58, 61, true],
      ['function', 'outer.inner', 59, 60, false],
    ]);
    const byName = (q: string) => r.symbols.find((s) => s.qualified_name === q)!;
    expect(byName('MAX_RETRIES').doc).toBeUndefined();
    expect(byName('helper_user').doc).toBe('Use the helper on each item.');
    expect(byName('helper_user').signature).toBe('def helper_user(items, *, limit=MAX_RETRIES)');
    // for, if, and, or, elif, comprehension for + if
    expect(byName('helper_user').complexity).toBe(8);
    expect(byName('helper_user').param_count).toBe(3);
    // The docstring wins over the comment above the decorator; the signature skips decorators.
    expect(byName('Plugin').doc).toBe('A plugin.');
    expect(byName('Plugin').signature).toBe('class Plugin(base.Base, Mixin)');
    expect(byName('Plugin.run').doc).toBe('Run it.');
    expect(byName('Plugin.run').signature).toBe('def run(self, data: Sequence) -> dict');
    expect(byName('Plugin._private').signature).toBe('def _private(self) -> str');
  });

  it('extracts imports with specifiers as written and their bindings', async () => {
    const r = await parseSource(specFor('python')!, src);
    expect(r.imports).toEqual([
      { specifier: 'os', line: 2, kind: 'import', bindings: [{ local: 'os', imported: '*' }] },
      { specifier: 'json', line: 3, kind: 'import', bindings: [{ local: 'j', imported: '*' }] },
      { specifier: 'xml.etree.ElementTree', line: 4, kind: 'import', bindings: [{ local: 'xml', imported: '*' }] },
      { specifier: '..pkg.mod', line: 5, kind: 'import', bindings: [{ local: 'helper', imported: 'helper' }, { local: 'alias', imported: 'other' }] },
      { specifier: '.', line: 6, kind: 'import', bindings: [{ local: 'sibling', imported: 'sibling' }] },
      { specifier: '.util', line: 7, kind: 'import', bindings: [] },
      { specifier: 'typing', line: 8, kind: 'import', bindings: [{ local: 'TYPE_CHECKING', imported: 'TYPE_CHECKING' }] },
      { specifier: 'collections.abc', line: 11, kind: 'import', bindings: [{ local: 'Sequence', imported: 'Sequence' }] },
      { specifier: 're', line: 23, kind: 'import', bindings: [{ local: 're', imported: '*' }] },
    ]);
  });

  it('records references, not text: shadowing, comments and strings excluded', async () => {
    const r = await parseSource(specFor('python')!, src);
    // Line 45 assigns a local `helper`, line 61 has a lambda parameter `helper`; the comment on
    // line 45 and the strings on lines 35 and 51 mention it too.
    const helperRefs = r.refs.filter((x) => x.name === 'helper');
    expect(helperRefs.map((x) => [x.line, x.kind, x.scope, x.caller])).toEqual([
      [5, 'import', 'import', undefined],
      [27, 'call', 'import', 'helper_user'],
    ]);
    expect(r.refs.find((x) => x.name === 'dumps')).toMatchObject({
      kind: 'call', scope: 'member', receiver: 'j', line: 50, caller: 'Plugin.run',
    });
    expect(r.refs.find((x) => x.name === 'match')).toMatchObject({
      kind: 'call', scope: 'member', receiver: 're', line: 28, caller: 'helper_user',
    });
    expect(r.refs.find((x) => x.name === 'alias')).toMatchObject({ kind: 'call', scope: 'import', line: 52 });
    expect(r.refs.find((x) => x.name === 'sibling' && x.line === 52)).toMatchObject({ kind: 'read', scope: 'import' });
    expect(r.refs.find((x) => x.name === 'MAX_RETRIES')).toMatchObject({ kind: 'read', scope: 'file', line: 18 });
    expect(r.refs.filter((x) => x.name === 'Base' || x.name === 'Mixin').map((x) => [x.name, x.kind])).toEqual([
      ['Base', 'inherit'], ['Mixin', 'inherit'],
    ]);
    expect(r.refs.find((x) => x.name === 'Sequence' && x.line === 48)).toMatchObject({ kind: 'type', scope: 'import' });
    expect(r.refs.find((x) => x.name === 'inner')).toMatchObject({ kind: 'call', caller: 'outer', line: 61 });
    // Parameters, locals, keyword-argument names and import path segments are not references.
    for (const name of ['items', 'limit', 'result', 'payload', 'x', 'y', 'key', 'etree', 'pkg', 'mod', 'util']) {
      expect(r.refs.filter((x) => x.name === name)).toEqual([]);
    }
  });

  it('uses __all__ as the export list when present', async () => {
    const r = await parseSource(specFor('python')!, `__all__ = ["public_fn", 'Exported']
__all__ += ["LATE"]

def public_fn(): pass
def other_fn(): pass
class Exported:
    def method(self): pass
    def _hidden(self): pass
class NotListed:
    def method(self): pass
LATE = 1
try:
    import ujson as json
except ImportError:
    json = None
`);
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.exported])).toEqual([
      ['variable', '__all__', false],
      ['function', 'public_fn', true],
      ['function', 'other_fn', false],
      ['class', 'Exported', true],
      ['method', 'Exported.method', true],
      ['method', 'Exported._hidden', false],
      ['class', 'NotListed', false],
      ['method', 'NotListed.method', false],
      ['constant', 'LATE', true],
      ['variable', 'json', false],
    ]);
    expect(r.imports).toEqual([
      { specifier: 'ujson', line: 13, kind: 'import', bindings: [{ local: 'json', imported: '*' }] },
    ]);
  });

  it('handles type aliases, type parameters and async functions', async () => {
    const r = await parseSource(specFor('python')!, `type Vector = list[float]

async def first[T](items: list[T]) -> T:
    return items[0]
`);
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.signature])).toEqual([
      ['type', 'Vector', 1, 1, 'type Vector = list[float]'],
      ['function', 'first', 3, 4, 'async def first[T](items: list[T]) -> T'],
    ]);
    expect(r.refs.map((x) => [x.name, x.kind])).toEqual([['list', 'type'], ['float', 'type'], ['list', 'type']]);
  });

  it('extracts symbol facts: typed parameters, return type, decorators (dotted, without arguments), async', async () => {
    const r = await parseSource(specFor('python')!, `import functools

@app.route("/users/<id>", methods=["GET"])
@functools.lru_cache(maxsize=None)
async def get_user(request, user_id: int, *, verbose: bool = False, **extra) -> dict[str, object]:
    return {}


@dataclass(frozen=True)
class User:
    name: str

    @staticmethod
    def parse(text, strict=True):
        @inner.wrap
        def local(x: int): pass
        return User(text)

    @pytest.fixture
    def plain(self) -> None:
        pass
`);
    const facts = r.symbols.map((s) => [s.qualified_name, s.start_line, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async]);
    expect(facts).toEqual([
      // `*` counts as a parameter; the decorators' start line is the symbol's.
      ['get_user', 3, 5, 2, 'dict[str, object]', ['app.route', 'functools.lru_cache'], true],
      ['User', 9, undefined, undefined, undefined, ['dataclass'], undefined],
      ['User.name', 11, undefined, undefined, undefined, undefined, undefined],
      ['User.parse', 13, 2, 0, undefined, ['staticmethod'], false],
      // A nested definition's decorator is its own, not its parent's.
      ['User.parse.local', 15, 1, 1, undefined, ['inner.wrap'], false],
      ['User.plain', 19, 1, 0, 'None', ['pytest.fixture'], false],
    ]);
  });
});
