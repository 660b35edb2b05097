// JavaScript (and JSX) extractor: ESM and CommonJS imports, re-exports, dynamic import, export
// rules (export statements, export lists, module.exports, #private) and references.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const src = `import React, { useState as useLocalState } from 'react';
import * as path from 'node:path';
import { helper } from './helper.js';
export { format } from './format.js';
export * from './types.js';
const { readFile, writeFile: write } = require('fs');
const lodash = require('lodash');

/** Default retry count. */
export const MAX_RETRIES = 3;
let counter = 0, total = 0;

/**
 * Joins and normalises a path.
 * @param {string} base
 */
export function joinAll(base, ...parts) {
  if (!base || parts.length === 0) return base;
  for (const p of parts) {
    base = path.join(base, p);
  }
  return base ?? helper(base);
}

export const twice = (fn) => (x) => fn(fn(x));

// A widget.
export default class Widget extends React.Component {
  #secret = 1;
  static count = 0;
  constructor(props) {
    super(props);
    this.state = { open: false };
  }
  render() {
    const helper = (v) => v; // helper() here is a local arrow
    counter++;
    return <Panel title="helper()">{helper(this.props.title)}</Panel>;
  }
  async #load() {
    const mod = await import('./lazy.js');
    return lodash.get(mod, 'default');
  }
}

function useToggle(initial) {
  const [on, setOn] = useLocalState(initial);
  return [on, () => setOn(!on)];
}

module.exports = { useToggle };
`;

describe('javascript extractor', () => {
  it('extracts symbols with kinds, qualified names, lines, export status and docs', async () => {
    const r = await parseSource(specFor('javascript')!, src);
    expect(r.parse_status).toBe('ok');
    const brief = r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported]);
    expect(brief).toEqual([
      ['constant', 'MAX_RETRIES', 10, 10, true],
      ['variable', 'counter', 11, 11, false],
      ['variable', 'total', 11, 11, false],
      ['function', 'joinAll', 17, 23, true],
      ['function', 'twice', 25, 25, true],
      ['class', 'Widget', 28, 44, true],
      ['property', 'Widget.#secret', 29, 29, false],
      ['property', 'Widget.count', 30, 30, true],
      ['method', 'Widget.constructor', 31, 34, true],
      ['method', 'Widget.render', 35, 39, true],
      ['method', 'Widget.#load', 40, 43, false],
      ['function', 'useToggle', 46, 49, true],
    ]);
    const byName = (q: string) => r.symbols.find((s) => s.qualified_name === q)!;
    expect(byName('MAX_RETRIES').doc).toBe('Default retry count.');
    expect(byName('joinAll').doc).toBe('Joins and normalises a path.');
    expect(byName('joinAll').signature).toBe('function joinAll(base, ...parts)');
    // if, ||, for…of, ??
    expect(byName('joinAll').complexity).toBe(5);
    expect(byName('joinAll').param_count).toBe(2);
    expect(byName('twice').signature).toBe('const twice = (fn) =>');
    expect(byName('twice').param_count).toBe(1);
    expect(byName('Widget').doc).toBe('A widget.');
    expect(byName('Widget').signature).toBe('class Widget extends React.Component');
    // Two declarators in one declaration are siblings, not nested.
    expect(byName('total').parent).toBeUndefined();
  });

  it('extracts imports, re-exports, require() and dynamic import()', async () => {
    const r = await parseSource(specFor('javascript')!, src);
    expect(r.imports).toEqual([
      { specifier: 'react', line: 1, kind: 'import', bindings: [{ local: 'React', imported: 'default' }, { local: 'useLocalState', imported: 'useState' }] },
      { specifier: 'node:path', line: 2, kind: 'import', bindings: [{ local: 'path', imported: '*' }] },
      { specifier: './helper.js', line: 3, kind: 'import', bindings: [{ local: 'helper', imported: 'helper' }] },
      { specifier: './format.js', line: 4, kind: 'import', bindings: [{ local: 'format', imported: 'format' }], reexport: true },
      { specifier: './types.js', line: 5, kind: 'import', bindings: [], reexport: true },
      { specifier: 'fs', line: 6, kind: 'import', bindings: [{ local: 'readFile', imported: 'readFile' }, { local: 'write', imported: 'writeFile' }], form: 'require' },
      { specifier: 'lodash', line: 7, kind: 'import', bindings: [{ local: 'lodash', imported: '*' }], form: 'require' },
      { specifier: './lazy.js', line: 41, kind: 'dynamic', bindings: [] },
    ]);
  });

  it('records references, not text: shadowing, comments and strings excluded', async () => {
    const r = await parseSource(specFor('javascript')!, src);
    // Line 36 declares a local arrow `helper` (and mentions it in a comment); line 38 has it in a string.
    const helperRefs = r.refs.filter((x) => x.name === 'helper');
    expect(helperRefs.map((x) => [x.line, x.kind, x.scope, x.caller])).toEqual([
      [3, 'import', 'import', undefined],
      [22, 'call', 'import', 'joinAll'],
    ]);
    expect(r.refs.find((x) => x.name === 'join')).toMatchObject({
      kind: 'call', scope: 'member', receiver: 'path', line: 20, caller: 'joinAll',
    });
    expect(r.refs.find((x) => x.name === 'get')).toMatchObject({
      kind: 'call', scope: 'member', receiver: 'lodash', line: 42, caller: 'Widget.#load',
    });
    expect(r.refs.find((x) => x.name === 'Component')).toMatchObject({ kind: 'inherit', scope: 'member', receiver: 'React', line: 28 });
    expect(r.refs.find((x) => x.name === 'useLocalState' && x.line === 47)).toMatchObject({ kind: 'call', scope: 'import', caller: 'useToggle' });
    expect(r.refs.find((x) => x.name === 'counter')).toMatchObject({ kind: 'write', scope: 'file', line: 37, caller: 'Widget.render' });
    // JSX: the component is used once (opening tag); the closing tag is not another use.
    expect(r.refs.filter((x) => x.name === 'Panel').map((x) => [x.line, x.kind])).toEqual([[38, 'call']]);
    expect(r.refs.find((x) => x.name === 'useToggle')).toMatchObject({ kind: 'read', scope: 'file', line: 51 });
    // `this.props` (line 38) is a member access; the parameter `props` is never a reference.
    expect(r.refs.filter((x) => x.name === 'props').map((x) => [x.line, x.kind])).toEqual([[38, 'attribute']]);
    for (const name of ['base', 'parts', 'p', 'mod', 'on', 'setOn', 'initial', 'fn', 'x', 'readFile', 'write']) {
      expect(r.refs.filter((x) => x.name === name)).toEqual([]);
    }
  });

  it('does not nest a local variable in a function into module symbols', async () => {
    const r = await parseSource(specFor('javascript')!, `export default function () { const inner = 1; }
