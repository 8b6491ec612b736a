import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { contentSecurityPolicy } from '../../src-shared/content-security-policy';

/**
 * Web mode: the built renderer at /app/, with the same CSP the Electron shell sends. The UI and
 * the service share an origin here, so `connect-src 'self'` is all the sync engine needs.
 */
export async function registerWebApp(server: FastifyInstance, rendererDir: string): Promise<void> {
  const csp = contentSecurityPolicy(null);
  server.get('/', async (_request, reply) => reply.redirect('/app/'));

  if (!existsSync(rendererDir)) {
    server.get('/app/', async (_request, reply) =>
      reply.code(503).type('text/plain').send('The web UI is not built: run `npm run build` first.'),
    );
    return;
  }
  await server.register(fastifyStatic, {
    root: rendererDir,
    prefix: '/app/',
    index: ['index.html'],
    setHeaders: (reply) => {
      reply.header('Content-Security-Policy', csp);
      reply.header('X-Content-Type-Options', 'nosniff');
      reply.header('Referrer-Policy', 'no-referrer');
    },
  });
}
