// C# extractor: symbols (class/struct/interface/enum/record, members, qualified names without the
// namespace, lines incl. attributes, export rule), docs, signatures, metrics, using directives
// (plain, static, alias), references (shadowing, comments, strings, callers) and the namespace.
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const src = `using System;
using System.Collections.Generic;
using static System.Math;
using IO = System.IO;

namespace Acme.Billing
{
    /// <summary>
    /// An invoice with line items.
    /// </summary>
    [Serializable]
    public class Invoice : EntityBase, IDisposable
    {
        /// Maximum number of lines.
        public const int MaxLines = 100;
        private readonly List<Line> _lines = new List<Line>();
        internal int version, revision;

        public decimal Total { get; private set; }

        public Invoice(string number) : base(number) { }

        /// Adds a line and returns the new total.
        public decimal AddLine(Line line, int quantity = 1)
        {
            if (line == null || quantity <= 0)
                throw new ArgumentException("line");
            foreach (var existing in _lines)
            {
                if (existing.Sku == line.Sku) quantity++;
            }
            _lines.Add(line);
            Total += Round(quantity * line.Price, 2);
            return Total;
        }

        protected void Save(string path)
        {
            // IO.File.WriteAllText(path) in a comment
            var IO = "IO.File";
            Console.WriteLine(IO, path);
        }

        public void Dispose() => _lines.Clear();
    }

    public interface ILineSource
    {
        IEnumerable<Line> Lines();
    }

    public struct Line
    {
        public string Sku;
        public decimal Price;
    }

    public enum Status { Draft, Sent = 2 }

    public record Customer(string Name, string Email);
}
`;

const parse = () => parseSource(specFor('csharp')!, src);

