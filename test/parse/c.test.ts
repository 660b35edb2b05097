// C extractor: a source file and its header. Symbols (functions, macros, structs/unions, enums,
// typedefs, globals, fields; prototypes only in headers), export rule (non-static globals in
// sources, everything in headers), docs, signatures, metrics, includes and references
// (shadowing, comments, strings, callers).
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const source = `/* strbuf.c - growable string buffers. */
#include "strbuf.h"
#include <stdlib.h>
#include <string.h>

#define STRBUF_INIT_CAP 16
#define STRBUF_MAX(a, b) ((a) > (b) ? (a) : (b))

/** Growth policy. */
enum growth { GROW_DOUBLE, GROW_LINEAR = 2 };

struct pool {
    char *base;
    size_t used, cap;
};

typedef struct {
    int hits;
} stats_t;

static struct pool global_pool;
int strbuf_debug = 0;
size_t strbuf_allocs, strbuf_frees;
extern int errno_shadow;

static int grow(strbuf *sb, size_t need);

/* Appends \`len\` bytes of \`data\` to the buffer. */
int strbuf_append(strbuf *sb, const char *data, size_t len) {
    if (sb == NULL || (data == NULL && len > 0))
        return -1;
    if (sb->len + len > sb->cap && grow(sb, sb->len + len) != 0)
        return -1;
    memcpy(sb->data + sb->len, data, len);
    sb->len += len;
    strbuf_allocs++;
    return 0;
}

static int grow(strbuf *sb, size_t need) {
    /* grow(sb) must not recurse */
    size_t cap = STRBUF_MAX(sb->cap * 2, need);
    char *data = realloc(sb->data, cap);
    const char *msg = "grow(sb) failed";
    if (!data) {
        fputs(msg, stderr);
        return -1;
    }
    sb->data = data;
    sb->cap = cap;
    return 0;
}

void strbuf_reset(strbuf *sb) {
    int strbuf_debug = getenv("STRBUF_DEBUG") != NULL;
    if (strbuf_debug)
        fputs("reset", stderr);
    sb->len = 0;
}
`;

const header = `#ifndef STRBUF_H
#define STRBUF_H

#include <stddef.h>

#define STRBUF_VERSION 3

/** A growable byte buffer. */
typedef struct strbuf {
    char *data;
    size_t len;
    size_t cap;
} strbuf;

extern int strbuf_debug;

/** Appends bytes; returns 0 on success. */
int strbuf_append(strbuf *sb, const char *data, size_t len);
void strbuf_free(strbuf *sb);

static inline size_t strbuf_len(const strbuf *sb) { return sb->len; }

#endif /* STRBUF_H */
`;

const parse = (text: string) => parseSource(specFor('c')!, text);

