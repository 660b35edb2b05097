// The multi-language fixture (test/fixtures/polyglot: one small project per language) indexed
// through the real engine: exact symbols of representative files per language, the exact
// file→file edge list of the whole repository, and the externals and unresolved imports of the
// files that exercise each import-resolution rule. Edits to the fixture need edits here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/engine/project.js';
import { copyFixture, openIndexed, removeDir } from '../helpers/fixture.js';

let project: Project;
let root: string;

beforeAll(async () => {
  root = copyFixture('polyglot');
  project = await openIndexed(root);
});

afterAll(async () => {
  await project.close();
  removeDir(root);
});

type Sym = [kind: string, qualified: string, start: number, end: number];

const symbols = (path: string): Sym[] =>
  project.store.symbolsOfFile(path).map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line]);

function fileId(path: string): number {
  const id = project.store.fileId(path);
  if (id === undefined) throw new Error(`not indexed: ${path}`);
  return id;
}

/** Edges leaving a file as `line target (kind) specifier`, in store order (target, then line). */
const edgesFrom = (path: string): string[] =>
  project.store.edgesFrom(path).map((e) => `${e.line} ${e.target} (${e.kind}) ${e.specifier}`);

const externals = (path: string): string[] =>
  project.store.externalsOf(fileId(path)).map((e) => `${e.line} ${e.specifier} -> ${e.package}`);

const unresolved = (path: string): string[] =>
  project.store.unresolvedOf(fileId(path)).map((u) => `${u.line} ${u.specifier}`);

const JAVA = 'java/src/main/java/com/acme/shop';
const KOTLIN = 'kotlin/src/main/kotlin/com/acme/notes';
const SCALA = 'scala/src/main/scala/com/acme/geo';

describe('polyglot fixture: discovery and parsing', () => {
  it('parses every source file, each with its language and without syntax errors', () => {
    const parsed = project.store.allFiles().filter((f) => f.status !== 'skipped');
    const byLanguage: Record<string, number> = {};
    for (const f of parsed) byLanguage[f.language ?? '?'] = (byLanguage[f.language ?? '?'] ?? 0) + 1;
    expect(byLanguage).toEqual({
      bash: 3, c: 5, cpp: 5, csharp: 4, go: 5, java: 6, javascript: 7, kotlin: 4, lua: 4, php: 6,
      python: 7, ruby: 5, rust: 6, scala: 4, swift: 5, tsx: 1, typescript: 9,
    });
    expect(parsed.filter((f) => f.status !== 'ok' || f.parse_errors !== 0).map((f) => f.path)).toEqual([]);
    // A header takes C++ only next to C++ sources; .jsx/.mjs are JavaScript, .tsx is TSX.
    const language = (path: string) => project.store.file(path)?.language;
    expect([language('c/include/vec.h'), language('cpp/src/config.h'), language('cpp/include/geometry/shape.hpp')])
      .toEqual(['c', 'cpp', 'cpp']);
    expect([language('js/ui/App.jsx'), language('js/plugins/registry.mjs'), language('ts/src/view.tsx')])
      .toEqual(['javascript', 'javascript', 'tsx']);
  });
});

describe('polyglot fixture: TypeScript and TSX', () => {
  it('extracts symbols', () => {
    expect(symbols('ts/src/store.ts')).toEqual([
      ['type', 'Listener', 5, 5],
      ['interface', 'StoreOptions', 7, 9],
      ['property', 'StoreOptions.capacity', 8, 8],
      ['class', 'Store', 11, 30],
      ['property', 'Store.users', 12, 12],
      ['property', 'Store.listeners', 13, 13],
      ['method', 'Store.constructor', 15, 15],
      ['property', 'Store.options', 15, 15], // a constructor parameter property
      ['method', 'Store.add', 17, 21],
      ['method', 'Store.admins', 23, 25],
      ['method', 'Store.all', 27, 29],
      ['constant', 'DEFAULT_CAPACITY', 32, 32],
    ]);
    expect(symbols('ts/src/view.tsx')).toEqual([
      ['interface', 'PageProps', 6, 8],
      ['property', 'PageProps.users', 7, 7],
      ['function', 'UserList', 10, 16],
      ['function', 'renderPage', 18, 20],
    ]);
  });

  it('resolves `.js` for `.ts`, /index, tsconfig paths and baseUrl through extends, workspace exports, type-only, re-exports and import()', () => {
    expect(edgesFrom('ts/src/main.ts')).toEqual([
      '7 ts/packages/shared/src/index.ts (import) @polyglot/shared', // exports "." → ./dist/index.d.ts → src/index.ts
      '8 ts/packages/shared/src/strings.ts (import) @polyglot/shared/strings', // exports "./strings"
      '5 ts/src/lib/format.ts (import) @lib/format', // paths of the extended config
      '4 ts/src/models/index.ts (type_only) ./models',
      '12 ts/src/models/index.ts (import) ./models', // export * from
      '3 ts/src/store.ts (import) ./store.js',
      '11 ts/src/store.ts (import) ./store.js', // export { Store } from
      '6 ts/src/util/clock.ts (import) util/clock', // baseUrl of the extended config
      '22 ts/src/view.tsx (dynamic) ./view',
    ]);
    expect(externals('ts/src/main.ts')).toEqual(['2 express -> express']);
    expect(unresolved('ts/src/main.ts')).toEqual(['9 ./legacy']);
    expect(externals('ts/src/view.tsx')).toEqual(['2 react-dom/server -> react-dom']);
  });
});

