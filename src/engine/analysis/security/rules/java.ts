// Java and Kotlin anti-patterns: SQL concatenation, XML external entities, native deserialization
// and weak ciphers or hashes.
import { JVM_FAMILY, type Rule } from '../types.js';

/** Factories hardened against external entities in the same file are not reported. */
const XXE_HARDENING = /disallow-doctype-decl|FEATURE_SECURE_PROCESSING|ACCESS_EXTERNAL_(?:DTD|SCHEMA|STYLESHEET)|external-general-entities|IS_SUPPORTING_EXTERNAL_ENTITIES|SUPPORT_DTD|setExpandEntityReferences\s*\(\s*false/;

export const JAVA_RULES: readonly Rule[] = [
  {
    // Java concatenation, or a Kotlin string template, inside the call that runs the query.
    id: 'java_sql_concat', languages: JVM_FAMILY,
    regex: /\.(?:executeQuery|executeUpdate|executeLargeUpdate|execute|prepareStatement|prepareCall|createQuery|createNativeQuery|createSQLQuery|addBatch)\s*\(\s*(?:"[^"\n]*"\s*\+|[\w.]+\s*\+\s*"|"[^"\n]*\$\{?\w)/,
    severity: 'high', cwe: 'CWE-89',
    message: 'SQL built by string concatenation: SQL injection risk', suggestion: 'Use a PreparedStatement with ? placeholders (or named parameters)',
  },
  {
    id: 'java_xxe', languages: JVM_FAMILY,
    regex: /\b(?:DocumentBuilderFactory|SAXParserFactory|XMLInputFactory|TransformerFactory|SchemaFactory)\s*\.\s*new(?:Default)?(?:Instance|Factory)\s*\(|\bnew\s+(?:SAXReader|SAXBuilder)\s*\(/,
    unless_file: XXE_HARDENING,
    severity: 'medium', cwe: 'CWE-611',
    message: 'XML parser created without disabling external entities: XXE risk',
    suggestion: 'Set disallow-doctype-decl (or FEATURE_SECURE_PROCESSING and empty ACCESS_EXTERNAL_DTD) on the factory',
  },
  {
    // Java `new ObjectInputStream(…)` or a Kotlin constructor call (the lookbehind runs only after a hit).
    id: 'java_deserialization', languages: JVM_FAMILY,
    regex: /\b(?:ObjectInputStream|XMLDecoder)\s*\((?<=(?:\bnew\s+|[=(,]\s*)\w+\s*\()/,
    severity: 'high', cwe: 'CWE-502',
    message: 'Native Java deserialization: untrusted data can run code', suggestion: 'Use a data format (JSON) or an ObjectInputFilter allow-list',
  },
  {
    // ECB mode, which bare "AES" defaults to, and broken ciphers.
    id: 'java_weak_cipher', languages: JVM_FAMILY,
    regex: /\bCipher\.getInstance\s*\(\s*"(?:(?:DES|DESede|TripleDES|RC2|RC4|ARCFOUR|Blowfish)\b[^"]*|AES|[^"]*\/ECB\/[^"]*)"/,
    severity: 'medium', cwe: 'CWE-327',
    message: 'Weak cipher or ECB mode', suggestion: 'Use AES/GCM/NoPadding (or ChaCha20-Poly1305)',
  },
  {
    id: 'java_weak_hash', languages: JVM_FAMILY, regex: /\bMessageDigest\.getInstance\s*\(\s*"(?:MD2|MD5|SHA-?1)"/,
    severity: 'low', cwe: 'CWE-328',
    message: 'MD5/SHA-1 digest: too weak for security purposes', suggestion: 'Use SHA-256 or stronger',
  },
];
