// Just enough TOML for manifests (Cargo.toml, pyproject.toml): tables and `[[array tables]]` with
// their `key = value` lines, values kept raw (multi-line arrays joined). Not a validating parser.

export interface TomlTable {
  /** Dotted header (`lib`, `tool.setuptools.packages.find`); '' for the top. */
  name: string;
  values: Map<string, string>;
}

/** One line of a TOML text, as written (line break excluded), with where it starts in the text. */
export interface TomlLine {
  /** The table the line belongs to (`[a.b]`, `[[a]]` → `a.b`, `a`); for a header line, the one it opens. */
  table: string;
  header: boolean;
  /** The key the line starts (`key = …`), unquoted, and the raw value after its `=`. */
  key?: string;
  value?: string;
  /** The line without its comment, trimmed. */
  code: string;
  text: string;
  offset: number;
}

/**
 * Each line with its table and key. Line-based: a line inside a multi-line value is read as if it
 * stood alone, so callers that care (tomlTables) keep track of open values themselves.
 */
export function tomlLines(text: string): TomlLine[] {
  const out: TomlLine[] = [];
  let table = '';
  let offset = 0;
  for (const raw of text.split('\n')) {
    const code = stripComment(raw).trim();
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?$/.exec(code);
    if (header) table = header[1]!.replace(/\s*\.\s*/g, '.').replace(/["']/g, '');
    const kv = header ? null : /^("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(code);
    const entry = kv ? { key: kv[1]!.replace(/^["']|["']$/g, ''), value: kv[2]! } : {};
    out.push({ table, header: !!header, ...entry, code, text: raw, offset });
    offset += raw.length + 1;
  }
  return out;
}

export function tomlTables(text: string): TomlTable[] {
  const tables: TomlTable[] = [{ name: '', values: new Map() }];
  let pending: { key: string; raw: string } | undefined;
  for (const l of tomlLines(text)) {
    if (pending) {
      pending.raw += ` ${l.code}`;
      if (balanced(pending.raw)) {
        tables[tables.length - 1]!.values.set(pending.key, pending.raw);
        pending = undefined;
      }
      continue;
    }
    if (l.header) {
      tables.push({ name: l.table, values: new Map() });
      continue;
    }
    if (l.key === undefined || l.value === undefined) continue;
    if (balanced(l.value)) tables[tables.length - 1]!.values.set(l.key, l.value);
    else pending = { key: l.key, raw: l.value };
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