describe('polyglot fixture: JavaScript and JSX', () => {
  it('extracts symbols', () => {
    expect(symbols('js/server.js')).toEqual([
      ['variable', 'log', 6, 6],
      ['function', 'loadPlugins', 8, 11],
      ['function', 'start', 13, 16],
    ]);
    expect(symbols('js/ui/App.jsx')).toEqual([['function', 'App', 5, 13]]);
  });

  it('resolves require() of a workspace package by its main and of a folder index, import() and extensionless .jsx', () => {
    expect(edgesFrom('js/server.js')).toEqual([
      '3 js/packages/logger/lib/index.js (import) @polyglot/logger',
      '9 js/plugins/registry.mjs (dynamic) ./plugins/registry.mjs',
      '4 js/routes/index.js (import) ./routes',
    ]);
    expect(externals('js/server.js')).toEqual(['2 http -> http']);
    expect(edgesFrom('js/ui/App.jsx')).toEqual(['3 js/ui/Header.jsx (import) ./Header']);
    expect(externals('js/ui/App.jsx')).toEqual(['2 react -> react']);
    expect(externals('js/packages/logger/lib/index.js')).toEqual(['2 node:util -> node:util']);
  });
});

describe('polyglot fixture: Python', () => {
  it('extracts symbols', () => {
    expect(symbols('python/src/inventory/models.py')).toEqual([
      ['class', 'Item', 5, 13],
      ['property', 'Item.sku', 9, 9],
      ['property', 'Item.quantity', 10, 10],
      ['method', 'Item.restock', 12, 13],
      ['class', 'Warehouse', 16, 22],
      ['property', 'Warehouse.name', 18, 18],
      ['property', 'Warehouse.items', 19, 19],
      ['method', 'Warehouse.find', 21, 22],
      ['constant', 'DEFAULT_WAREHOUSE', 25, 25],
    ]);
    expect(symbols('python/src/inventory/cli.py')).toEqual([['function', 'main', 12, 19]]);
  });

  it('resolves absolute imports in a src/ layout, `from pkg import module`, and relative imports', () => {
    expect(edgesFrom('python/src/inventory/cli.py')).toEqual([
      '5 python/src/inventory/models.py (import) inventory.models',
      '7 python/src/inventory/reports/summary.py (import) inventory.reports',
      '8 python/src/inventory/reports/summary.py (import) inventory.reports.summary',
      '6 python/src/inventory/storage.py (import) inventory',
    ]);
    expect(externals('python/src/inventory/cli.py')).toEqual(['2 argparse -> argparse', '3 sys -> sys']);
    expect(unresolved('python/src/inventory/cli.py')).toEqual(['9 inventory.plugins']);
    expect(edgesFrom('python/src/inventory/storage.py')).toEqual([
      '5 python/src/inventory/models.py (import) .',
      '6 python/src/inventory/models.py (import) .models',
    ]);
    expect(edgesFrom('python/src/inventory/reports/summary.py')).toEqual([
      '2 python/src/inventory/models.py (import) ..models',
      '3 python/src/inventory/storage.py (import) ..storage',
    ]);
    expect(externals('python/scripts/seed.py')).toEqual(['2 pathlib -> pathlib', '4 requests -> requests']);
  });
});

