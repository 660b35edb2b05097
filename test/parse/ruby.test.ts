// Ruby extractor: symbols (classes, modules, methods, constants, visibility), require imports,
// and references (shadowing by locals/block parameters, comments and strings excluded, callers).
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const src = `require 'json'
require_relative 'support/formatter'

# Default retry count.
MAX_RETRIES = 3

# Formats a greeting.
# Falls back to the greeting alone.
def format_name(name, greeting = "Hello", *rest)
  return greeting if name.nil? || name.empty?
  format_name = name.strip
  "#{greeting}, #{format_name}"
end

module Billing
  TAX = 0.2

  # An invoice.
  class Invoice < Base
    include Comparable

    # Builds one.
    def self.build(items)
      new(items)
    end

    def initialize(items)
      @items = items
    end

    def total(discount = 0)
      sum = 0
      @items.each do |item|
        sum += item.price unless item.free?
      end
      sum > discount ? sum - discount : 0
    end

    def render
      Formatter.new.print(format_name(label))
    end

    private

    def label
      "invoice"
    end

    # Audits it.
    protected def audit; end

    public

    def paid?; true; end
    private :paid?
  end
end

class Billing::Refund < Billing::Invoice; end

# format_name(x) in a comment

banner = "format_name(x)"
puts JSON.generate(banner)
`;

describe('ruby extractor', () => {
  it('extracts symbols with kinds, qualified names, lines, visibility and docs', async () => {
    const r = await parseSource(specFor('ruby')!, src);
    expect(r.parse_status).toBe('ok');
    const brief = r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported]);
    expect(brief).toEqual([
      ['constant', 'MAX_RETRIES', 5, 5, true],
      ['function', 'format_name', 9, 13, true],
      ['module', 'Billing', 15, 57, true],
      ['constant', 'Billing.TAX', 16, 16, true],
      ['class', 'Billing.Invoice', 19, 56, true],
      ['method', 'Billing.Invoice.build', 23, 25, true],
      ['method', 'Billing.Invoice.initialize', 27, 29, true],
      ['method', 'Billing.Invoice.total', 31, 37, true],
      ['method', 'Billing.Invoice.render', 39, 41, true],
      ['method', 'Billing.Invoice.label', 45, 47, false],
      ['method', 'Billing.Invoice.audit', 50, 50, false],
      ['method', 'Billing.Invoice.paid?', 54, 54, false],
      ['class', 'Billing.Refund', 59, 59, true],
      ['variable', 'banner', 63, 63, false],
    ]);
    const fmt = r.symbols.find((s) => s.name === 'format_name')!;
    expect(fmt.doc).toBe('Formats a greeting.');
    expect(fmt.signature).toBe('def format_name(name, greeting = "Hello", *rest)');
    expect(fmt.param_count).toBe(3);
    expect(fmt.complexity).toBe(3);
    expect(r.symbols.find((s) => s.name === 'total')!.complexity).toBe(3);
    expect(r.symbols.find((s) => s.name === 'MAX_RETRIES')!.doc).toBe('Default retry count.');
    expect(r.symbols.find((s) => s.name === 'Invoice')!.doc).toBe('An invoice.');
    expect(r.symbols.find((s) => s.name === 'build')!.doc).toBe('Builds one.');
    expect(r.symbols.find((s) => s.name === 'audit')!.doc).toBe('Audits it.');
    expect(r.symbols.find((s) => s.name === 'banner')!.doc).toBeUndefined();
    expect(r.symbols.find((s) => s.name === 'paid?')!.signature).toBe('def paid?');
    expect(r.symbols.find((s) => s.name === 'Refund')!.signature).toBe('class Billing::Refund < Billing::Invoice');
    expect(r.symbols.find((s) => s.name === 'Invoice')!.signature).toBe('class Invoice < Base');
  });

  it('extracts require and require_relative with their form', async () => {
    const r = await parseSource(specFor('ruby')!, src);
    expect(r.imports).toEqual([
      { specifier: 'json', line: 1, kind: 'import', bindings: [], form: 'require' },
      { specifier: 'support/formatter', line: 2, kind: 'import', bindings: [], form: 'require_relative' },
    ]);
  });

  it('records references, not text: shadowing, comments and strings excluded', async () => {
    const r = await parseSource(specFor('ruby')!, src);
    // `format_name = name.strip` makes it a local inside format_name; the comment and the string
    // on lines 61 and 63 mention it too.
    expect(r.refs.filter((x) => x.name === 'format_name').map((x) => [x.line, x.kind, x.scope, x.caller])).toEqual([
      [40, 'call', 'file', 'Billing.Invoice.render'],
    ]);
    // Parameters, block parameters and locals are never references.
    for (const local of ['name', 'greeting', 'rest', 'items', 'sum', 'item', 'discount']) {
      expect(r.refs.filter((x) => x.name === local)).toEqual([]);
    }
    expect(r.refs.find((x) => x.name === 'strip')).toMatchObject({ kind: 'call', line: 11, caller: 'format_name' });
    expect(r.refs.find((x) => x.name === 'banner')).toMatchObject({ kind: 'read', scope: 'file', line: 64 });
    expect(r.refs.filter((x) => x.kind === 'inherit').map((x) => [x.name, x.line])).toEqual([
      ['Base', 19], ['Comparable', 20], ['Invoice', 59],
    ]);
    expect(r.refs.find((x) => x.name === 'new' && x.line === 24)).toMatchObject({ kind: 'call', caller: 'Billing.Invoice.build' });
  });

  it('makes a def directly inside a module a method of that module', async () => {
    const r = await parseSource(specFor('ruby')!, `module Util
  def self.helper; end

  def greet(name)
    name.strip.downcase.tr("a", "b")
  end
end

def top; end
`);
    expect(r.symbols.map((s) => [s.kind, s.qualified_name])).toEqual([
      ['module', 'Util'],
      ['method', 'Util.helper'],
      ['method', 'Util.greet'],
      ['function', 'top'],
    ]);
    // Chained calls are calls on a receiver (the operator), not uses of file-level names.
    expect(r.refs.map((x) => [x.name, x.kind, x.scope, x.caller])).toEqual([
      ['strip', 'call', 'free', 'Util.greet'],
      ['downcase', 'call', 'free', 'Util.greet'],
      ['tr', 'call', 'free', 'Util.greet'],
    ]);
  });

  it('has no parameter types, return types, decorators or async to record', async () => {
    const r = await parseSource(specFor('ruby')!, `class Api
  def fetch(id, opts = {})
    nil
  end
end
`);
    expect(r.symbols.map((s) => [s.qualified_name, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async])).toEqual([
      ['Api', undefined, undefined, undefined, undefined, undefined],
      ['Api.fetch', 2, undefined, undefined, undefined, undefined],
    ]);
  });
});
