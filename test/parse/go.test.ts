// Go extractor: package namespace, receivers, struct/interface members, grouped const/var,
// one import record per path (aliases, blank imports, versioned paths) and references.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const src = `// Package server runs the HTTP front end.
package server

import "fmt"
import (
	"net/http"
	str "strings"
	_ "embed"

	"github.com/acme/kit/v2"
	"gopkg.in/yaml.v3"
)

// DefaultPort is used when none is configured.
const DefaultPort = 8080

const (
	// ModeDev is for local runs.
	ModeDev = iota
	modeProd
)

var Verbose, quiet bool

// Server serves requests.
type Server struct {
	// Name is shown in logs.
	Name       string
	addr, port int
	*kit.Base
	http.Handler
}

// Runner can be started.
type Runner interface {
	Run(ctx int) error
	fmt.Stringer
}

type ID = string

// Start starts the server.
// It blocks.
func (s *Server) Start(retries int, name string) (err error) {
	Verbose := false // shadows the package-level var
	for i := 0; i < retries && !Verbose; i++ {
		if s.addr > 0 || name == "fmt" {
			fmt.Println(str.ToUpper(s.Name), kit.Version)
		}
	}
	switch {
	case quiet:
		return nil
	}
	_ = yaml.Unmarshal
	return helper(s)
}

func helper(r Runner) error {
	srv := &Server{Name: "x"} // helper() in a comment
	return srv.Start(1, "helper")
}
`;

describe('go extractor', () => {
  it('extracts symbols with kinds, qualified names, lines, export status and docs', async () => {
    const r = await parseSource(specFor('go')!, src);
    expect(r.parse_status).toBe('ok');
    expect(r.namespace).toBe('server');
    const brief = r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported]);
    expect(brief).toEqual([
      ['constant', 'DefaultPort', 15, 15, true],
      ['constant', 'ModeDev', 19, 19, true],
      ['constant', 'modeProd', 20, 20, false],
      ['variable', 'Verbose', 23, 23, true],
      ['variable', 'quiet', 23, 23, false],
      ['struct', 'Server', 26, 32, true],
      ['property', 'Server.Name', 28, 28, true],
      ['property', 'Server.addr', 29, 29, false],
      ['property', 'Server.port', 29, 29, false],
      ['interface', 'Runner', 35, 38, true],
      ['method', 'Runner.Run', 36, 36, true],
      ['type', 'ID', 40, 40, true],
      ['method', 'Server.Start', 44, 57, true],
      ['function', 'helper', 59, 62, false],
    ]);
    const byName = (q: string) => r.symbols.find((s) => s.qualified_name === q)!;
    expect(byName('DefaultPort').doc).toBe('DefaultPort is used when none is configured.');
    expect(byName('DefaultPort').signature).toBe('const DefaultPort = 8080');
    expect(byName('ModeDev').doc).toBe('ModeDev is for local runs.');
    expect(byName('Server').doc).toBe('Server serves requests.');
    expect(byName('Server').signature).toBe('type Server struct');
    expect(byName('Server.Name').doc).toBe('Name is shown in logs.');
    expect(byName('Server.Start').doc).toBe('Start starts the server.');
    expect(byName('Server.Start').signature).toBe('func (s *Server) Start(retries int, name string) (err error)');
    // for, &&, if, ||, case
    expect(byName('Server.Start').complexity).toBe(6);
    expect(byName('Server.Start').param_count).toBe(2);
    expect(byName('Runner.Run').signature).toBe('Run(ctx int) error');
    // Names declared together are siblings, not nested in each other.
    expect(byName('quiet').parent).toBeUndefined();
    expect(byName('Server.port').parent).toBe('Server');
  });

  it('records every path of a grouped import block, with package-name bindings', async () => {
    const r = await parseSource(specFor('go')!, src);
    expect(r.imports).toEqual([
      { specifier: 'fmt', line: 4, kind: 'import', bindings: [{ local: 'fmt', imported: '*' }] },
      { specifier: 'net/http', line: 6, kind: 'import', bindings: [{ local: 'http', imported: '*' }] },
      { specifier: 'strings', line: 7, kind: 'import', bindings: [{ local: 'str', imported: '*' }] },
      // A blank import binds nothing.
      { specifier: 'embed', line: 8, kind: 'import', bindings: [] },
      { specifier: 'github.com/acme/kit/v2', line: 10, kind: 'import', bindings: [{ local: 'kit', imported: '*' }] },
      { specifier: 'gopkg.in/yaml.v3', line: 11, kind: 'import', bindings: [{ local: 'yaml', imported: '*' }] },
    ]);
  });

  it('records references, not text: shadowing, comments and strings excluded', async () => {
    const r = await parseSource(specFor('go')!, src);
    // Line 45 declares a local Verbose that shadows the package-level one.
    expect(r.refs.filter((x) => x.name === 'Verbose')).toEqual([]);
    expect(r.refs.find((x) => x.name === 'quiet')).toMatchObject({ kind: 'read', scope: 'file', line: 52, caller: 'Server.Start' });
    // helper() appears in a comment and a string on lines 60-61.
    expect(r.refs.filter((x) => x.name === 'helper').map((x) => [x.line, x.kind, x.scope, x.caller])).toEqual([
      [56, 'call', 'file', 'Server.Start'],
    ]);
    expect(r.refs.find((x) => x.name === 'Println')).toMatchObject({
      kind: 'call', scope: 'member', receiver: 'fmt', line: 48, caller: 'Server.Start',
    });
    expect(r.refs.find((x) => x.name === 'ToUpper')).toMatchObject({ kind: 'call', scope: 'member', receiver: 'str' });
    expect(r.refs.find((x) => x.name === 'Version')).toMatchObject({ kind: 'attribute', scope: 'member', receiver: 'kit' });
    expect(r.refs.find((x) => x.name === 'Handler')).toMatchObject({ kind: 'inherit', scope: 'member', receiver: 'http', line: 31 });
    expect(r.refs.find((x) => x.name === 'Stringer')).toMatchObject({ kind: 'inherit', scope: 'member', receiver: 'fmt', line: 37 });
    expect(r.refs.find((x) => x.name === 'Server' && x.line === 60)).toMatchObject({ kind: 'call', scope: 'file', caller: 'helper' });
    expect(r.refs.find((x) => x.name === 'Runner')).toMatchObject({ kind: 'type', scope: 'file', line: 59 });
    expect(r.refs.find((x) => x.name === 'Start')).toMatchObject({ kind: 'call', scope: 'free', line: 61, caller: 'helper' });
    for (const name of ['s', 'retries', 'name', 'i', 'srv', 'r', 'err', '_']) {
      expect(r.refs.filter((x) => x.name === name)).toEqual([]);
    }
  });

  it('handles generics, multi-name consts and blank vars', async () => {
    const r = await parseSource(specFor('go')!, `package p