describe('csharp extractor', () => {
  it('extracts symbols with kinds, qualified names, lines and export status', async () => {
    const r = await parse();
    expect(r.parse_status).toBe('ok');
    expect(r.namespace).toBe('Acme.Billing');
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported])).toEqual([
      ['class', 'Invoice', 11, 45, true],
      ['property', 'Invoice.MaxLines', 15, 15, true],
      ['property', 'Invoice._lines', 16, 16, false],
      ['property', 'Invoice.version', 17, 17, false],
      ['property', 'Invoice.revision', 17, 17, false],
      ['property', 'Invoice.Total', 19, 19, true],
      ['method', 'Invoice.Invoice', 21, 21, true],
      ['method', 'Invoice.AddLine', 24, 35, true],
      ['method', 'Invoice.Save', 37, 42, false],
      ['method', 'Invoice.Dispose', 44, 44, true],
      ['interface', 'ILineSource', 47, 50, true],
      ['method', 'ILineSource.Lines', 49, 49, true],
      ['struct', 'Line', 52, 56, true],
      ['property', 'Line.Sku', 54, 54, true],
      ['property', 'Line.Price', 55, 55, true],
      ['enum', 'Status', 58, 58, true],
      ['enum_member', 'Status.Draft', 58, 58, true],
      ['enum_member', 'Status.Sent', 58, 58, true],
      ['class', 'Customer', 60, 60, true],
      ['property', 'Customer.Name', 60, 60, true],
      ['property', 'Customer.Email', 60, 60, true],
    ]);
  });

  it('extracts docs, signatures and metrics', async () => {
    const r = await parse();
    const sym = (q: string) => r.symbols.find((s) => s.qualified_name === q)!;
    // The `///` block is read as one comment, XML tags stripped.
    expect(sym('Invoice').doc).toBe('An invoice with line items.');
    expect(sym('Invoice').signature).toBe('public class Invoice : EntityBase, IDisposable'); // no [Serializable]
    expect(sym('Invoice.MaxLines').doc).toBe('Maximum number of lines.');
    expect(sym('Invoice.revision').signature).toBe('internal int version, revision;');
    const add = sym('Invoice.AddLine');
    expect(add.doc).toBe('Adds a line and returns the new total.');
    expect(add.signature).toBe('public decimal AddLine(Line line, int quantity = 1)');
    expect(add.complexity).toBe(5); // if, ||, foreach, if
    expect(add.param_count).toBe(2);
    expect(sym('ILineSource.Lines').signature).toBe('IEnumerable<Line> Lines()');
    expect(sym('Invoice.Dispose').signature).toBe('public void Dispose()');
    expect(sym('Invoice.Invoice').signature).toBe('public Invoice(string number) : base(number)');
    expect(r.lines).toEqual({ total: 61, code: 45, comment: 6, blank: 10 });
  });

  it('extracts using directives', async () => {
    const r = await parse();
    expect(r.imports).toEqual([
      { specifier: 'System', line: 1, kind: 'import', bindings: [] },
      { specifier: 'System.Collections.Generic', line: 2, kind: 'import', bindings: [] },
      { specifier: 'System.Math', line: 3, kind: 'import', bindings: [], form: 'static' },
      { specifier: 'System.IO', line: 4, kind: 'import', bindings: [{ local: 'IO', imported: '*' }] },
    ]);
  });

  it('handles file-scoped namespaces and global usings', async () => {
    const r = await parseSource(specFor('csharp')!, 'global using System.Linq;\nglobal using static System.Console;\nnamespace Acme.Tools;\n\npublic static class Util { }\n');
    expect(r.namespace).toBe('Acme.Tools');
    expect(r.imports).toEqual([
      { specifier: 'System.Linq', line: 1, kind: 'import', bindings: [] },
      { specifier: 'System.Console', line: 2, kind: 'import', bindings: [], form: 'static' },
    ]);
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.exported])).toEqual([['class', 'Util', true]]);
    expect(r.refs.map((x) => x.name)).toEqual([]);
  });

  it('records references, not text: shadowing, comments, strings and callers', async () => {
    const r = await parse();
    const refs = (name: string) => r.refs.filter((x) => x.name === name).map((x) => [x.line, x.kind, x.scope, x.caller]);
    // Save() declares a local `IO` that shadows the using alias; the comment and string
    // mentioning IO.File are not references.
    expect(refs('IO')).toEqual([]);
    expect(refs('File')).toEqual([]);
    expect(refs('Line')).toEqual([
      [16, 'type', 'file', undefined], [16, 'type', 'file', undefined],
      [24, 'type', 'file', 'Invoice.AddLine'], [49, 'type', 'file', 'ILineSource.Lines'],
    ]);
    expect(refs('_lines')).toEqual([
      [28, 'read', 'free', 'Invoice.AddLine'], [32, 'read', 'free', 'Invoice.AddLine'], [44, 'read', 'free', 'Invoice.Dispose'],
    ]);
    expect(refs('Total')).toEqual([[33, 'write', 'free', 'Invoice.AddLine'], [34, 'read', 'free', 'Invoice.AddLine']]);
    expect(refs('Round')).toEqual([[33, 'call', 'free', 'Invoice.AddLine']]);
    expect(refs('ArgumentException')).toEqual([[27, 'call', 'free', 'Invoice.AddLine']]);
    expect(refs('EntityBase')).toEqual([[12, 'inherit', 'free', undefined]]);
    expect(refs('IDisposable')).toEqual([[12, 'inherit', 'free', undefined]]);
    expect(refs('Serializable')).toEqual([[11, 'type', 'free', undefined]]);
    expect(r.refs.find((x) => x.name === 'WriteLine')).toMatchObject({ kind: 'call', line: 41, caller: 'Invoice.Save' });
    expect(r.refs.find((x) => x.name === 'Add')).toMatchObject({ kind: 'call', line: 32, caller: 'Invoice.AddLine' });
    // Parameters, locals, foreach variables and namespace/using path segments are not references.
    for (const name of ['line', 'quantity', 'existing', 'path', 'number', 'Acme', 'Billing', 'System', 'Collections', 'Math']) {
      expect(refs(name)).toEqual([]);
    }
  });

  it('extracts symbol facts: typed parameters (params arrays included), return type, attributes (without arguments), async', async () => {
    const r = await parseSource(specFor('csharp')!, `namespace Acme.Api;

[ApiController]
[Route("api/[controller]")]
public class UsersController : ControllerBase
{
    [HttpGet("{id}"), Authorize(Roles = "admin")]
    public static async Task<ActionResult<User>> Get(int id, [FromQuery] bool verbose, params string[] fields) { return null; }

    [JsonIgnore] public int Count { get; set; }

    public UsersController(IRepo repo) {}

    public abstract void Reset();
}
`);
    const facts = r.symbols.map((s) => [s.qualified_name, s.start_line, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async]);
    expect(facts).toEqual([
      ['UsersController', 3, undefined, undefined, undefined, ['ApiController', 'Route'], undefined],
      ['UsersController.Get', 7, 3, 3, 'Task<ActionResult<User>>', ['HttpGet', 'Authorize'], true],
      ['UsersController.Count', 10, undefined, undefined, undefined, ['JsonIgnore'], undefined],
      ['UsersController.UsersController', 12, 1, 1, undefined, undefined, false],
      ['UsersController.Reset', 14, 0, 0, 'void', undefined, false],
    ]);
  });
});
