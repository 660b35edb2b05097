// Kotlin extractor: symbols (kinds incl. object/companion/enum/typealias, qualified names, lines,
// export rule), docs, signatures, metrics, imports (alias, wildcard), references (shadowing,
// comments, strings, callers) and the package namespace, on one realistic source file.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const src = `package com.acme.net

import kotlinx.coroutines.launch
import com.acme.util.Strings as S
import com.acme.util.*

/** Max retries. */
const val MAX_RETRIES = 3
val cache = mutableMapOf<String, Int>()

/**
 * An HTTP client.
 */
@Deprecated("use Client2")
class Client(private val host: String, port: Int) : Base(host), Closeable {
    var count: Int = port
        private set

    constructor(host: String) : this(host, 80)

    /** Fetches a path. */
    fun fetch(path: String, retries: Int = 1): String? {
        val host = "x"
        count += 1
        for (i in 0 until retries) {
            if (i > 1 && path.isEmpty()) continue
        }
        try { launch() } catch (e: Exception) { }
        return when (retries) {
            1 -> S.join(host)
            else -> null
        }
    }

    fun retry(launch: Boolean, times: Int) {
        // launch() is the parameter here
        if (launch) fetch("launch()")
    }

    override fun close() {}

    companion object Factory {
        fun create(): Client = Client("a")
    }

    internal fun hidden() {}
    private inner class Inner
}

interface Closeable {
    fun close()
}

enum class Color(val rgb: Int) {
    RED(1), GREEN(2);
    fun hex() = rgb.toString(16)
}

object Registry {
    val items = listOf(1)
}

typealias Name = String

