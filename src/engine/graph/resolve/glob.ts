// Pattern matching for manifests: workspace package globs (`packages/*`, `apps/**`, `libs/?-core`;
// `*` and `?` stay within one path segment, `**` spans segments) and the single-`*` keys of
// tsconfig `paths` and package.json `exports`/`imports`.

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

/**
 * The entry whose key equals `key`, else the entry whose single-`*` pattern key matches it with the
 * longest prefix, then the longest key (tsconfig `paths`, package `exports`/`imports`); `star` is the
 * text `*` matched.
 */
export function matchStarKey<V>(entries: Iterable<readonly [string, V]>, key: string): { value: V; star?: string } | undefined {
  let best: { value: V; star: string; prefix: number; length: number } | undefined;
  for (const [pattern, value] of entries) {
    const at = pattern.indexOf('*');
    if (at < 0) {
      if (pattern === key) return { value };
      continue;
    }
    const pre = pattern.slice(0, at);
    const suf = pattern.slice(at + 1);
    if (key.length < pre.length + suf.length || !key.startsWith(pre) || !key.endsWith(suf)) continue;
    if (!best || pre.length > best.prefix || (pre.length === best.prefix && pattern.length > best.length)) {
      best = { value, star: key.slice(pre.length, key.length - suf.length), prefix: pre.length, length: pattern.length };
    }
  }
  return best && { value: best.value, star: best.star };
}
