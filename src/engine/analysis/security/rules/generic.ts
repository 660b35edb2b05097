// Rules for every language: hard-coded IP addresses, GraphQL introspection, cookies readable from
// scripts, and invisible Unicode (Trojan Source).
import { LANGUAGE_SPECS } from '../../../parse/languages/index.js';
import type { Rule } from '../types.js';

/** Source code, not config files, where addresses are configuration. */
const CODE = LANGUAGE_SPECS.map((s) => s.id);

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

/** Bidirectional controls reorder what reviewers see; zero-width characters hide text. */
export const BIDI_CONTROLS = '\\u202A-\\u202E\\u2066-\\u2069';
export const ZERO_WIDTH = '\\u200B-\\u200D\\u2060-\\u2064\\uFEFF';

export const GENERIC_RULES: readonly Rule[] = [
  {
    // Left out: loopback, masks, quads starting 0-2 (object identifiers such as "2.5.4.3" and
    // version strings), addresses ending in .0 (networks, 0.0.0.0) and longer dotted runs.
    id: 'hardcoded_ip', languages: CODE, scan_strings: true,
    regex: new RegExp(String.raw`(?<![\w.])(?![0-2]\.|127\.|255\.)(?:${OCTET}\.){3}(?!0(?![\w.]))${OCTET}(?![\w.])`),
    severity: 'low', cwe: 'CWE-1051',
    message: 'Hard-coded IP address', suggestion: 'Move addresses to configuration or use host names',
  },
  {
    id: 'graphql_introspection', regex: /\bintrospection\s*[:=]\s*(?:true|True)\b/,
    severity: 'low', cwe: 'CWE-200',
    message: 'GraphQL introspection enabled: the whole schema is public', suggestion: 'Disable introspection in production',
  },
  {
    id: 'cookie_httponly_false', regex: /http_?only["']?\s*[:=]\s*(?:false|False)\b|\bsetHttpOnly\s*\(\s*false\s*\)/i,
    severity: 'medium', cwe: 'CWE-1004',
    message: 'Cookie readable by scripts (httpOnly off)', suggestion: 'Set httpOnly on session and authentication cookies',
  },
  {
    // Any bidirectional control; zero-width characters only in runs (one joins emoji).
    id: 'invisible_unicode', scan_comments: true, scan_strings: true,
    regex: new RegExp(`[${BIDI_CONTROLS}]|[${ZERO_WIDTH}]{2,}`),
    severity: 'high', cwe: 'CWE-1007',
    message: 'Invisible or bidirectional-control Unicode characters (Trojan Source)', suggestion: 'Remove them, or write them as escapes',
  },
];
