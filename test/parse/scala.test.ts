// Scala extractor: symbols (class/object/trait/enum/type, qualified names, lines, export rule),
// docs, signatures, metrics, imports (selectors, renames, wildcards), references (shadowing,
// comments, strings, callers) and the package namespace, on one realistic source file.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const src = `package com.acme.store

import scala.collection.mutable
import com.acme.util.{Strings, Joiner => J}
import com.acme.io._

/** A keyed store.
  * Not thread-safe.
  */
@deprecated("use Store2", "2.0")
class Store[T](val name: String, size: Int) extends Base(name) with Closeable {
  private val items = mutable.Map[String, T]()
  var hits: Int = 0

  /** Looks up a key. */
  @inline
  def get(key: String, fallback: T): Option[T] = {
    hits += 1
    if (key.isEmpty && size > 0) None
    else items.get(key) match {
      case Some(v) => Some(v)
      case None => Option(fallback)
    }
  }

  def put(k: String)(v: T): Unit = items(k) = v

  protected def log(msg: String): Unit = {
    // Strings.trim(msg) in a comment
    val Strings = "Strings.trim"
    println(J.join(Strings, msg))
  }

  type Key = String
}

object Store {
  def apply[T](n: String): Store[T] = new Store[T](n, 1)
  val Default = "default"
}

trait Closeable {
  def close(): Unit
}

case class Point(x: Int, y: Int)

enum Color {
  case Red, Green
}

def describe(p: Point): String = s"\${p.x}"