const A, B = 1, 2
var _ Runner = (*Impl)(nil)

type List[T any] struct{ items []T; next *List[T] }

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }
func Map[T, U any](xs []T, f func(T) U) []U { return nil }
`);
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.exported])).toEqual([
      ['constant', 'A', true],
      ['constant', 'B', true],
      ['struct', 'List', true],
      ['property', 'List.items', false],
      ['property', 'List.next', false],
      ['method', 'List.Push', true],
      ['function', 'Map', true],
    ]);
    // Type parameters are local names, not references to package-level types.
    expect(r.refs.filter((x) => ['T', 'U', 'v', 'xs', 'f', 'l'].includes(x.name))).toEqual([]);
    // `(*Impl)(nil)` parses as an expression, so Impl is a read.
    expect(r.refs.find((x) => x.name === 'Impl')).toMatchObject({ kind: 'read', line: 4 });
    expect(r.refs.find((x) => x.name === 'Runner')).toMatchObject({ kind: 'type', line: 4 });
    // A recursive type refers to itself.
    expect(r.refs.find((x) => x.name === 'List' && x.line === 6)).toMatchObject({ kind: 'type', scope: 'file' });
  });

  it('extracts symbol facts: typed parameters (every parameter has a type) and result types', async () => {
    const r = await parseSource(specFor('go')!, `package svc

func Parse(data []byte, strict bool) (*Config, error) { return nil, nil }
func (s *Server) Close() error { return nil }
func run(a, b int) {}
type Store interface {
	Get(key string) ([]byte, bool)
}
`);
    const facts = r.symbols.map((s) => [s.qualified_name, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async]);
    expect(facts).toEqual([
      ['Parse', 2, 2, '(*Config, error)', undefined, undefined],
      ['Server.Close', 0, 0, 'error', undefined, undefined],
      // One parameter declaration (`a, b int`) is one counted parameter.
      ['run', 1, 1, undefined, undefined, undefined],
      ['Store', undefined, undefined, undefined, undefined, undefined],
      ['Store.Get', 1, 1, '([]byte, bool)', undefined, undefined],
    ]);
  });
});