export { a as b };
const a = 1, fnExpr = function named() { return named; };
`);
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.exported])).toEqual([
      ['variable', 'a', true],
      ['function', 'fnExpr', false],
    ]);
    expect(r.refs.map((x) => x.name)).toEqual(['a']);
  });

  it('treats CommonJS exports assignments as exported definitions', async () => {
    const r = await parseSource(specFor('javascript')!, `const path = require('path');
exports.VERSION = "1";
exports.run = function (a, b) { return path.join(a, b); };
module.exports.stop = (x) => x;
function internal() {}
`);
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.exported, s.param_count])).toEqual([
      ['constant', 'VERSION', true, undefined],
      ['function', 'run', true, 2],
      ['function', 'stop', true, 1],
      ['function', 'internal', false, 0],
    ]);
    expect(r.imports).toEqual([{ specifier: 'path', line: 1, kind: 'import', bindings: [{ local: 'path', imported: '*' }], form: 'require' }]);
    expect(r.refs.find((x) => x.name === 'join')).toMatchObject({ kind: 'call', scope: 'member', receiver: 'path', caller: 'run' });
  });

  it('extracts symbol facts: decorators (without arguments) and async; no parameter or return types', async () => {
    const r = await parseSource(specFor('javascript')!, `@tracked
class Store {
  @action.bound
  async load(id, options = {}) {}
  @observable({ deep: true }) items = [];
  *walk() {}
}
export async function fetchAll(urls) {}
export const handler = async (event, context) => {};
exports.sync = function (a) {};
`);
    const facts = r.symbols.map((s) => [s.qualified_name, s.start_line, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async]);
    expect(facts).toEqual([
      ['Store', 1, undefined, undefined, undefined, ['tracked'], undefined],
      ['Store.load', 3, 2, undefined, undefined, ['action.bound'], true],
      ['Store.items', 5, undefined, undefined, undefined, ['observable'], undefined],
      ['Store.walk', 6, 0, undefined, undefined, undefined, false],
      ['fetchAll', 8, 1, undefined, undefined, undefined, true],
      ['handler', 9, 2, undefined, undefined, undefined, true],
      ['sync', 10, 1, undefined, undefined, undefined, false],
    ]);
  });
});
