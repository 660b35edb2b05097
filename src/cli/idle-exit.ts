// Lets a server started for forwarding stdio clients go away once nobody uses it. A forwarding
// client keeps a connection open for its whole session (the Streamable HTTP notification stream),
// so "no open connection for `idleMs`" means the last client has gone; a killed client's
// connections are closed by the kernel, so it cannot keep the server alive.
import type { Server } from 'node:net';

export function exitWhenIdle(server: Server, idleMs: number, onIdle: () => void): void {
  let open = 0;
  let timer = setTimeout(onIdle, idleMs);
  server.on('connection', (socket) => {
    open++;
    clearTimeout(timer);
    socket.once('close', () => {
      if (--open === 0) timer = setTimeout(onIdle, idleMs);
    });
  });
}
