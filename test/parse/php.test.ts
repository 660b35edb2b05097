// PHP extractor: namespace, symbols (functions, classes, interfaces, traits, enums, members and
// their visibility), use/require imports, and references (variables are never references,
// comments and strings excluded, callers, import-qualified members).
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const src = `<?php
declare(strict_types=1);

namespace App\\Billing;

use App\\Contracts\\Payable;
use App\\Support\\{Money, Formatter as Fmt};
use function App\\Support\\format_amount;
use Psr\\Log\\LoggerInterface as Logger;

require_once 'bootstrap.php';
include __DIR__ . '/dynamic.php';

const DEFAULT_CURRENCY = 'EUR';

/**
 * Computes the total of the given amounts.
 */
function total(array $amounts, float $discount = 0.0, ...$extra): float
{
    $total = 0.0;
    foreach ($amounts as $amount) {
        if ($amount > 0 && $discount < 1) {
            $total += $amount;
        }
    }
    return $total > 0 ? $total * (1 - $discount) : 0.0;
}

interface Billable
{
    public function bill(Money $money): void;
}

trait Logs
{
    protected function log(string $message): void
    {
        static::$logger->info($message);
    }
}

enum Status: string
{
    case Open = 'open';
    case Paid = 'paid';
}

/** An invoice. */
#[Entity(table: 'invoices')]
final class Invoice extends Document implements Billable, Payable
{
    use Logs;

    public const PREFIX = 'INV';
    private const SECRET = 'x';

    protected static ?Logger $logger = null;
    private array $lines = [];

    public function __construct(private string $number)
    {
    }

    /** Bills the invoice. */
    public function bill(Money $money): void
    {
        $total = total($this->lines);
        $this->log(Fmt::money($money, DEFAULT_CURRENCY));
        self::notify(Status::Paid);
        format_amount($total);
    }

    private static function notify(Status $status): bool
    {
        return $status === Status::Open;
    }

    function legacy() {}
}

// total() in a comment
echo "total() in a string";
`;

