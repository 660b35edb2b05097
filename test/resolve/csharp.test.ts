import { describe, expect, it } from 'vitest';
import { createCSharpResolver } from '../../src/engine/graph/resolve/csharp.js';
import { binds, imp, makeView, parsed, summary } from './view.js';

const view = makeView({}, {
  'App/Program.cs': { namespace: 'Acme.App', types: ['Program'] },
  'App/Startup.cs': { namespace: 'Acme.App', types: ['Startup'] },
  'Core/Models/User.cs': { namespace: 'Acme.Core.Models', types: ['User'] },
  'Core/Models/Role.cs': { namespace: 'Acme.Core.Models', types: ['Role'] },
  'Core/Util/Guard.cs': { namespace: 'Acme.Core.Util', types: ['Guard'] },
  'java/Models.java': { namespace: 'Acme.Core.Models', types: ['User'] },
});

describe('c# resolver', () => {
  it('resolves namespaces, aliases and static usings', () => {
    const res = createCSharpResolver().resolve('App/Program.cs', parsed([
      imp('Acme.Core.Models', 1),
      imp('Acme.Core.Models.User', 2, { bindings: binds('U=User') }),
      imp('Acme.Core.Models.Missing', 3, { bindings: binds('M=Missing') }),
      imp('Acme.Core.Util.Guard', 4, { form: 'static' }),
      imp('Acme.App', 5),
      imp('System.Collections.Generic', 6),
      imp('System', 7),
      imp('Newtonsoft.Json.Linq', 8),
      imp('global::Acme.Core.Util', 9),
    ]), view);
    expect(summary(res)).toEqual({
      edges: [
        'Core/Models/Role.cs import 1 Acme.Core.Models', 'Core/Models/User.cs import 1 Acme.Core.Models',
        'Core/Models/User.cs import 2 Acme.Core.Models.User',
        'Core/Models/Role.cs import 3 Acme.Core.Models.Missing', 'Core/Models/User.cs import 3 Acme.Core.Models.Missing',
        'Core/Util/Guard.cs import 4 Acme.Core.Util.Guard',
        'App/Startup.cs import 5 Acme.App',
        'Core/Util/Guard.cs import 9 global::Acme.Core.Util',
      ],
      external: ['System.Collections 6 System.Collections.Generic', 'System 7 System', 'Newtonsoft.Json 8 Newtonsoft.Json.Linq'],
      unresolved: [],
    });
  });

  it('links types used from the same or an enclosing namespace without a using', () => {
    const refs = [
      { name: 'Startup', line: 4, col: 5, kind: 'call' as const, scope: 'free' as const },
      { name: 'Guard', line: 6, col: 5, kind: 'type' as const, scope: 'free' as const },
      { name: 'Program', line: 7, col: 5, kind: 'type' as const, scope: 'free' as const },
    ];
    const nested = makeView({}, {
      'App/Program.cs': { namespace: 'Acme.App', types: ['Program'] },
      'App/Startup.cs': { namespace: 'Acme.App', types: ['Startup'] },
      'App/Web/Site.cs': { namespace: 'Acme.App.Web', types: ['Site'] },
      'Core/Util/Guard.cs': { namespace: 'Acme.Core.Util', types: ['Guard'] },
    });
    const res = createCSharpResolver().resolve('App/Web/Site.cs', parsed([], { namespace: 'Acme.App.Web', refs }), nested);
    // Startup is in the enclosing namespace Acme.App; Guard's namespace is not imported.
    expect(summary(res).edges).toEqual(['App/Startup.cs import 4 Acme.App.Startup', 'App/Program.cs import 7 Acme.App.Program']);
  });
});
