// Search chunks through the real indexer: boundaries per language, split bodies with one-statement
// overlap, Markdown sections, text files, ids, and replacement on edit and deletion.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateTokens } from '../../src/engine/analysis/budget.js';
import type { Project } from '../../src/engine/project.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir, writeFiles } from '../helpers/fixture.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

/** A function of 30 one-line statements of 100 characters each (line break included). */
function longFunction(): string {
  const stmts = Array.from({ length: 30 }, (_, i) => `  const v${String(i).padStart(2, '0')} = a + ${'1'.repeat(80)};`);
  return lines('export function long(a: number): number {', ...stmts, '  return a;', '}');
}

const FILES: Record<string, string> = {
  'src/auth/session.ts': lines(
    '/**',
    ' * Session helpers.',
    ' */',
    "import { db } from './db';",
    "import type { Session } from './types';",
    '',
    'const TTL = 3600;',
    'export const cache = new Map<string, Session>();',
    '',
    '/** Renews an expiring session. More text here. */',
    'export async function refreshSession(token: string): Promise<Session> {',
    '  const s = await db.find(token);',
    '  return s;',
    '}',
    '',
    'export class Store extends Base implements Saver {',
    '  private items: string[] = [];',
    '  constructor(private readonly name: string) { super(); }',
    '  /** Saves. */',
    '  save(x: string): void {',
    '    this.items.push(x);',
    '  }',
    '}',
    '',
    'console.log(TTL);',
    'init();',
  ),
  'src/server.js': lines(
    "'use strict';",
    "const path = require('path');",
    "const express = require('express');",
    '',
    'const app = express();',
    'app.use(express.json());',
    '',
    'function start(port) {',
    '  app.listen(port);',
    '}',
    '',
    'class Server extends EventEmitter {',
    '  constructor() { super(); }',
    '  stop() { return true; }',
    '}',
    '',
    'module.exports = { start, Server };',
  ),
  'pkg/jobs.py': lines(
    '#!/usr/bin/env python3',
    '"""Job runner.',
    '',
    'Details."""',
    'import os',
    'from queue import Queue',
    '',
    'LIMIT = 10',
    '',
    '@register',
    'def run(job):',
    '    """Runs one job."""',
    '    return job()',
    '',
    'class Worker(Base, Mixin):',
    '    """A worker."""',
    '    def start(self):',
    '        pass',
    '',
    "if __name__ == '__main__':",
    '    def cli(): pass',
    '    cli()',
  ),
  'geo/point.go': lines(
    '// Package geo does geometry.',
    'package geo',
    '',
    'import (',
    '\t"fmt"',
    '\t"math"',
    ')',
    '',
    'var Scale = 2.0',
    '',
    '// Point is a point.',
    'type Point struct {',
    '\tX, Y float64',
    '}',
    '',
    '// Dist measures.',
    'func (p *Point) Dist(q Point) float64 {',
    '\treturn math.Hypot(p.X-q.X, p.Y-q.Y)',
    '}',
    '',
    'func Hello() {',
    '\tfmt.Println("hi")',
    '}',
  ),
  'src/shape.rs': lines(
    '//! Geometry crate.',
    'use std::fmt;',
    '',
    'const LIMIT: u32 = 10;',
    '',
    '/// A shape.',
    '#[derive(Debug)]',
    'pub struct Square {',
    '    side: f64,',
    '}',
    '',
    'impl Square {',
    '    /// Area of it.',
    '    pub fn area(&self) -> f64 {',
    '        self.side * self.side',
    '    }',
    '}',
    '',
    'pub trait Shape: fmt::Debug {',
    '    fn area(&self) -> f64;',
    '}',
  ),
  'src/geo/Shape.java': lines(
    '/*',
    ' * Copyright (c) 2020 Example. Licensed under the GPL.',
    ' */',
    'package geo;',
    '',
    'import java.util.List;',
    'import java.util.Map;',
    '',
    '/**',
    ' * A shape with an area.',
    ' * <p>Second paragraph.',
    ' */',
    'public class Shape extends Base implements Comparable<Shape> {',
    '    private static final int SIDES = 4;',
    '    private final String name;',
    '',
    '    /** Makes a shape. */',
    '    public Shape(String name) {',
    '        this.name = name;',
    '    }',
    '',
    '    @Override',
    '    public int compareTo(Shape other) {',
    '        return name.compareTo(other.name);',
    '    }',
    '}',
  ),
  'src/add.c': lines(
    '#include <stdio.h>',
    '#include "geo.h"',
    '#ifdef HAVE_ZLIB',
    '#include <zlib.h>',
    '#endif',
    '',
    '#define MAX 10',
    'static int count = 0;',
    '',
    'struct point {',
    '    int x;',
    '    int y;',
    '};',
    '',
    '/* Adds two numbers. */',
    'int add(int a, int b) {',
    '    return a + b;',
    '}',
  ),
  'src/box.cpp': lines(
    '#include <vector>',
    '',
    'namespace geo {',
    '',
    'int counter = 0;',
    '',
    'class Box : public Shape {',
    ' public:',
    '  int area() const;',
    '  int w;',
    '};',
    '',
    'int Box::area() const {',
    '  return w * w;',
    '}',
    '',
    '}  // namespace geo',
  ),
  'src/Circle.cs': lines(
    'using System;',
    '',
    'namespace Geo.Shapes',
    '{',
    '    /// <summary>A circle.</summary>',
    '    public class Circle : Shape, IComparable',
    '    {',
    '        public double Radius { get; set; }',
    '',
    '        public double Area()',
    '        {',
    '            return Math.PI * Radius * Radius;',
    '        }',
    '    }',
    '}',
  ),
  'lib/worker.rb': lines(
    "require 'json'",
    '',
    'TIMEOUT = 5',
    '',
    '# A worker.',
    'class Worker < Base',
    '  def run(job)',
    '    job.call',
    '  end',
    'end',
    '',
    'def helper',
    '  1',
    'end',
    '',
    'puts helper',
  ),
  'src/User.php': lines(
    '<?php',
    'namespace App\\Models;',
    '',
    'use App\\Base;',
    '',
    'const VERSION = 2;',
    '',
    '/** A user. */',
    'class User extends Base implements JsonSerializable',
    '{',
    '    private $name;',
    '',
    '    public function getName(): string',
    '    {',
    '        return $this->name;',
    '    }',
    '}',
    '',
    'echo helper(1);',
  ),
  'src/Circle.kt': lines(
    'package geo.shapes',
    '',
    'import kotlin.math.PI',
    '',
    'val scale = 2',
    '',
    '/** A circle. */',
    'class Circle(val r: Double) : Shape(), Comparable<Circle> {',
    '    fun area(): Double {',
    '        return PI * r * r',
    '    }',
    '}',
    '',
    'fun hello() {',
    '    println("hi")',
    '}',
  ),
  'src/long.ts': longFunction(),
  'src/block.ts': lines(
    'export function block(a: number): number {',
    ...Array.from({ length: 8 }, (_, i) => `  const v${i} = a + ${'2'.repeat(81)};`),
    `  if (a > 0) {${' '.repeat(85)}`,
    ...Array.from({ length: 3 }, (_, i) => `    a = a * ${i + 2} + ${'3'.repeat(82)};`),
    `  }${' '.repeat(96)}`,
    `  a = a + ${'4'.repeat(88)};`,
    '  a = a + 2;',
    '  return a;',
    '}',
  ),
  'src/table.ts': lines('export const TABLE = [', ...Array.from({ length: 30 }, (_, i) => `  "${String(i).padStart(2, '0')}${'x'.repeat(92)}",`), '];', 'run(TABLE);'),
  'docs/guide.md': lines(
    '---',
    'title: Guide',
    '---',
    '<!-- Copyright -->',
    '',
    'Intro paragraph.',
    '',
    '# Project',
    '',
    '## Install',
    '',
    'Run npm install.',
    '',
    '```sh',
    '# not a heading',
    'npm i',
    '```',
    '',
    '### Linux',
    '',
    'Use apt.',
    '',
    'Usage',
    '-----',
    '',
    'Call it.',
    '',
    '# Appendix',
  ),
  'docs/long.md': lines('# Long', '', ...Array.from({ length: 6 }, (_, i) => [`Paragraph ${i} ${'word '.repeat(58)}`.trimEnd(), '']).flat()),
  'package.json': lines('{', '  "name": "x",', '  "version": "1.0.0"', '}'),
  'conf/app.yaml': lines('a: 1', 'b:', '  - c'),
  'data/big.json': `{${Array.from({ length: 400 }, (_, i) => `"k${i}":${i}`).join(',')}}\n`,
};

