// Rust extractor: items with doc comments above attributes, impl-qualified methods, trait/enum
// members, visibility rules, `use` trees (one record per path prefix), `mod x;` and references.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const src = `//! Configuration loading.
use std::collections::{HashMap, HashSet as Set};
use std::fmt;
use std::io::{self, Read};
use crate::util::helpers::helper;
use super::model::*;
pub use self::error::ConfigError;
use serde::{de::Deserialize, Serialize as Ser};

mod error;

/// Maximum number of retries.
pub const MAX_RETRIES: u32 = 3;
static mut COUNTER: usize = 0;

/// A loaded configuration.
///
/// Built by [\`Config::load\`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Config {
    /// Entries by key.
    pub entries: HashMap<String, String>,
    seen: Set<String>,
}

pub enum Source {
    File(String),
    Env { prefix: String },
    Default,
}

pub trait Loader: Send {
    fn load(&self) -> io::Result<Config>;
    fn name(&self) -> &str { "loader" }
}

impl Config {
    /// Loads from a reader.
    pub fn load<R: Read>(mut reader: R, strict: bool) -> io::Result<Self> {
        let mut text = String::new();
        reader.read_to_string(&mut text)?;
        let helper = text.len(); // helper() here is a local
        if strict && helper == 0 {
            return Err(io::Error::new(io::ErrorKind::Other, "empty helper"));
        }
        match text.chars().next() {
            Some('#') => {}
            Some(c) if c.is_whitespace() => {}
            _ => {}
        }
        Ok(Config { entries: HashMap::new(), seen: Set::new() })
    }

    fn normalise(&mut self) {
        for (k, v) in self.entries.iter_mut() {
            *v = helper(k);
        }
    }
}

impl fmt::Display for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.entries.len())
    }
}

