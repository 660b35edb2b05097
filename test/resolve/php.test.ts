import { describe, expect, it } from 'vitest';
import { createPhpResolver } from '../../src/engine/graph/resolve/php.js';
import { binds, imp, makeView, parsed, summary } from './view.js';

const files = {
  'composer.json': JSON.stringify({
    autoload: { 'psr-4': { 'App\\': 'src/', 'App\\Legacy\\': ['legacy/', 'old/'] } },
    'autoload-dev': { 'psr-4': { 'Tests\\': 'tests/' } },
  }),
  'src/Models/User.php': '', 'src/Http/Kernel.php': '', 'old/Thing.php': '', 'tests/UserTest.php': '',
  'packages/billing/composer.json': JSON.stringify({ autoload: { 'psr-4': { 'Billing\\': 'src' } } }),
  'packages/billing/src/Invoice.php': '',
  'public/index.php': '', 'bootstrap/app.php': '', 'config/app.php': '',
};
const declared = {
  'modules/Shop/Cart.php': { namespace: 'Shop', types: ['Cart'] },
  'modules/Shop/Order.php': { namespace: 'Shop', types: ['Order'] },
  'modules/Shop/Helpers/fns.php': { namespace: 'Shop\\Helpers' },
};

describe('php resolver', () => {
  it('resolves PSR-4, namespace declarations, group use and require paths', () => {
    const res = createPhpResolver().resolve('public/index.php', parsed([
      imp('App\\Models\\User', 1, { bindings: binds('User') }),
      imp('\\App\\Http\\Kernel', 2, { bindings: binds('K=Kernel') }),
      imp('App\\Legacy\\Thing', 3),
      imp('Tests\\UserTest', 4),
      imp('Billing\\Invoice', 5),
      imp('Shop\\Cart', 6, { bindings: binds('Cart') }),
      imp('Shop', 7, { form: 'group', bindings: binds('Order', 'C=Cart') }),
      imp('App', 15, { form: 'group', bindings: binds('Models\\User', 'Nope') }),
      imp('Shop\\Helpers\\render', 16, { form: 'function', bindings: binds('render') }),
      imp('Shop\\Helpers', 8),
      imp('Shop\\Missing', 9),
      imp('App\\Models\\Nope', 10),
      imp('Symfony\\Component\\HttpFoundation\\Request', 11),
      imp('../bootstrap/app.php', 12, { form: 'require' }),
      imp('/config/app.php', 13, { form: 'require' }),
      imp('../vendor/autoload.php', 14, { form: 'require' }),
    ]), makeView(files, declared));
    expect(summary(res)).toEqual({
      edges: [
        'src/Models/User.php import 1 App\\Models\\User', 'src/Http/Kernel.php import 2 \\App\\Http\\Kernel',
        'old/Thing.php import 3 App\\Legacy\\Thing', 'tests/UserTest.php import 4 Tests\\UserTest',
        'packages/billing/src/Invoice.php import 5 Billing\\Invoice', 'modules/Shop/Cart.php import 6 Shop\\Cart',
        'modules/Shop/Cart.php import 7 Shop', 'modules/Shop/Order.php import 7 Shop',
        'modules/Shop/Helpers/fns.php import 8 Shop\\Helpers',
        'bootstrap/app.php import 12 ../bootstrap/app.php', 'config/app.php import 13 /config/app.php',
        'src/Models/User.php import 15 App',
      ],
      external: ['Symfony\\Component 11 Symfony\\Component\\HttpFoundation\\Request'],
      unresolved: ['9 Shop\\Missing', '10 App\\Models\\Nope', '14 ../vendor/autoload.php', '15 App', '16 Shop\\Helpers\\render'],
    });
  });
});