let project: Project;
let root: string;

beforeAll(async () => {
  root = makeRepo(FILES);
  project = await openIndexed(root);
});
afterAll(async () => { await project.close(); removeDir(root); });

const brief = (path: string): string[] => project.store.chunksOfFile(path).map((c) => `${c.chunk_id} ${c.start_line}-${c.end_line}`);
const chunk = (path: string, id: string) => project.store.chunksOfFile(path).find((c) => c.chunk_id === id)!;

describe('chunk boundaries per language', () => {
  it.each([
    ['src/auth/session.ts', [
      'file:src/auth/session.ts 1-26', 'mod:src/auth/session.ts:7 7-8', 'func:src/auth/session.ts:refreshSession 10-14',
      'cls:src/auth/session.ts:Store 16-23', 'method:src/auth/session.ts:Store.constructor 18-18', 'method:src/auth/session.ts:Store.save 19-22',
      'mod:src/auth/session.ts:25 25-26',
    ]],
    // 'use strict' and require lines make no chunk of their own.
    ['src/server.js', [
      'file:src/server.js 1-17', 'mod:src/server.js:5 5-6', 'func:src/server.js:start 8-10', 'cls:src/server.js:Server 12-15',
      'method:src/server.js:Server.constructor 13-13', 'method:src/server.js:Server.stop 14-14', 'mod:src/server.js:17 17-17',
    ]],
    // The decorator starts the function; a container with a definition (`if __name__`) is entered.
    ['pkg/jobs.py', [
      'file:pkg/jobs.py 1-22', 'mod:pkg/jobs.py:8 8-8', 'func:pkg/jobs.py:run 10-13', 'cls:pkg/jobs.py:Worker 15-18',
      'method:pkg/jobs.py:Worker.start 17-18', 'func:pkg/jobs.py:cli 21-21', 'mod:pkg/jobs.py:22 22-22',
    ]],
    ['geo/point.go', [
      'file:geo/point.go 1-23', 'mod:geo/point.go:9 9-9', 'cls:geo/point.go:Point 11-14', 'method:geo/point.go:Point.Dist 16-19',
      'func:geo/point.go:Hello 21-23',
    ]],
    // Doc comments and attributes start the chunk.
    ['src/shape.rs', [
      'file:src/shape.rs 1-21', 'mod:src/shape.rs:4 4-4', 'cls:src/shape.rs:Square 6-10', 'method:src/shape.rs:Square.area 13-16',
      'cls:src/shape.rs:Shape 19-21', 'method:src/shape.rs:Shape.area 20-20',
    ]],
    // The licence header, package and imports make no chunk.
    ['src/geo/Shape.java', [
      'file:src/geo/Shape.java 1-26', 'cls:src/geo/Shape.java:Shape 9-26', 'method:src/geo/Shape.java:Shape.Shape 17-20',
      'method:src/geo/Shape.java:Shape.compareTo 22-25',
    ]],
    // An include inside `#ifdef` is an import too.
    ['src/add.c', ['file:src/add.c 1-18', 'mod:src/add.c:7 7-8', 'cls:src/add.c:point 10-13', 'func:src/add.c:add 15-18']],
    // Declaration and definition of one method: `@<line>` tells them apart.
    ['src/box.cpp', [
      'file:src/box.cpp 1-17', 'mod:src/box.cpp:5 5-5', 'cls:src/box.cpp:geo.Box 7-11', 'method:src/box.cpp:geo.Box.area@9 9-9',
      'method:src/box.cpp:geo.Box.area@13 13-15',
    ]],
    ['src/Circle.cs', ['file:src/Circle.cs 1-15', 'cls:src/Circle.cs:Circle 5-14', 'method:src/Circle.cs:Circle.Area 10-13']],
    ['lib/worker.rb', [
      'file:lib/worker.rb 1-16', 'mod:lib/worker.rb:3 3-3', 'cls:lib/worker.rb:Worker 5-10', 'method:lib/worker.rb:Worker.run 7-9',
      'func:lib/worker.rb:helper 12-14', 'mod:lib/worker.rb:16 16-16',
    ]],
    ['src/User.php', [
      'file:src/User.php 1-19', 'mod:src/User.php:6 6-6', 'cls:src/User.php:User 8-17', 'method:src/User.php:User.getName 13-16',
      'mod:src/User.php:19 19-19',
    ]],
    ['src/Circle.kt', [
      'file:src/Circle.kt 1-16', 'mod:src/Circle.kt:5 5-5', 'cls:src/Circle.kt:Circle 7-12', 'method:src/Circle.kt:Circle.area 9-11',
      'func:src/Circle.kt:hello 14-16',
    ]],
  ])('%s', (path, expected) => {
    expect(brief(path)).toEqual(expected);
  });

  it('writes the file chunk: doc comment, imports and top-level names', () => {
    expect(chunk('src/auth/session.ts', 'file:src/auth/session.ts')).toEqual({
      path: 'src/auth/session.ts', chunk_id: 'file:src/auth/session.ts', kind: 'file', name: '', start_line: 1, end_line: 26, part: 0,
      header: 'src/auth/session.ts', signature: '', doc: 'Session helpers.',
      text: 'src/auth/session.ts\nSession helpers.\nimports: ./db, ./types\ndefines: TTL, cache, refreshSession, Store',
    });
    // A module docstring after a `#!` line; a package comment; a licence is no doc.
    expect(chunk('pkg/jobs.py', 'file:pkg/jobs.py').text).toBe('pkg/jobs.py\nJob runner.\nimports: os, queue\ndefines: LIMIT, run, Worker, cli');
    expect(chunk('geo/point.go', 'file:geo/point.go').text)
      .toBe('geo/point.go\nPackage geo does geometry.\nnamespace geo\nimports: fmt, math\ndefines: Scale, Point, Point.Dist, Hello');
    expect(chunk('src/geo/Shape.java', 'file:src/geo/Shape.java').doc).toBe('');
  });

  it('writes function chunks: header line, doc, then the code from the doc comment on', () => {
    expect(chunk('src/auth/session.ts', 'func:src/auth/session.ts:refreshSession')).toMatchObject({
      kind: 'function', name: 'refreshSession', part: 0,
      header: 'src/auth/session.ts · async function refreshSession(token: string): Promise<Session>',
      signature: 'async function refreshSession(token: string): Promise<Session>',
      doc: 'Renews an expiring session. More text here.',
      text: lines(
        'src/auth/session.ts · async function refreshSession(token: string): Promise<Session>',
        'Renews an expiring session. More text here.',
        '/** Renews an expiring session. More text here. */',
        'export async function refreshSession(token: string): Promise<Session> {',
        '  const s = await db.find(token);',
        '  return s;',
      ) + '}',
    });
    expect(chunk('src/auth/session.ts', 'method:src/auth/session.ts:Store.save')).toMatchObject({
      kind: 'method', name: 'Store.save', header: 'src/auth/session.ts · Store · save(x: string): void', doc: 'Saves.',
    });
    expect(chunk('src/geo/Shape.java', 'method:src/geo/Shape.java:Shape.compareTo').text).toBe(lines(
      'src/geo/Shape.java · Shape · public int compareTo(Shape other)',
      '    @Override',
      '    public int compareTo(Shape other) {',
      '        return name.compareTo(other.name);',
    ) + '    }');
  });

  it('writes class chunks: signature with bases, first doc paragraph, member signatures', () => {
    expect(chunk('src/geo/Shape.java', 'cls:src/geo/Shape.java:Shape')).toMatchObject({
      kind: 'class', name: 'Shape', signature: 'public class Shape extends Base implements Comparable<Shape>', doc: 'A shape with an area.',
      text: lines(
        'src/geo/Shape.java · public class Shape extends Base implements Comparable<Shape>',
        'A shape with an area.',
        '  private static final int SIDES = 4;',
        '  private final String name;',
        '  public Shape(String name)',
      ) + '  public int compareTo(Shape other)',
    });
    expect(chunk('pkg/jobs.py', 'cls:pkg/jobs.py:Worker').text).toBe('pkg/jobs.py · class Worker(Base, Mixin)\nA worker.\n  def start(self)');
    // Fields declared together share one line.
    expect(chunk('geo/point.go', 'cls:geo/point.go:Point').text).toBe('geo/point.go · type Point struct\nPoint is a point.\n  X, Y float64');
  });

  it('lists only the first 8 members of a class', async () => {
    const dir = makeRepo({ 'm.ts': lines('export class Many {', ...Array.from({ length: 10 }, (_, i) => `  m${i}(): void {}`), '}') });
    const p = await openIndexed(dir);
    try {
      expect(p.store.chunksOfFile('m.ts')[1]!.text.split('\n').slice(1)).toEqual(Array.from({ length: 8 }, (_, i) => `  m${i}(): void`));
    } finally { await p.close(); removeDir(dir); }
  });
});

