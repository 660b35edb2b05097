import { describe, expect, it } from 'vitest';
import { createTypeScriptResolver } from '../../src/engine/graph/resolve/typescript.js';
import { imp, makeView, parsed, summary } from './view.js';

const resolve = (files: Record<string, string>, from: string, imports: ReturnType<typeof imp>[]) =>
  summary(createTypeScriptResolver().resolve(from, parsed(imports), makeView(files)));

describe('typescript resolver: relative specifiers', () => {
  const files = {
    'src/main.ts': '', 'src/util.ts': '', 'src/x.ts': '', 'src/m.mts': '', 'src/c.cts': '', 'src/comp.tsx': '',
    'src/dir/index.ts': '', 'lib/types.d.ts': '', 'src/data.json': '', 'src/plain.js': '', 'src/legacy.jsx': '',
  };

  it('probes extensions, index files and .js-for-.ts specifiers', () => {
    expect(resolve(files, 'src/main.ts', [
      imp('./util', 1), imp('./x.js', 2), imp('./m.mjs', 3), imp('./c.cjs', 4), imp('./comp.jsx', 5),
      imp('./dir', 6), imp('../lib/types', 7), imp('./data.json', 8), imp('./plain.js', 9), imp('./legacy', 10),
      imp('.', 11), imp('./missing', 12), imp('../../outside', 13),
    ])).toEqual({
      edges: [
        'src/util.ts import 1 ./util', 'src/x.ts import 2 ./x.js', 'src/m.mts import 3 ./m.mjs',
        'src/c.cts import 4 ./c.cjs', 'src/comp.tsx import 5 ./comp.jsx', 'src/dir/index.ts import 6 ./dir',
        'lib/types.d.ts import 7 ../lib/types', 'src/data.json import 8 ./data.json', 'src/plain.js import 9 ./plain.js',
        'src/legacy.jsx import 10 ./legacy',
      ],
      external: [],
      unresolved: ['11 .', '12 ./missing', '13 ../../outside'],
    });
  });

  it('keeps type_only and dynamic kinds, maps other kinds to import', () => {
    expect(resolve(files, 'src/main.ts', [
      imp('./util', 1, { kind: 'type_only' }), imp('./x', 2, { kind: 'dynamic' }), imp('./dir', 3, { reexport: true }),
    ]).edges).toEqual(['src/util.ts type_only 1 ./util', 'src/x.ts dynamic 2 ./x', 'src/dir/index.ts import 3 ./dir']);
  });

  it('names external packages', () => {
    expect(resolve(files, 'src/main.ts', [
      imp('react', 1), imp('@scope/pkg/sub/deep', 2), imp('node:fs', 3), imp('node:fs/promises', 4), imp('lodash/fp', 5),
      imp('https://deno.land/x/mod.ts', 6), imp('', 7),
    ])).toEqual({
      edges: [],
      external: ['react 1 react', '@scope/pkg 2 @scope/pkg/sub/deep', 'node:fs 3 node:fs', 'node:fs 4 node:fs/promises',
        'lodash 5 lodash/fp', 'https://deno.land 6 https://deno.land/x/mod.ts'],
      unresolved: ['7 '],
    });
  });

  it('sorts by line and de-duplicates identical results', () => {
    expect(resolve(files, 'src/main.ts', [imp('./x', 5), imp('react', 3), imp('./util', 1), imp('./x', 5)]))
      .toEqual({ edges: ['src/util.ts import 1 ./util', 'src/x.ts import 5 ./x'], external: ['react 3 react'], unresolved: [] });
  });
});

describe('typescript resolver: tsconfig', () => {
  const files = {
    'tsconfig.base.json': `{
      // shared settings
      "compilerOptions": {
        "baseUrl": ".",
        "paths": {
          "@app/*": ["src/app/*"],
          "@app/special/*": ["src/special/*"],
          "@lib": ["lib/index.ts"],
          "~/*": ["missing/*", "src/*"], // first target misses
        },
      },
    }`,
    'tsconfig.json': '{ "extends": "./tsconfig.base", "compilerOptions": { "strict": true } }',
    'src/main.ts': '', 'src/app/store.ts': '', 'src/special/x.ts': '', 'lib/index.ts': '', 'src/shared/log.ts': '',
    'packages/web/tsconfig.json': '{ "compilerOptions": { "paths": { "@web/*": ["./src/*"] } } }',
    'packages/web/src/page.ts': '', 'packages/web/src/view.tsx': '',
  };

  it('follows extends, applies paths (longest prefix, fallbacks) and baseUrl', () => {
    expect(resolve(files, 'src/main.ts', [
      imp('@app/store', 1), imp('@app/special/x', 2), imp('@lib', 3), imp('~/shared/log', 4), imp('src/shared/log', 5),
      imp('@app/none', 6),
    ])).toEqual({
      edges: ['src/app/store.ts import 1 @app/store', 'src/special/x.ts import 2 @app/special/x', 'lib/index.ts import 3 @lib',
        'src/shared/log.ts import 4 ~/shared/log', 'src/shared/log.ts import 5 src/shared/log'],
      external: ['@app/none 6 @app/none'],
      unresolved: [],
    });
  });

  it('uses the nearest tsconfig, with paths relative to it when there is no baseUrl', () => {
    expect(resolve(files, 'packages/web/src/page.ts', [imp('@web/view', 1), imp('@app/store', 2)])).toEqual({
      edges: ['packages/web/src/view.tsx import 1 @web/view'],
      external: ['@app/store 2 @app/store'],
      unresolved: [],
    });
  });
});

