import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/engine/parse/parse-source.js';
import { specFor } from '../../src/engine/parse/languages/index.js';

const src = `import { helper, other as alias } from './util.js';
import * as ns from '../ns';
import type { Shape } from './types';
import def from 'pkg';
export * from './reexported';

/** Maximum retries before giving up. */
export const MAX_RETRIES = 3;
const local = 1;

/**
 * Adds two numbers.
 */
export function add(a: number, b: number): number {
  if (a > b && b > 0) return helper(a);
  return a + b;
}

export const double = (x: number): number => x * 2;

export interface Point { x: number; y: number }
export type Id = string | number;
enum Color { Red, Green = 2 }

@sealed
export class Box<T> extends Base implements Shape {
  private size = 0;
  constructor(private readonly owner: string, public label?: string) { super(); }
  /** Opens it. */
  open(force: boolean): void {
    const helper = 5;
    alias(helper);
    ns.run();
    this.size++;
  }
}
// helper() in a comment
const s = "helper()";
`;

describe('typescript extractor', () => {
  it('extracts symbols with kinds, qualified names, lines and docs', async () => {
    const r = await parseSource(specFor('typescript')!, src);
    expect(r.parse_status).toBe('ok');
    const brief = r.symbols.map((s) => [s.kind, s.qualified_name, s.start_line, s.end_line, s.exported]);
    expect(brief).toEqual([
      ['constant', 'MAX_RETRIES', 8, 8, true],
      ['variable', 'local', 9, 9, false],
      ['function', 'add', 14, 17, true],
      ['function', 'double', 19, 19, true],
      ['interface', 'Point', 21, 21, true],
      ['property', 'Point.x', 21, 21, true],
      ['property', 'Point.y', 21, 21, true],
      ['type', 'Id', 22, 22, true],
      ['enum', 'Color', 23, 23, false],
      ['enum_member', 'Color.Red', 23, 23, false],
      ['enum_member', 'Color.Green', 23, 23, false],
      ['class', 'Box', 25, 36, true],
      ['property', 'Box.size', 27, 27, false],
      ['method', 'Box.constructor', 28, 28, true],
      ['property', 'Box.owner', 28, 28, false],
      ['property', 'Box.label', 28, 28, true],
      ['method', 'Box.open', 30, 35, true],
      ['variable', 's', 38, 38, false],
    ]);
    const add = r.symbols.find((s) => s.name === 'add')!;
    expect(add.doc).toBe('Adds two numbers.');
    expect(add.signature).toBe('export function add(a: number, b: number): number'.replace('export ', ''));
    expect(add.complexity).toBe(3);
    expect(add.param_count).toBe(2);
    expect(r.symbols.find((s) => s.name === 'MAX_RETRIES')!.doc).toBe('Maximum retries before giving up.');
    expect(r.symbols.find((s) => s.name === 'open')!.doc).toBe('Opens it.');
  });

  it('extracts imports with bindings and kinds', async () => {
    const r = await parseSource(specFor('typescript')!, src);
    expect(r.imports).toEqual([
      { specifier: './util.js', line: 1, kind: 'import', bindings: [{ local: 'helper', imported: 'helper' }, { local: 'alias', imported: 'other' }] },
      { specifier: '../ns', line: 2, kind: 'import', bindings: [{ local: 'ns', imported: '*' }] },
      { specifier: './types', line: 3, kind: 'type_only', bindings: [{ local: 'Shape', imported: 'Shape' }] },
      { specifier: 'pkg', line: 4, kind: 'import', bindings: [{ local: 'def', imported: 'default' }] },
      { specifier: './reexported', line: 5, kind: 'import', bindings: [], reexport: true },
    ]);
  });

  it('records references, not text: shadowing, comments and strings excluded', async () => {
    const r = await parseSource(specFor('typescript')!, src);
    const helperRefs = r.refs.filter((x) => x.name === 'helper');
    expect(helperRefs.map((x) => [x.line, x.kind, x.scope, x.caller])).toEqual([
      [1, 'import', 'import', undefined],
      [15, 'call', 'import', 'add'],
    ]);
    const run = r.refs.find((x) => x.name === 'run')!;
    expect(run).toMatchObject({ kind: 'call', scope: 'member', receiver: 'ns', line: 33, caller: 'Box.open' });
    expect(r.refs.find((x) => x.name === 'alias')).toMatchObject({ kind: 'call', scope: 'import', line: 32 });
    expect(r.refs.find((x) => x.name === 'Base')).toMatchObject({ kind: 'inherit', line: 26 });
  });

  it('extracts symbol facts: typed parameters, return type, decorators (without arguments), async', async () => {
    const r = await parseSource(specFor('typescript')!, `@Component({ selector: 'app-user' })
export class UserView {
  @Input() name: string;

  @HostListener('window:resize', ['$event'])
  async onResize(event: UIEvent, extra, scale?: number): Promise<void> {}

  render() { return null; }
}

export async function load(id: number, opts = {}): Promise<User | undefined> { return undefined; }
export const toId = (user: User, fallback): string => user.id;
export const tick = async () => {};
interface Repo { find(id: string): Promise<User>; }
`);
    const facts = r.symbols.map((s) => [s.qualified_name, s.start_line, s.param_count, s.typed_params, s.return_type, s.decorators, s.is_async]);
    expect(facts).toEqual([
      ['UserView', 1, undefined, undefined, undefined, ['Component'], undefined],
      ['UserView.name', 3, undefined, undefined, undefined, ['Input'], undefined],
      ['UserView.onResize', 5, 3, 2, 'Promise<void>', ['HostListener'], true],
      ['UserView.render', 8, 0, 0, undefined, undefined, false],
      ['load', 11, 2, 1, 'Promise<User | undefined>', undefined, true],
      ['toId', 12, 2, 1, 'string', undefined, false],
      ['tick', 13, 0, 0, undefined, undefined, true],
      ['Repo', 14, undefined, undefined, undefined, undefined, undefined],
      ['Repo.find', 14, 1, 1, 'Promise<User>', undefined, false],
    ]);
    const tsx = await parseSource(specFor('tsx')!, 'export function Card({ title }: Props, ref): JSX.Element { return <div>{title}</div>; }\n');
    expect(tsx.symbols.map((s) => [s.name, s.param_count, s.typed_params, s.return_type, s.is_async])).toEqual([['Card', 2, 1, 'JSX.Element', false]]);
  });
});
