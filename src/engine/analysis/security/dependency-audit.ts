// Dependency hygiene of every manifest: loose or missing version constraints (package.json,
// pyproject.toml, requirements*.txt), install scripts that fetch or run code (package.json),
// network access at install time (setup.py), and `replace`/`[patch]` entries pointing at local or
// unpinned sources (go.mod, Cargo.toml). Each finding points at the manifest line.
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { tomlLines } from '../../graph/resolve/toml.js';
import { LineIndex } from '../../line-index.js';
import type { Finding, Severity } from './types.js';

export type ManifestKind = 'package.json' | 'pyproject' | 'requirements' | 'setup.py' | 'cargo' | 'go.mod';

export function manifestKind(path: string): ManifestKind | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'package.json') return 'package.json';
  if (name === 'pyproject.toml') return 'pyproject';
  if (name === 'setup.py') return 'setup.py';
  if (name === 'Cargo.toml') return 'cargo';
  if (name === 'go.mod') return 'go.mod';
  if (/^requirements[^/]*\.txt$/.test(name) || /(^|\/)requirements\/[^/]+\.txt$/.test(path)) return 'requirements';
  return undefined;
}

interface Hit {
  rule_id: string;
  severity: Severity;
  cwe: string;
  message: string;
  suggestion: string;
  /** 0-based offset in the manifest text. */
  offset: number;
}

const PINNING_CWE = 'CWE-1357';

export function auditManifest(path: string, text: string): Finding[] {
  const kind = manifestKind(path);
  const hits = kind === 'package.json' ? packageJson(text)
    : kind === 'pyproject' ? pyproject(text)
      : kind === 'requirements' ? requirements(text)
        : kind === 'setup.py' ? setupPy(text)
          : kind === 'cargo' ? cargo(text)
            : kind === 'go.mod' ? goMod(text) : [];
  if (!hits.length) return [];
  const lines = new LineIndex(text);
  return hits.map((h) => {
    const { line, col } = lines.position(h.offset);
    return {
      rule_id: h.rule_id, severity: h.severity, category: 'dependency' as const, cwe: h.cwe, file_path: path, line, col,
      message: h.message, suggestion: h.suggestion, snippet: lines.lineText(line).trim(),
    };
  });
}

// ---- version constraints -------------------------------------------------------------------

/** A PEP 508 requirement (`name[extra]>=1 ; marker`, `name @ url`) judged for pinning. */
function pythonRequirement(spec: string, offset: number): Hit | undefined {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)/.exec(spec);
  if (!m) return undefined;
  const name = m[1]!;
  const version = m[2]!.trim();
  if (version.startsWith('@')) return undefined; // a direct URL reference is pinned by its URL
  return versionHit(name, version, offset, '');
}

/**
 * No constraint (or only exclusions such as `!=1.2`) → medium; a lower bound with no upper bound → low.
 * `sep` joins name and version in messages (`pkg>=1` for Python, `pkg@>=1` for npm).
 */
function versionHit(name: string, version: string, offset: number, sep: string): Hit | undefined {
  const bounds = version.replace(/!=\s*[^,;\s]*/g, '');
  if (!/\d/.test(bounds)) {
    return {
      rule_id: 'dep_no_version', severity: 'medium', cwe: PINNING_CWE, offset,
      message: `No version constraint for ${name}`, suggestion: `Constrain the version, e.g. ${name}>=X.Y,<X+1`,
    };
  }
  if (/>/.test(bounds) && !/<|==|~=|\^|\|\|/.test(bounds)) {
    return {
      rule_id: 'dep_open_range', severity: 'low', cwe: PINNING_CWE, offset,
      message: `Open-ended version: ${name}${sep}${version}`, suggestion: 'Add an upper bound for reproducible installs',
    };
  }
  return undefined;
}

function requirements(text: string): Hit[] {
  const hits: Hit[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    // Options (-r, -e, --hash …), URLs and local paths are not name-based requirements.
    if (line && !/^(-|\.|\/|[a-z+]+:\/\/|git\+)/i.test(line)) {
      const hit = pythonRequirement(line, offset + raw.indexOf(line));
      if (hit) hits.push(hit);
    }
    offset += raw.length + 1;
  }
  return hits;
}