describe('polyglot fixture: Go', () => {
  it('extracts symbols', () => {
    expect(symbols('go/internal/catalog/catalog.go')).toEqual([
      ['struct', 'Product', 7, 10],
      ['property', 'Product.SKU', 8, 8],
      ['property', 'Product.Price', 9, 9],
      ['struct', 'Catalog', 13, 16],
      ['property', 'Catalog.mu', 14, 14],
      ['property', 'Catalog.items', 15, 15],
      ['function', 'New', 19, 21],
      ['method', 'Catalog.Add', 24, 28],
    ]);
    expect(symbols('go/internal/catalog/search.go')).toEqual([['method', 'Catalog.Find', 9, 20]]);
  });

  it('resolves module paths from go.mod to every non-test file of the package, from a grouped import block', () => {
    expect(edgesFrom('go/cmd/shop/main.go')).toEqual([
      '9 go/internal/catalog/catalog.go (import) example.com/polyglot/shop/internal/catalog',
      '9 go/internal/catalog/search.go (import) example.com/polyglot/shop/internal/catalog',
      '10 go/pkg/httpapi/handler.go (import) example.com/polyglot/shop/pkg/httpapi',
    ]);
    expect(externals('go/cmd/shop/main.go')).toEqual(['5 fmt -> fmt', '6 log -> log', '7 net/http -> net/http']);
    expect(unresolved('go/cmd/shop/main.go')).toEqual([]);
  });
});

describe('polyglot fixture: Rust', () => {
  it('extracts symbols', () => {
    expect(symbols('rust/src/account.rs')).toEqual([
      ['struct', 'Account', 5, 9],
      ['property', 'Account.name', 7, 7],
      ['property', 'Account.balance', 8, 8],
      ['method', 'Account.new', 12, 14],
      ['method', 'Account.balance', 16, 18],
      ['method', 'Account.apply', 20, 22],
    ]);
    expect(symbols('rust/src/money.rs')).toEqual([
      ['struct', 'Money', 6, 7],
      ['type', 'Money.Output', 10, 10],
      ['method', 'Money.add', 12, 14],
      ['method', 'Money.fmt', 18, 20],
    ]);
  });

  it('resolves `mod x;`, crate::, self::, super:: (twice) and the crate by its Cargo.toml name', () => {
    expect(edgesFrom('rust/src/journal/mod.rs')).toEqual([
      '5 rust/src/account.rs (import) super::account',
      '2 rust/src/journal/entry.rs (import) entry',
      '4 rust/src/journal/entry.rs (import) self::entry',
      '6 rust/src/money.rs (import) crate::money',
    ]);
    expect(edgesFrom('rust/src/journal/entry.rs')).toEqual(['2 rust/src/money.rs (import) super::super::money']);
    expect(externals('rust/src/journal/entry.rs')).toEqual(['3 std::time -> std']);
    expect(edgesFrom('rust/src/main.rs')).toEqual([
      '2 rust/src/lib.rs (import) ledger',
      '1 rust/src/money.rs (import) ledger::money',
    ]);
    expect(externals('rust/src/money.rs')).toEqual(['2 serde -> serde', '3 std -> std', '4 std::ops -> std']);
  });
});

describe('polyglot fixture: Java', () => {
  it('extracts symbols', () => {
    expect(symbols(`${JAVA}/Cart.java`)).toEqual([
      ['class', 'Cart', 9, 21],
      ['property', 'Cart.quantities', 10, 10],
      ['method', 'Cart.add', 12, 14],
      ['method', 'Cart.checkout', 16, 20],
    ]);
    expect(symbols(`${JAVA}/model/LineItem.java`)).toEqual([
      ['class', 'LineItem', 4, 8],
      ['property', 'LineItem.sku', 4, 4],
      ['property', 'LineItem.quantity', 4, 4],
      ['method', 'LineItem.LineItem', 5, 7],
    ]);
  });

  it('resolves classes to files, a wildcard to the used class only, a static import and same-package use', () => {
    expect(edgesFrom(`${JAVA}/App.java`)).toEqual([
      `10 ${JAVA}/Cart.java (import) com.acme.shop.Cart`, // same package, no import: first use
      `4 ${JAVA}/model/Order.java (import) com.acme.shop.model.Order`,
      `5 ${JAVA}/service/OrderService.java (import) com.acme.shop.service.*`, // not PricingService: unused
    ]);
    expect(externals(`${JAVA}/App.java`)).toEqual(['3 java.util.List -> java.util']);
    expect(edgesFrom(`${JAVA}/service/OrderService.java`)).toEqual([
      `5 ${JAVA}/model/Order.java (import) com.acme.shop.model.Order`,
      `6 ${JAVA}/service/PricingService.java (import) com.acme.shop.service.PricingService.total`,
    ]);
  });
});