describe('typescript resolver: package.json imports and workspaces', () => {
  const files = {
    'package.json': JSON.stringify({
      name: 'root', workspaces: ['packages/*', '!packages/ignored'],
      imports: { '#internal/*': { types: './src/internal/*.d.ts', import: './src/internal/*.js' }, '#dep': 'lodash', '#cfg': './config.ts', '#gen/*': './dist/gen/*.js' },
    }),
    'src/main.ts': '', 'src/internal/a.ts': '', 'config.ts': '', 'src/gen/api.ts': '',
    'packages/core/package.json': JSON.stringify({
      name: '@acme/core',
      exports: {
        '.': { types: './dist/index.d.ts', import: './dist/index.js' },
        './utils/*': './src/utils/*.ts',
        './feature': { browser: './src/browser.ts', require: './lib/feature.cjs', default: './src/feature.ts' },
      },
    }),
    'packages/core/src/index.ts': '', 'packages/core/src/utils/str.ts': '', 'packages/core/src/feature.ts': '',
    'packages/core/src/browser.ts': '',
    'packages/legacy/package.json': JSON.stringify({ name: 'legacy', main: 'lib/main.js' }),
    'packages/legacy/lib/main.js': '', 'packages/legacy/extra.ts': '',
    'packages/str/package.json': JSON.stringify({ name: 'str-pkg', exports: './index.js' }),
    'packages/str/index.ts': '',
    'packages/bare/package.json': JSON.stringify({ name: 'bare' }),
    'packages/bare/index.js': '',
    'packages/ignored/package.json': JSON.stringify({ name: 'ignored' }),
    'packages/ignored/index.ts': '',
  };

  it('resolves #imports of the enclosing package', () => {
    expect(resolve(files, 'src/main.ts', [imp('#internal/a', 1), imp('#dep', 2), imp('#cfg', 3), imp('#nope', 4), imp('#gen/api', 5)])).toEqual({
      edges: ['src/internal/a.ts import 1 #internal/a', 'config.ts import 3 #cfg', 'src/gen/api.ts import 5 #gen/api'],
      external: ['lodash 2 #dep'],
      unresolved: ['4 #nope'],
    });
  });

  it('resolves workspace packages through exports, entry fields and source mapping', () => {
    expect(resolve(files, 'src/main.ts', [
      imp('@acme/core', 1), imp('@acme/core/utils/str', 2), imp('@acme/core/feature', 3), imp('@acme/core/nope', 4),
      imp('legacy', 5), imp('legacy/extra', 6), imp('str-pkg', 7), imp('bare', 8), imp('ignored', 9),
    ])).toEqual({
      edges: [
        'packages/core/src/index.ts import 1 @acme/core', 'packages/core/src/utils/str.ts import 2 @acme/core/utils/str',
        'packages/core/src/feature.ts import 3 @acme/core/feature', 'packages/legacy/lib/main.js import 5 legacy',
        'packages/legacy/extra.ts import 6 legacy/extra', 'packages/str/index.ts import 7 str-pkg',
        'packages/bare/index.js import 8 bare',
      ],
      external: ['ignored 9 ignored'],
      unresolved: ['4 @acme/core/nope'],
    });
  });

  it('reads pnpm-workspace.yaml', () => {
    const pnpm = {
      'pnpm-workspace.yaml': 'packages:\n  - "apps/**"\n  - libs/*\n',
      'apps/web/main.ts': '',
      'libs/ui/package.json': JSON.stringify({ name: '@x/ui', module: './src/index.ts' }),
      'libs/ui/src/index.ts': '',
      'apps/deep/tool/package.json': JSON.stringify({ name: 'tool', types: 'dist/tool.d.ts' }),
      'apps/deep/tool/src/tool.ts': '',
    };
    expect(resolve(pnpm, 'apps/web/main.ts', [imp('@x/ui', 1), imp('tool', 2)]).edges)
      .toEqual(['libs/ui/src/index.ts import 1 @x/ui', 'apps/deep/tool/src/tool.ts import 2 tool']);
  });
});
