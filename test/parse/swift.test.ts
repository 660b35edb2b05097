// Swift extractor: symbols (types, extensions as scopes, members, enum cases, access control),
// imports, and references (shadowing, argument labels, comments and strings excluded, callers).
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const src = `import Foundation
import UIKit.UIView

/// Default retry count.
let maxRetries = 3
private var cache: [String: Int] = [:]

/// Clamps a value into a range.
/// Values outside are pinned.
func clamp(_ value: Int, min lower: Int, max upper: Int = 100) -> Int {
    if value < lower || value > upper {
        return value < lower ? lower : upper
    }
    guard let clamp = Optional(value) else { return 0 }
    return clamp
}

/// Something drawable.
protocol Drawable: AnyObject {
    var bounds: CGRect { get }
    func draw(in rect: CGRect) -> Bool
}

@objc
public final class Canvas: NSObject, Drawable {
    private let size: Int
    var bounds: CGRect { .zero }
    static let shared = Canvas(size: 1)

    init(size: Int) {
        self.size = size
    }

    /// Draws everything.
    @discardableResult
    public func draw(in rect: CGRect) -> Bool {
        let scaled = clamp(size, min: 0)
        Layer().render(scaled)
        return Renderer.shared.flush(maxRetries)
    }

    fileprivate func reset() {}

    private struct Layer {
        func render(_ value: Int) {}
    }
}

struct Point { var x: Double }

enum Shape: String {
    /// A circle.
    case circle, square
    case triangle

    func sides() -> Int {
        switch self {
        case .circle: return 0
        case .square: return 4
        default: return 3
        }
    }
}

extension Canvas {
    func clear() { reset() }
}

typealias Size = CGSize
// clamp() in a comment

let label = "clamp()"
`;

