// Go anti-patterns: SQL assembled with fmt.Sprintf and TLS verification turned off.
import type { Rule } from '../types.js';

const GO = ['go'] as const;

export const GO_RULES: readonly Rule[] = [
  {
    id: 'go_sql_sprintf', languages: GO,
    regex: /\bfmt\.Sprintf\s*\(\s*["`]\s*(?:SELECT\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s)[^"`\n]*%[sdvq]/i,
    severity: 'high', cwe: 'CWE-89',
    message: 'SQL query built with fmt.Sprintf: SQL injection risk', suggestion: 'Use placeholders ($1 or ?) and pass the values to Query/Exec',
  },
  {
    id: 'go_insecure_skip_verify', languages: GO, regex: /\bInsecureSkipVerify\s*:\s*true\b/,
    severity: 'high', cwe: 'CWE-295',
    message: 'TLS certificate verification disabled (InsecureSkipVerify)', suggestion: 'Keep verification on; add the CA to RootCAs instead',
  },
];