// ---- TOML (pyproject, Cargo): lines from the manifest reader, plus offsets of quoted strings ----

/** Quoted strings of a line, up to a comment, with their offsets in the line. */
function quotedStrings(line: string): Array<{ value: string; at: number }> {
  const out: Array<{ value: string; at: number }> = [];
  for (const m of line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|#/g)) {
    if (m[0] === '#') break;
    out.push({ value: m[1] ?? m[2] ?? '', at: m.index });
  }
  return out;
}

/** PEP 621 and PEP 735 requirement arrays, and Poetry dependency tables. */
function pyproject(text: string): Hit[] {
  const hits: Hit[] = [];
  let inArray = false;
  for (const l of tomlLines(text)) {
    if (l.header) continue;
    const poetry = /^tool\.poetry\.(?:dev-dependencies|dependencies|group\.[^.]+\.dependencies)$/.test(l.table);
    if (poetry && l.key && l.key !== 'python') {
      const value = l.text.slice(l.text.indexOf('=') + 1).trim();
      // `{ version = "…" }`; git, path and url sources have no version to judge.
      if (!value.startsWith('{') || /\bversion\s*=/.test(value)) {
        const version = /^\{/.test(value) ? (/\bversion\s*=\s*["']([^"']*)["']/.exec(value)?.[1] ?? '') : (quotedStrings(value)[0]?.value ?? '');
        const hit = versionHit(l.key, version.trim(), l.offset + l.text.indexOf(l.key), ' ');
        if (hit) hits.push(hit);
      }
      continue;
    }
    const starts = l.key !== undefined && /=\s*\[/.test(l.text)
      && ((l.table === 'project' && l.key === 'dependencies') || l.table === 'project.optional-dependencies' || l.table === 'dependency-groups');
    if (!starts && !inArray) continue;
    const body = starts ? l.text.slice(l.text.indexOf('[') + 1) : l.text;
    const bodyAt = l.offset + l.text.length - body.length;
    for (const s of quotedStrings(body)) {
      const hit = pythonRequirement(s.value, bodyAt + s.at);
      if (hit) hits.push(hit);
    }
    inArray = !/\]\s*(?:#.*)?$/.test(body.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""'));
  }
  return hits;
}

/** `[patch.*]` and `[replace]` entries that point at a local path or an unpinned git source. */
function cargo(text: string): Hit[] {
  const hits: Hit[] = [];
  const lines = tomlLines(text).filter((l) => !l.header && /^(?:patch\.|replace$|replace\.)/.test(l.table));
  for (const l of lines) {
    if (!l.key) continue;
    // A whole-table entry (`[patch.crates-io.foo]`) keeps its keys on separate lines.
    const entry = l.key === 'path' || l.key === 'git' ? lines.filter((o) => o.table === l.table).map((o) => o.text).join('\n') : l.text;
    const at = l.offset + l.text.indexOf(l.key);
    const name = l.key === 'path' || l.key === 'git' ? l.table.slice(l.table.lastIndexOf('.') + 1) : l.key;
    if (/\bpath\s*=/.test(l.text)) hits.push(sourceHit(name, 'a local path', at));
    else if (/\bgit\s*=/.test(l.text) && !/\b(?:rev|tag)\s*=/.test(entry)) hits.push(sourceHit(name, 'a git source without rev or tag', at));
  }
  return hits;
}

/** `replace` directives (single or in a block) whose target is a local directory. */
function goMod(text: string): Hit[] {
  const hits: Hit[] = [];
  let inBlock = false;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '');
    if (inBlock && /^\s*\)/.test(line)) inBlock = false;
    else if (/^\s*replace\s*\(\s*$/.test(line)) inBlock = true;
    else {
      const m = (inBlock ? /^\s*(\S+)(?:\s+\S+)?\s*=>\s*(\S+)/ : /^\s*replace\s+(\S+)(?:\s+\S+)?\s*=>\s*(\S+)/).exec(line);
      if (m && /^(?:\.{1,2}\/|\/)/.test(m[2]!)) hits.push(sourceHit(m[1]!, `the local directory ${m[2]}`, offset + raw.search(/\S/)));
    }
    offset += raw.length + 1;
  }
  return hits;
}