describe('swift extractor', () => {
  it('extracts symbols with kinds, qualified names, lines, visibility and docs', async () => {
    const r = await parseSource(specFor('swift')!, src);
    expect(r.parse_status).toBe('ok');
    const brief = r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported]);
    expect(brief).toEqual([
      ['variable', 'maxRetries', 5, 5, true],
      ['variable', 'cache', 6, 6, false],
      ['function', 'clamp', 10, 16, true],
      ['interface', 'Drawable', 19, 22, true],
      ['property', 'Drawable.bounds', 20, 20, true],
      ['method', 'Drawable.draw', 21, 21, true],
      ['class', 'Canvas', 24, 47, true],
      ['property', 'Canvas.size', 26, 26, false],
      ['property', 'Canvas.bounds', 27, 27, true],
      ['property', 'Canvas.shared', 28, 28, true],
      ['method', 'Canvas.init', 30, 32, true],
      ['method', 'Canvas.draw', 35, 40, true],
      ['method', 'Canvas.reset', 42, 42, false],
      ['struct', 'Canvas.Layer', 44, 46, false],
      ['method', 'Canvas.Layer.render', 45, 45, false],
      ['struct', 'Point', 49, 49, true],
      ['property', 'Point.x', 49, 49, true],
      ['enum', 'Shape', 51, 63, true],
      ['enum_member', 'Shape.circle', 53, 53, true],
      ['enum_member', 'Shape.square', 53, 53, true],
      ['enum_member', 'Shape.triangle', 54, 54, true],
      ['method', 'Shape.sides', 56, 62, true],
      ['method', 'Canvas.clear', 66, 66, true],
      ['type', 'Size', 69, 69, true],
      ['variable', 'label', 72, 72, true],
    ]);
    const clamp = r.symbols.find((s) => s.name === 'clamp')!;
    expect(clamp.doc).toBe('Clamps a value into a range.');
    expect(clamp.signature).toBe('func clamp(_ value: Int, min lower: Int, max upper: Int = 100) -> Int');
    expect(clamp.complexity).toBe(5);
    // Swift parameters have no list node in this grammar: they are counted one by one (@param).
    expect(clamp.param_count).toBe(3);
    expect(r.symbols.find((s) => s.qualified_name === 'Canvas.init')!.param_count).toBe(1);
    expect(r.symbols.find((s) => s.qualified_name === 'Drawable.draw')!.param_count).toBe(1);
    const draw = r.symbols.find((s) => s.qualified_name === 'Canvas.draw')!;
    expect(draw.doc).toBe('Draws everything.');
    expect(draw.signature).toBe('public func draw(in rect: CGRect) -> Bool');
    expect(r.symbols.find((s) => s.name === 'Canvas')!.signature).toBe('public final class Canvas: NSObject, Drawable');
    expect(r.symbols.find((s) => s.name === 'Drawable')!.doc).toBe('Something drawable.');
    expect(r.symbols.find((s) => s.name === 'maxRetries')!.doc).toBe('Default retry count.');
    expect(r.symbols.find((s) => s.name === 'circle')!.doc).toBe('A circle.');
    // `case circle, square` is one declaration of two sibling cases.
    expect(r.symbols.find((s) => s.name === 'square')!.signature).toBe('case circle, square');
    expect(r.symbols.find((s) => s.name === 'square')!.parent).toBe('Shape');
    expect(r.symbols.find((s) => s.name === 'sides')!.complexity).toBe(3);
    expect(r.symbols.find((s) => s.name === 'label')!.doc).toBeUndefined();
  });

  it('extracts imports without bindings', async () => {
    const r = await parseSource(specFor('swift')!, src);
    expect(r.imports).toEqual([
      { specifier: 'Foundation', line: 1, kind: 'import', bindings: [] },
      { specifier: 'UIKit.UIView', line: 2, kind: 'import', bindings: [] },
    ]);
  });

  it('records references, not text: shadowing, labels, comments and strings excluded', async () => {
    const r = await parseSource(specFor('swift')!, src);
    // `guard let clamp` shadows the function inside it; line 68 is a comment, line 72 a string.
    expect(r.refs.filter((x) => x.name === 'clamp').map((x) => [x.line, x.kind, x.scope, x.caller])).toEqual([
      [37, 'call', 'file', 'Canvas.draw'],
    ]);
    // Parameters, locals and argument labels are not references; module paths are not either.
    for (const name of ['value', 'lower', 'upper', 'min', 'max', 'rect', 'scaled', 'in', 'Foundation', 'UIKit']) {
      expect(r.refs.filter((x) => x.name === name)).toEqual([]);
    }
    expect(r.refs.find((x) => x.name === 'maxRetries')).toMatchObject({ kind: 'read', scope: 'file', line: 39, caller: 'Canvas.draw' });
    expect(r.refs.find((x) => x.name === 'flush')).toMatchObject({ kind: 'call', line: 39, caller: 'Canvas.draw' });
    expect(r.refs.find((x) => x.name === 'reset')).toMatchObject({ kind: 'call', line: 66, caller: 'Canvas.clear' });
    expect(r.refs.filter((x) => x.kind === 'inherit').map((x) => [x.name, x.line, x.scope])).toEqual([
      ['AnyObject', 19, 'free'], ['NSObject', 25, 'free'], ['Drawable', 25, 'file'], ['String', 51, 'free'],
    ]);
    expect(r.refs.find((x) => x.name === 'Canvas' && x.line === 28)).toMatchObject({ kind: 'call', scope: 'file' });
    expect(r.refs.find((x) => x.name === 'circle')).toMatchObject({ kind: 'attribute', line: 58 });
  });

  it('extracts symbol facts: typed parameters, return type, attributes (without arguments), async', async () => {
    const r = await parseSource(specFor('swift')!, `@MainActor
final class Loader {
    @discardableResult
    @available(iOS 15, *)
    func load(_ url: URL, retries: Int = 3) async throws -> [Item] { return [] }

    @Published var items: [Item] = []

    init(session: URLSession) {}

    static func reset() {}
}

protocol Source {
    func fetch(id: String) async -> Item?
}
`);
    const facts = r.symbols.map((s) => [s.qualified_name, s.start_line, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async]);
    expect(facts).toEqual([
      ['Loader', 1, undefined, undefined, undefined, ['MainActor'], undefined],
      ['Loader.load', 3, 2, 2, '[Item]', ['discardableResult', 'available'], true],
      ['Loader.items', 7, undefined, undefined, undefined, ['Published'], undefined],
      ['Loader.init', 9, 1, 1, undefined, undefined, false],
      ['Loader.reset', 11, 0, 0, undefined, undefined, false],
      ['Source', 14, undefined, undefined, undefined, undefined, undefined],
      ['Source.fetch', 15, 1, 1, 'Item?', undefined, true],
    ]);
  });
});