describe('c extractor', () => {
  it('extracts symbols of a source file; only non-static functions and globals are exported', async () => {
    const r = await parse(source);
    expect(r.parse_status).toBe('ok');
    expect(r.namespace).toBeUndefined();
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported])).toEqual([
      ['constant', 'STRBUF_INIT_CAP', 6, 6, false],
      ['function', 'STRBUF_MAX', 7, 7, false],
      ['enum', 'growth', 10, 10, false],
      ['enum_member', 'growth.GROW_DOUBLE', 10, 10, false],
      ['enum_member', 'growth.GROW_LINEAR', 10, 10, false],
      ['struct', 'pool', 12, 15, false],
      ['property', 'pool.base', 13, 13, false],
      ['property', 'pool.used', 14, 14, false],
      ['property', 'pool.cap', 14, 14, false],
      ['struct', 'stats_t', 17, 19, false],
      ['property', 'stats_t.hits', 18, 18, false],
      ['variable', 'global_pool', 21, 21, false],
      ['variable', 'strbuf_debug', 22, 22, true],
      ['variable', 'strbuf_allocs', 23, 23, true],
      ['variable', 'strbuf_frees', 23, 23, true],
      // `extern int errno_shadow;` and the static prototype of grow() declare, not define.
      ['function', 'strbuf_append', 29, 38, true],
      ['function', 'grow', 40, 52, false],
      ['function', 'strbuf_reset', 54, 59, true],
    ]);
  });

  it('extracts docs, signatures and metrics', async () => {
    const r = await parse(source);
    const sym = (q: string) => r.symbols.find((s) => s.qualified_name === q)!;
    expect(sym('growth').doc).toBe('Growth policy.');
    const append = sym('strbuf_append');
    expect(append.doc).toBe('Appends `len` bytes of `data` to the buffer.');
    expect(append.signature).toBe('int strbuf_append(strbuf *sb, const char *data, size_t len)');
    expect(append.complexity).toBe(6); // if, ||, &&, if, &&
    expect(append.param_count).toBe(3);
    expect(sym('grow').signature).toBe('static int grow(strbuf *sb, size_t need)');
    expect(sym('STRBUF_MAX').signature).toBe('#define STRBUF_MAX(a, b) ((a) > (b) ? (a) : (b))');
    expect(sym('global_pool').signature).toBe('static struct pool global_pool;');
    expect(sym('strbuf_frees').signature).toBe('size_t strbuf_allocs, strbuf_frees;');
    expect(sym('pool.cap').signature).toBe('size_t used, cap;');
    expect(r.lines).toEqual({ total: 59, code: 46, comment: 4, blank: 9 });
  });

  it('extracts includes', async () => {
    const r = await parse(source);
    expect(r.imports).toEqual([
      { specifier: 'strbuf.h', line: 2, kind: 'include', bindings: [] },
      { specifier: 'stdlib.h', line: 3, kind: 'include', bindings: [], system: true },
      { specifier: 'string.h', line: 4, kind: 'include', bindings: [], system: true },
    ]);
  });

  it('records references, not text: shadowing, comments, strings and callers', async () => {
    const r = await parse(source);
    const refs = (name: string) => r.refs.filter((x) => x.name === name).map((x) => [x.line, x.kind, x.scope, x.caller]);
    // grow() is called once; its name in the prototype, a comment and a string is not a use.
    expect(refs('grow')).toEqual([[32, 'call', 'file', 'strbuf_append']]);
    // strbuf_reset() declares a local strbuf_debug that shadows the global.
    expect(refs('strbuf_debug')).toEqual([]);
    expect(refs('strbuf_allocs')).toEqual([[36, 'write', 'file', 'strbuf_append']]);
    expect(refs('STRBUF_MAX')).toEqual([[42, 'call', 'file', 'grow']]);
    expect(refs('memcpy')).toEqual([[34, 'call', 'free', 'strbuf_append']]);
    expect(refs('strbuf')).toEqual([
      [26, 'type', 'free', undefined], [29, 'type', 'free', 'strbuf_append'],
      [40, 'type', 'free', 'grow'], [54, 'type', 'free', 'strbuf_reset'],
    ]);
    expect(refs('pool')).toEqual([[21, 'type', 'file', undefined]]);
    expect(refs('len').map(([line, kind]) => [line, kind])).toEqual([
      [32, 'attribute'], [32, 'attribute'], [34, 'attribute'], [35, 'attribute'], [58, 'attribute'],
    ]);
    // Parameters, locals and prototype parameter names are never references.
    for (const name of ['sb', 'data', 'need', 'cap', 'msg', 'errno_shadow', 'a', 'b']) {
      expect(refs(name).filter(([, kind]) => kind !== 'attribute')).toEqual([]);
    }
  });

  it('treats a guarded header as an API: prototypes and externs are symbols, all exported', async () => {
    const r = await parse(header);
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported])).toEqual([
      ['constant', 'STRBUF_VERSION', 6, 6, true],
      ['struct', 'strbuf', 9, 13, true],
      ['property', 'strbuf.data', 10, 10, true],
      ['property', 'strbuf.len', 11, 11, true],
      ['property', 'strbuf.cap', 12, 12, true],
      ['type', 'strbuf', 13, 13, true],
      ['variable', 'strbuf_debug', 15, 15, true],
      ['function', 'strbuf_append', 18, 18, true],
      ['function', 'strbuf_free', 19, 19, true],
      ['function', 'strbuf_len', 21, 21, true],
    ]);
    const append = r.symbols.find((s) => s.name === 'strbuf_append')!;
    expect(append.doc).toBe('Appends bytes; returns 0 on success.');
    expect(append.signature).toBe('int strbuf_append(strbuf *sb, const char *data, size_t len)');
    expect(r.symbols.find((s) => s.kind === 'struct')!.doc).toBe('A growable byte buffer.');
    expect(r.imports).toEqual([{ specifier: 'stddef.h', line: 4, kind: 'include', bindings: [], system: true }]);
    // `typedef struct strbuf {…} strbuf;`: the typedef spans its declarator, so the struct is not
    // qualified by it.
    expect(r.symbols.filter((s) => s.name === 'strbuf').map((s) => s.signature)).toEqual(['struct strbuf', 'strbuf']);
    // The include guard defines no symbol; `#ifndef STRBUF_H` reads the macro.
    expect(r.refs.filter((x) => x.name === 'STRBUF_H').map((x) => x.line)).toEqual([1]);
  });

  it('recognises `#pragma once` headers', async () => {
    const r = await parse('#pragma once\nint api_call(void);\nextern const char *api_name;\n');
    expect(r.symbols.map((s) => [s.kind, s.name, s.exported])).toEqual([
      ['function', 'api_call', true],
      ['variable', 'api_name', true],
    ]);
  });

  it('extracts symbol facts: parameters (all typed) and return types with qualifiers and pointers', async () => {
    const r = await parse(`static const char *dup_name(const char *name, size_t len) { return name; }
int **grid(void) { return 0; }
[[nodiscard]] unsigned long count(int a) { return 0; }
`);
    const facts = r.symbols.map((s) => [s.qualified_name, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async, s.signature]);
    expect(facts).toEqual([
      ['dup_name', 2, 2, 'const char *', undefined, undefined, 'static const char *dup_name(const char *name, size_t len)'],
      ['grid', 0, 0, 'int **', undefined, undefined, 'int **grid(void)'],
      ['count', 1, 1, 'unsigned long', ['nodiscard'], undefined, 'unsigned long count(int a)'],
    ]);
    const header = await parse('#pragma once\nconst struct strbuf *strbuf_peek(const struct strbuf *sb);\n');
    expect(header.symbols.map((s) => [s.name, s.param_count, s.typed_params, s.return_type])).toEqual([['strbuf_peek', 1, 1, 'const struct strbuf *']]);
  });
});
