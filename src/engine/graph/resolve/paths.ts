// POSIX path helpers for root-relative project paths ('' is the project root). Joins never
// escape the root: a path climbing above it yields undefined.

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Joins and normalises segments (`.`, `..`, empty parts); undefined when it climbs above the root. */
export function join(...parts: string[]): string | undefined {
  const out: string[] = [];
  for (const part of parts) {
    for (const seg of part.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (out.length === 0) return undefined;
        out.pop();
      } else out.push(seg);
    }
  }
  return out.join('/');
}

/** `dir`, its parent, …, up to and including the root (''). */
export function ancestors(dir: string): string[] {
  const out = [dir];
  for (let d = dir; d !== ''; ) {
    d = dirname(d);
    out.push(d);
  }
  return out;
}

/** True when `path` is `dir` or lies below it. */
export function isWithin(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}