describe('polyglot fixture: Kotlin', () => {
  it('extracts symbols', () => {
    expect(symbols(`${KOTLIN}/Formatter.kt`)).toEqual([
      ['class', 'Formatter', 6, 11],
      ['property', 'Formatter.BULLET', 7, 7],
      ['method', 'Formatter.render', 9, 10],
    ]);
    expect(symbols(`${KOTLIN}/data/NoteRepository.kt`)).toEqual([
      ['class', 'NoteRepository', 3, 11],
      ['property', 'NoteRepository.notes', 4, 4],
      ['method', 'NoteRepository.save', 6, 8],
      ['method', 'NoteRepository.all', 10, 10],
    ]);
  });

  it('resolves an explicit import, a wildcard and same-package use; kotlinx is external', () => {
    expect(edgesFrom(`${KOTLIN}/Main.kt`)).toEqual([
      `10 ${KOTLIN}/Formatter.kt (import) com.acme.notes.Formatter`,
      `4 ${KOTLIN}/data/Note.kt (import) com.acme.notes.data.*`,
      `3 ${KOTLIN}/data/NoteRepository.kt (import) com.acme.notes.data.NoteRepository`,
    ]);
    expect(externals(`${KOTLIN}/Main.kt`)).toEqual(['5 kotlinx.coroutines.runBlocking -> kotlinx.coroutines']);
    expect(unresolved(`${KOTLIN}/Main.kt`)).toEqual([]);
  });
});

describe('polyglot fixture: Scala', () => {
  it('extracts symbols', () => {
    expect(symbols(`${SCALA}/shapes/Shape.scala`)).toEqual([
      ['trait', 'Shape', 3, 5],
      ['method', 'Shape.area', 4, 4],
      ['class', 'Circle', 7, 9],
      ['property', 'Circle.radius', 7, 7],
      ['method', 'Circle.area', 8, 8],
    ]);
    expect(symbols(`${SCALA}/Geometry.scala`)).toEqual([
      ['class', 'Geometry', 5, 7],
      ['method', 'Geometry.totalArea', 6, 6],
    ]);
  });

  it('resolves selector imports to the files defining each class, a wildcard and same-package use', () => {
    expect(edgesFrom(`${SCALA}/Main.scala`)).toEqual([
      `9 ${SCALA}/Geometry.scala (import) com.acme.geo.Geometry`,
      `4 ${SCALA}/shapes/Shape.scala (import) com.acme.geo.shapes.Circle`,
      `4 ${SCALA}/shapes/Square.scala (import) com.acme.geo.shapes.Square`,
    ]);
    expect(externals(`${SCALA}/Main.scala`)).toEqual(['3 scala.math.Pi -> scala.math']);
    expect(edgesFrom(`${SCALA}/Geometry.scala`)).toEqual([`3 ${SCALA}/shapes/Shape.scala (import) com.acme.geo.shapes.*`]);
    expect(edgesFrom(`${SCALA}/shapes/Square.scala`)).toEqual([`3 ${SCALA}/shapes/Shape.scala (import) com.acme.geo.shapes.Shape`]);
  });
});

describe('polyglot fixture: C', () => {
  it('extracts symbols', () => {
    expect(symbols('c/include/vec.h')).toEqual([
      ['struct', 'vec2', 5, 8],
      ['property', 'vec2.x', 6, 6],
      ['property', 'vec2.y', 7, 7],
      ['function', 'vec2_add', 10, 10],
      ['function', 'vec2_length', 11, 11],
    ]);
    expect(symbols('c/src/util/log.c')).toEqual([
      ['variable', 'lines_written', 4, 4],
      ['function', 'log_info', 6, 9],
    ]);
  });

  it('resolves quoted includes next to the includer and through include/; <stdio.h> is external', () => {
    expect(edgesFrom('c/src/main.c')).toEqual([
      '3 c/include/vec.h (include) vec.h',
      '4 c/src/util/log.h (include) util/log.h',
    ]);
    expect(externals('c/src/main.c')).toEqual(['2 stdio.h -> stdio.h']);
    expect(edgesFrom('c/src/util/log.c')).toEqual(['2 c/src/util/log.h (include) log.h']);
  });
});

describe('polyglot fixture: C++', () => {
  it('extracts symbols', () => {
    expect(symbols('cpp/include/geometry/shape.hpp')).toEqual([
      ['module', 'geometry', 4, 12],
      ['class', 'geometry.Shape', 6, 10],
      ['method', 'geometry.Shape.~Shape', 8, 8], // `= default`
      ['method', 'geometry.Shape.area', 9, 9],
    ]);
    expect(symbols('cpp/src/circle.cpp')).toEqual([
      ['module', 'geometry', 4, 12],
      ['method', 'geometry.Circle.Circle', 6, 6],
      ['method', 'geometry.Circle.area', 8, 10],
    ]);
  });

  it('resolves includes through include/, next to the includer and next to the header', () => {
    expect(edgesFrom('cpp/src/main.cpp')).toEqual([
      '5 cpp/include/geometry/circle.hpp (include) geometry/circle.hpp',
      '4 cpp/src/config.h (include) config.h',
    ]);
    expect(externals('cpp/src/main.cpp')).toEqual(['1 iostream -> iostream', '2 memory -> memory', '3 vector -> vector']);
    expect(edgesFrom('cpp/include/geometry/circle.hpp')).toEqual(['3 cpp/include/geometry/shape.hpp (include) shape.hpp']);
  });
});