pub type Result<T> = std::result::Result<T, ConfigError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_empty() {
        assert!(Config::load(&b""[..], false).is_ok());
    }
}
`;

describe('rust extractor', () => {
  it('extracts symbols with kinds, qualified names, lines, export status and docs', async () => {
    const r = await parseSource(specFor('rust')!, src);
    expect(r.parse_status).toBe('ok');
    const brief = r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported]);
    expect(brief).toEqual([
      ['constant', 'MAX_RETRIES', 13, 13, true],
      ['constant', 'COUNTER', 14, 14, false],
      ['struct', 'Config', 19, 25, true],
      ['property', 'Config.entries', 23, 23, true],
      ['property', 'Config.seen', 24, 24, false],
      ['enum', 'Source', 27, 31, true],
      ['enum_member', 'Source.File', 28, 28, true],
      ['enum_member', 'Source.Env', 29, 29, true],
      ['property', 'Source.Env.prefix', 29, 29, true],
      ['enum_member', 'Source.Default', 30, 30, true],
      ['trait', 'Loader', 33, 36, true],
      ['method', 'Loader.load', 34, 34, true],
      ['method', 'Loader.name', 35, 35, true],
      ['method', 'Config.load', 40, 53, true],
      ['method', 'Config.normalise', 55, 59, false],
      ['method', 'Config.fmt', 63, 65, true],
      ['type', 'Result', 68, 68, true],
      ['module', 'tests', 70, 78, false],
      // A function in a module is a function (modules are not class-like in Rust).
      ['function', 'tests.loads_empty', 74, 77, false],
    ]);
    const byName = (q: string) => r.symbols.find((s) => s.qualified_name === q)!;
    expect(byName('MAX_RETRIES').doc).toBe('Maximum number of retries.');
    // First line of a multi-line `///` doc placed above two attributes.
    expect(byName('Config').doc).toBe('A loaded configuration.');
    expect(byName('Config').signature).toBe('pub struct Config');
    expect(byName('Config.entries').doc).toBe('Entries by key.');
    expect(byName('Config.load').doc).toBe('Loads from a reader.');
    expect(byName('Config.load').signature).toBe('pub fn load<R: Read>(mut reader: R, strict: bool) -> io::Result<Self>');
    // ?, if, &&, three match arms
    expect(byName('Config.load').complexity).toBe(7);
    expect(byName('Config.load').param_count).toBe(2);
    expect(byName('Config.fmt').signature).toBe("fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result");
    expect(byName('Loader.load').signature).toBe('fn load(&self) -> io::Result<Config>;');
  });

  it('extracts use trees, re-exports and mod declarations', async () => {
    const r = await parseSource(specFor('rust')!, src);
    expect(r.imports).toEqual([
      { specifier: 'std::collections', line: 2, kind: 'import', bindings: [{ local: 'HashMap', imported: 'HashMap' }, { local: 'Set', imported: 'HashSet' }] },
      { specifier: 'std', line: 3, kind: 'import', bindings: [{ local: 'fmt', imported: 'fmt' }] },
      { specifier: 'std::io', line: 4, kind: 'import', bindings: [{ local: 'Read', imported: 'Read' }] },
      { specifier: 'std', line: 4, kind: 'import', bindings: [{ local: 'io', imported: 'io' }] },
      { specifier: 'crate::util::helpers', line: 5, kind: 'import', bindings: [{ local: 'helper', imported: 'helper' }] },
      { specifier: 'super::model', line: 6, kind: 'import', bindings: [] },
      { specifier: 'self::error', line: 7, kind: 'import', bindings: [{ local: 'ConfigError', imported: 'ConfigError' }], reexport: true },
      { specifier: 'serde', line: 8, kind: 'import', bindings: [{ local: 'Deserialize', imported: 'de::Deserialize' }, { local: 'Ser', imported: 'Serialize' }] },
      { specifier: 'error', line: 10, kind: 'import', bindings: [{ local: 'error', imported: '*' }], form: 'mod' },
      { specifier: 'super', line: 72, kind: 'import', bindings: [] },
    ]);
  });

  it('records references, not text: shadowing, comments and strings excluded', async () => {
    const r = await parseSource(specFor('rust')!, src);
    // Line 43 binds a local `helper` (and mentions helper() in a comment); line 45 has it in a string.
    expect(r.refs.filter((x) => x.name === 'helper').map((x) => [x.line, x.kind, x.scope, x.caller])).toEqual([
      [5, 'import', 'import', undefined],
      [57, 'call', 'import', 'Config.normalise'],
    ]);
    expect(r.refs.find((x) => x.name === 'Error' && x.line === 45)).toMatchObject({
      kind: 'attribute', scope: 'member', receiver: 'io', caller: 'Config.load',
    });
    expect(r.refs.find((x) => x.name === 'new' && x.line === 52)).toMatchObject({
      kind: 'call', scope: 'member', receiver: 'HashMap', caller: 'Config.load',
    });
    expect(r.refs.find((x) => x.name === 'Display')).toMatchObject({ kind: 'inherit', scope: 'member', receiver: 'fmt', line: 62 });
    expect(r.refs.find((x) => x.name === 'Formatter')).toMatchObject({ kind: 'type', scope: 'member', receiver: 'fmt', caller: 'Config.fmt' });
    expect(r.refs.find((x) => x.name === 'Send')).toMatchObject({ kind: 'inherit', line: 33 });
    expect(r.refs.find((x) => x.name === 'Config' && x.line === 52)).toMatchObject({ kind: 'call', scope: 'file' });
    expect(r.refs.find((x) => x.name === 'ConfigError' && x.line === 68)).toMatchObject({ kind: 'type', scope: 'import' });
    expect(r.refs.filter((x) => x.name === 'Debug' || x.name === 'Clone').map((x) => [x.name, x.kind, x.line])).toEqual([
      ['Debug', 'type', 19], ['Clone', 'type', 19],
    ]);
    // Parameters, let bindings, pattern bindings, generics, use-path segments and attribute names
    // are not references.
    for (const name of ['reader', 'strict', 'text', 'c', 'k', 'v', 'f', 'R', 'T', 'collections', 'util', 'helpers',
      'model', 'de', 'derive', 'non_exhaustive', 'cfg', 'test']) {
      expect(r.refs.filter((x) => x.name === name)).toEqual([]);
    }
  });

  it('applies visibility rules and other use forms', async () => {
    const r = await parseSource(specFor('rust')!, `extern crate alloc as heap;
use foo as bar;
use crate::a::{b::{C, D as E}, f::G, self};
use ::abs::Path;
pub(crate) use crate::inner::*;

/** Block doc. */
#[macro_export]
macro_rules! exported { () => {} }
macro_rules! private { () => {} }

pub(crate) fn crate_visible() {}
pub(self) fn not_visible() {}
pub(super) struct Up;

struct Hidden;
impl Hidden {
    pub fn shown(&self) {}
}
impl Clone for Hidden {
    fn clone(&self) -> Self { Hidden }
}

pub mod outer {
    pub fn public_fn() {}
    fn private_fn() {}
    mod inner { pub fn deep() {} }
}

pub fn host() {
    struct Local;
    impl Local { pub fn m(&self) {} }
    let n = 'outer: loop { break 'outer 1; };
}
`);
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.exported])).toEqual([
      ['function', 'exported', 8, true],
      ['function', 'private', 10, false],
      ['function', 'crate_visible', 12, true],
      ['function', 'not_visible', 13, false],
      ['struct', 'Up', 14, true],
      ['struct', 'Hidden', 16, false],
      ['method', 'Hidden.shown', 18, false],
      ['method', 'Hidden.clone', 21, false],
      ['module', 'outer', 24, true],
      ['function', 'outer.public_fn', 25, true],
      ['function', 'outer.private_fn', 26, false],
      ['module', 'outer.inner', 27, false],
      ['function', 'outer.inner.deep', 27, false],
      ['function', 'host', 30, true],
      ['struct', 'host.Local', 31, false],
      // Framework: a named scope (the impl) is ignored inside another symbol.
      ['method', 'host.Local.m', 32, false],
    ]);
    expect(r.symbols.find((s) => s.name === 'exported')!.doc).toBe('Block doc.');
    expect(r.imports).toEqual([
      { specifier: 'alloc', line: 1, kind: 'import', bindings: [{ local: 'heap', imported: '*' }], form: 'extern_crate' },
      { specifier: 'foo', line: 2, kind: 'import', bindings: [{ local: 'bar', imported: '*' }] },
      // Nested list `b::{C, D as E}`: its path `b` cannot be joined to the specifier by a query.
      { specifier: 'crate::a', line: 3, kind: 'import', bindings: [{ local: 'C', imported: 'C' }, { local: 'E', imported: 'D' }, { local: 'G', imported: 'f::G' }] },
      { specifier: 'crate', line: 3, kind: 'import', bindings: [{ local: 'a', imported: 'a' }] },
      { specifier: '::abs', line: 4, kind: 'import', bindings: [{ local: 'Path', imported: 'Path' }] },
      { specifier: 'crate::inner', line: 5, kind: 'import', bindings: [], reexport: true },
    ]);
    expect(r.refs.map((x) => [x.name, x.kind, x.line])).toEqual([
      ['C', 'import', 3], ['D', 'import', 3], ['Path', 'import', 4],
      ['Hidden', 'type', 17], ['Clone', 'inherit', 20], ['Hidden', 'type', 20], ['Self', 'type', 21],
      ['Hidden', 'read', 21], ['Local', 'type', 32],
    ]);
  });

  it('treats each item of a top-level use list as its own use tree', async () => {
    const r = await parseSource(specFor('rust')!, `use {
    bstr::ByteSlice,
    grep_matcher::{LineTerminator, Match as M},
    foo as bar,
};
pub use {a::B, c::*};

fn f(x: &[u8]) -> bool { x.find_byte(b'a').is_some() && bar::check() }
`);
    expect(r.imports).toEqual([
      { specifier: 'bstr', line: 1, kind: 'import', bindings: [{ local: 'ByteSlice', imported: 'ByteSlice' }] },
      { specifier: 'grep_matcher', line: 1, kind: 'import', bindings: [{ local: 'LineTerminator', imported: 'LineTerminator' }, { local: 'M', imported: 'Match' }] },
      { specifier: 'foo', line: 1, kind: 'import', bindings: [{ local: 'bar', imported: '*' }] },
      { specifier: 'a', line: 6, kind: 'import', bindings: [{ local: 'B', imported: 'B' }], reexport: true },
      { specifier: 'c', line: 6, kind: 'import', bindings: [], reexport: true },
    ]);
    expect(r.refs.map((x) => [x.name, x.kind, x.scope, x.receiver])).toEqual([
      ['ByteSlice', 'import', 'import', undefined],
      ['LineTerminator', 'import', 'import', undefined],
      ['Match', 'import', 'import', undefined],
      ['B', 'import', 'import', undefined],
      ['find_byte', 'call', 'free', 'x'],
      ['is_some', 'call', 'free', '.'],
      ['bar', 'read', 'import', undefined],
      ['check', 'call', 'member', 'bar'],
    ]);
  });

  it('reads the first line of multi-line `///` docs on every kind of item', async () => {
    const r = await parseSource(specFor('rust')!, `//! Crate doc.
/// Limit.
///
/// Details.
pub const LIMIT: u32 = 1;

/// A point.
/// Second line.
#[derive(Debug)]
pub struct Point {
    /// X coordinate.
    /// In pixels.
    pub x: i32,
    /// Y coordinate.
    /// In pixels.
    pub y: i32,
}

pub enum Dir {
    /// Up.
    /// North.
    Up,
    /// Down.
    /// South.
    Down,
}

impl Point {
    /// Makes one.
    /// At the origin.
    pub fn origin() -> Self { Point { x: 0, y: 0 } }
}
`);
    expect(r.symbols.map((s) => [s.qualified_name, s.doc])).toEqual([
      ['LIMIT', 'Limit.'],
      ['Point', 'A point.'],
      ['Point.x', 'X coordinate.'],
      ['Point.y', 'Y coordinate.'],
      ['Dir', undefined],
      ['Dir.Up', 'Up.'],
      ['Dir.Down', 'Down.'],
      ['Point.origin', 'Makes one.'],
    ]);
  });

  it('extracts symbol facts: typed parameters (not self), return type, attributes (without arguments), async', async () => {
    const r = await parseSource(specFor('rust')!, `#[tokio::main]
#[cfg_attr(test, allow(dead_code))]
pub async fn serve(&self, addr: SocketAddr, (a, b): (u8, u8)) -> Result<(), Error> { Ok(()) }

/// A config.
#[derive(Debug, Clone)]
pub struct Config {
    #[serde(rename = "n")]
    pub name: String,
}

impl Config {
    pub const fn new(name: String) -> Self { Config { name } }
}

pub trait Load {
    async fn load(&mut self) -> u8;
}
`);
    const facts = r.symbols.map((s) => [s.qualified_name, s.start_line, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async]);
    expect(facts).toEqual([
      ['serve', 1, 3, 2, 'Result<(), Error>', ['tokio::main', 'cfg_attr'], true],
      ['Config', 6, undefined, undefined, undefined, ['derive'], undefined],
      ['Config.name', 8, undefined, undefined, undefined, ['serde'], undefined],
      ['Config.new', 13, 1, 1, 'Self', undefined, false],
      ['Load', 16, undefined, undefined, undefined, undefined, undefined],
      ['Load.load', 17, 1, 0, 'u8', undefined, true],
    ]);
    expect(r.symbols.find((s) => s.name === 'Config')!.doc).toBe('A config.');
  });
});
