// Team-written security rules: `.cartograph/rules/*.yaml`, and `.attocode/rules/*.yaml` for
// compatibility. A file holds one rule or a list of them:
//   id, pattern, message, severity, recommendation (required); cwe, languages, scan_comments,
//   scan_strings, fix {search, replace} (optional).
// Patterns are Python-flavoured regexes as attocode took them: a leading `(?i)` and `(?P<name>…)`
// groups are translated. Invalid files and rules are skipped with a note, never fatal.
import { readFileSync, readdirSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { Severity, type Rule } from './types.js';

export const RULE_DIRS = ['.cartograph/rules', '.attocode/rules'];

const text = z.union([z.string(), z.number()]).transform(String);

const CustomRule = z.object({
  id: text.pipe(z.string().min(1)),
  pattern: z.string().min(1),
  message: z.string(),
  severity: z.string().transform((s) => s.toLowerCase()).pipe(Severity),
  recommendation: z.string(),
  cwe: text.optional(),
  languages: z.array(z.string()).optional(),
  scan_comments: z.boolean().optional(),
  scan_strings: z.boolean().optional(),
  fix: z.object({ search: z.string().min(1), replace: z.string() }).optional(),
});

/** Names people write for languages → scan languages (LanguageSpec ids). */
const LANGUAGE_ALIASES: Record<string, string[]> = {
  typescript: ['typescript', 'tsx'], ts: ['typescript', 'tsx'], js: ['javascript'], jsx: ['javascript'],
  py: ['python'], golang: ['go'], rb: ['ruby'], rs: ['rust'], kt: ['kotlin'], 'c++': ['cpp'], 'c#': ['csharp'], cs: ['csharp'],
  shell: ['bash'], sh: ['bash'], zsh: ['bash'], yml: ['yaml'], env: ['dotenv'],
};

export interface LoadedRules { rules: Rule[]; notes: string[] }

export function loadCustomRules(root: string): LoadedRules {
  const rules: Rule[] = [];
  const notes: string[] = [];
  for (const dir of RULE_DIRS) {
    let names: string[];
    try { names = readdirSync(join(root, dir)).filter((n) => /\.ya?ml$/.test(n)).sort(); } catch { continue; }
    for (const name of names) {
      const rel = `${dir}/${name}`;
      const problem = (why: string) => notes.push(`Custom rule file ${rel} skipped: ${why}.`);
      let doc: unknown;
      try {
        const abs = realpathSync(join(root, rel));
        if (!abs.startsWith(root + sep)) { problem('it resolves outside the project'); continue; }
        doc = parseYaml(readFileSync(abs, 'utf8'));
      } catch (err) {
        problem(err instanceof Error ? err.message.split('\n')[0]! : String(err));
        continue;
      }
      if (doc === null || doc === undefined) continue;
      const entries = Array.isArray(doc) ? doc : [doc];
      if (typeof entries[0] !== 'object' || entries[0] === null) { problem('expected a rule or a list of rules'); continue; }
      entries.forEach((entry, i) => {
        const rule = toRule(entry);
        if (typeof rule === 'string') notes.push(`Custom rule ${i + 1} in ${rel} skipped: ${rule}.`);
        else rules.push(rule);
      });
    }
  }
  return { rules, notes };
}

/** The rule, or why it is invalid. */
function toRule(entry: unknown): Rule | string {
  const parsed = CustomRule.safeParse(entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `${issue.path.join('.') || 'rule'}: ${issue.message}`;
  }
  const r = parsed.data;
  let regex: RegExp;
  try {
    regex = fromPythonRegex(r.pattern);
  } catch (err) {
    return `invalid pattern ${JSON.stringify(r.pattern)} (${err instanceof Error ? err.message : String(err)})`;
  }
  if (regex.test('')) return `pattern ${JSON.stringify(r.pattern)} matches the empty string`;
  const languages = r.languages?.flatMap((l) => LANGUAGE_ALIASES[l.toLowerCase()] ?? [l.toLowerCase()]);
  const cwe = r.cwe === undefined ? '' : /^\d+$/.test(r.cwe) ? `CWE-${r.cwe}` : r.cwe.toUpperCase();
  return {
    id: r.id, regex, severity: r.severity, cwe, message: r.message, suggestion: r.recommendation,
    ...(languages?.length ? { languages } : {}),
    ...(r.scan_comments ? { scan_comments: true } : {}),
    ...(r.scan_strings ? { scan_strings: true } : {}),
    ...(r.fix ? { fix: r.fix } : {}),
  };
}

function fromPythonRegex(pattern: string): RegExp {
  let flags = '';
  const source = pattern
    .replace(/^\(\?([aiLmsux]+)\)/, (_, f: string) => { flags = [...f].filter((c) => 'ims'.includes(c)).join(''); return ''; })
    .replace(/\(\?P</g, '(?<')
    .replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  return new RegExp(source, flags);
}
