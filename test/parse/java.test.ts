// Java extractor: symbols (kinds, qualified names, lines, export rule), docs, signatures,
// metrics, imports (incl. static and wildcard forms), references (shadowing, comments, strings,
// callers) and the package namespace, on one realistic source file.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const src = `package com.acme.cache;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.*;
import static java.util.Objects.requireNonNull;
import static com.acme.util.Strings.*;

/**
 * A small LRU cache.
 * Not thread-safe.
 */
@SuppressWarnings("unchecked")
public class LruCache<K, V> extends BaseCache<K> implements Cache<K, V> {
    /** Default capacity. */
    public static final int DEFAULT_CAPACITY = 16;
    private final Map<K, V> entries = new HashMap<>();
    private int hits, misses;

    public LruCache(int capacity) {
        super(capacity);
    }

    /**
     * Looks up a key.
     * @param key the key
     */
    @Override
    public V get(K key, boolean touch) {
        requireNonNull(key);
        V value = entries.get(key);
        if (value == null || !touch) {
            misses++;
            return null;
        }
        for (int i = 0; i < 3; i++) {
            hits += i > 1 ? 1 : 0;
        }
        log("hit");
        return value;
    }

    protected void log(String message) {
        // entries.clear() in a comment
        String entries = "entries.clear()";
        Executor executor = Executors.newSingleThreadExecutor();
        executor.execute(new Runnable() {
            public void run() { System.out.println(message); }
        });
    }

    public interface Listener {
        void onEvict(Object key);
    }

    enum Policy { LRU, LFU }

