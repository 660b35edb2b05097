// The shapes shared by security rules, the scanner and the security_scan operation.
import { z } from 'zod';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const FindingCategory = z.enum(['secret', 'anti_pattern', 'dependency']);
export type FindingCategory = z.infer<typeof FindingCategory>;

export const Finding = z.object({
  rule_id: z.string(),
  severity: Severity,
  category: FindingCategory,
  /** `CWE-798`; '' when a custom rule names none. */
  cwe: z.string(),
  file_path: z.string(),
  line: z.number().int(),
  col: z.number().int(),
  message: z.string(),
  suggestion: z.string(),
  /** The source line, trimmed, secrets redacted. */
  snippet: z.string(),
  /** A one-line unified diff that fixes the finding. */
  fix: z.string().optional(),
});
export type Finding = z.infer<typeof Finding>;

/**
 * A regex rule. Built-in rules are written as data in ./rules (one file per family); custom rules
 * come from `.cartograph/rules/*.yaml`.
 */
export interface Rule {
  id: string;
  /**
   * Languages the rule applies to, as scan languages: LanguageSpec ids (`python`, `tsx` …), data
   * types (`yaml`, `json`, `toml`), `ini` (.ini/.cfg/.conf) and `dotenv` (.env files). Omitted: all.
   */
  languages?: readonly string[];
  /** Matched over the whole file (the scanner adds the g and m flags); a match must not be empty. */
  regex: RegExp;
  severity: Severity;
  cwe: string;
  message: string;
  suggestion: string;
  /** Pattern rules ignore a match lying entirely inside a comment unless this is set. */
  scan_comments?: boolean;
  /** … or entirely inside a string literal (rules about literal values set it). */
  scan_strings?: boolean;
  /** A file matching this anywhere has been hardened against what the rule looks for. */
  unless_file?: RegExp;
  /** One-line autofix: the first `search` on the line becomes `replace`. */
  fix?: { search: string; replace: string };
}

/** Scan languages several rule families share. */
export const JS_FAMILY = ['javascript', 'typescript', 'tsx'] as const;
export const JVM_FAMILY = ['java', 'kotlin'] as const;
/** Config formats whose values are usually unquoted (`KEY=value`, `key: value`). */
export const BARE_VALUE_FORMATS = ['yaml', 'ini', 'dotenv', 'bash'] as const;
