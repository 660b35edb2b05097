// The Hono environment shared by the app and its middleware: node bindings plus what middleware
// learns about a request (its id, and the API key name once authenticated).
import type { HttpBindings } from '@hono/node-server';

export type HttpEnv = {
  Bindings: HttpBindings;
  Variables: { requestId: string; keyName: string | undefined };
};
