// Directory trees drawn with box-drawing connectors: nesting relative paths into directories,
// walking them in display order (directories before files, each alphabetical), and drawing rows
// given in that order. Shared by repo_map and distill's structure view.

export interface DirNode {
  /** Path relative to the project root; the tree's base for the top node. */
  path: string;
  dirs: Map<string, DirNode>;
  files: string[];
}

export interface TreeItem { type: 'dir' | 'file'; path: string; depth: number }

export interface TreeRow {
  /** 1 for the children of the top line. */
  depth: number;
  text: string;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Nests `files` (and directories that must appear even without files) under `base`. */
export function nestPaths(base: string, files: Iterable<string>, dirs: Iterable<string> = []): DirNode {
  const top: DirNode = { path: base, dirs: new Map(), files: [] };
  const dirAt = (dir: string): DirNode => {
    if (dir === base) return top;
    const cut = dir.lastIndexOf('/');
    const parent = dirAt(cut > base.length ? dir.slice(0, cut) : base);
    const name = dir.slice(cut + 1);
    let node = parent.dirs.get(name);
    if (!node) parent.dirs.set(name, (node = { path: dir, dirs: new Map(), files: [] }));
    return node;
  };
  for (const d of dirs) dirAt(d);
  for (const f of files) {
    const cut = f.lastIndexOf('/');
    dirAt(cut > base.length ? f.slice(0, cut) : base).files.push(f);
  }
  return top;
}

/** Pre-order walk: a directory, then its subdirectories, then its files, alphabetically; the top node has depth 0. */
export function* preorder(node: DirNode, depth = 0): Generator<TreeItem> {
  yield { type: 'dir', path: node.path, depth };
  for (const name of [...node.dirs.keys()].sort(byCodeUnit)) yield* preorder(node.dirs.get(name)!, depth + 1);
  for (const f of [...node.files].sort(byCodeUnit)) yield { type: 'file', path: f, depth: depth + 1 };
}

export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The top line, then one line per row with `├── `/`└── ` connectors and `│   ` rails. */
export function drawTree(top: string, rows: readonly TreeRow[]): string[] {
  const last = new Array<boolean>(rows.length);
  const seen: boolean[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const d = rows[i]!.depth;
    last[i] = !seen[d];
    seen[d] = true;
    seen.length = d + 1;
  }
  const lines = [top];
  const rails: string[] = [];
  rows.forEach((row, i) => {
    rails.length = row.depth - 1;
    lines.push(`${rails.join('')}${last[i] ? '└── ' : '├── '}${row.text}`);
    rails.push(last[i] ? '    ' : '│   ');
  });
  return lines;
}
