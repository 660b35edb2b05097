// `record_learning`: store a pattern, gotcha or convention about this project for later recall;
// a near-duplicate of an active learning raises that one's confidence instead of adding a row.
import { z } from 'zod';
import { invalidArgument } from '../errors.js';
import { ANCHOR_PATTERN } from '../engine/memory/anchors.js';
import { CONFIDENCE, Learning, LearningType } from '../engine/memory/learnings.js';
import { WRITE, defineOperation } from './define.js';
import { percent, scopeParam } from './memory-shared.js';
import { pathParam } from './shared.js';

export const recordLearning = defineOperation({
  name: 'record_learning',
  title: 'Record a learning',
  description: 'Store a pattern, antipattern, workaround, convention or gotcha about this project so later sessions can recall it. '
    + 'A near-duplicate of an active learning with the same type and scope (same words once normalised, or ≥ 80 % of them) '
    + 'raises that learning\'s confidence instead of adding another. A file scope is anchored to the file\'s content so recall '
    + 'can say when the code it describes has changed.',
  input: z.object({
    type: LearningType.describe('pattern, antipattern, workaround, convention or gotcha.'),
    description: z.string().min(1).max(500).describe('The learning in one sentence (1..500 characters).'),
    details: z.string().max(10_000).default('').describe('Longer explanation, examples.'),
    scope: pathParam('Where it applies: "" = the whole project, a directory, or a file (inside the root; need not exist).').default(''),
    confidence: z.number().min(CONFIDENCE.min).max(CONFIDENCE.max).default(CONFIDENCE.initial).describe('0.1..1.0.'),
    anchor_blob_oid: z.string().max(100).default('')
      .describe('git:<40 hex> or sha256:<64 hex> of the scope file\'s content; computed automatically for an existing file scope.'),
  }),
  output: z.object({
    id: z.number().int(),
    created: z.boolean().describe('false when an existing learning already recorded this.'),
    duplicate_of: z.number().int().optional(),
    learning: Learning,
  }),
  annotations: WRITE,
  route: { method: 'POST', path: '/learnings' },
  needsIndex: false,
  async run(ctx, input) {
    if (!input.description.trim()) throw invalidArgument("Parameter 'description' must not be blank.", { parameter: 'description' });
    const anchor = input.anchor_blob_oid.trim().toLowerCase();
    if (anchor && !ANCHOR_PATTERN.test(anchor)) {
      throw invalidArgument(`Parameter 'anchor_blob_oid' must be git:<40 hex> or sha256:<64 hex>; got '${input.anchor_blob_oid}'.`,
        { parameter: 'anchor_blob_oid' });
    }
    const scope = scopeParam(ctx, input.scope);
    return ctx.project.memory().learnings.record({
      type: input.type, description: input.description.trim(), details: input.details, scope, confidence: input.confidence, anchor,
    });
  },
  render(out) {
    const l = out.learning;
    if (!out.created) return `Learning #${out.id} already records this; confidence raised to ${percent(l.confidence)}.`;
    const anchor = l.anchor_blob_oid ? ` (anchor=${l.anchor_blob_oid.slice(0, l.anchor_blob_oid.indexOf(':') + 9)}…)` : '';
    return `Recorded learning #${out.id}: [${l.type}] ${l.description}${anchor}\nScope: ${l.scope || '(global)'} · confidence ${percent(l.confidence)}`;
  },
});