fun String.shout(): String = this.uppercase()
`;

const parse = () => parseSource(specFor('kotlin')!, src);

describe('kotlin extractor', () => {
  it('extracts symbols with kinds, qualified names, lines and export status', async () => {
    const r = await parse();
    expect(r.parse_status).toBe('ok');
    expect(r.namespace).toBe('com.acme.net');
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported])).toEqual([
      ['constant', 'MAX_RETRIES', 8, 8, true],
      ['variable', 'cache', 9, 9, true],
      ['class', 'Client', 14, 48, true],
      ['property', 'Client.host', 15, 15, false],
      ['property', 'Client.count', 16, 17, true],
      ['method', 'Client.constructor', 19, 19, true],
      ['method', 'Client.fetch', 22, 33, true],
      ['method', 'Client.retry', 35, 38, true],
      ['method', 'Client.close', 40, 40, true],
      ['class', 'Client.Factory', 42, 44, true],
      ['method', 'Client.Factory.create', 43, 43, true],
      ['method', 'Client.hidden', 46, 46, false],
      ['class', 'Client.Inner', 47, 47, false],
      ['interface', 'Closeable', 50, 52, true],
      ['method', 'Closeable.close', 51, 51, true],
      ['enum', 'Color', 54, 57, true],
      ['property', 'Color.rgb', 54, 54, true],
      ['enum_member', 'Color.RED', 55, 55, true],
      ['enum_member', 'Color.GREEN', 55, 55, true],
      ['method', 'Color.hex', 56, 56, true],
      ['class', 'Registry', 59, 61, true],
      ['property', 'Registry.items', 60, 60, true],
      ['type', 'Name', 63, 63, true],
      ['function', 'shout', 65, 65, true],
    ]);
  });

  it('extracts docs, signatures and metrics', async () => {
    const r = await parse();
    const sym = (q: string) => r.symbols.find((s) => s.qualified_name === q)!;
    expect(sym('MAX_RETRIES').doc).toBe('Max retries.');
    expect(sym('Client').doc).toBe('An HTTP client.');
    expect(sym('Client').signature).toBe('class Client(private val host: String, port: Int) : Base(host), Closeable');
    const fetch = sym('Client.fetch');
    expect(fetch.doc).toBe('Fetches a path.');
    expect(fetch.signature).toBe('fun fetch(path: String, retries: Int = 1): String?');
    expect(fetch.complexity).toBe(6); // for, if, &&, catch, one `when` branch
    // This grammar puts default values beside the parameters: parameters are counted by node type.
    expect(fetch.param_count).toBe(2);
    const retry = sym('Client.retry');
    expect(retry.param_count).toBe(2);
    expect(retry.complexity).toBe(2);
    expect(sym('shout').signature).toBe('fun String.shout(): String');
    expect(r.lines).toEqual({ total: 65, code: 45, comment: 6, blank: 14 });
  });

  it('extracts imports: one record per entity, alias and wildcard', async () => {
    const r = await parse();
    expect(r.imports).toEqual([
      { specifier: 'kotlinx.coroutines.launch', line: 3, kind: 'import', bindings: [{ local: 'launch', imported: 'launch' }] },
      { specifier: 'com.acme.util.Strings', line: 4, kind: 'import', bindings: [{ local: 'S', imported: 'Strings' }] },
      { specifier: 'com.acme.util.*', line: 5, kind: 'import', bindings: [], form: 'wildcard' },
    ]);
  });

  it('records references, not text: shadowing, comments, strings and callers', async () => {
    const r = await parse();
    const refs = (name: string) => r.refs.filter((x) => x.name === name).map((x) => [x.line, x.kind, x.scope, x.caller]);
    // The import is called in fetch(); in retry() `launch` is a parameter, and the comment and
    // string mentioning launch() are not references.
    expect(refs('launch')).toEqual([[3, 'import', 'import', undefined], [28, 'call', 'import', 'Client.fetch']]);
    // `host` is a constructor property used in the supertype call; fetch()'s local of the same
    // name shadows it; the secondary constructor's parameter too.
    expect(refs('host')).toEqual([[15, 'read', 'free', undefined]]);
    expect(r.refs.find((x) => x.name === 'join')).toMatchObject({ kind: 'call', scope: 'member', receiver: 'S', line: 30, caller: 'Client.fetch' });
    expect(refs('S')).toEqual([[30, 'read', 'import', 'Client.fetch']]);
    expect(refs('fetch')).toEqual([[37, 'call', 'free', 'Client.retry']]);
    expect(refs('count')).toEqual([[24, 'write', 'free', 'Client.fetch']]);
    expect(refs('until')).toEqual([[25, 'call', 'free', 'Client.fetch']]);
    expect(refs('Base')).toEqual([[15, 'inherit', 'free', undefined]]);
    expect(refs('Closeable')).toEqual([[15, 'inherit', 'file', undefined]]);
    expect(refs('Client')).toEqual([[43, 'type', 'file', 'Client.Factory.create'], [43, 'call', 'file', 'Client.Factory.create']]);
    expect(refs('Deprecated')).toEqual([[14, 'type', 'free', undefined]]);
    // Parameters, locals, catch variables, keywords the grammar reads as identifiers, and
    // package/import path segments are never references.
    for (const name of ['path', 'retries', 'i', 'e', 'port', 'times', 'null', 'continue', 'com', 'acme', 'util', 'net', 'Strings']) {
      expect(refs(name).filter(([line]) => line !== 4)).toEqual([]);
    }
  });

  it('extracts symbol facts: typed parameters, return type, annotations (without arguments), suspend', async () => {
    const r = await parseSource(specFor('kotlin')!, `package com.acme

@Service
class UserRepo(@Inject private val db: Db) {
    @Throws(IOException::class)
    @Transactional
    suspend fun find(id: Long, includeDeleted: Boolean = false, vararg fields: String): User? = null

    fun count(): Int = 0
}

@JvmOverloads
fun top(a: Int) {}
`);
    const facts = r.symbols.map((s) => [s.qualified_name, s.start_line, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async]);
    expect(facts).toEqual([
      ['UserRepo', 3, undefined, undefined, undefined, ['Service'], undefined],
      ['UserRepo.db', 4, undefined, undefined, undefined, ['Inject'], undefined],
      ['UserRepo.find', 5, 3, 3, 'User?', ['Throws', 'Transactional'], true],
      ['UserRepo.count', 9, 0, 0, 'Int', undefined, false],
      ['top', 12, 1, 1, undefined, ['JvmOverloads'], false],
    ]);
  });
});
