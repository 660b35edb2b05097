// Structured logging, always to stderr: in MCP stdio mode stdout belongs to the protocol.
import { pino } from 'pino';

export const log = pino(
  { level: process.env.CARTOGRAPH_LOG_LEVEL ?? 'info', base: undefined },
  pino.destination({ fd: 2, sync: false }),
);
export type Logger = typeof log;
