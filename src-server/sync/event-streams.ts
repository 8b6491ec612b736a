import type { FastifyReply } from 'fastify';
import type { Principal } from '../auth/identity-repo';
import type { ServiceContext } from '../context';

// GET /v1/sync/events: Server-Sent Events carrying no data, only "something changed" (`poke`) for
// the caller's organization, plus heartbeat comments so proxies keep the stream open and clients
// notice a dead one. Pokes in quick succession are coalesced.

const COALESCE_MS = 25;

interface Stream {
  reply: FastifyReply;
  close: () => void;
}

export class EventStreams {
  private readonly streams = new Set<Stream>();

  constructor(private readonly ctx: ServiceContext) {}

  get size(): number {
    return this.streams.size;
  }

  open(principal: Principal, reply: FastifyReply): void {
    const raw = reply.raw;
    reply.hijack();
    // Hijacked replies skip onSend hooks: carry over what the CORS plugin and others already set.
    const inherited = Object.fromEntries(
      Object.entries(reply.getHeaders()).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    raw.writeHead(200, {
      ...inherited,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    raw.write(`retry: 3000\n: connected\n\n`);
    let pending: NodeJS.Timeout | null = null;
    const poke = () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        raw.write('event: poke\ndata: {}\n\n');
      }, COALESCE_MS);
    };
    const unsubscribe = this.ctx.hub.subscribe(principal.orgId, poke);
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), this.ctx.config.heartbeatMs);
    const stream: Stream = {
      reply,
      close: () => {
        if (!this.streams.delete(stream)) return;
        unsubscribe();
        clearInterval(heartbeat);
        if (pending) clearTimeout(pending);
        if (!raw.writableEnded) raw.end();
      },
    };
    this.streams.add(stream);
    raw.on('close', stream.close);
    raw.on('error', stream.close);
  }

  closeAll(): void {
    for (const stream of [...this.streams]) stream.close();
  }
}
