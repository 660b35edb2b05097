// C++ extractor: a header and its source. Symbols (namespaces as modules, classes, members,
// enums, out-of-class definitions via @receiver, globals), export rule (headers: public API;
// sources: non-static, outside anonymous namespaces), docs, signatures, metrics, includes and
// references (shadowing, comments, strings, callers).
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const header = `#pragma once

#include <memory>
#include "geo/shape.hpp"

namespace geo {

/// A circle of a given radius.
class Circle : public Shape {
public:
    explicit Circle(double radius);
    ~Circle() override;

    /// Area of the circle.
    double area() const override;
    static std::unique_ptr<Circle> unit();

    enum class Fill { None, Solid };

private:
    double radius_ = 0;
    Fill fill_;
};

double total_area(const Shape* shapes, int count);

}  // namespace geo
`;

const source = `// circle.cpp - circles.
#include "geo/circle.hpp"
#include <cmath>

namespace geo {
namespace {
const double kPi = 3.14159;
int instances = 0;
}  // namespace

Circle::Circle(double radius) : radius_(radius) { ++instances; }

Circle::~Circle() { --instances; }

/* Uses kPi; area() in a comment is not a call. */
double Circle::area() const {
    if (radius_ <= 0 || std::isnan(radius_)) {
        return 0;
    }
    return kPi * radius_ * radius_;
}

std::unique_ptr<Circle> Circle::unit() { return std::make_unique<Circle>(1.0); }

double total_area(const Shape* shapes, int count) {
    double total = 0;
    for (int i = 0; i < count; ++i) {
        const Shape& area = shapes[i];
        total += area.area();
    }
    const char* label = "total_area()";
    return total;
}

}  // namespace geo

static int verbose = 0;

int main() {
    geo::Circle c(2.0);
    return c.area() > 1 ? 0 : verbose;
}
`;

const parse = (text: string) => parseSource(specFor('cpp')!, text);

