// Framework packs: Django, Flask, Express, Spring and Rails settings and idioms that turn off a
// protection (CSRF, debug mode, CORS restrictions, output escaping) or run raw SQL.
import { JS_FAMILY, JVM_FAMILY, type Rule } from '../types.js';

const PY = ['python'] as const;
const RUBY = ['ruby'] as const;

const DJANGO: Rule[] = [
  {
    id: 'django_debug', languages: PY, regex: /^\s*DEBUG\s*=\s*True\b/,
    severity: 'medium', cwe: 'CWE-489',
    message: 'Django DEBUG = True: stack traces and settings leak to visitors', suggestion: 'Read DEBUG from the environment and keep it False in production',
  },
  {
    id: 'django_csrf_exempt', languages: PY, regex: /@csrf_exempt\b/,
    severity: 'medium', cwe: 'CWE-352',
    message: 'View exempted from CSRF protection', suggestion: 'Keep CSRF protection; send the token from the client instead',
  },
  {
    id: 'django_mark_safe', languages: PY, regex: /\bmark_safe\s*\(/,
    severity: 'medium', cwe: 'CWE-79',
    message: 'mark_safe() disables auto-escaping: XSS risk if the text holds user input', suggestion: 'Use format_html() or escape the input first',
  },
  {
    id: 'django_raw_sql', languages: PY,
    regex: /(?:\.(?:raw|extra)|\bRawSQL)\s*\(\s*(?:[fF]["']|["'][^"'\n]*["']\s*(?:%|\+|\.format\s*\())/,
    severity: 'high', cwe: 'CWE-89',
    message: 'Raw SQL built from formatted strings: SQL injection risk', suggestion: 'Pass values through the params argument',
  },
  {
    id: 'django_cors_all', languages: PY, regex: /\bCORS_(?:ORIGIN_ALLOW_ALL|ALLOW_ALL_ORIGINS)\s*=\s*True\b/,
    severity: 'medium', cwe: 'CWE-942',
    message: 'CORS allows every origin', suggestion: 'List trusted origins in CORS_ALLOWED_ORIGINS',
  },
];

const FLASK: Rule[] = [
  {
    id: 'flask_debug', languages: PY,
    regex: /\.run\s*\([^\n]*\bdebug\s*=\s*True\b|\bapp\.(?:debug\s*=\s*True\b|config\s*\[\s*["']DEBUG["']\s*\]\s*=\s*True\b)/,
    severity: 'medium', cwe: 'CWE-489',
    message: 'Flask debug mode on: the debugger allows code execution', suggestion: 'Enable debug only through FLASK_DEBUG in development',
  },
  {
    // CORS(app) without origins allows every origin.
    id: 'flask_cors_all', languages: PY, regex: /\bCORS\s*\(\s*app\s*\)|\bCORS\s*\([^\n]*\borigins\s*=\s*["']\*["']/,
    severity: 'medium', cwe: 'CWE-942',
    message: 'CORS allows every origin', suggestion: 'Pass origins=[…] with the trusted origins',
  },
  {
    id: 'flask_csrf_disabled', languages: PY, regex: /\bWTF_CSRF_ENABLED["']?\s*\]?\s*=\s*False\b/,
    severity: 'medium', cwe: 'CWE-352',
    message: 'CSRF protection disabled (WTF_CSRF_ENABLED = False)', suggestion: 'Keep CSRF protection on outside tests',
  },
];

const EXPRESS: Rule[] = [
  {
    // cors() with no options reflects every origin.
    id: 'express_cors_all', languages: JS_FAMILY,
    regex: /\bcors\s*\(\s*\)|\bcors\s*\(\s*\{[^\n}]*\borigin\s*:\s*(?:["']\*["']|true\b)|Access-Control-Allow-Origin["']\s*,\s*["']\*["']/,
    severity: 'medium', cwe: 'CWE-942',
    message: 'CORS allows every origin', suggestion: 'Give cors() an origin allow-list',
  },
  {
    id: 'express_raw_sql', languages: JS_FAMILY,
    regex: /\.(?:query|execute|raw)\s*\(\s*(?:`\s*(?:SELECT\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s)[^`]*\$\{|["'](?:SELECT\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s)[^"'\n]*["']\s*\+)/i,
    severity: 'high', cwe: 'CWE-89',
    message: 'SQL built by interpolation or concatenation: SQL injection risk', suggestion: 'Use placeholders ($1 or ?) and pass the values separately',
  },
];

const SPRING: Rule[] = [
  {
    id: 'spring_csrf_disabled', languages: JVM_FAMILY,
    regex: /\.csrf\s*\(\s*\)\s*\.\s*disable\s*\(\s*\)|\.csrf\s*\(\s*(?:\w+\s*->\s*\w+\s*\.\s*disable\s*\(\s*\)|AbstractHttpConfigurer::disable)\s*\)|\bcsrf\s*\{\s*disable\s*\(\s*\)/,
    severity: 'medium', cwe: 'CWE-352',
    message: 'Spring Security CSRF protection disabled', suggestion: 'Keep CSRF on for browser clients; disable it only for stateless token APIs',
  },
  {
    // A bare @CrossOrigin allows every origin.
    id: 'spring_cors_all', languages: JVM_FAMILY,
    regex: /@CrossOrigin\b(?!\s*\((?![^)\n]*"\*"))|\.allowedOrigins\s*\(\s*"\*"\s*\)/,
    severity: 'medium', cwe: 'CWE-942',
    message: 'CORS allows every origin', suggestion: 'Name the trusted origins',
  },
  {
    id: 'spring_raw_sql', languages: JVM_FAMILY,
    regex: /[jJ]dbcTemplate\s*\.\s*(?:query\w*|update|batchUpdate)\s*\(\s*(?:"[^"\n]*"\s*\+|[\w.]+\s*\+\s*"|"[^"\n]*\$\{?\w)/,
    severity: 'high', cwe: 'CWE-89',
    message: 'JdbcTemplate SQL built by concatenation: SQL injection risk', suggestion: 'Use ? placeholders and pass the arguments',
  },
];

const RAILS: Rule[] = [
  {
    id: 'rails_csrf_skipped', languages: RUBY,
    regex: /\bskip_before_action\s+:verify_authenticity_token|\ballow_forgery_protection\s*=\s*false\b/,
    severity: 'medium', cwe: 'CWE-352',
    message: 'Rails CSRF verification skipped', suggestion: 'Keep protect_from_forgery; exempt only token-authenticated API controllers',
  },
  {
    id: 'rails_raw_sql', languages: RUBY,
    regex: /\.(?:where|find_by_sql|order|group|having|joins|pluck|select|exists\?|execute|delete_all|update_all)\s*\(?\s*"[^"\n]*#\{/,
    severity: 'high', cwe: 'CWE-89',
    message: 'SQL fragment with interpolated values: SQL injection risk', suggestion: 'Use placeholders: where("name = ?", name) or a hash condition',
  },
  {
    id: 'rails_html_safe', languages: RUBY, regex: /\.html_safe\b/,
    severity: 'medium', cwe: 'CWE-79',
    message: 'html_safe disables escaping: XSS risk if the text holds user input', suggestion: 'Use sanitize() or content_tag, or escape first',
  },
  {
    id: 'rails_cors_all', languages: RUBY, regex: /\borigins\s+["']\*["']/,
    severity: 'medium', cwe: 'CWE-942',
    message: 'CORS allows every origin', suggestion: 'List the trusted origins',
  },
];

export const FRAMEWORK_RULES: readonly Rule[] = [...DJANGO, ...FLASK, ...EXPRESS, ...SPRING, ...RAILS];
