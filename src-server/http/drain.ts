import type { FastifyInstance } from 'fastify';

// Graceful shutdown, the part Node's `server.close()` does not do: a keep-alive connection that
// was accepted but has not sent its request yet counts as busy until `headersTimeout` (60 s). So
// once every request that was in flight has finished (or after a grace period), close whatever
// connections remain. Requests arriving meanwhile get Fastify's 503 for a closing server.

export function registerDrain(server: FastifyInstance, graceMs = 10_000): void {
  let inFlight = 0;
  server.addHook('onRequest', async (_request, reply) => {
    inFlight += 1;
    reply.raw.once('close', () => {
      inFlight -= 1;
    });
  });
  server.addHook('preClose', async () => {
    const deadline = Date.now() + graceMs;
    const sweep = () => {
      if (inFlight > 0 && Date.now() < deadline) {
        setTimeout(sweep, 10).unref();
        return;
      }
      server.server.closeAllConnections();
    };
    // Not awaited: server.close() runs after preClose, and this watches it drain.
    setTimeout(sweep, 10).unref();
  });
}