describe('cpp extractor', () => {
  it('extracts a header: namespace members qualified, public members exported', async () => {
    const r = await parse(header);
    expect(r.parse_status).toBe('ok');
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported])).toEqual([
      ['module', 'geo', 6, 27, true],
      ['class', 'geo.Circle', 9, 23, true],
      ['method', 'geo.Circle.Circle', 11, 11, true],
      ['method', 'geo.Circle.~Circle', 12, 12, true],
      ['method', 'geo.Circle.area', 15, 15, true],
      ['method', 'geo.Circle.unit', 16, 16, true],
      ['enum', 'geo.Circle.Fill', 18, 18, true],
      ['enum_member', 'geo.Circle.Fill.None', 18, 18, true],
      ['enum_member', 'geo.Circle.Fill.Solid', 18, 18, true],
      ['property', 'geo.Circle.radius_', 21, 21, false],
      ['property', 'geo.Circle.fill_', 22, 22, false],
      // A free function in a namespace stays a function.
      ['function', 'geo.total_area', 25, 25, true],
    ]);
    const sym = (q: string) => r.symbols.find((s) => s.qualified_name === q)!;
    expect(sym('geo.Circle').doc).toBe('A circle of a given radius.');
    expect(sym('geo.Circle').signature).toBe('class Circle : public Shape');
    expect(sym('geo.Circle.area').doc).toBe('Area of the circle.');
    expect(sym('geo.Circle.area').signature).toBe('double area() const override');
    expect(sym('geo.Circle.unit').signature).toBe('static std::unique_ptr<Circle> unit()');
    expect(r.imports).toEqual([
      { specifier: 'memory', line: 3, kind: 'include', bindings: [], system: true },
      { specifier: 'geo/shape.hpp', line: 4, kind: 'include', bindings: [] },
    ]);
    expect(r.refs.find((x) => x.name === 'Shape')).toMatchObject({ kind: 'inherit', line: 9 });
  });

  it('extracts a source file: out-of-class definitions, anonymous namespace, statics', async () => {
    const r = await parse(source);
    expect(r.parse_status).toBe('ok');
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported])).toEqual([
      ['module', 'geo', 5, 35, true],
      ['variable', 'geo.kPi', 7, 7, false],
      ['variable', 'geo.instances', 8, 8, false],
      // `Circle::area` inside `namespace geo`: the enclosing namespace and the @receiver compose.
      ['method', 'geo.Circle.Circle', 11, 11, true],
      ['method', 'geo.Circle.~Circle', 13, 13, true],
      ['method', 'geo.Circle.area', 16, 21, true],
      ['method', 'geo.Circle.unit', 23, 23, true],
      ['function', 'geo.total_area', 25, 33, true],
      ['variable', 'verbose', 37, 37, false],
      ['function', 'main', 39, 42, true],
    ]);
    const area = r.symbols.find((s) => s.name === 'area')!;
    expect(area.doc).toBe('Uses kPi; area() in a comment is not a call.');
    expect(area.signature).toBe('double Circle::area() const');
    expect(area.complexity).toBe(3); // if, ||
    const total = r.symbols.find((s) => s.name === 'total_area')!;
    expect(total.param_count).toBe(2);
    expect(total.complexity).toBe(2); // for
    expect(r.lines).toEqual({ total: 42, code: 31, comment: 2, blank: 9 });
    expect(r.imports).toEqual([
      { specifier: 'geo/circle.hpp', line: 2, kind: 'include', bindings: [] },
      { specifier: 'cmath', line: 3, kind: 'include', bindings: [], system: true },
    ]);
  });

  it('qualifies a file-level out-of-class definition by its class', async () => {
    const r = await parse('struct Foo { void bar(); };\n\nvoid Foo::bar() {\n  baz();\n}\n');
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line])).toEqual([
      ['struct', 'Foo', 1, 1],
      ['method', 'Foo.bar', 1, 1],
      ['method', 'Foo.bar', 3, 5],
    ]);
    expect(r.refs.find((x) => x.name === 'baz')).toMatchObject({ kind: 'call', caller: 'Foo.bar', line: 4 });
  });

  it('extracts defaulted and deleted members, in the class and out of it', async () => {
    const r = await parse([
      '#pragma once',
      'class Shape {',
      'public:',
      '    Shape() = default;',
      '    Shape(const Shape&) = delete;',
      '    Shape& operator=(const Shape&) = delete;',
      '    virtual ~Shape() = default;',
      '    virtual double area() const = 0;',
      '};',
      'Shape::Shape() = default;',
      '',
    ].join('\n'));
    expect(r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.signature])).toEqual([
      ['class', 'Shape', 2, 'class Shape'],
      ['method', 'Shape.Shape', 4, 'Shape()'],
      ['method', 'Shape.Shape', 5, 'Shape(const Shape&)'],
      ['method', 'Shape.operator=', 6, 'Shape& operator=(const Shape&)'],
      ['method', 'Shape.~Shape', 7, 'virtual ~Shape()'],
      ['method', 'Shape.area', 8, 'virtual double area() const = 0'],
      ['method', 'Shape.Shape', 10, 'Shape::Shape()'],
    ]);
  });

  it('records references, not text: shadowing, comments, strings and callers', async () => {
    const r = await parse(source);
    const refs = (name: string) => r.refs.filter((x) => x.name === name).map((x) => [x.line, x.kind, x.scope, x.caller]);
    // total_area() declares a local `area` that shadows nothing it calls: `area.area()` is a
    // member call; the comment and the string mentioning area()/total_area() are not uses.
    expect(refs('area')).toEqual([[29, 'call', 'free', 'geo.total_area'], [41, 'call', 'free', 'main']]);
    expect(refs('total_area')).toEqual([]);
    expect(refs('instances')).toEqual([[11, 'write', 'free', 'geo.Circle.Circle'], [13, 'write', 'free', 'geo.Circle.~Circle']]);
    expect(refs('radius_').map(([line, kind]) => [line, kind])).toEqual([
      [11, 'write'], [17, 'read'], [17, 'read'], [20, 'read'], [20, 'read'],
    ]);
    expect(refs('kPi')).toEqual([[20, 'read', 'free', 'geo.Circle.area']]);
    expect(refs('isnan')).toEqual([[17, 'call', 'free', 'geo.Circle.area']]);
    expect(refs('make_unique')).toEqual([[23, 'call', 'free', 'geo.Circle.unit']]);
    expect(refs('verbose')).toEqual([[41, 'read', 'file', 'main']]);
    expect(refs('Circle')).toEqual([
      [23, 'type', 'free', 'geo.Circle.unit'], [23, 'type', 'free', 'geo.Circle.unit'], [40, 'type', 'free', 'main'],
    ]);
    // Parameters, locals and loop variables are never references.
    for (const name of ['radius', 'shapes', 'count', 'total', 'i', 'label', 'c']) {
      expect(refs(name)).toEqual([]);
    }
  });

  it('extracts symbol facts: parameters (all typed), return types with qualifiers, pointers and references, attributes', async () => {
    const r = await parse(`#pragma once
namespace geo {
class Shape {
public:
    [[nodiscard]] const std::string &name() const;
    [[deprecated("use area2"), gnu::cold]] virtual double **grid(int w, int h = 1) = 0;
    Shape(int id);
    static Shape &&make();
};
template <typename T> T clamp(T v, T lo, T hi) { return v; }
}
const std::string &Shape::name() const { return n_; }
`);
    const facts = r.symbols.map((s) => [s.qualified_name, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async]);
    expect(facts).toEqual([
      ['geo', undefined, undefined, undefined, undefined, undefined],
      ['geo.Shape', undefined, undefined, undefined, undefined, undefined],
      ['geo.Shape.name', 0, 0, 'const std::string &', ['nodiscard'], undefined],
      ['geo.Shape.grid', 2, 2, 'double **', ['deprecated', 'gnu::cold'], undefined],
      ['geo.Shape.Shape', 1, 1, undefined, undefined, undefined],
      ['geo.Shape.make', 0, 0, 'Shape &&', undefined, undefined],
      ['geo.clamp', 3, 3, 'T', undefined, undefined],
      ['Shape.name', 0, 0, 'const std::string &', undefined, undefined],
    ]);
    // Attributes are not part of the signature.
    expect(r.symbols[2]!.signature).toBe('const std::string &name() const');
  });
});
