// Minimal glob → RegExp for workspace package globs (`packages/*`, `apps/**`, `libs/?-core`):
// `*` and `?` stay within one path segment, `**` spans segments.

export function globToRegExp(glob: string): RegExp {
  const g = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*' && g[i + 1] === '*') {
      i++;
      if (g[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** True when `path` matches a positive pattern and no `!`-negated one. */
export function matchesGlobs(path: string, patterns: readonly string[]): boolean {
  let matched = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (globToRegExp(p.slice(1)).test(path)) return false;
    } else if (!matched && globToRegExp(p).test(path)) matched = true;
  }
  return matched;
}
