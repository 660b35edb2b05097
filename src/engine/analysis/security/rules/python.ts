// Python anti-patterns: code execution, command and SQL injection, unsafe deserialization, weak
// crypto and TLS, insecure temporary files.
import type { Rule } from '../types.js';

const PY = ['python'] as const;

export const PYTHON_RULES: readonly Rule[] = [
  {
    // Not `obj.eval(` (torch, pandas), `literal_eval(` or a method definition named eval.
    id: 'python_eval', languages: PY, regex: /(?<![\w.]|def\s+)eval\s*\(/,
    severity: 'high', cwe: 'CWE-95',
    message: 'eval() of dynamic input: code injection risk', suggestion: 'Use ast.literal_eval() for data, or avoid dynamic evaluation',
  },
  {
    id: 'python_exec', languages: PY, regex: /(?<![\w.]|def\s+)exec\s*\(/,
    severity: 'high', cwe: 'CWE-95',
    message: 'exec() of dynamic code: code injection risk', suggestion: 'Replace dynamic code execution with explicit dispatch',
  },
  {
    id: 'python_shell_true', languages: PY, regex: /\bshell\s*=\s*True\b/,
    severity: 'high', cwe: 'CWE-78',
    message: 'subprocess call with shell=True: command injection risk', suggestion: 'Pass the command as an argument list with shell=False',
    fix: { search: 'shell=True', replace: 'shell=False' },
  },
  {
    id: 'python_os_system', languages: PY, regex: /\bos\.(?:system|popen)\s*\(/,
    severity: 'medium', cwe: 'CWE-78',
    message: 'os.system/os.popen runs a shell: command injection risk', suggestion: 'Use subprocess.run() with an argument list',
  },
  {
    id: 'python_pickle', languages: PY, regex: /\b(?:c?[Pp]ickle|dill|marshal)\.loads?\s*\(/,
    severity: 'high', cwe: 'CWE-502',
    message: 'pickle/marshal load of data: deserialization of untrusted data runs code', suggestion: 'Use json or another data-only format for untrusted input',
  },
  {
    // yaml.load is safe only with an explicit SafeLoader/BaseLoader on the same line.
    id: 'python_yaml_unsafe', languages: PY,
    regex: /\byaml\.(?:load|load_all|unsafe_load)\s*\((?![^\n]*Loader\s*=\s*(?:yaml\.)?C?(?:Safe|Base)Loader)/,
    severity: 'medium', cwe: 'CWE-502',
    message: 'yaml.load() without SafeLoader: arbitrary object construction', suggestion: 'Use yaml.safe_load() or Loader=yaml.SafeLoader',
    fix: { search: 'yaml.load(', replace: 'yaml.safe_load(' },
  },
  {
    id: 'python_sql_injection', languages: PY,
    regex: /\.(?:execute|executemany|executescript)\s*\(\s*(?:[rRbB]?[fF][rRbB]?["']|["'][^"'\n]*["']\s*(?:%|\+|\.format\s*\())/,
    severity: 'high', cwe: 'CWE-89',
    message: 'SQL built by f-string, % or concatenation: SQL injection risk', suggestion: 'Use parameterized queries (placeholders and a parameter tuple)',
  },
  {
    id: 'python_sql_fstring', languages: PY,
    regex: /=\s*[fF]["']{1,3}\s*(?:SELECT\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s)[^"'\n]*\{/i,
    severity: 'medium', cwe: 'CWE-89',
    message: 'SQL query assembled in an f-string: SQL injection risk', suggestion: 'Use parameterized queries instead of interpolating values',
  },
  {
    id: 'python_verify_false', languages: PY, regex: /\bverify\s*=\s*False\b/,
    severity: 'medium', cwe: 'CWE-295',
    message: 'TLS certificate verification disabled (verify=False)', suggestion: 'Keep verification on; point verify= at a CA bundle if needed',
    fix: { search: 'verify=False', replace: 'verify=True' },
  },
  {
    id: 'python_weak_hash', languages: PY,
    regex: /\bhashlib\.(?:md5|sha1\b|new\s*\(\s*["'](?:md5|sha1)["'])(?![^\n]*usedforsecurity\s*=\s*False)/i,
    severity: 'low', cwe: 'CWE-328',
    message: 'MD5/SHA-1 hash: too weak for security purposes', suggestion: 'Use hashlib.sha256() (or pass usedforsecurity=False for non-security use)',
  },
  {
    id: 'python_tempfile_insecure', languages: PY, regex: /(?:\btempfile\.|(?<![\w.]))mktemp\s*\(/,
    severity: 'medium', cwe: 'CWE-377',
    message: 'tempfile.mktemp(): the name can be taken before the file is created', suggestion: 'Use tempfile.mkstemp() or tempfile.NamedTemporaryFile()',
    fix: { search: 'mktemp(', replace: 'mkstemp(' },
  },
  {
    // Only when the value feeds something secret on the same line (checked after the call matched).
    id: 'python_weak_random', languages: PY,
    regex: /\brandom\.(?:random|randint|randrange|choice|choices|getrandbits|sample)\s*\((?<=\b\w*(?:token|password|secret|salt|nonce|otp|api_?key)\w*\s*=[^=\n][^\n]*)/i,
    severity: 'medium', cwe: 'CWE-338',
    message: 'random module used for a secret value: predictable', suggestion: 'Use the secrets module (secrets.token_hex, secrets.choice)',
  },
];
