// Ruby anti-patterns: shell commands with interpolation and `send` driven by request input.
import type { Rule } from '../types.js';

const RUBY = ['ruby'] as const;

export const RUBY_RULES: readonly Rule[] = [
  {
    // The multi-argument forms (system("ls", dir)) do not use a shell and are not matched.
    id: 'ruby_system_interpolation', languages: RUBY,
    regex: /(?:(?:\bKernel\.|(?<![\w.:]))(?:system|exec|spawn)|\bIO\.popen|\bOpen3\.\w+)\s*\(?\s*"[^"\n]*#\{|`[^`\n]*#\{/,
    severity: 'high', cwe: 'CWE-78',
    message: 'Shell command with interpolated values: command injection risk', suggestion: 'Pass the command and its arguments separately: system("cmd", arg)',
  },
  {
    id: 'ruby_send_user_input', languages: RUBY, regex: /\.(?:send|public_send|__send__)\s*\(?\s*(?:params|request|cookies)\b/,
    severity: 'high', cwe: 'CWE-470',
    message: 'send() with a method name from the request: arbitrary method call', suggestion: 'Map allowed values to methods explicitly',
  },
];
