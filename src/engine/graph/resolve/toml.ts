// Just enough TOML for manifests (Cargo.toml, pyproject.toml): tables and `[[array tables]]` with
// their `key = value` lines, values kept raw (multi-line arrays joined). Not a validating parser.

export interface TomlTable {
  /** Dotted header (`lib`, `tool.setuptools.packages.find`); '' for the top. */
  name: string;
  values: Map<string, string>;
}

export function tomlTables(text: string): TomlTable[] {
  const tables: TomlTable[] = [{ name: '', values: new Map() }];
  let pending: { key: string; raw: string } | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = stripComment(rawLine).trim();
    if (pending) {
      pending.raw += ` ${line}`;
      if (balanced(pending.raw)) {
        tables[tables.length - 1]!.values.set(pending.key, pending.raw);
        pending = undefined;
      }
      continue;
    }
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?$/.exec(line);
    if (header) {
      tables.push({ name: header[1]!.replace(/\s*\.\s*/g, '.').replace(/["']/g, ''), values: new Map() });
      continue;
    }
    const kv = /^("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = kv[1]!.replace(/^["']|["']$/g, '');
    if (balanced(kv[2]!)) tables[tables.length - 1]!.values.set(key, kv[2]!);
    else pending = { key, raw: kv[2]! };
  }
  return tables;
}

/** Every quoted string in a raw value: `"a"` → [a], `["a", 'b']` → [a, b]. */
export function tomlStrings(raw: string | undefined): string[] {
  return raw === undefined ? [] : [...raw.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? '');
}

function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

function balanced(raw: string): boolean {
  const text = raw.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '');
  const open = (text.match(/[[{]/g) ?? []).length;
  const close = (text.match(/[\]}]/g) ?? []).length;
  return open <= close;
}
