// The built-in rule packs, in one place: secrets, and the anti-pattern families.
import type { Rule } from '../types.js';
import { FRAMEWORK_RULES } from './frameworks.js';
import { GENERIC_RULES } from './generic.js';
import { GO_RULES } from './go.js';
import { JAVA_RULES } from './java.js';
import { JAVASCRIPT_RULES } from './javascript.js';
import { PYTHON_RULES } from './python.js';
import { RUBY_RULES } from './ruby.js';

export { BIDI_CONTROLS, ZERO_WIDTH } from './generic.js';
export { SECRET_RULES, isPlaceholder, redact } from './secrets.js';

export const PATTERN_RULES: readonly Rule[] = [
  ...PYTHON_RULES, ...JAVASCRIPT_RULES, ...GO_RULES, ...JAVA_RULES, ...RUBY_RULES, ...FRAMEWORK_RULES, ...GENERIC_RULES,
];