describe('long bodies and statements', () => {
  it('splits a long function into parts of at most 400 tokens that overlap by one statement', () => {
    const parts = project.store.chunksOfFile('src/long.ts').filter((c) => c.kind === 'function');
    // Head 42 characters + 13 statements of 100 = 1342; then the overlap and 13 more = 1400 (400 tokens); the rest.
    expect(parts.map((c) => [c.chunk_id, c.part, c.start_line, c.end_line])).toEqual([
      ['func:src/long.ts:long#1', 1, 1, 14], ['func:src/long.ts:long#2', 2, 14, 27], ['func:src/long.ts:long#3', 3, 27, 33],
    ]);
    const header = 'src/long.ts · function long(a: number): number';
    for (const c of parts) {
      const [first, ...code] = c.text.split('\n');
      expect(first).toBe(header);
      expect(estimateTokens(code.join('\n'))).toBeLessThanOrEqual(400);
      expect(code.length).toBe(c.end_line - c.start_line + 1);
    }
    expect(parts[1]!.text.split('\n')[1]).toBe(FILES['src/long.ts']!.split('\n')[13]);
  });

  it('does not repeat a long statement at the start of the next part', () => {
    // Head 43 + 8 statements of 100 + a 5-line block of 500 = 1343, and the next statement has 100:
    // the block ends part 1 and, at 500 characters (over a quarter of the limit), is not repeated.
    expect(brief('src/block.ts')).toEqual(['file:src/block.ts 1-18', 'func:src/block.ts:block#1 1-14', 'func:src/block.ts:block#2 15-18']);
  });

  it('splits one module-level statement over the limit by lines, without overlap', () => {
    // 23 characters, then 30 lines of 100: lines 1-14 fit in 1400 characters, then 15-28, then the rest; the next statement alone.
    expect(brief('src/table.ts')).toEqual([
      'file:src/table.ts 1-33', 'mod:src/table.ts:1#1 1-14', 'mod:src/table.ts:1#2 15-28', 'mod:src/table.ts:1#3 29-32', 'mod:src/table.ts:33 33-33',
    ]);
  });
});

