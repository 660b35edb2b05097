// The one typed error set shared by every front end, and its mapping to MCP results and HTTP
// statuses. Operations return or throw CartographError; nothing else crosses a boundary.
import { z } from 'zod';

export const ERROR_CODES = ['invalid_argument', 'not_found', 'not_indexed_yet', 'unavailable', 'too_large', 'internal'] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  retry_after_ms: z.number().int().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export class CartographError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'CartographError';
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
      ...(this.retryAfterMs !== undefined ? { retry_after_ms: this.retryAfterMs } : {}),
    };
  }
}

export const invalidArgument = (message: string, details?: Record<string, unknown>) =>
  new CartographError('invalid_argument', message, details);
export const notFound = (message: string, details?: Record<string, unknown>) =>
  new CartographError('not_found', message, details);
export const tooLarge = (message: string, details?: Record<string, unknown>) =>
  new CartographError('too_large', message, details);
export const unavailable = (message: string, details?: Record<string, unknown>) =>
  new CartographError('unavailable', message, details);
export const notIndexedYet = (message: string, details?: Record<string, unknown>, retryAfterMs?: number) =>
  new CartographError('not_indexed_yet', message, details, retryAfterMs);

/** Anything thrown that is not already typed is a bug: `internal`, without leaking a stack. */
export function toCartographError(err: unknown): CartographError {
  if (err instanceof CartographError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new CartographError('internal', `Internal error: ${message}`);
}

/** HTTP status for an error; a few reasons refine the code's default (spec §1.7). */
export function httpStatus(err: CartographError): number {
  const reason = err.details?.reason;
  switch (err.code) {
    case 'invalid_argument':
      if (reason === 'malformed_json') return 400;
      if (reason === 'unauthenticated') return 401;
      if (reason === 'outside_root' || reason === 'forbidden_host' || reason === 'forbidden_origin' || reason === 'read_only') return 403;
      if (reason === 'generation_mismatch') return 409;
      return 422;
    case 'not_found': return 404;
    case 'not_indexed_yet': return 503;
    case 'unavailable': return reason === 'rate_limited' ? 429 : 503;
    case 'too_large': return 413;
    case 'internal': return 500;
  }
}
