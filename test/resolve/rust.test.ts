import { describe, expect, it } from 'vitest';
import { createRustResolver } from '../../src/engine/graph/resolve/rust.js';
import { binds, imp, makeView, parsed, summary } from './view.js';

const files = {
  'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n\n[package]\nname = "my-app" # the app\n\n[[bin]]\nname = "tool"\npath = "tools/tool.rs"\n',
  'src/main.rs': '', 'src/lib.rs': '', 'src/net.rs': '', 'src/net/http.rs': '', 'src/net/http/inner.rs': '',
  'src/net/tcp/mod.rs': '', 'src/net/tcp/conn.rs': '', 'src/util/mod.rs': '', 'src/util/fmt.rs': '',
  'tools/tool.rs': '', 'tools/helper.rs': '',
  'crates/core-lib/Cargo.toml': '[package]\nname = "core-lib"\n\n[lib]\npath = "lib/core.rs"\n',
  'crates/core-lib/lib/core.rs': '', 'crates/core-lib/lib/types.rs': '',
  'tests/integration.rs': '', 'tests/common/mod.rs': '',
};

const resolve = (from: string, imports: ReturnType<typeof imp>[]) =>
  summary(createRustResolver().resolve(from, parsed(imports), makeView(files)));

describe('rust resolver', () => {
  it('resolves mod declarations next to roots, mod.rs and in foo/ for foo.rs', () => {
    expect(resolve('src/lib.rs', [imp('net', 1, { form: 'mod' }), imp('util', 2, { form: 'mod' }), imp('missing', 3, { form: 'mod' })]))
      .toEqual({ edges: ['src/net.rs import 1 net', 'src/util/mod.rs import 2 util'], external: [], unresolved: ['3 missing'] });
    expect(resolve('src/net/http.rs', [imp('inner', 1, { form: 'mod' })]).edges).toEqual(['src/net/http/inner.rs import 1 inner']);
    expect(resolve('src/net/tcp/mod.rs', [imp('conn', 1, { form: 'mod' })]).edges).toEqual(['src/net/tcp/conn.rs import 1 conn']);
    expect(resolve('tools/tool.rs', [imp('helper', 1, { form: 'mod' })]).edges).toEqual(['tools/helper.rs import 1 helper']);
    expect(resolve('tests/integration.rs', [imp('common', 1, { form: 'mod' })]).edges).toEqual(['tests/common/mod.rs import 1 common']);
  });

  it('walks use paths from crate, self, super and workspace crates, then the bindings', () => {
    expect(resolve('src/net/http.rs', [
      imp('crate::util::fmt', 1, { bindings: binds('Formatter') }),
      imp('crate::util::fmt::Formatter', 2, { bindings: binds('Formatter') }),
      imp('crate::net', 3, { bindings: binds('tcp', 'Config') }),
      imp('super::tcp::conn', 4, { bindings: binds('*') }),
      imp('super', 5, { bindings: binds('Config') }),
      imp('super::super::util', 6, { bindings: binds('util') }),
      imp('self::inner::X', 7, { bindings: binds('X') }),
      imp('core_lib::types::Thing', 8, { bindings: binds('Thing') }),
      imp('crate::Thing', 9, { bindings: binds('Thing') }),
      imp('crate', 10, { bindings: binds('util') }), imp('crate::util', 10, { bindings: binds('fmt') }),
      imp('std::collections::HashMap', 11, { bindings: binds('HashMap') }),
      imp('serde', 12, { bindings: binds('Deserialize') }),
      imp('::tokio::spawn', 13),
      imp('crate', 14, { bindings: binds('net::tcp::Conn', 'D=util::Debug') }),
      imp('std', 15, { bindings: binds('io') }),
      imp('core_lib', 16, { bindings: binds('*'), form: 'extern_crate' }),
      imp('crate::net::tcp', 17),
    ])).toEqual({
      edges: [
        'src/util/fmt.rs import 1 crate::util::fmt',
        'src/util/fmt.rs import 2 crate::util::fmt::Formatter',
        'src/net.rs import 3 crate::net', 'src/net/tcp/mod.rs import 3 crate::net',
        'src/net/tcp/conn.rs import 4 super::tcp::conn',
        'src/net.rs import 5 super',
        'src/util/mod.rs import 6 super::super::util',
        'src/net/http/inner.rs import 7 self::inner::X',
        'crates/core-lib/lib/types.rs import 8 core_lib::types::Thing',
        'src/lib.rs import 9 crate::Thing',
        'src/util/fmt.rs import 10 crate::util', 'src/util/mod.rs import 10 crate',
        'src/net/tcp/mod.rs import 14 crate', 'src/util/mod.rs import 14 crate',
        'crates/core-lib/lib/core.rs import 16 core_lib',
        'src/net/tcp/mod.rs import 17 crate::net::tcp',
      ],
      external: ['std 11 std::collections::HashMap', 'serde 12 serde', 'tokio 13 ::tokio::spawn', 'std 15 std'],
      unresolved: [],
    });
  });

  it('resolves relative paths to child modules, super from mod.rs, bins and the own crate by name', () => {
    expect(resolve('src/lib.rs', [imp('net::http', 1, { bindings: binds('get') })]).edges).toEqual(['src/net/http.rs import 1 net::http']);
    expect(resolve('src/net/tcp/mod.rs', [imp('super::http', 1, { bindings: binds('http') })]).edges).toEqual(['src/net/http.rs import 1 super::http']);
    expect(resolve('tools/tool.rs', [imp('crate::helper::run', 1), imp('my_app::net', 2, { bindings: binds('net') })]).edges)
      .toEqual(['tools/helper.rs import 1 crate::helper::run', 'src/net.rs import 2 my_app::net']);
    expect(resolve('tests/integration.rs', [imp('super::x', 1), imp('crate::common', 2)]))
      .toEqual({ edges: ['tests/common/mod.rs import 2 crate::common'], external: [], unresolved: ['1 super::x'] });
  });
});
