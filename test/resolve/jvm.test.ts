import { describe, expect, it } from 'vitest';
import { createJvmResolver } from '../../src/engine/graph/resolve/jvm.js';
import { binds, imp, makeView, parsed, ref, summary } from './view.js';

const view = makeView({ 'src/main/java/com/acme/legacy/Old.java': '', 'src/main/kotlin/com/acme/kt/Tools.kt': '' }, {
  'src/main/java/com/acme/app/App.java': { namespace: 'com.acme.app', types: ['App'] },
  'src/main/java/com/acme/app/Helper.java': { namespace: 'com.acme.app', types: ['Helper'] },
  'src/main/java/com/acme/app/Local.java': { namespace: 'com.acme.app', types: ['Local'] },
  'src/main/java/com/acme/model/User.java': { namespace: 'com.acme.model', types: ['User'] },
  'src/main/java/com/acme/model/Role.java': { namespace: 'com.acme.model', types: ['Role'] },
  'src/main/java/com/acme/model/Audit.java': { namespace: 'com.acme.model', types: ['Audit'] },
  'src/main/java/com/acme/util/Strings.java': { namespace: 'com.acme.util', types: ['Strings'] },
  'src/main/kotlin/com/acme/util/Ext.kt': { namespace: 'com.acme.util', types: ['Ext'] },
  'src/main/scala/com/acme/fp/Monad.scala': { namespace: 'com.acme.fp', types: ['Monad', 'Functor'] },
  'src/main/csharp/Dup.cs': { namespace: 'com.acme.util', types: ['Strings'] },
});

const resolve = (imports: ReturnType<typeof imp>[], refs: ReturnType<typeof ref>[] = [], namespace = 'com.acme.app') =>
  summary(createJvmResolver().resolve('src/main/java/com/acme/app/App.java', parsed(imports, { refs, namespace }), view));

describe('jvm resolver', () => {
  it('resolves type imports by namespace and type, nested types, path fallback and externals', () => {
    expect(resolve([
      imp('com.acme.model.User', 1, { bindings: binds('User') }),
      imp('com.acme.model.User.Builder', 2, { bindings: binds('Builder') }),
      imp('com.acme.legacy.Old', 3, { bindings: binds('Old') }),
      imp('com.acme.kt.Tools', 4, { bindings: binds('T=Tools') }),
      imp('com.acme.model.Missing', 5, { bindings: binds('Missing') }),
      imp('java.util.List', 6, { bindings: binds('List') }),
      imp('kotlin.collections.map', 7),
      imp('org.junit.Test', 8, { bindings: binds('Test') }),
      imp('com.acme.util.Strings', 9, { bindings: binds('Strings') }),
    ])).toEqual({
      edges: [
        'src/main/java/com/acme/model/User.java import 1 com.acme.model.User',
        'src/main/java/com/acme/model/User.java import 2 com.acme.model.User.Builder',
        'src/main/java/com/acme/legacy/Old.java import 3 com.acme.legacy.Old',
        'src/main/kotlin/com/acme/kt/Tools.kt import 4 com.acme.kt.Tools',
        'src/main/java/com/acme/util/Strings.java import 9 com.acme.util.Strings',
      ],
      external: ['java.util 6 java.util.List', 'kotlin.collections 7 kotlin.collections.map', 'org.junit 8 org.junit.Test'],
      unresolved: ['5 com.acme.model.Missing'],
    });
  });

  it('resolves platform packages when the project declares them (the JDK sources)', () => {
    const jdk = makeView({}, {
      'java.base/java/util/List.java': { namespace: 'java.util', types: ['List'] },
      'java.base/java/util/concurrent/Future.java': { namespace: 'java.util.concurrent', types: ['Future'] },
    });
    expect(summary(createJvmResolver().resolve('java.base/java/util/ArrayList.java', parsed([
      imp('java.util.List', 1, { bindings: binds('List') }),
      imp('java.util.concurrent.Future', 2, { bindings: binds('Future') }),
      imp('java.io.File', 3, { bindings: binds('File') }),
    ], { namespace: 'java.util' }), jdk))).toEqual({
      edges: ['java.base/java/util/List.java import 1 java.util.List', 'java.base/java/util/concurrent/Future.java import 2 java.util.concurrent.Future'],
      external: ['java.io 3 java.io.File'],
      unresolved: [],
    });
  });

  it('resolves static imports to the type file', () => {
    expect(resolve([
      imp('com.acme.util.Strings.join', 1, { form: 'static', bindings: binds('join') }),
      imp('com.acme.util.Strings', 2, { form: 'static' }),
      imp('com.acme.util.Strings.*', 3, { form: 'static' }),
      imp('org.junit.Assert.assertEquals', 4, { form: 'static', bindings: binds('assertEquals') }),
    ])).toEqual({
      edges: [
        'src/main/java/com/acme/util/Strings.java import 1 com.acme.util.Strings.join',
        'src/main/java/com/acme/util/Strings.java import 2 com.acme.util.Strings',
        'src/main/java/com/acme/util/Strings.java import 3 com.acme.util.Strings.*',
      ],
      external: ['org.junit 4 org.junit.Assert.assertEquals'],
      unresolved: [],
    });
  });

  it('resolves wildcards through referenced type names, else to the whole package', () => {
    expect(resolve(
      [
        imp('com.acme.model.*', 1),
        imp('com.acme.util', 2, { form: 'wildcard' }),
        imp('com.acme.fp._', 3),
        imp('java.io.*', 4),
        imp('org.other.*', 5),
      ],
      [ref('User', 10), ref('Role', 12, 'call'), ref('Audit', 13, 'write'), ref('Role', 11, 'inherit'), ref('Monad', 14, 'type', 'import')],
    )).toEqual({
      edges: [
        'src/main/java/com/acme/model/Role.java import 1 com.acme.model.*',
        'src/main/java/com/acme/model/User.java import 1 com.acme.model.*',
        'src/main/java/com/acme/util/Strings.java import 2 com.acme.util',
        'src/main/kotlin/com/acme/util/Ext.kt import 2 com.acme.util',
        'src/main/scala/com/acme/fp/Monad.scala import 3 com.acme.fp._',
      ],
      external: ['java.io 4 java.io.*', 'org.other 5 org.other.*'],
      unresolved: [],
    });
  });

  it('resolves grouped imports (Scala braces) per member', () => {
    expect(resolve([imp('com.acme.model', 1, { bindings: binds('User', 'R=Role') })]).edges).toEqual([
      'src/main/java/com/acme/model/Role.java import 1 com.acme.model',
      'src/main/java/com/acme/model/User.java import 1 com.acme.model',
    ]);
  });

  it('adds same-package edges for referenced types defined in sibling files', () => {
    expect(resolve([], [ref('Helper', 7, 'call'), ref('Helper', 4, 'read'), ref('App', 2), ref('Local', 9, 'type', 'file'), ref('Gone', 3)]))
      .toEqual({ edges: ['src/main/java/com/acme/app/Helper.java import 4 com.acme.app.Helper'], external: [], unresolved: [] });
  });
});
