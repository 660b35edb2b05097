// The security scan: secret and anti-pattern rules run as regexes over each file's text first;
// only files with a candidate match for a rule that ignores comments or strings are parsed (by the
// worker pool) for their literal ranges. Then `nosec`, placeholder and overlap filtering,
// redaction, autofix diffs, and the dependency audit of the manifests.
import { isCodeLanguage } from '../../discover/languages.js';
import type { LiteralRange } from '../../parse/protocol.js';
import { LineIndex } from '../../line-index.js';
import { auditManifest } from './dependency-audit.js';
import { BIDI_CONTROLS, PATTERN_RULES, SECRET_RULES, ZERO_WIDTH, isPlaceholder, redact } from './rules/index.js';
import { SEVERITIES, type Finding, type Rule, type Severity } from './types.js';

/** Languages without a parser here that still count as code. */
const OTHER_CODE = new Set(['elixir', 'zig', 'haskell', 'terraform']);
const CONFIG = new Set(['yaml', 'json', 'toml']);

/**
 * The language a discovered file is scanned as, or undefined when it is not scanned: code, shell,
 * YAML/JSON/TOML, INI-style config (`ini`) and `.env*` files (`dotenv`).
 */
export function scanLanguageOf(path: string, language: string | null): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.startsWith('.env')) return 'dotenv';
  if (language && (isCodeLanguage(language) || OTHER_CODE.has(language) || CONFIG.has(language))) return language;
  return /\.(?:ini|cfg|conf)$/i.test(name) ? 'ini' : undefined;
}

export interface ScanFile { path: string; language: string }

export interface ScanRequest {
  files: readonly ScanFile[];
  manifests: readonly string[];
  secrets: boolean;
  patterns: boolean;
  dependencies: boolean;
  customRules: readonly Rule[];
  readText(path: string): string | undefined;
  /** Comment and string ranges of the given files; files it cannot parse are left out. */
  literalRanges(files: Array<{ path: string; text: string }>): Promise<Map<string, LiteralRange[]>>;
  signal?: AbortSignal;
}

export interface ScanResult {
  findings: Finding[];
  files_scanned: number;
  /** Files whose literal ranges were needed but could not be computed (their matches were all kept). */
  unparsed: string[];
}

/** Files read between two yields to the event loop, so parser workers get their next batches. */
const CHUNK = 64;

const SEVERITY_RANK = new Map<Severity, number>(SEVERITIES.map((s, i) => [s, i]));
const IS_SECRET = new Set(SECRET_RULES);
const NOSEC = /(?:#|\/\/|\/\*|--)\s*nosec\b/i;

/** Each rule's regex with the flags the scanner needs (g, m, d for the `secret` group's offsets). */
const compiled = new WeakMap<Rule, RegExp>();
function globalRegex(rule: Rule): RegExp {
  let re = compiled.get(rule);
  if (!re) compiled.set(rule, (re = new RegExp(rule.regex.source, [...new Set([...rule.regex.flags, 'g', 'm', 'd'])].join(''))));
  return re;
}

interface Candidate {
  rule: Rule;
  secret: boolean;
  start: number;
  end: number;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export async function scanSecurity(req: ScanRequest): Promise<ScanResult> {
  const findings: Finding[] = [];
  const scanned = new Set<string>();
  const unparsed: string[] = [];
  const patternRules = req.patterns ? [...PATTERN_RULES, ...req.customRules] : [];
  const secretRules = req.secrets ? SECRET_RULES : [];
  const rulesByLanguage = new Map<string, Rule[]>();
  const rulesFor = (language: string): Rule[] => {
    let list = rulesByLanguage.get(language);
    if (!list) rulesByLanguage.set(language, (list = [...secretRules, ...patternRules].filter((r) => !r.languages || r.languages.includes(language))));
    return list;
  };

  const parsing: Array<Promise<void>> = [];
  let pending: Array<{ path: string; text: string; lines: LineIndex; candidates: Candidate[] }> = [];
  const flush = () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    parsing.push(req.literalRanges(batch.map(({ path, text }) => ({ path, text }))).then((ranges) => {
      for (const f of batch) {
        const r = ranges.get(f.path);
        if (!r) unparsed.push(f.path);
        findings.push(...toFindings(f.path, f.lines, r ? f.candidates.filter((c) => !insideLiteral(c, r)) : f.candidates));
      }
    }));
  };

  if (req.secrets || req.patterns) {
    for (let i = 0; i < req.files.length; i++) {
      if (i % CHUNK === 0 && i) {
        req.signal?.throwIfAborted();
        flush();
        await new Promise((resolve) => setImmediate(resolve));
      }
      const file = req.files[i]!;
      const text = req.readText(file.path);
      if (text === undefined) continue;
      scanned.add(file.path);
      const { candidates, lines } = matchFile(text, rulesFor(file.language));
      if (!candidates.length) continue;
      const needsLiterals = candidates.some((c) => !c.secret && !(c.rule.scan_comments && c.rule.scan_strings));
      if (needsLiterals && isCodeLanguage(file.language)) pending.push({ path: file.path, text, lines: lines!, candidates });
      else findings.push(...toFindings(file.path, lines!, candidates));
    }
    flush();
    await Promise.all(parsing);
  }

  if (req.dependencies) {
    for (const path of req.manifests) {
      const text = req.readText(path);
      if (text === undefined) continue;
      scanned.add(path);
      findings.push(...auditManifest(path, text));
    }
  }

  for (const f of findings) {
    f.snippet = snippetOf(f.snippet, f.col);
    if (f.fix) f.fix = redactSecrets(f.fix);
  }
  findings.sort((a, b) => SEVERITY_RANK.get(a.severity)! - SEVERITY_RANK.get(b.severity)!
    || (a.file_path < b.file_path ? -1 : a.file_path > b.file_path ? 1 : 0)
    || a.line - b.line || a.col - b.col || (a.rule_id < b.rule_id ? -1 : a.rule_id > b.rule_id ? 1 : 0));
  return { findings, files_scanned: scanned.size, unparsed: unparsed.sort() };
}

/** Raw candidate matches of one file: placeholders, `nosec` lines and hardened files already left out. */
function matchFile(text: string, rules: readonly Rule[]): { candidates: Candidate[]; lines?: LineIndex } {
  const candidates: Candidate[] = [];
  let lines: LineIndex | undefined;
  for (const rule of rules) {
    const secret = IS_SECRET.has(rule);
    let hardened: boolean | undefined;
    for (const m of text.matchAll(globalRegex(rule))) {
      if (!m[0]) continue;
      if (secret) {
        const value = m.groups?.secret ?? m[0];
        if (isPlaceholder(value)) continue;
      } else {
        hardened ??= rule.unless_file?.test(text) ?? false;
        if (hardened) break;
      }
      lines ??= new LineIndex(text);
      const start = lines.position(m.index);
      if (!secret && NOSEC.test(lines.lineText(start.line))) continue;
      const end = lines.position(m.index + m[0].length - 1);
      candidates.push({ rule, secret, start: m.index, end: m.index + m[0].length, line: start.line, col: start.col, endLine: end.line, endCol: end.col });
    }
  }
  return { candidates: dropOverlappingSecrets(candidates), ...(lines ? { lines } : {}) };
}

/** Where two secret rules match the same text (`github_token = "ghp_…"`), the more severe, then earlier-listed, wins. */
function dropOverlappingSecrets(candidates: Candidate[]): Candidate[] {
  const secrets = candidates.filter((c) => c.secret)
    .sort((a, b) => SEVERITY_RANK.get(a.rule.severity)! - SEVERITY_RANK.get(b.rule.severity)! || SECRET_RULES.indexOf(a.rule) - SECRET_RULES.indexOf(b.rule));
  const kept: Candidate[] = [];
  for (const c of secrets) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return [...kept, ...candidates.filter((c) => !c.secret)];
}

/** True when the match lies entirely inside one comment or string the rule does not look into. */
function insideLiteral(c: Candidate, ranges: readonly LiteralRange[]): boolean {
  if (c.secret) return false;
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 <= c2);
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (before(ranges[mid]!.start_line, ranges[mid]!.start_col, c.line, c.col)) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  const r = ranges[found];
  if (!r || !before(c.endLine, c.endCol, r.end_line, r.end_col)) return false;
  return r.kind === 'comment' ? !c.rule.scan_comments : !c.rule.scan_strings;
}

