// `learning_feedback`: mark a learning helpful or not; confidence moves, and the learning is
// archived (or re-activated) by the lifecycle rule.
import { z } from 'zod';
import { LearningStatus } from '../engine/memory/learnings.js';
import { WRITE, defineOperation } from './define.js';
import { percent, recordNumber } from './memory-shared.js';

export const learningFeedback = defineOperation({
  name: 'learning_feedback',
  title: 'Learning feedback',
  description: 'Mark a recalled learning helpful (+5 % confidence, and its age-decay restarts) or unhelpful (−10 %). A learning '
    + 'with 5 unhelpful votes or an effective confidence below 15 % is archived and no longer recalled; helpful feedback that '
    + 'lifts it back above 15 % re-activates it.',
  input: z.object({
    learning_id: recordNumber('Id of the learning (from recall or list_learnings).'),
    helpful: z.boolean().describe('true if it helped, false if it was wrong or useless.'),
  }),
  output: z.object({
    id: z.number().int(),
    helpful: z.boolean(),
    confidence_before: z.number().describe('Effective confidence before the feedback.'),
    confidence: z.number().describe('Effective confidence after it.'),
    status_before: LearningStatus,
    status: LearningStatus,
    help_count: z.number().int(),
    unhelpful_count: z.number().int(),
    archived_reason: z.string().optional(),
  }),
  annotations: WRITE,
  route: { method: 'POST', path: '/learnings/{learning_id}/feedback' },
  needsIndex: false,
  async run(ctx, input) {
    return ctx.project.memory().learnings.feedback(input.learning_id, input.helpful);
  },
  render(out) {
    let text = `Feedback recorded — confidence ${out.helpful ? 'boosted' : 'reduced'} for learning #${out.id} `
      + `(${percent(out.confidence_before)} → ${percent(out.confidence)}).`;
    if (out.status === 'archived') text += ` Learning ${out.status_before === 'archived' ? 'stays archived' : 'archived'} (${out.archived_reason}).`;
    else if (out.status_before === 'archived') text += ' Learning is active again.';
    return text;
  },
});