describe('php extractor', () => {
  it('extracts the namespace and symbols with kinds, qualified names, lines, visibility and docs', async () => {
    const r = await parseSource(specFor('php')!, src);
    expect(r.parse_status).toBe('ok');
    expect(r.namespace).toBe('App\\Billing');
    const brief = r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported]);
    expect(brief).toEqual([
      ['constant', 'DEFAULT_CURRENCY', 14, 14, true],
      ['function', 'total', 19, 28, true],
      ['interface', 'Billable', 30, 33, true],
      ['method', 'Billable.bill', 32, 32, true],
      ['trait', 'Logs', 35, 41, true],
      ['method', 'Logs.log', 37, 40, false],
      ['enum', 'Status', 43, 47, true],
      ['enum_member', 'Status.Open', 45, 45, true],
      ['enum_member', 'Status.Paid', 46, 46, true],
      ['class', 'Invoice', 50, 80, true],
      ['constant', 'Invoice.PREFIX', 55, 55, true],
      ['constant', 'Invoice.SECRET', 56, 56, false],
      ['property', 'Invoice.logger', 58, 58, false],
      ['property', 'Invoice.lines', 59, 59, false],
      ['method', 'Invoice.__construct', 61, 63, true],
      ['method', 'Invoice.bill', 66, 72, true],
      ['method', 'Invoice.notify', 74, 77, false],
      ['method', 'Invoice.legacy', 79, 79, true],
    ]);
    const total = r.symbols.find((s) => s.name === 'total')!;
    expect(total.doc).toBe('Computes the total of the given amounts.');
    expect(total.signature).toBe('function total(array $amounts, float $discount = 0.0, ...$extra): float');
    expect(total.param_count).toBe(3);
    expect(total.complexity).toBe(5);
    expect(r.symbols.find((s) => s.name === 'Invoice')!.doc).toBe('An invoice.');
    // The `#[Entity(…)]` attribute is part of the declaration's lines, not of its signature.
    expect(r.symbols.find((s) => s.name === 'Invoice')!.signature)
      .toBe('final class Invoice extends Document implements Billable, Payable');
    expect(r.symbols.find((s) => s.qualified_name === 'Invoice.bill')!.doc).toBe('Bills the invoice.');
    expect(r.symbols.find((s) => s.qualified_name === 'Invoice.notify')!.signature)
      .toBe('private static function notify(Status $status): bool');
    expect(r.symbols.find((s) => s.qualified_name === 'Billable.bill')!.signature)
      .toBe('public function bill(Money $money): void');
  });

  it('extracts use, grouped use, use function and literal require/include', async () => {
    const r = await parseSource(specFor('php')!, src);
    expect(r.imports).toEqual([
      { specifier: 'App\\Contracts\\Payable', line: 6, kind: 'import', bindings: [{ local: 'Payable', imported: 'Payable' }] },
      // A group has no node spelling `App\Support\Money`: prefix + form "group", one binding per entity.
      {
        specifier: 'App\\Support', line: 7, kind: 'import', form: 'group',
        bindings: [{ local: 'Money', imported: 'Money' }, { local: 'Fmt', imported: 'Formatter' }],
      },
      {
        specifier: 'App\\Support\\format_amount', line: 8, kind: 'import', form: 'function',
        bindings: [{ local: 'format_amount', imported: 'format_amount' }],
      },
      { specifier: 'Psr\\Log\\LoggerInterface', line: 9, kind: 'import', bindings: [{ local: 'Logger', imported: 'LoggerInterface' }] },
      { specifier: 'bootstrap.php', line: 11, kind: 'import', bindings: [], form: 'require' },
      // `include __DIR__ . '/dynamic.php'`: a path next to the file (the resolver strips the `/`).
      { specifier: '/dynamic.php', line: 12, kind: 'import', bindings: [], form: 'require' },
    ]);
  });

  it('records references, not text: variables, comments and strings excluded', async () => {
    const r = await parseSource(specFor('php')!, src);
    // `$total` (a variable in total() and in bill()) is not a use of function total().
    expect(r.refs.filter((x) => x.name === 'total').map((x) => [x.line, x.kind, x.scope, x.caller])).toEqual([
      [68, 'call', 'file', 'Invoice.bill'],
    ]);
    for (const variable of ['amounts', 'amount', 'discount', 'status', 'this', 'number']) {
      expect(r.refs.filter((x) => x.name === variable)).toEqual([]);
    }
    // `Fmt::money($money, …)`: the method is a member of an import binding, `$money` is nothing.
    expect(r.refs.filter((x) => x.name === 'money')).toEqual([
      { name: 'money', line: 69, col: 25, kind: 'call', scope: 'member', receiver: 'Fmt', caller: 'Invoice.bill' },
    ]);
    expect(r.refs.find((x) => x.name === 'format_amount' && x.kind === 'call'))
      .toMatchObject({ scope: 'import', line: 71, caller: 'Invoice.bill' });
    expect(r.refs.find((x) => x.name === 'DEFAULT_CURRENCY')).toMatchObject({ kind: 'read', scope: 'file', line: 69 });
    expect(r.refs.filter((x) => x.kind === 'inherit').map((x) => [x.name, x.line, x.scope])).toEqual([
      ['Document', 51, 'free'], ['Billable', 51, 'file'], ['Payable', 51, 'import'], ['Logs', 53, 'file'],
    ]);
    expect(r.refs.find((x) => x.name === 'Logger' && x.kind === 'type')).toMatchObject({ scope: 'import', line: 58 });
    expect(r.refs.find((x) => x.name === 'notify')).toMatchObject({ kind: 'call', line: 70, caller: 'Invoice.bill' });
    expect(r.refs.find((x) => x.name === 'Paid')).toMatchObject({ kind: 'attribute', line: 70 });
    expect(r.refs.find((x) => x.name === 'Entity')).toMatchObject({ kind: 'type', line: 50 });
  });

  it('extracts symbol facts: typed parameters, return type, attributes (without arguments)', async () => {
    const r = await parseSource(specFor('php')!, `<?php
namespace App;

#[ORM\\Entity(repositoryClass: UserRepository::class)]
class User
{
    #[ORM\\Column(length: 180)]
    private string $email;

    #[Route('/users/{id}', methods: ['GET'])]
    public function show(int $id, $format, ?string ...$fields): ?Response { return null; }

    public function __construct(private readonly Repo $repo, $debug = false) {}
}

function helper(array|int $a = 1, &$b): static {}
`);
    const facts = r.symbols.map((s) => [s.qualified_name, s.start_line, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async]);
    expect(facts).toEqual([
      ['User', 4, undefined, undefined, undefined, ['ORM\\Entity'], undefined],
      ['User.email', 7, undefined, undefined, undefined, ['ORM\\Column'], undefined],
      ['User.show', 10, 3, 2, '?Response', ['Route'], undefined],
      ['User.__construct', 13, 2, 1, undefined, undefined, undefined],
      ['helper', 16, 2, 1, 'static', undefined, undefined],
    ]);
  });
});