val origin = Point(0, 0)
`;

const parse = () => parseSource(specFor('scala')!, src);

describe('scala extractor', () => {
  it('extracts symbols with kinds, qualified names, lines and export status', async () => {
    const r = await parse();
    expect(r.parse_status).toBe('ok');
    expect(r.namespace).toBe('com.acme.store');
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported])).toEqual([
      ['class', 'Store', 10, 35, true],
      ['property', 'Store.name', 11, 11, true],
      ['property', 'Store.items', 12, 12, false],
      ['property', 'Store.hits', 13, 13, true],
      ['method', 'Store.get', 16, 24, true],
      ['method', 'Store.put', 26, 26, true],
      ['method', 'Store.log', 28, 32, false],
      ['type', 'Store.Key', 34, 34, true],
      ['class', 'Store', 37, 40, true], // the companion object
      ['method', 'Store.apply', 38, 38, true],
      ['property', 'Store.Default', 39, 39, true],
      ['trait', 'Closeable', 42, 44, true],
      ['method', 'Closeable.close', 43, 43, true],
      ['class', 'Point', 46, 46, true],
      ['property', 'Point.x', 46, 46, true],
      ['property', 'Point.y', 46, 46, true],
      ['enum', 'Color', 48, 50, true],
      ['enum_member', 'Color.Red', 49, 49, true],
      ['enum_member', 'Color.Green', 49, 49, true],
      ['function', 'describe', 52, 52, true],
      ['variable', 'origin', 54, 54, true],
    ]);
  });

  it('extracts docs, signatures and metrics', async () => {
    const r = await parse();
    const sym = (q: string) => r.symbols.find((s) => s.qualified_name === q)!;
    expect(sym('Store').doc).toBe('A keyed store.');
    expect(sym('Store').signature).toBe('class Store[T](val name: String, size: Int) extends Base(name) with Closeable');
    const get = sym('Store.get');
    expect(get.doc).toBe('Looks up a key.');
    expect(get.signature).toBe('def get(key: String, fallback: T): Option[T]');
    expect(get.complexity).toBe(5); // if, &&, two match cases
    expect(get.param_count).toBe(2);
    expect(sym('Store.put').param_count).toBe(1); // first parameter list
    expect(sym('Closeable.close').signature).toBe('def close(): Unit');
    expect(r.lines).toEqual({ total: 54, code: 37, comment: 5, blank: 12 });
  });

  it('extracts imports with bindings', async () => {
    const r = await parse();
    // The grammar splits import paths over sibling nodes; every segment is an @import.source
    // and the extractor joins them. Selectors on one line are one record per entity.
    expect(r.imports).toEqual([
      { specifier: 'scala.collection.mutable', line: 3, kind: 'import', bindings: [{ local: 'mutable', imported: 'mutable' }] },
      { specifier: 'com.acme.util.Strings', line: 4, kind: 'import', bindings: [{ local: 'Strings', imported: 'Strings' }] },
      { specifier: 'com.acme.util.Joiner', line: 4, kind: 'import', bindings: [{ local: 'J', imported: 'Joiner' }] },
      { specifier: 'com.acme.io.*', line: 5, kind: 'import', bindings: [], form: 'wildcard' },
    ]);
  });

  it('records references, not text: shadowing, comments, strings and callers', async () => {
    const r = await parse();
    const refs = (name: string) => r.refs.filter((x) => x.name === name).map((x) => [x.line, x.kind, x.scope, x.caller]);
    // log() declares a local `Strings` that shadows the import; the comment and the string
    // mentioning Strings are not references either.
    expect(refs('Strings')).toEqual([[4, 'import', 'import', undefined]]);
    expect(refs('mutable')).toEqual([[3, 'import', 'import', undefined], [12, 'read', 'import', undefined]]);
    expect(r.refs.find((x) => x.name === 'Map')).toMatchObject({ kind: 'call', scope: 'member', receiver: 'mutable', line: 12 });
    expect(r.refs.find((x) => x.name === 'join')).toMatchObject({ kind: 'call', scope: 'member', receiver: 'J', line: 31, caller: 'Store.log' });
    expect(refs('hits')).toEqual([[18, 'write', 'free', 'Store.get']]);
    expect(refs('items')).toEqual([[20, 'read', 'free', 'Store.get'], [26, 'call', 'free', 'Store.put']]);
    expect(refs('Base')).toEqual([[11, 'inherit', 'free', undefined]]);
    expect(refs('Closeable')).toEqual([[11, 'inherit', 'file', undefined]]);
    expect(refs('Store')).toEqual([[38, 'type', 'file', 'Store.apply'], [38, 'call', 'file', 'Store.apply']]);
    expect(refs('Point')).toEqual([[52, 'type', 'file', 'describe'], [54, 'call', 'file', undefined]]);
    expect(refs('inline')).toEqual([[16, 'type', 'free', 'Store.get']]);
    // Parameters, pattern variables, type parameters, plain constructor parameters and
    // package/import path segments are never references.
    for (const name of ['key', 'fallback', 'v', 'k', 'msg', 'n', 'p', 'T', 'size', 'com', 'acme', 'util', 'io', 'scala', 'collection']) {
      expect(refs(name)).toEqual([]);
    }
  });

  it('extracts symbol facts: typed parameters, return type, annotations (without arguments)', async () => {
    const r = await parseSource(specFor('scala')!, `package com.acme

@deprecated("use Store2", "2.0")
class Store(val name: String) {
  @throws[java.io.IOException]
  @inline override def get(key: String, fallback: Int = 0)(implicit ctx: Ctx): Option[Int] = None

  def size = 0

  @transient val cache: Map[String, Int] = Map.empty
}

trait Source { def read(n: Int): Array[Byte] }
`);
    const facts = r.symbols.map((s) => [s.qualified_name, s.start_line, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async]);
    expect(facts).toEqual([
      ['Store', 3, undefined, undefined, undefined, ['deprecated'], undefined],
      ['Store.name', 4, undefined, undefined, undefined, undefined, undefined],
      // The first parameter list is counted.
      ['Store.get', 5, 2, 2, 'Option[Int]', ['throws', 'inline'], undefined],
      ['Store.size', 8, undefined, undefined, undefined, undefined, undefined],
      ['Store.cache', 10, undefined, undefined, undefined, ['transient'], undefined],
      ['Source', 13, undefined, undefined, undefined, undefined, undefined],
      ['Source.read', 13, 1, 1, 'Array[Byte]', undefined, undefined],
    ]);
    // Annotations are not part of the signature.
    expect(r.symbols.find((s) => s.name === 'get')!.signature).toBe('override def get(key: String, fallback: Int = 0)(implicit ctx: Ctx): Option[Int]');
  });
});
