// `dependencies`: the files one file imports and the files that import it.
import { z } from 'zod';
import { ImportKind } from '../engine/model.js';
import { READ_ONLY, defineOperation } from './define.js';
import { indexedFile, pathParam } from './shared.js';

const EdgeEntry = z.object({ path: z.string(), kind: ImportKind, lines: z.array(z.number().int()) });

export const dependencies = defineOperation({
  name: 'dependencies',
  title: 'Imports and importers of a file',
  description: 'Show the project files a file imports and the files that import it, with import kinds and lines, '
    + 'plus the external packages it uses and imports that resolve to nothing.',
  input: z.object({ path: pathParam('File path, relative to the project root.') }),
  output: z.object({
    path: z.string(),
    imports: z.array(z.string()),
    imported_by: z.array(z.string()),
    import_edges: z.array(EdgeEntry),
    importer_edges: z.array(EdgeEntry),
    external: z.array(z.object({ specifier: z.string(), package: z.string(), lines: z.array(z.number().int()) })),
    unresolved: z.array(z.object({ specifier: z.string(), line: z.number().int() })),
  }),
  annotations: READ_ONLY,
  route: { method: 'GET', path: '/dependencies' },
  async run(ctx, { path }) {
    const file = await indexedFile(ctx, 'path', path, true);
    const graph = ctx.project.graph();
    const out = graph.imports(file.path).map((n) => ({ path: n.path, kind: n.kind, lines: [...n.lines].sort((a, b) => a - b) }));
    const inc = graph.importers(file.path).map((n) => ({ path: n.path, kind: n.kind, lines: [...n.lines].sort((a, b) => a - b) }));
    const external = new Map<string, { specifier: string; package: string; lines: number[] }>();
    for (const e of ctx.project.store.externalsOf(file.id)) {
      const key = `${e.package}\0${e.specifier}`;
      const entry = external.get(key) ?? external.set(key, { specifier: e.specifier, package: e.package, lines: [] }).get(key)!;
      entry.lines.push(e.line);
    }
    ctx.cite([...out.map((e) => e.path), ...inc.map((e) => e.path)]);
    return {
      path: file.path,
      imports: out.map((e) => e.path),
      imported_by: inc.map((e) => e.path),
      import_edges: out,
      importer_edges: inc,
      external: [...external.values()].sort((a, b) => a.package.localeCompare(b.package) || a.specifier.localeCompare(b.specifier)),
      unresolved: ctx.project.store.unresolvedOf(file.id).map((u) => ({ specifier: u.specifier, line: u.line })),
    };
  },
  render(out) {
    const list = (items: string[]) => (items.length ? items.map((p) => `  ${p}`) : ['  (none)']);
    const lines = [
      `Dependencies for ${out.path}:`,
      `Imports from (${out.imports.length} files):`, ...list(out.imports),
      `Imported by (${out.imported_by.length} files):`, ...list(out.imported_by),
    ];
    const packages = [...new Set(out.external.map((e) => e.package))];
    if (packages.length) lines.push(`External packages (${packages.length}): ${packages.join(', ')}`);
    if (out.unresolved.length) lines.push(`Unresolved (${out.unresolved.length}): ${out.unresolved.map((u) => `${u.specifier} (L${u.line})`).join(', ')}`);
    return lines.join('\n');
  },
});