    record Stats(int hits, int misses) {
        int total() { return hits + misses; }
    }
}
`;

const parse = () => parseSource(specFor('java')!, src);

describe('java extractor', () => {
  it('extracts symbols with kinds, qualified names, lines and export status', async () => {
    const r = await parse();
    expect(r.parse_status).toBe('ok');
    expect(r.namespace).toBe('com.acme.cache');
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported])).toEqual([
      ['class', 'LruCache', 13, 61, true],
      ['property', 'LruCache.DEFAULT_CAPACITY', 16, 16, true],
      ['property', 'LruCache.entries', 17, 17, false],
      ['property', 'LruCache.hits', 18, 18, false],
      ['property', 'LruCache.misses', 18, 18, false],
      ['method', 'LruCache.LruCache', 20, 22, true],
      ['method', 'LruCache.get', 28, 41, true],
      ['method', 'LruCache.log', 43, 50, false],
      ['interface', 'LruCache.Listener', 52, 54, true],
      ['method', 'LruCache.Listener.onEvict', 53, 53, true],
      ['enum', 'LruCache.Policy', 56, 56, false],
      ['enum_member', 'LruCache.Policy.LRU', 56, 56, false],
      ['enum_member', 'LruCache.Policy.LFU', 56, 56, false],
      ['class', 'LruCache.Stats', 58, 60, false],
      ['property', 'LruCache.Stats.hits', 58, 58, false],
      ['property', 'LruCache.Stats.misses', 58, 58, false],
      ['method', 'LruCache.Stats.total', 59, 59, false],
    ]);
  });

  it('extracts docs, signatures and metrics', async () => {
    const r = await parse();
    const sym = (q: string) => r.symbols.find((s) => s.qualified_name === q)!;
    expect(sym('LruCache').doc).toBe('A small LRU cache.');
    expect(sym('LruCache').signature).toBe('public class LruCache<K, V> extends BaseCache<K> implements Cache<K, V>');
    expect(sym('LruCache.DEFAULT_CAPACITY').doc).toBe('Default capacity.');
    const get = sym('LruCache.get');
    expect(get.doc).toBe('Looks up a key.');
    expect(get.signature).toBe('public V get(K key, boolean touch)');
    expect(get.complexity).toBe(5); // if, ||, for, ?:
    expect(get.param_count).toBe(2);
    expect(get.parent).toBe('LruCache');
    expect(sym('LruCache.Listener.onEvict').signature).toBe('void onEvict(Object key)');
    expect(sym('LruCache.Stats').signature).toBe('record Stats(int hits, int misses)');
    // Both declarators of `int hits, misses;` share the declaration, as siblings.
    expect(sym('LruCache.misses').signature).toBe('private int hits, misses;');
    expect(sym('LruCache.misses').parent).toBe('LruCache');
    expect(r.lines).toEqual({ total: 61, code: 43, comment: 10, blank: 8 });
  });

  it('extracts imports: one record per entity, static and wildcard forms', async () => {
    const r = await parse();
    expect(r.imports).toEqual([
      { specifier: 'java.util.HashMap', line: 3, kind: 'import', bindings: [{ local: 'HashMap', imported: 'HashMap' }] },
      { specifier: 'java.util.Map', line: 4, kind: 'import', bindings: [{ local: 'Map', imported: 'Map' }] },
      { specifier: 'java.util.concurrent.*', line: 5, kind: 'import', bindings: [], form: 'wildcard' },
      {
        specifier: 'java.util.Objects.requireNonNull', line: 6, kind: 'import',
        bindings: [{ local: 'requireNonNull', imported: 'requireNonNull' }], form: 'static',
      },
      { specifier: 'com.acme.util.Strings.*', line: 7, kind: 'import', bindings: [], form: 'static' },
    ]);
  });

  it('records references, not text: shadowing, comments, strings and callers', async () => {
    const r = await parse();
    const refs = (name: string) => r.refs.filter((x) => x.name === name).map((x) => [x.line, x.kind, x.scope, x.caller]);
    // The field is read in get(); the local of the same name in log() and the text in the
    // comment and string are not references.
    expect(refs('entries')).toEqual([[31, 'read', 'free', 'LruCache.get']]);
    expect(refs('requireNonNull')).toEqual([[6, 'import', 'import', undefined], [30, 'call', 'import', 'LruCache.get']]);
    expect(refs('HashMap')).toEqual([[3, 'import', 'import', undefined], [17, 'call', 'import', undefined]]);
    expect(refs('Map')).toEqual([[4, 'import', 'import', undefined], [17, 'type', 'import', undefined]]);
    expect(refs('log')).toEqual([[39, 'call', 'free', 'LruCache.get']]);
    expect(refs('misses')).toEqual([[33, 'write', 'free', 'LruCache.get']]);
    expect(refs('BaseCache')).toEqual([[14, 'inherit', 'free', undefined]]);
    expect(refs('Cache')).toEqual([[14, 'inherit', 'free', undefined]]);
    expect(refs('SuppressWarnings')).toEqual([[13, 'type', 'free', undefined]]);
    // Parameters (key, message), locals (value, executor), type parameters (K, V), package and
    // import path segments are never references; neither is the anonymous class's run().
    for (const name of ['key', 'message', 'value', 'executor', 'K', 'V', 'java', 'util', 'acme', 'cache', 'run', 'clear']) {
      expect(refs(name)).toEqual([]);
    }
    // Calls through an object keep it as receiver; anonymous-class bodies belong to the method.
    expect(r.refs.find((x) => x.name === 'println')).toMatchObject({ kind: 'call', caller: 'LruCache.log', line: 48 });
    expect(r.refs.find((x) => x.name === 'Runnable')).toMatchObject({ kind: 'call', caller: 'LruCache.log' });
  });

  it('extracts symbol facts: typed parameters, return type, annotations (without arguments)', async () => {
    const r = await parseSource(specFor('java')!, `package com.acme;

@Entity
@Table(name = "users")
public class User {
    @Id @GeneratedValue(strategy = GenerationType.AUTO)
    private Long id;

    @Override
    public java.util.List<String> tags(@NonNull String prefix, int... limits) {
        Runnable r = new Runnable() { @Override public void run() {} };
        return null;
    }

    @org.junit.jupiter.api.Test
    void check() {}

    public User(String name) {}
}
`);
    const facts = r.symbols.map((s) => [s.qualified_name, s.start_line, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async]);
    expect(facts).toEqual([
      ['User', 3, undefined, undefined, undefined, ['Entity', 'Table'], undefined],
      ['User.id', 6, undefined, undefined, undefined, ['Id', 'GeneratedValue'], undefined],
      // Parameter annotations and those of the anonymous class in the body are not the method's.
      ['User.tags', 9, 2, 2, 'java.util.List<String>', ['Override'], undefined],
      ['User.check', 15, 0, 0, 'void', ['org.junit.jupiter.api.Test'], undefined],
      ['User.User', 18, 1, 1, undefined, undefined, undefined],
    ]);
  });
});
