// Lua extractor: symbols (local vs global, module-table functions and methods, multi-name
// locals), require imports with bindings, and references (shadowing, comments and strings
// excluded, callers, members of imported modules).
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const src = `--- Utility module for greetings.
local json = require("dkjson")
local strings = require "app.strings"
require("app.bootstrap")

local M = {}

--- Maximum retry count.
MAX_RETRIES = 3
local cache, hits = {}, 0

--- Formats a name.
-- Trims it first.
local function format_name(name, greeting, ...)
  if not name or name == "" then
    return greeting
  end
  for i = 1, #name do
    if name:sub(i, i) == " " then break end
  end
  local format_name = strings.trim(name)
  return greeting .. ", " .. format_name
end

--- Greets someone.
function M.greet(name)
  hits = hits + 1
  return format_name(name, "Hello")
end

function M.Sub.helper() end

function M:render(data)
  local out = json.encode(data)
  self.last = out
  return self:flush(out, format_name)
end

function log_all(items)
  for _, item in ipairs(items) do print(format_name(item, "hi")) end
end

on_error = function(err) return err end
M.version = "1.0"
M.reset = function() cache = {} end

-- format_name(x) in a comment

local label = "format_name(x)"
return M
`;

describe('lua extractor', () => {
  it('extracts symbols with kinds, qualified names, lines, export and docs', async () => {
    const r = await parseSource(specFor('lua')!, src);
    expect(r.parse_status).toBe('ok');
    const brief = r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported]);
    expect(brief).toEqual([
      // Upper-case names are constants (framework rule), so the module table `M` is one.
      ['constant', 'M', 6, 6, false],
      ['constant', 'MAX_RETRIES', 9, 9, true],
      ['variable', 'cache', 10, 10, false],
      ['variable', 'hits', 10, 10, false],
      ['function', 'format_name', 14, 23, false],
      // `function M.f()` is a function qualified through its table; `function M:m()` (with `self`)
      // is a method.
      ['function', 'M.greet', 26, 29, true],
      ['function', 'M.Sub.helper', 31, 31, true],
      ['method', 'M.render', 33, 37, true],
      ['function', 'log_all', 39, 41, true],
      ['function', 'on_error', 43, 43, true],
      ['property', 'M.version', 44, 44, true],
      ['function', 'M.reset', 45, 45, true],
      ['variable', 'label', 49, 49, false],
    ]);
    const fmt = r.symbols.find((s) => s.name === 'format_name')!;
    expect(fmt.doc).toBe('Formats a name.');
    expect(fmt.signature).toBe('local function format_name(name, greeting, ...)');
    expect(fmt.param_count).toBe(3);
    expect(fmt.complexity).toBe(5);
    expect(r.symbols.find((s) => s.name === 'greet')!.doc).toBe('Greets someone.');
    expect(r.symbols.find((s) => s.name === 'MAX_RETRIES')!.doc).toBe('Maximum retry count.');
    expect(r.symbols.find((s) => s.name === 'render')!.signature).toBe('function M:render(data)');
    expect(r.symbols.find((s) => s.name === 'helper')!.signature).toBe('function M.Sub.helper()');
    expect(r.symbols.find((s) => s.name === 'on_error')!.signature).toBe('on_error = function(err)');
    expect(r.symbols.find((s) => s.name === 'log_all')!.complexity).toBe(2);
  });

  it('extracts require imports; a local binding imports the whole module', async () => {
    const r = await parseSource(specFor('lua')!, src);
    expect(r.imports).toEqual([
      { specifier: 'dkjson', line: 2, kind: 'import', bindings: [{ local: 'json', imported: '*' }] },
      { specifier: 'app.strings', line: 3, kind: 'import', bindings: [{ local: 'strings', imported: '*' }] },
      { specifier: 'app.bootstrap', line: 4, kind: 'import', bindings: [] },
    ]);
  });

  it('records references, not text: shadowing, comments and strings excluded', async () => {
    const r = await parseSource(specFor('lua')!, src);
    // The `local format_name` inside format_name shadows it; lines 47 and 49 are a comment and a string.
    expect(r.refs.filter((x) => x.name === 'format_name').map((x) => [x.line, x.kind, x.scope, x.caller])).toEqual([
      [28, 'call', 'file', 'M.greet'],
      [36, 'read', 'file', 'M.render'],
      [40, 'call', 'file', 'log_all'],
    ]);
    for (const local of ['name', 'greeting', 'i', 'data', 'out', 'item', 'items', 'err', '_']) {
      expect(r.refs.filter((x) => x.name === local)).toEqual([]);
    }
    expect(r.refs.find((x) => x.name === 'encode')).toMatchObject({ kind: 'call', scope: 'member', receiver: 'json', line: 34, caller: 'M.render' });
    expect(r.refs.find((x) => x.name === 'trim')).toMatchObject({ kind: 'call', scope: 'member', receiver: 'strings', line: 21 });
    expect(r.refs.filter((x) => x.name === 'hits').map((x) => [x.line, x.kind, x.scope])).toEqual([
      [27, 'write', 'file'], [27, 'read', 'file'],
    ]);
    expect(r.refs.find((x) => x.name === 'cache')).toMatchObject({ kind: 'write', scope: 'file', line: 45, caller: 'M.reset' });
  });

  it('has no parameter types, return types, decorators or async to record', async () => {
    const r = await parseSource(specFor('lua')!, 'local M = {}\nfunction M.greet(name, punct) return name end\nreturn M\n');
    expect(r.symbols.map((s) => [s.qualified_name, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async])).toEqual([
      ['M', undefined, undefined, undefined, undefined, undefined],
      ['M.greet', 2, undefined, undefined, undefined, undefined],
    ]);
  });
});
