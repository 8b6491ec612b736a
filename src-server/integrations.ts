import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { registerAlertRoutes } from './alerts/alert-routes';
import { EmailSink } from './alerts/email-sink';
import { serviceUrlOf } from './config';
import type { ServiceContext } from './context';
import { registerCsvRoutes } from './csv/csv-routes';
import { registerIntakeAdminRoutes } from './intake/intake-admin-routes';
import { registerIntakeRoutes } from './intake/intake-routes';
import { registerResourceRoutes } from './resource-api/resource-routes';
import { OutboundQueue } from './webhooks/outbound-queue';
import { loadSecretKey, SecretBox } from './webhooks/secret-box';
import { registerWebhookRoutes } from './webhooks/webhook-routes';
import { WebhookSink } from './webhooks/webhook-sink';

/**
 * The channels beside sync: the Partner Center style resource API, marketplace intake, CSV import
 * and export, outbound webhooks and email alerts. Their settings come from the environment (read
 * here, so the core configuration stays untouched); the outbound queue stops before the database
 * closes.
 */
export const IntegrationSettingsSchema = z.object({
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default('Partner Desk <alerts@partner-desk.invalid>'),
  PARTNER_DESK_SECRET_KEY: z.string().optional(),
  INTAKE_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(600),
  INTAKE_RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  OUTBOUND_POLL_MS: z.coerce.number().int().min(20).default(2000),
  OUTBOUND_RETRY_BASE_MS: z.coerce.number().int().min(1).default(10_000),
  OUTBOUND_RETRY_MAX_MS: z.coerce.number().int().min(1).default(3_600_000),
  OUTBOUND_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
});
export type IntegrationSettings = z.infer<typeof IntegrationSettingsSchema>;

export function integrationSettingsFromEnv(env: NodeJS.ProcessEnv): IntegrationSettings {
  const picked = Object.fromEntries(
    Object.keys(IntegrationSettingsSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = IntegrationSettingsSchema.safeParse(picked);
  if (!parsed.success) {
    throw new Error(
      `Invalid integration settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

export async function registerIntegrations(server: FastifyInstance, ctx: ServiceContext): Promise<void> {
  const settings = integrationSettingsFromEnv(process.env);
  // The URL receivers and emails point at: PUBLIC_URL, else the address the server is bound to.
  const baseUrl = (): string => {
    if (ctx.config.publicUrl) return ctx.config.publicUrl.replace(/\/$/, '');
    const address = server.server.address();
    return serviceUrlOf(ctx.config, typeof address === 'object' && address ? address.port : undefined);
  };
  const box = new SecretBox(loadSecretKey(settings.PARTNER_DESK_SECRET_KEY, ctx.config.dataDir));
  const emailSink = new EmailSink(
    { url: settings.SMTP_URL, from: settings.SMTP_FROM },
    (id) => `${baseUrl()}/app/#/referrals/${encodeURIComponent(id)}`,
  );
  const queue = new OutboundQueue(
    ctx.db,
    [new WebhookSink(ctx.db, box, baseUrl, settings.WEBHOOK_TIMEOUT_MS), emailSink],
    {
      pollMs: settings.OUTBOUND_POLL_MS,
      retryBaseMs: settings.OUTBOUND_RETRY_BASE_MS,
      retryMaxMs: settings.OUTBOUND_RETRY_MAX_MS,
      maxAttempts: settings.OUTBOUND_MAX_ATTEMPTS,
      leaseMs: settings.WEBHOOK_TIMEOUT_MS * 3,
      batchSize: 20,
    },
    ctx.log,
  );

  registerResourceRoutes(server, ctx);
  registerIntakeRoutes(server, ctx, {
    rateLimitMax: settings.INTAKE_RATE_LIMIT_MAX,
    rateLimitWindowMs: settings.INTAKE_RATE_LIMIT_WINDOW_MS,
  });
  registerIntakeAdminRoutes(server, ctx, (key) => `${baseUrl()}/v1/intake/marketplace/${key}`);
  registerCsvRoutes(server, ctx);
  registerWebhookRoutes(server, ctx, box, queue);
  registerAlertRoutes(server, ctx, queue, emailSink.configured);

  server.addHook('onReady', async () => queue.start(ctx.events));
  server.addHook('preClose', async () => {
    await queue.stop();
    emailSink.close();
  });
}
