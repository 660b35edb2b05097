// Secret rules: committed credentials. Scanned in every file, comments and strings included, and
// never silenced by `nosec`. The named group `secret` (else the whole match) is the value: it is
// checked against placeholders and redacted in every output.
import { BARE_VALUE_FORMATS, type Rule } from '../types.js';

/** `key = "v"`, `key: 'v'`, `"key": "v"`, `key => "v"`, `key := "v"` (the key may have a prefix: `db_password`). */
const ASSIGN = String.raw`["']?\s*(?:=>|:=|[:=])\s*`;

const quoted = (keys: string, value: string): RegExp =>
  new RegExp(String.raw`(?:${keys})${ASSIGN}(["'\`])(?<secret>${value})\1`, 'i');

/** `KEY=value` in .env, YAML, INI and shell, where values go unquoted. */
const bare = (keys: string, value: string): RegExp =>
  new RegExp(String.raw`(?:${keys})${ASSIGN}(?<secret>(?!["'\`])${value})(?=[\s#;,]|$)`, 'i');

interface AssignmentRule extends Omit<Rule, 'regex' | 'languages'> { keys: string; value: string; bareValue?: string }

/** A quoted-value rule for every file plus its unquoted twin for config formats, under one id. */
function assignment({ keys, value, bareValue, ...rule }: AssignmentRule): Rule[] {
  return [
    { ...rule, regex: quoted(keys, value) },
    { ...rule, regex: bare(keys, bareValue ?? value), languages: BARE_VALUE_FORMATS },
  ];
}

/** Token-like values must hold a digit: identifiers such as `my_api_key_name` are not keys. */
const keyValue = (min: number, chars: string) => String.raw`(?=[${chars}]*\d)[${chars}]{${min},}`;

