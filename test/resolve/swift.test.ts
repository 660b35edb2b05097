import { describe, expect, it } from 'vitest';
import { createSwiftResolver } from '../../src/engine/graph/resolve/swift.js';
import { imp, makeView, parsed, ref, summary } from './view.js';

const view = makeView({}, {
  'Sources/App/Main.swift': { types: ['Main'] },
  'Sources/App/Model.swift': { types: ['Model', 'Shared'] },
  'Sources/App/Store.swift': { types: ['Store'] },
  'Sources/Other/Shared.swift': { types: ['Shared'] },
  'Sources/Other/View.swift': { types: ['Main', 'View'] },
  'web/Store.ts': { types: ['Cache'] },
});

describe('swift resolver', () => {
  it('treats imports as external modules and infers edges from referenced type names', () => {
    const res = createSwiftResolver().resolve('Sources/App/Main.swift', parsed(
      [imp('Foundation', 1), imp('UIKit.UIView', 2)],
      {
        refs: [
          ref('Model', 9), ref('Model', 5, 'call'), ref('Store', 7, 'inherit'), ref('Shared', 8), ref('Main', 10),
          ref('View', 11, 'read'), ref('Cache', 12), ref('helper', 13, 'call'), ref('Store', 3, 'type', 'file'),
        ],
      },
    ), view);
    expect(summary(res)).toEqual({
      edges: ['Sources/App/Model.swift inferred 5 Model', 'Sources/App/Store.swift inferred 7 Store'],
      external: ['Foundation 1 Foundation', 'UIKit 2 UIKit.UIView'],
      unresolved: [],
    });
  });
});
