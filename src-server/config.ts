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
});
export type ServiceConfig = z.infer<typeof ServiceConfigSchema>;

export function configFromEnv(env: NodeJS.ProcessEnv): ServiceConfig {
  const parsed = ServiceConfigSchema.safeParse({
    host: env['HOST'] || undefined,
    port: env['PORT'] || undefined,
    dataDir: env['PARTNER_DESK_DATA'] || undefined,
    databaseUrl: env['DATABASE_URL'] || undefined,
    rendererDir: env['PARTNER_DESK_RENDERER_DIR'] || undefined,
    corsOrigins: env['CORS_ORIGINS'] ? env['CORS_ORIGINS'].split(',').map((o) => o.trim()) : undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid service configuration: ${problems}`);
  }
  return parsed.data;
}
