// `security_scan`: committed secrets, risky code patterns and loose dependency declarations.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { loadCustomRules } from '../engine/analysis/security/custom-rules.js';
import { manifestKind } from '../engine/analysis/security/dependency-audit.js';
import { scanLanguageOf, scanSecurity, securityScore, type ScanFile } from '../engine/analysis/security/scanner.js';
import { Finding, SEVERITIES, type Severity } from '../engine/analysis/security/types.js';
import { notFound } from '../errors.js';
import { READ_ONLY, defineOperation } from './define.js';
import { didYouMean, dirPrefix, pathParam, underDir } from './shared.js';

/** Files whose text is not scanned: unreadable, binary, over the size cap or minified. */
const UNSCANNED = new Set(['binary', 'too_large', 'unreadable', 'minified']);

/** Findings listed per severity in the text. */
const TEXT_PER_SEVERITY = 20;

const Mode = z.enum(['quick', 'secrets', 'patterns', 'dependencies', 'full']);
const count = z.number().int().optional();
/** Findings per severity; severities without findings are absent. */
const Summary = z.object({ critical: count, high: count, medium: count, low: count, info: count });

export const securityScan = defineOperation({
  name: 'security_scan',
  title: 'Security scan',
  description: 'Scan for committed secrets (API keys, tokens, private keys, passwords; values redacted), risky code patterns '
    + '(eval, shell/SQL injection, unsafe deserialization, weak crypto, XSS sinks, framework settings such as CSRF off or '
    + 'CORS "*"; custom rules from .cartograph/rules/*.yaml) and loose dependency declarations in every manifest. '
    + 'Findings are sorted by severity, then path and line; the score is 100 minus a penalty per finding.',
  input: z.object({
    mode: Mode.default('full')
      .describe('quick/secrets: secret rules; patterns: anti-pattern and custom rules; dependencies: manifest audit; full: all three.'),
    path: pathParam('Directory or file to restrict the scan to; "" scans the whole project.').default(''),
    limit: z.number().int().min(1).max(2_000).default(100).describe('Maximum findings listed (1..2000).'),
  }),
  output: z.object({
    mode: Mode,
    path: z.string(),
    score: z.number().int(),
    files_scanned: z.number().int(),
    duration_ms: z.number().int(),
    findings: z.array(Finding),
    total_findings: z.number().int(),
    summary: Summary,
  }),
  annotations: READ_ONLY,
  route: { method: 'POST', path: '/security-scan' },
  async run(ctx, input) {
    const started = performance.now();
    const { project } = ctx;
    const scope = dirPrefix(ctx, input.path);
    if (scope && !existsSync(project.resolvePath(scope).abs)) {
      const suggestions = didYouMean(ctx, scope);
      throw notFound(`Path '${scope}' does not exist${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : '.'}`,
        { path: scope, did_you_mean: suggestions });
    }
    const secrets = input.mode !== 'patterns' && input.mode !== 'dependencies';
    const patterns = input.mode === 'patterns' || input.mode === 'full';
    const dependencies = input.mode === 'dependencies' || input.mode === 'full';

    const rows = project.store.allFiles().filter((f) => underDir(f.path, scope) && !UNSCANNED.has(f.skip_reason ?? ''));
    const files: ScanFile[] = [];
    for (const f of rows) {
      const language = scanLanguageOf(f.path, f.language);
      if (language) files.push({ path: f.path, language });
    }
    if (secrets || patterns) {
      for (const path of await project.envFiles()) if (underDir(path, scope)) files.push({ path, language: 'dotenv' });
    }
    const custom = patterns ? loadCustomRules(project.root) : { rules: [], notes: [] };
    custom.notes.forEach((n) => ctx.note(n));

    const result = await scanSecurity({
      files, secrets, patterns, dependencies,
      manifests: rows.filter((f) => manifestKind(f.path)).map((f) => f.path),
      customRules: custom.rules,
      readText: (p) => project.readText(p),
      literalRanges: (f) => project.literalRanges(f),
      signal: ctx.signal,
    });
    if (result.unparsed.length) {
      ctx.note(`${result.unparsed.length} file(s) could not be parsed, so pattern matches in their comments and strings were kept: ${result.unparsed.slice(0, 5).join(', ')}${result.unparsed.length > 5 ? ', …' : ''}.`);
    }
    if (dependencies) ctx.note('No vulnerability database was consulted (none is configured); dependency findings cover version pinning and install-time behaviour only.');

    const summary: Partial<Record<Severity, number>> = {};
    for (const f of result.findings) summary[f.severity] = (summary[f.severity] ?? 0) + 1;
    const shown = result.findings.slice(0, input.limit);
    ctx.cite(new Set(shown.map((f) => f.file_path)));
    const out = {
      mode: input.mode, path: scope, score: securityScore(summary), files_scanned: result.files_scanned,
      duration_ms: Math.round(performance.now() - started), findings: shown, total_findings: result.findings.length, summary,
    };
    return shown.length < result.findings.length
      ? { ...out, truncated: { shown: shown.length, total: result.findings.length, by: 'limit' as const, hint: 'Raise limit or narrow path to see every finding.' } }
      : out;
  },
  render(out) {
    const lines = ['Security Scan Report', `Score: ${out.score}/100 | Files: ${out.files_scanned} | Time: ${out.duration_ms}ms`, ''];
    const counts = SEVERITIES.filter((s) => out.summary[s]).map((s) => `${s}: ${out.summary[s]}`);
    if (!counts.length) {
      lines.push('No security issues found.');
      return lines.join('\n');
    }
    lines.push(`Findings: ${counts.join(' | ')}`, '');
    for (const severity of SEVERITIES) {
      const total = out.summary[severity];
      if (!total) continue;
      const listed = out.findings.filter((f) => f.severity === severity).slice(0, TEXT_PER_SEVERITY);
      lines.push(`## ${severity.toUpperCase()} (${total})`);
      for (const f of listed) {
        lines.push(`  ${f.file_path}:${f.line}${f.cwe ? ` [${f.cwe}]` : ''}`, `    ${f.message}`, `    → ${f.suggestion}`);
        if (f.fix) lines.push('    Autofix:', ...f.fix.split('\n').map((d) => `      ${d}`));
      }
      if (total > listed.length) lines.push(`  ... and ${total - listed.length} more ${severity} findings`);
      lines.push('');
    }
    if (out.truncated) lines.push(`… ${out.truncated.total - out.truncated.shown} more findings not shown (limit=${out.truncated.shown}); raise limit or narrow path.`);
    return lines.join('\n').trimEnd();
  },
});