describe('polyglot fixture: C#', () => {
  it('extracts symbols', () => {
    expect(symbols('csharp/Billing/Invoice.cs')).toEqual([
      ['class', 'Invoice', 8, 17],
      ['method', 'Invoice.Invoice', 10, 10],
      ['property', 'Invoice.Customer', 12, 12],
      ['property', 'Invoice.Lines', 14, 14],
      ['property', 'Invoice.Total', 16, 16],
    ]);
    expect(symbols('csharp/Billing/TaxCalculator.cs')).toEqual([
      ['class', 'TaxCalculator', 4, 9],
      ['property', 'TaxCalculator.Rate', 6, 6],
      ['method', 'TaxCalculator.WithTax', 8, 8],
    ]);
  });

  it('resolves `using` to every file declaring the namespace (file-scoped and block), using static and an alias', () => {
    expect(edgesFrom('csharp/App/Program.cs')).toEqual([
      '2 csharp/Billing/Invoice.cs (import) Acme.Billing',
      '6 csharp/Billing/Invoice.cs (import) Acme.Billing.Invoice',
      '3 csharp/Billing/Models/Customer.cs (import) Acme.Billing.Models',
      '2 csharp/Billing/TaxCalculator.cs (import) Acme.Billing',
      '5 csharp/Billing/TaxCalculator.cs (import) Acme.Billing.TaxCalculator',
    ]);
    expect(externals('csharp/App/Program.cs')).toEqual(['1 System -> System', '4 Newtonsoft.Json -> Newtonsoft.Json']);
    expect(externals('csharp/Billing/Invoice.cs')).toEqual([
      '2 System.Collections.Generic -> System.Collections',
      '3 System.Linq -> System.Linq',
    ]);
  });
});

describe('polyglot fixture: Ruby', () => {
  it('extracts symbols', () => {
    expect(symbols('ruby/lib/blog.rb')).toEqual([
      ['module', 'Blog', 5, 11],
      ['constant', 'Blog.VERSION', 6, 6],
      ['method', 'Blog.publish', 8, 10],
    ]);
    expect(symbols('ruby/lib/blog/post.rb')).toEqual([
      ['module', 'Blog', 4, 24],
      ['class', 'Blog.Post', 6, 23],
      ['method', 'Blog.Post.initialize', 9, 14],
      ['method', 'Blog.Post.comment', 16, 18],
      ['method', 'Blog.Post.html', 20, 22],
    ]);
  });

  it('resolves require_relative next to the file and require through lib/, also from spec/', () => {
    expect(edgesFrom('ruby/lib/blog/post.rb')).toEqual([
      '1 ruby/lib/blog/comment.rb (import) comment',
      '2 ruby/lib/blog/markdown.rb (import) markdown',
    ]);
    expect(edgesFrom('ruby/lib/blog.rb')).toEqual(['3 ruby/lib/blog/post.rb (import) blog/post']);
    expect(externals('ruby/lib/blog.rb')).toEqual(['2 time -> time']);
    expect(edgesFrom('ruby/spec/post_spec.rb')).toEqual(['1 ruby/lib/blog/post.rb (import) blog/post']);
    expect(externals('ruby/spec/post_spec.rb')).toEqual([]);
  });
});

describe('polyglot fixture: PHP', () => {
  it('extracts symbols', () => {
    expect(symbols('php/src/Http/SignupController.php')).toEqual([
      ['class', 'SignupController', 11, 24],
      ['method', 'SignupController.__construct', 13, 15],
      ['method', 'SignupController.handle', 17, 23],
    ]);
    expect(symbols('php/src/helpers.php')).toEqual([['function', 'env', 3, 7]]);
  });

  it('resolves `use` through composer.json PSR-4 and require_once next to the file', () => {
    expect(edgesFrom('php/public/index.php')).toEqual([
      '3 php/public/bootstrap.php (import) bootstrap.php',
      '5 php/src/Http/SignupController.php (import) App\\Http\\SignupController',
      '6 php/src/Services/Mailer.php (import) App\\Services\\Mailer',
    ]);
    expect(externals('php/public/index.php')).toEqual(['8 Monolog\\Logger -> Monolog\\Logger']);
    expect(unresolved('php/public/index.php')).toEqual(['7 App\\Services\\Queue']); // under the App\ prefix, no file
    expect(externals('php/src/Http/SignupController.php')).toEqual(['9 Psr\\Log\\LoggerInterface -> Psr\\Log']);
  });

  // `require_once __DIR__ . '/…'`, the usual PHP idiom, resolves next to the requiring file.
  it("resolves require_once __DIR__ . '/../src/helpers.php' next to the file", () => {
    expect(project.store.edgesFrom('php/public/bootstrap.php').map((e) => `${e.line} ${e.target} (${e.kind})`))
      .toEqual(['5 php/src/helpers.php (import)']);
  });
});

