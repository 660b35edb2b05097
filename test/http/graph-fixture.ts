// The repository the graph-view tests draw: two import cliques in two folders joined by one bridge
// (two Louvain communities by construction), a pair joined by a type import only, and two files with
// no import edge at all.

/** TypeScript files in `dir` where each imports every later one: a dense cluster. */
const clique = (dir: string, names: string[]): Record<string, string> => Object.fromEntries(names.map((n, i) => [`${dir}/${n}.ts`,
  `${names.slice(i + 1).map((m) => `import { ${m} } from './${m}';`).join('\n')}\nexport const ${n} = 1;\n`]));

// alpha: a1..a4 all linked, a5 → a1. beta: b1..b4 all linked, beta/sub/b5 → b1, b2. Bridge a1 → b1.
// gamma: g1 → g2 by a type import only. misc/lonely.ts and README.md have no edge.
export const GRAPH_FILES: Record<string, string> = {
  ...clique('alpha', ['a1', 'a2', 'a3', 'a4']),
  'alpha/a5.ts': "import { a1 } from './a1';\nexport const a5 = 1;\n",
  ...clique('beta', ['b1', 'b2', 'b3', 'b4']),
  'beta/sub/b5.ts': "import { b1 } from '../b1';\nimport { b2 } from '../b2';\nexport const b5 = 1;\n",
  'gamma/g1.ts': "import type { G } from './g2';\nexport const g1: G = 1;\n",
  'gamma/g2.ts': 'export type G = number;\n',
  'misc/lonely.ts': 'export const lonely = 1;\n',
  'README.md': '# demo\n',
};
GRAPH_FILES['alpha/a1.ts'] = `import { b1 } from '../beta/b1';\n${GRAPH_FILES['alpha/a1.ts']!}`;

export interface GraphNode {
  id: string; label: string; group: number | null; importance: number; language: string | null;
  fan_in: number; fan_out: number; is_root: boolean; distance?: number;
}
export interface GraphVizBody {
  nodes: GraphNode[];
  links: Array<{ source: string; target: string; type_only?: true }>;
  communities: Array<{ id: number; size: number; theme: string; hub: string }>;
  root?: string; depth?: number; truncated?: { shown: number; total: number }; generation: number; notes?: string[];
}