describe('documentation and text files', () => {
  it('splits Markdown by heading, with the heading path in the header line', () => {
    expect(project.store.chunksOfFile('docs/guide.md').map((c) => [c.chunk_id, c.name, c.start_line, c.end_line, c.header, c.doc])).toEqual([
      ['doc:docs/guide.md:1', '', 1, 6, 'docs/guide.md', 'Intro paragraph.'],
      // `# Project` has nothing before its first subsection: its name travels in the headers below.
      ['doc:docs/guide.md:10', 'Install', 10, 17, 'docs/guide.md · Project › Install', 'Run npm install.'],
      ['doc:docs/guide.md:19', 'Linux', 19, 21, 'docs/guide.md · Project › Install › Linux', 'Use apt.'],
      ['doc:docs/guide.md:23', 'Usage', 23, 26, 'docs/guide.md · Project › Usage', 'Call it.'],
      ['doc:docs/guide.md:28', 'Appendix', 28, 28, 'docs/guide.md · Appendix', ''],
    ]);
    expect(chunk('docs/guide.md', 'doc:docs/guide.md:10')).toMatchObject({
      kind: 'section', signature: '## Install',
      text: 'docs/guide.md · Project › Install\n## Install\n\nRun npm install.\n\n```sh\n# not a heading\nnpm i\n```',
    });
  });

  it('splits a long section by paragraphs', () => {
    // The heading takes 8 characters and each paragraph 303 with its blank line: four fit in 1400.
    expect(brief('docs/long.md')).toEqual(['doc:docs/long.md:1#1 1-10', 'doc:docs/long.md:1#2 11-13']);
  });

  it('gives other text files one chunk of at most 400 tokens', () => {
    expect(project.store.chunksOfFile('package.json')).toEqual([{
      path: 'package.json', chunk_id: 'text:package.json', kind: 'text', name: '', start_line: 1, end_line: 4, part: 0,
      header: 'package.json', signature: '', doc: '', text: 'package.json\n{\n  "name": "x",\n  "version": "1.0.0"\n}',
    }]);
    expect(brief('conf/app.yaml')).toEqual(['text:conf/app.yaml 1-3']);
    const big = project.store.chunksOfFile('data/big.json');
    expect(big.map((c) => [c.start_line, c.end_line])).toEqual([[1, 1]]);
    expect(estimateTokens(big[0]!.text.slice('data/big.json\n'.length))).toBe(400);
  });
});