describe('polyglot fixture: Swift', () => {
  it('extracts symbols', () => {
    expect(symbols('swift/Sources/TodoKit/TodoItem.swift')).toEqual([
      ['enum', 'Priority', 3, 9],
      ['enum_member', 'Priority.low', 4, 4],
      ['enum_member', 'Priority.normal', 4, 4],
      ['enum_member', 'Priority.high', 4, 4],
      ['struct', 'TodoItem', 11, 16],
      ['property', 'TodoItem.id', 12, 12],
      ['property', 'TodoItem.title', 13, 13],
      ['property', 'TodoItem.priority', 14, 14],
      ['property', 'TodoItem.done', 15, 15],
    ]);
    expect(symbols('swift/Sources/TodoKit/TodoStore.swift')).toEqual([
      ['class', 'TodoStore', 3, 18],
      ['property', 'TodoStore.items', 4, 4],
      ['method', 'TodoStore.init', 6, 6],
      ['method', 'TodoStore.add', 8, 13],
      ['method', 'TodoStore.pending', 15, 17],
    ]);
  });

  it('infers edges from the type names a file uses (first use); module imports are external', () => {
    expect(edgesFrom('swift/Sources/TodoKit/TodoStore.swift')).toEqual([
      '4 swift/Sources/TodoKit/TodoItem.swift (inferred) TodoItem',
      '9 swift/Sources/TodoKit/TodoItem.swift (inferred) Priority',
    ]);
    expect(edgesFrom('swift/Sources/todo/main.swift')).toEqual(['3 swift/Sources/TodoKit/TodoStore.swift (inferred) TodoStore']);
    expect(externals('swift/Sources/todo/main.swift')).toEqual(['1 TodoKit -> TodoKit']);
    expect(edgesFrom('swift/Sources/TodoKit/TodoItem+Description.swift'))
      .toEqual(['1 swift/Sources/TodoKit/TodoItem.swift (inferred) TodoItem']);
  });
});

describe('polyglot fixture: Lua', () => {
  it('extracts symbols', () => {
    expect(symbols('lua/main.lua')).toEqual([
      ['variable', 'world', 6, 6],
      ['function', 'tick', 8, 12],
    ]);
    expect(symbols('lua/game/config.lua')).toEqual([['constant', 'M', 2, 6]]);
  });

  it('resolves require of dotted modules and of a package init.lua; an unknown rock is external', () => {
    expect(edgesFrom('lua/main.lua')).toEqual([
      '2 lua/game/config.lua (import) game.config',
      '3 lua/game/entities/init.lua (import) game.entities',
    ]);
    expect(externals('lua/main.lua')).toEqual(['4 cjson -> cjson']);
    expect(edgesFrom('lua/game/entities/init.lua')).toEqual(['2 lua/game/entities/vector.lua (import) game.entities.vector']);
  });
});

describe('polyglot fixture: Bash', () => {
  it('extracts symbols', () => {
    expect(symbols('bash/deploy.sh')).toEqual([['function', 'deploy', 9, 13]]);
    expect(symbols('bash/lib/common.sh')).toEqual([
      ['constant', 'DEPLOY_USER', 4, 4],
      ['function', 'target_host', 6, 11],
    ]);
  });

  it('resolves `source` and `.` next to the script; paths built from variables are skipped', () => {
    expect(edgesFrom('bash/deploy.sh')).toEqual([
      '5 bash/lib/common.sh (import) ./lib/common.sh',
      '6 bash/lib/log.sh (import) lib/log.sh',
    ]);
    expect([...externals('bash/deploy.sh'), ...unresolved('bash/deploy.sh')]).toEqual([]);
    expect([...edgesFrom('bash/lib/common.sh'), ...externals('bash/lib/common.sh'), ...unresolved('bash/lib/common.sh')]).toEqual([]);
  });
});