export const SECRET_RULES: readonly Rule[] = [
  {
    id: 'openai_key', regex: /\bsk-(?!ant-)(?:proj-|svcacct-|admin-)?(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{20,}/,
    severity: 'critical', cwe: 'CWE-798',
    message: 'OpenAI API key (sk-…) committed', suggestion: 'Revoke it and read OPENAI_API_KEY from the environment',
  },
  {
    id: 'anthropic_key', regex: /\bsk-ant-[A-Za-z0-9_-]{20,}/,
    severity: 'critical', cwe: 'CWE-798',
    message: 'Anthropic API key (sk-ant-…) committed', suggestion: 'Revoke it and read ANTHROPIC_API_KEY from the environment',
  },
  {
    id: 'github_token', regex: /\b(?:gh[pusr]_[A-Za-z0-9]{36}\b|github_pat_[A-Za-z0-9_]{60,})/,
    severity: 'critical', cwe: 'CWE-798',
    message: 'GitHub access token committed', suggestion: 'Revoke it and use GITHUB_TOKEN from the environment',
  },
  {
    id: 'github_oauth', regex: /\bgho_[A-Za-z0-9]{36}\b/,
    severity: 'high', cwe: 'CWE-798',
    message: 'GitHub OAuth token committed', suggestion: 'Revoke it and obtain tokens through the OAuth flow at runtime',
  },
  {
    id: 'stripe_key', regex: /\b[rs]k_live_[A-Za-z0-9]{20,}/,
    severity: 'critical', cwe: 'CWE-798',
    message: 'Stripe live secret key committed', suggestion: 'Roll the key and read it from the environment',
  },
  {
    id: 'aws_access_key', regex: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/,
    severity: 'critical', cwe: 'CWE-798',
    message: 'AWS access key id committed', suggestion: 'Deactivate it; use IAM roles or AWS_ACCESS_KEY_ID from the environment',
  },
  {
    id: 'aws_secret_key',
    regex: new RegExp(String.raw`aws_?secret_?(?:access_?)?key${ASSIGN}["']?(?<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])`, 'i'),
    severity: 'critical', cwe: 'CWE-798',
    message: 'AWS secret access key committed', suggestion: 'Deactivate it; use IAM roles or AWS_SECRET_ACCESS_KEY from the environment',
  },
  {
    // The header alone is only a mention: key material (or an encryption header) must follow it.
    id: 'private_key',
    regex: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----(?=(?:\\[rn]|[\s"'+,])+(?:[A-Za-z0-9+/]{16}|Proc-Type:))/,
    severity: 'critical', cwe: 'CWE-321',
    message: 'Private key embedded in the repository', suggestion: 'Remove it, rotate the key pair and load keys from a vault or a file outside the repository',
  },
  ...assignment({
    id: 'generic_api_key', keys: String.raw`api[_-]?key`, value: keyValue(16, String.raw`A-Za-z0-9_\-`),
    severity: 'high', cwe: 'CWE-798',
    message: 'Hard-coded API key', suggestion: 'Use environment variables or a secrets manager',
  }),
  ...assignment({
    id: 'password_assignment', keys: String.raw`password|passwd|secret(?:[_-]?key)?`,
    value: String.raw`[^'"\`\s\\]{6,}`,
    // Unquoted values must hold a non-letter, so YAML schemas (`password: string`) are not passwords.
    bareValue: String.raw`(?=[^\s'"#;,]*[^A-Za-z\s'"#;,])[^\s'"#;,]{6,}`,
    severity: 'high', cwe: 'CWE-798',
    message: 'Hard-coded password or secret', suggestion: 'Use environment variables or a secrets manager',
  }),
  ...assignment({
    id: 'auth_token', keys: 'token|auth', value: keyValue(20, String.raw`A-Za-z0-9_\-.+/=`),
    severity: 'medium', cwe: 'CWE-798',
    message: 'Possible hard-coded authentication token', suggestion: 'Use environment variables for authentication tokens',
  }),
  {
    id: 'bearer_token', regex: /\bBearer\s+(?<secret>(?=[A-Za-z0-9_\-.~+/]*\d)[A-Za-z0-9_\-.~+/]{20,}=*)/i,
    severity: 'medium', cwe: 'CWE-798',
    message: 'Hard-coded bearer token', suggestion: 'Build the Authorization header from a token read at runtime',
  },
  {
    id: 'jwt_token', regex: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/,
    severity: 'high', cwe: 'CWE-798',
    message: 'JSON Web Token committed', suggestion: 'Never hard-code JWTs; issue them at runtime',
  },
  {
    id: 'slack_webhook', regex: /https:\/\/hooks\.slack\.com\/(?:services|workflows)\/(?<secret>[A-Za-z0-9_/]{20,})/,
    severity: 'high', cwe: 'CWE-798',
    message: 'Slack webhook URL committed', suggestion: 'Revoke the webhook and keep its URL in the environment',
  },
  {
    // Found from `://` (fast to search for); the scheme is checked behind it, once a URL matched.
    id: 'connection_string',
    regex: /:\/\/[^\s:@/'"]+:(?<secret>[^\s@/'"]+)@(?<=\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver):\/\/[^\s:@/'"]+:[^\s@/'"]+@)/i,
    severity: 'high', cwe: 'CWE-798',
    message: 'Database URL with an embedded password', suggestion: 'Read the URL (or its password) from the environment, e.g. DATABASE_URL',
  },
];

const PLACEHOLDER_TEXT = /change[_-]?me|example|password|passwd|secret|placeholder|dummy|redacted|your[_-]|[_-]here\b|xxx|\*\*\*|\.\.\.|<[^>]*>|\$\{|\{\{|%\(|process\.env|os\.environ|getenv/i;
const PLACEHOLDER_VALUES = new Set(['pass', 'none', 'null', 'nil', 'undefined', 'true', 'false', 'test', 'testing', 'todo', 'fixme', 'changeit', 'default']);

/**
 * Values that stand for a secret without being one: `changeme`, `xxx`, `${VAR}`, `<token>`, AWS's
 * documented example keys, and names rather than values (`"client_secret"`, `"PasswordField"`).
 */
export function isPlaceholder(value: string): boolean {
  return /^[$%!{<]/.test(value) // environment references, templates, YAML tags
    || PLACEHOLDER_VALUES.has(value.toLowerCase())
    || /^(.)\1*$/.test(value) // one character repeated
    || PLACEHOLDER_TEXT.test(value);
}

/** What output shows of a secret: its first 4 characters. */
export const redact = (value: string): string => `${[...value].slice(0, 4).join('')}…`;
