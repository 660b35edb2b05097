import { describe, expect, it } from 'vitest';
import { createPythonResolver } from '../../src/engine/graph/resolve/python.js';
import { binds, imp, makeView, parsed, summary } from './view.js';

const files = {
  'pyproject.toml': '[project]\nname = "app"\n\n[tool.setuptools.packages.find]\nwhere = [\n  "lib",  # extra root\n]\n',
  'src/app/__init__.py': '', 'src/app/core.py': '', 'src/app/models.pyi': '',
  'src/app/sub/__init__.py': '', 'src/app/sub/mod.py': '', 'src/app/sub/other.py': '',
  'lib/extra/__init__.py': '',
  'ns/pkg/thing.py': '',
  'scripts/run.py': '', 'scripts/helper.py': '',
  'docs/index.md': '',
  'main.py': '',
};

const resolve = (from: string, imports: ReturnType<typeof imp>[]) =>
  summary(createPythonResolver().resolve(from, parsed(imports), makeView(files)));

describe('python resolver', () => {
  it('resolves relative imports from the importing package', () => {
    expect(resolve('src/app/sub/other.py', [
      imp('..core', 1, { bindings: binds('Engine') }),
      imp('..', 2, { bindings: binds('core', 'VERSION') }),
      imp('.', 3, { bindings: binds('mod', 'helper') }),
      imp('.mod', 4),
      imp('.missing', 5, { bindings: binds('x') }),
      imp('.....beyond', 6),
    ])).toEqual({
      edges: [
        'src/app/core.py import 1 ..core',
        'src/app/__init__.py import 2 ..', 'src/app/core.py import 2 ..',
        'src/app/sub/__init__.py import 3 .', 'src/app/sub/mod.py import 3 .',
        'src/app/sub/mod.py import 4 .mod',
      ],
      external: [],
      unresolved: ['5 .missing', '6 .....beyond'],
    });
  });

  it('resolves absolute imports against root, src/, pyproject where dirs and the file directory', () => {
    expect(resolve('scripts/run.py', [
      imp('app.core', 1),
      imp('app', 2, { bindings: binds('core', 'Thing') }),
      imp('app', 3, { bindings: binds('*') }),
      imp('app.models', 4),
      imp('extra', 5),
      imp('ns.pkg.thing', 6),
      imp('ns.pkg', 7, { bindings: binds('thing', 'missing') }),
      imp('helper', 8),
      imp('app.nothing', 9),
      imp('ns', 10),
      imp('os.path', 11),
      imp('numpy', 12, { bindings: binds('array') }),
      imp('docs', 13),
      imp('main', 14, { kind: 'dynamic' }),
    ])).toEqual({
      edges: [
        'src/app/core.py import 1 app.core',
        'src/app/__init__.py import 2 app', 'src/app/core.py import 2 app',
        'src/app/__init__.py import 3 app',
        'src/app/models.pyi import 4 app.models',
        'lib/extra/__init__.py import 5 extra',
        'ns/pkg/thing.py import 6 ns.pkg.thing',
        'ns/pkg/thing.py import 7 ns.pkg',
        'scripts/helper.py import 8 helper',
        'main.py dynamic 14 main',
      ],
      external: ['os 11 os.path', 'numpy 12 numpy', 'docs 13 docs'],
      unresolved: ['9 app.nothing', '10 ns'],
    });
  });
});
