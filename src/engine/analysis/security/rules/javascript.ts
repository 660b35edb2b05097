// JavaScript and TypeScript anti-patterns: code evaluation, DOM XSS sinks, command injection,
// cross-origin messaging, ReDoS, prototype pollution and NoSQL injection.
import { JS_FAMILY, type Rule } from '../types.js';

export const JAVASCRIPT_RULES: readonly Rule[] = [
  {
    id: 'js_eval', languages: JS_FAMILY, regex: /(?<![\w$.])eval\s*\(|\bnew\s+Function\s*\(/,
    severity: 'high', cwe: 'CWE-95',
    message: 'eval()/new Function() of dynamic code: code injection risk', suggestion: 'Use JSON.parse() for data; avoid evaluating strings',
  },
  {
    // Writes only: reading innerHTML is harmless.
    id: 'js_innerhtml', languages: JS_FAMILY, regex: /\.(?:innerHTML|outerHTML)\s*(?:=(?!=)|\+=)/,
    severity: 'medium', cwe: 'CWE-79',
    message: 'innerHTML/outerHTML assignment: XSS risk', suggestion: 'Use textContent, or sanitize the HTML (DOMPurify) first',
  },
  {
    id: 'js_dangerously_set', languages: JS_FAMILY, regex: /\bdangerouslySetInnerHTML\s*[=:]/,
    severity: 'medium', cwe: 'CWE-79',
    message: 'dangerouslySetInnerHTML: XSS risk in React', suggestion: 'Render text, or sanitize the HTML (DOMPurify) first',
  },
  {
    id: 'js_document_write', languages: JS_FAMILY, regex: /\bdocument\.write(?:ln)?\s*\(/,
    severity: 'medium', cwe: 'CWE-79',
    message: 'document.write(): XSS risk', suggestion: 'Build the DOM with createElement/textContent',
  },
  {
    id: 'js_string_timer', languages: JS_FAMILY, regex: /\b(?:setTimeout|setInterval)\s*\(\s*["'`]/,
    severity: 'medium', cwe: 'CWE-95',
    message: 'setTimeout/setInterval with a string: evaluated like eval()', suggestion: 'Pass a function instead of a string',
  },
  {
    // A literal specifier is fine; anything computed is not.
    id: 'js_dynamic_require', languages: JS_FAMILY,
    regex: /(?<![\w$.])require\s*\(\s*(?!\)|(?:"[^"\n]*"|'[^'\n]*'|`[^`$\n]*`)\s*\))/,
    severity: 'medium', cwe: 'CWE-829',
    message: 'require() of a computed module path: may load attacker-chosen code', suggestion: 'Require literal paths, or map allowed names to modules explicitly',
  },
  {
    // child_process exec with an interpolated or concatenated command (not RegExp.prototype.exec).
    id: 'js_child_process_exec', languages: JS_FAMILY,
    regex: /(?:\b(?:child_process|childProcess|cp)\.|(?<![\w$.]))(?:exec|execSync)\s*\(\s*(?:`[^`\n]*\$\{|["'][^"'\n]*["']\s*\+|[\w$.]+\s*\+)/,
    severity: 'high', cwe: 'CWE-78',
    message: 'Shell command built from interpolated values: command injection risk', suggestion: 'Use execFile/spawn with an argument array',
  },
  {
    id: 'js_postmessage_star', languages: JS_FAMILY, regex: /\.postMessage\s*\([^\n]*,\s*["']\*["']\s*\)/,
    severity: 'medium', cwe: 'CWE-345',
    message: 'postMessage() to any origin ("*")', suggestion: 'Name the target origin explicitly',
  },
  {
    id: 'js_regexp_variable', languages: JS_FAMILY, regex: /\bnew\s+RegExp\s*\(\s*(?![\s"'`/)]|[\w$.]*[eE]scape)/,
    severity: 'medium', cwe: 'CWE-1333',
    message: 'RegExp built from a variable: ReDoS or regex injection risk', suggestion: 'Escape the input (escapeRegExp) or use a fixed pattern',
  },
  {
    id: 'js_prototype_pollution', languages: JS_FAMILY,
    regex: /(?:\.__proto__\b|\[\s*["'](?:__proto__|prototype)["']\s*\])\s*(?:\[|\.\w+\s*=(?!=)|=(?!=))/,
    severity: 'high', cwe: 'CWE-1321',
    message: 'Write through __proto__/prototype: prototype pollution', suggestion: 'Use Object.create(null) or a Map, and reject __proto__/constructor keys',
  },
  {
    id: 'js_nosql_injection', languages: JS_FAMILY,
    regex: /\.(?:find|findOne|findOneAndUpdate|findOneAndDelete|updateOne|updateMany|deleteOne|deleteMany|countDocuments|where)\s*\(\s*(?:req|request|ctx\.request)\.(?:body|query|params)\b|["']?\$where["']?\s*:/,
    severity: 'high', cwe: 'CWE-943',
    message: 'Query object taken from the request: NoSQL injection risk', suggestion: 'Validate and pick fields explicitly; reject keys starting with $',
  },
];
