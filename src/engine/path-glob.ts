// The glob of user-facing path filters (spec §1.4): attocode's fnmatch meaning, kept so its clients
// match the same files. Unlike the manifest globs of graph/resolve/glob.ts, `*` crosses `/`.

/**
 * Compiles an fnmatch pattern matched against a whole string: `*` (and `**`) any run of characters
 * including `/`, `?` one character, `[...]` a class (`[!...]` negated); a `[` with no closing `]`
 * is a literal. Case-sensitive.
 */
export function pathGlob(pattern: string): RegExp {
  const chars = [...pattern];
  let re = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '*') {
      while (chars[i + 1] === '*') i++;
      re += '.*';
    } else if (c === '?') re += '.';
    else if (c === '[') {
      // fnmatch: a `]` right after `[` or `[!` belongs to the class.
      let j = i + 1;
      if (chars[j] === '!') j++;
      if (chars[j] === ']') j++;
      while (j < chars.length && chars[j] !== ']') j++;
      if (j >= chars.length) { re += '\\['; continue; }
      let body = chars.slice(i + 1, j).join('');
      const negated = body.startsWith('!');
      if (negated) body = body.slice(1);
      re += `[${negated ? '^' : ''}${body.replace(/[\\^\]]/g, '\\$&')}]`;
      i = j;
    } else re += c.replace(/[.+^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'su');
}

/** True when the text has a glob metacharacter (so it is not meant as a literal path). */
export const hasGlobChars = (text: string): boolean => /[*?[]/.test(text);
