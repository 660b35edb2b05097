import { describe, expect, it } from 'vitest';
import { createGoResolver } from '../../src/engine/graph/resolve/go.js';
import { imp, makeView, parsed, summary } from './view.js';

const files = {
  'go.mod': 'module github.com/acme/app\n\ngo 1.22\n',
  'go.work': 'go 1.22\nuse (\n  .\n  ./tools\n)\n',
  'cmd/app/main.go': '', 'internal/store/store.go': '', 'internal/store/cache.go': '',
  'internal/store/store_test.go': '', 'internal/store/README.md': '', 'internal/store/sub/deep.go': '',
  'internal/empty/doc.txt': '',
  'tools/go.mod': 'module "github.com/acme/tools"\n',
  'tools/gen/gen.go': '',
  'testdata/fixture/go.mod': 'module github.com/acme/app/internal/store\n',
};

const resolve = (from: string, imports: ReturnType<typeof imp>[]) =>
  summary(createGoResolver().resolve(from, parsed(imports), makeView(files)));

describe('go resolver', () => {
  it('maps import paths under project modules to every non-test file of the package directory', () => {
    expect(resolve('cmd/app/main.go', [
      imp('github.com/acme/app/internal/store', 3),
      imp('github.com/acme/tools/gen', 4),
      imp('github.com/acme/app/internal/empty', 5),
      imp('github.com/acme/app/missing', 6),
      imp('fmt', 7),
      imp('github.com/pkg/errors', 8),
    ])).toEqual({
      edges: [
        'internal/store/cache.go import 3 github.com/acme/app/internal/store',
        'internal/store/store.go import 3 github.com/acme/app/internal/store',
        'tools/gen/gen.go import 4 github.com/acme/tools/gen',
      ],
      external: ['fmt 7 fmt', 'github.com/pkg/errors 8 github.com/pkg/errors'],
      unresolved: ['5 github.com/acme/app/internal/empty', '6 github.com/acme/app/missing'],
    });
  });

  it('prefers the longest module path (nested modules)', () => {
    const nested = {
      'go.mod': 'module example.com/root\n', 'a/a.go': '',
      'sub/go.mod': 'module example.com/root/sub\n', 'sub/pkg/p.go': '', 'pkg/p.go': '',
    };
    expect(summary(createGoResolver().resolve('a/a.go', parsed([imp('example.com/root/sub/pkg', 1), imp('example.com/root', 2)]), makeView(nested))))
      .toEqual({ edges: ['sub/pkg/p.go import 1 example.com/root/sub/pkg'], external: [], unresolved: ['2 example.com/root'] });
  });
});