/** Every file→file edge of the repository, in store order (source, target, line). */
const EDGES = [
  'bash/deploy.sh -> bash/lib/common.sh (import)',
  'bash/deploy.sh -> bash/lib/log.sh (import)',

  'c/src/main.c -> c/include/vec.h (include)',
  'c/src/main.c -> c/src/util/log.h (include)',
  'c/src/util/log.c -> c/src/util/log.h (include)',
  'c/src/vec.c -> c/include/vec.h (include)',

  'cpp/include/geometry/circle.hpp -> cpp/include/geometry/shape.hpp (include)',
  'cpp/src/circle.cpp -> cpp/include/geometry/circle.hpp (include)',
  'cpp/src/main.cpp -> cpp/include/geometry/circle.hpp (include)',
  'cpp/src/main.cpp -> cpp/src/config.h (include)',

  'csharp/App/Program.cs -> csharp/Billing/Invoice.cs (import)',
  'csharp/App/Program.cs -> csharp/Billing/Invoice.cs (import)',
  'csharp/App/Program.cs -> csharp/Billing/Models/Customer.cs (import)',
  'csharp/App/Program.cs -> csharp/Billing/TaxCalculator.cs (import)',
  'csharp/App/Program.cs -> csharp/Billing/TaxCalculator.cs (import)',
  'csharp/Billing/Invoice.cs -> csharp/Billing/Models/Customer.cs (import)',
  'csharp/Billing/Invoice.cs -> csharp/Billing/TaxCalculator.cs (import)', // same namespace, no using

  'go/cmd/shop/main.go -> go/internal/catalog/catalog.go (import)',
  'go/cmd/shop/main.go -> go/internal/catalog/search.go (import)',
  'go/cmd/shop/main.go -> go/pkg/httpapi/handler.go (import)',
  'go/pkg/httpapi/handler.go -> go/internal/catalog/catalog.go (import)',
  'go/pkg/httpapi/handler.go -> go/internal/catalog/search.go (import)',

  `${JAVA}/App.java -> ${JAVA}/Cart.java (import)`,
  `${JAVA}/App.java -> ${JAVA}/model/Order.java (import)`,
  `${JAVA}/App.java -> ${JAVA}/service/OrderService.java (import)`,
  `${JAVA}/Cart.java -> ${JAVA}/model/LineItem.java (import)`,
  `${JAVA}/Cart.java -> ${JAVA}/model/Order.java (import)`,
  `${JAVA}/model/Order.java -> ${JAVA}/model/LineItem.java (import)`,
  `${JAVA}/service/OrderService.java -> ${JAVA}/model/Order.java (import)`,
  `${JAVA}/service/OrderService.java -> ${JAVA}/service/PricingService.java (import)`,
  `${JAVA}/service/PricingService.java -> ${JAVA}/model/LineItem.java (import)`,
  `${JAVA}/service/PricingService.java -> ${JAVA}/model/Order.java (import)`,

  'js/packages/logger/lib/index.js -> js/packages/logger/lib/levels.js (import)',
  'js/plugins/registry.mjs -> ts/packages/shared/src/index.ts (import)',
  'js/server.js -> js/packages/logger/lib/index.js (import)',
  'js/server.js -> js/plugins/registry.mjs (dynamic)',
  'js/server.js -> js/routes/index.js (import)',
  'js/ui/App.jsx -> js/ui/Header.jsx (import)',

  `${KOTLIN}/Formatter.kt -> ${KOTLIN}/data/Note.kt (import)`,
  `${KOTLIN}/Main.kt -> ${KOTLIN}/Formatter.kt (import)`,
  `${KOTLIN}/Main.kt -> ${KOTLIN}/data/Note.kt (import)`,
  `${KOTLIN}/Main.kt -> ${KOTLIN}/data/NoteRepository.kt (import)`,
  `${KOTLIN}/data/NoteRepository.kt -> ${KOTLIN}/data/Note.kt (import)`,

  'lua/game/entities/init.lua -> lua/game/entities/vector.lua (import)',
  'lua/main.lua -> lua/game/config.lua (import)',
  'lua/main.lua -> lua/game/entities/init.lua (import)',

  'php/public/bootstrap.php -> php/src/helpers.php (import)',
  'php/public/index.php -> php/public/bootstrap.php (import)',
  'php/public/index.php -> php/src/Http/SignupController.php (import)',
  'php/public/index.php -> php/src/Services/Mailer.php (import)',
  'php/src/Http/SignupController.php -> php/src/Models/User.php (import)',
  'php/src/Http/SignupController.php -> php/src/Services/Mailer.php (import)',
  'php/src/Services/Mailer.php -> php/src/Models/User.php (import)',

  'python/scripts/seed.py -> python/src/inventory/models.py (import)',
  'python/scripts/seed.py -> python/src/inventory/storage.py (import)',
  'python/src/inventory/__init__.py -> python/src/inventory/models.py (import)',
  'python/src/inventory/cli.py -> python/src/inventory/models.py (import)',
  'python/src/inventory/cli.py -> python/src/inventory/reports/summary.py (import)',
  'python/src/inventory/cli.py -> python/src/inventory/reports/summary.py (import)',
  'python/src/inventory/cli.py -> python/src/inventory/storage.py (import)',
  'python/src/inventory/reports/summary.py -> python/src/inventory/models.py (import)',
  'python/src/inventory/reports/summary.py -> python/src/inventory/storage.py (import)',
  'python/src/inventory/storage.py -> python/src/inventory/models.py (import)',
  'python/src/inventory/storage.py -> python/src/inventory/models.py (import)',

  'ruby/lib/blog.rb -> ruby/lib/blog/post.rb (import)',
  'ruby/lib/blog/post.rb -> ruby/lib/blog/comment.rb (import)',
  'ruby/lib/blog/post.rb -> ruby/lib/blog/markdown.rb (import)',
  'ruby/spec/post_spec.rb -> ruby/lib/blog/post.rb (import)',

  'rust/src/account.rs -> rust/src/money.rs (import)',
  'rust/src/journal/entry.rs -> rust/src/money.rs (import)',
  'rust/src/journal/mod.rs -> rust/src/account.rs (import)',
  'rust/src/journal/mod.rs -> rust/src/journal/entry.rs (import)',
  'rust/src/journal/mod.rs -> rust/src/journal/entry.rs (import)',
  'rust/src/journal/mod.rs -> rust/src/money.rs (import)',
  'rust/src/lib.rs -> rust/src/account.rs (import)',
  'rust/src/lib.rs -> rust/src/account.rs (import)',
  'rust/src/lib.rs -> rust/src/journal/mod.rs (import)',
  'rust/src/lib.rs -> rust/src/journal/mod.rs (import)',
  'rust/src/lib.rs -> rust/src/money.rs (import)',
  'rust/src/main.rs -> rust/src/lib.rs (import)',
  'rust/src/main.rs -> rust/src/money.rs (import)',

  `${SCALA}/Geometry.scala -> ${SCALA}/shapes/Shape.scala (import)`,
  `${SCALA}/Main.scala -> ${SCALA}/Geometry.scala (import)`,
  `${SCALA}/Main.scala -> ${SCALA}/shapes/Shape.scala (import)`,
  `${SCALA}/Main.scala -> ${SCALA}/shapes/Square.scala (import)`,
  `${SCALA}/shapes/Square.scala -> ${SCALA}/shapes/Shape.scala (import)`,

  'swift/Sources/TodoKit/TodoItem+Description.swift -> swift/Sources/TodoKit/TodoItem.swift (inferred)',
  'swift/Sources/TodoKit/TodoStore.swift -> swift/Sources/TodoKit/TodoItem.swift (inferred)',
  'swift/Sources/TodoKit/TodoStore.swift -> swift/Sources/TodoKit/TodoItem.swift (inferred)',
  'swift/Sources/todo/main.swift -> swift/Sources/TodoKit/TodoStore.swift (inferred)',

  'ts/packages/shared/src/index.ts -> ts/packages/shared/src/strings.ts (import)',
  'ts/src/lib/format.ts -> ts/src/models/index.ts (type_only)',
  'ts/src/main.ts -> ts/packages/shared/src/index.ts (import)',
  'ts/src/main.ts -> ts/packages/shared/src/strings.ts (import)',
  'ts/src/main.ts -> ts/src/lib/format.ts (import)',
  'ts/src/main.ts -> ts/src/models/index.ts (type_only)',
  'ts/src/main.ts -> ts/src/models/index.ts (import)',
  'ts/src/main.ts -> ts/src/store.ts (import)',
  'ts/src/main.ts -> ts/src/store.ts (import)',
  'ts/src/main.ts -> ts/src/util/clock.ts (import)',
  'ts/src/main.ts -> ts/src/view.tsx (dynamic)',
  'ts/src/models/index.ts -> ts/src/models/role.ts (import)',
  'ts/src/models/index.ts -> ts/src/models/user.ts (import)',
  'ts/src/models/user.ts -> ts/src/models/role.ts (type_only)',
  'ts/src/store.ts -> ts/src/models/role.ts (import)',
  'ts/src/store.ts -> ts/src/models/user.ts (type_only)',
  'ts/src/view.tsx -> ts/src/lib/format.ts (import)',
  'ts/src/view.tsx -> ts/src/models/index.ts (type_only)',
];

const allEdges = (): string[] => project.store.allEdges().map((e) => `${e.source} -> ${e.target} (${e.kind})`);

describe('polyglot fixture: the whole graph', () => {
  it('has exactly these file→file edges', () => {
    expect(allEdges()).toEqual(EDGES);
  });

});