/** One finding per rule and line. The snippet is the raw line here; scanSecurity trims and redacts it. */
function toFindings(path: string, lines: LineIndex, candidates: readonly Candidate[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const c of candidates) {
    const key = `${c.rule.id}\0${c.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = lines.lineText(c.line);
    const fix = c.rule.fix && text.includes(c.rule.fix.search) ? unifiedDiff(path, c.line, text, text.replace(c.rule.fix.search, c.rule.fix.replace)) : undefined;
    out.push({
      rule_id: c.rule.id, severity: c.rule.severity, category: c.secret ? 'secret' : 'anti_pattern', cwe: c.rule.cwe,
      file_path: path, line: c.line, col: c.col, message: c.rule.message, suggestion: c.rule.suggestion, snippet: text,
      ...(fix ? { fix } : {}),
    });
  }
  return out;
}

function unifiedDiff(path: string, line: number, before: string, after: string): string {
  return `--- a/${path}\n+++ b/${path}\n@@ -${line},1 +${line},1 @@\n-${before}\n+${after}`;
}

const SNIPPET_MAX = 200;
const INVISIBLE = new RegExp(`[${BIDI_CONTROLS}${ZERO_WIDTH}]`, 'g');

/**
 * The line trimmed and redacted, invisible characters written as escapes (shown raw they would
 * reorder or hide the text); a long line is cut to a window around the finding's column.
 */
function snippetOf(line: string, col: number): string {
  const text = redactSecrets(line).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const chars = [...text];
  if (chars.length <= SNIPPET_MAX) return text.trim();
  const from = Math.max(0, Math.min(col - 1 - 40, chars.length - SNIPPET_MAX));
  return `${from ? '…' : ''}${chars.slice(from, from + SNIPPET_MAX).join('').trim()}…`;
}

/** Every secret value the secret rules find in `text`, replaced by its redaction. */
export function redactSecrets(text: string): string {
  const spans: Array<{ start: number; end: number; value: string }> = [];
  for (const rule of SECRET_RULES) {
    for (const m of text.matchAll(globalRegex(rule))) {
      const value = m.groups?.secret ?? m[0];
      if (!value || isPlaceholder(value)) continue;
      const [start, end] = m.indices?.groups?.secret ?? m.indices![0]!;
      if (!spans.some((s) => start < s.end && s.start < end)) spans.push({ start, end, value });
    }
  }
  let out = text;
  for (const s of spans.sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + redact(s.value) + out.slice(s.end);
  return out;
}

/** clamp(100 − (20 × critical + 10 × high + 3 × medium + 1 × low), 0, 100). */
export function securityScore(summary: Partial<Record<Severity, number>>): number {
  const deduction = 20 * (summary.critical ?? 0) + 10 * (summary.high ?? 0) + 3 * (summary.medium ?? 0) + (summary.low ?? 0);
  return Math.max(0, Math.min(100, 100 - deduction));
}