function sourceHit(name: string, where: string, offset: number): Hit {
  return {
    rule_id: 'dep_unpinned_source', severity: 'low', cwe: PINNING_CWE, offset,
    message: `${name} is replaced by ${where}`, suggestion: 'Point replacements at a released version or a pinned commit before shipping',
  };
}

// ---- package.json ----------------------------------------------------------------------------

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

const SCRIPT_RISKS: Array<[RegExp, string]> = [
  [/\b(?:curl|wget)\b[^|;&]*\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b/, 'pipes a download into a shell'],
  [/\beval\b/, 'evaluates code'],
  [/\bbase64\s+(?:-d|--decode)\b|\batob\s*\(|['"]base64['"]|\bb64decode\b/, 'decodes base64'],
  [/\bchild_process\b|\b(?:node|python[23]?|ruby|perl)\s+-[ec]\b|\b(?:ba|z)?sh\s+-c\b|\b(?:exec|execSync|spawn|spawnSync|popen|system)\s*\(/, 'spawns processes'],
  [/\b(?:curl|wget)\b[^|;&]*https?:\/\//, 'downloads a remote script'],
];

const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies'];

function packageJson(text: string): Hit[] {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  if (!tree) return [];
  const hits: Hit[] = [];
  for (const section of DEPENDENCY_SECTIONS) {
    for (const [name, value, at] of stringProperties(findNodeAtLocation(tree, [section]))) {
      // Workspace, local, git and alias specifiers name no registry range.
      if (/^(?:workspace:|file:|link:|portal:|npm:|git|github:|https?:)|\//.test(value)) continue;
      const v = value.trim();
      if (v === '' || v === '*' || v === 'latest' || v === 'x' || v === 'X') {
        hits.push({
          rule_id: 'dep_wildcard', severity: 'high', cwe: PINNING_CWE, offset: at,
          message: `Unpinned dependency: ${name}@${v || '""'}`, suggestion: 'Pin a version range such as ^1.2.3',
        });
      } else {
        const hit = versionHit(name, v, at, '@');
        if (hit?.rule_id === 'dep_open_range') hits.push(hit);
      }
    }
  }
  for (const [name, script, at] of stringProperties(findNodeAtLocation(tree, ['scripts']))) {
    if (!INSTALL_SCRIPTS.includes(name)) continue;
    const risks = SCRIPT_RISKS.filter(([re]) => re.test(script)).map(([, what]) => what);
    if (!risks.length) continue;
    hits.push({
      rule_id: 'dep_install_script', severity: 'high', cwe: 'CWE-506', offset: at,
      message: `Install script "${name}" ${risks.join(', ')}`, suggestion: 'Install scripts run on every install: remove network and eval steps, ship built files instead',
    });
  }
  return hits;
}

/** [key, string value, offset of the key] of an object node's string-valued properties. */
function stringProperties(node: JsonNode | undefined): Array<[string, string, number]> {
  if (node?.type !== 'object') return [];
  return (node.children ?? []).flatMap((p) => {
    const [key, value] = p.children ?? [];
    return key && value?.type === 'string' ? [[String(key.value), String(value.value), key.offset] as [string, string, number]] : [];
  });
}

// ---- setup.py --------------------------------------------------------------------------------

/** Calls that reach the network (imports alone are not reported). */
const NETWORK_CALL = /\b(?:urlopen|urlretrieve|requests\.(?:get|post|put|request)|HTTPS?Connection|socket\.(?:socket|create_connection)|pycurl\.Curl)\s*\(|\b(?:curl|wget)\s/;

function setupPy(text: string): Hit[] {
  const hits: Hit[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const m = raw.trimStart().startsWith('#') ? null : NETWORK_CALL.exec(raw);
    if (m) {
      hits.push({
        rule_id: 'dep_setup_network', severity: 'high', cwe: 'CWE-494', offset: offset + m.index,
        message: 'setup.py makes a network call at install time', suggestion: 'Declare dependencies instead of downloading during setup; vendor what must be fetched',
      });
    }
    offset += raw.length + 1;
  }
  return hits;
}
