import path from 'node:path';
import { z } from 'zod';

/** The service's settings, read from the environment and checked once at start. */
export const ServiceConfigSchema = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(4870),
  dataDir: z.string().default(path.resolve('.data')),
  databaseUrl: z.string().url().optional(),
  rendererDir: z.string().default(path.resolve('out/renderer')),
  corsOrigins: z.array(z.string()).default([]),
  /** The URL clients use (demo credentials, intake URLs); defaults to http://host:port. */
  publicUrl: z.string().url().optional(),
  accessTokenTtlSeconds: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  refreshTokenTtlDays: z.coerce.number().int().min(1).default(30),
  /** How often the expiry sweeper runs; 0 turns it off (tests call it directly). */
  sweepIntervalMs: z.coerce.number().int().min(0).default(60_000),
  /** SSE heartbeat comment interval. */
  heartbeatMs: z.coerce.number().int().min(50).default(20_000),
  /** Seed the demo organizations when the database has none (the main job does; tests do not). */
  seedDemo: z.boolean().default(false),
  pullPageLimit: z.coerce.number().int().min(1).default(1000),
  snapshotPageSize: z.coerce.number().int().min(1).default(2000),
  /** Sign-in attempts per client address and email per minute: slows password guessing. */
  signInAttemptsPerMinute: z.coerce.number().int().min(1).default(20),
});
export type ServiceConfig = z.infer<typeof ServiceConfigSchema>;
export type ServiceConfigInput = z.input<typeof ServiceConfigSchema>;

export function configFromEnv(env: NodeJS.ProcessEnv): ServiceConfig {
  const parsed = ServiceConfigSchema.safeParse({
    host: env['HOST'] || undefined,
    port: env['PORT'] || undefined,
    dataDir: env['PARTNER_DESK_DATA'] || undefined,
    databaseUrl: env['DATABASE_URL'] || undefined,
    rendererDir: env['PARTNER_DESK_RENDERER_DIR'] || undefined,
    corsOrigins: env['CORS_ORIGINS'] ? env['CORS_ORIGINS'].split(',').map((o) => o.trim()) : undefined,
    publicUrl: env['PUBLIC_URL'] || undefined,
    sweepIntervalMs: env['SWEEP_INTERVAL_MS'] || undefined,
    seedDemo: env['PARTNER_DESK_DEMO'] === '0' ? false : true,
    signInAttemptsPerMinute: env['SIGNIN_ATTEMPTS_PER_MINUTE'] || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid service configuration: ${problems}`);
  }
  return parsed.data;
}

export function serviceUrlOf(config: ServiceConfig, boundPort?: number): string {
  return config.publicUrl ?? `http://${config.host}:${boundPort ?? config.port}`;
}