describe('chunk store', () => {
  it('keeps ids unique within a file and lines 1-based inside the file', () => {
    for (const [path, text] of Object.entries(FILES)) {
      const chunks = project.store.chunksOfFile(path);
      const total = text.split('\n').length - 1;
      expect(new Set(chunks.map((c) => c.chunk_id)).size).toBe(chunks.length);
      for (const c of chunks) {
        expect(c.start_line).toBeGreaterThanOrEqual(1);
        expect(c.end_line).toBeGreaterThanOrEqual(c.start_line);
        expect(c.end_line).toBeLessThanOrEqual(total);
      }
    }
  });

  it('streams every chunk in path order, in batches, and finds chunks by id', () => {
    const batches = [...project.store.chunkBatches(7)];
    const all = batches.flat();
    expect(batches.slice(0, -1).every((b) => b.length === 7)).toBe(true);
    expect(all.length).toBe(project.store.chunkCount());
    const paths = Object.keys(FILES).sort();
    expect(all.map((c) => `${c.path} ${c.chunk_id}`)).toEqual(paths.flatMap((p) => project.store.chunksOfFile(p).map((c) => `${p} ${c.chunk_id}`)));
    expect(project.store.chunksByIds(['method:src/auth/session.ts:Store.save', 'nope', 'text:package.json']).map((c) => [c.path, c.chunk_id]))
      .toEqual([['package.json', 'text:package.json'], ['src/auth/session.ts', 'method:src/auth/session.ts:Store.save']]);
  });

  it('lists the chunks in file_analysis', async () => {
    const res = await invoke(operationNamed('file_analysis')!, project, { path: 'src/server.js' });
    if (!res.ok) throw res.error;
    const out = res.output as { search_chunks: Array<{ chunk_id: string; kind: string; name: string; part: number; start_line: number; end_line: number }> };
    expect(out.search_chunks.map((c) => c.chunk_id)).toEqual(brief('src/server.js').map((b) => b.split(' ')[0]));
    expect(out.search_chunks[2]).toEqual({ chunk_id: 'func:src/server.js:start', kind: 'function', name: 'start', part: 0, start_line: 8, end_line: 10 });
    expect(res.text).toContain('Search chunks (7): file L1-17, module L5-6, function start L8-10, class Server L12-15, method Server.constructor L13-13, method Server.stop L14-14, module L17-17');
  });

  it('replaces a file\'s chunks when it changes and drops them when it is deleted', async () => {
    const dir = makeRepo({ 'src/a.ts': lines('export function one() {', '  return 1;', '}'), 'src/b.md': lines('# B', '', 'text') });
    const p = await openIndexed(dir);
    try {
      const ids = (path: string) => p.store.chunksOfFile(path).map((c) => `${c.chunk_id} ${c.start_line}-${c.end_line}`);
      expect(ids('src/a.ts')).toEqual(['file:src/a.ts 1-3', 'func:src/a.ts:one 1-3']);
      writeFiles(dir, { 'src/a.ts': lines('const x = 1;', '', 'export function two() {', '  return x;', '}') });
      await p.notify(['src/a.ts']);
      expect(ids('src/a.ts')).toEqual(['file:src/a.ts 1-5', 'mod:src/a.ts:1 1-1', 'func:src/a.ts:two 3-5']);
      expect(p.store.chunksByIds(['func:src/a.ts:one'])).toEqual([]);
      rmSync(join(dir, 'src/b.md'));
      await p.notify(['src/b.md']);
      expect(ids('src/b.md')).toEqual([]);
      expect(p.store.chunkCount()).toBe(3);
    } finally { await p.close(); removeDir(dir); }
  });
});
