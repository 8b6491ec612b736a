import { z } from 'zod';

// Payload schemas of the IPC contracts. Every renderer → main input is parsed in main with these
// (strict objects: an unknown key is an error, so a typo cannot silently do nothing).

export const isoInstantSchema = z.iso.datetime({ offset: true });
export const referralIdSchema = z.string().min(1).max(256);

/** The lead tabs (src-shared/classify.ts TABS; a unit test keeps the two lists equal). */
export const LEAD_TABS = ['marketplace', 'qualified', 'cosell'] as const;
export const leadTabSchema = z.enum(LEAD_TABS);

export const desktopInfoSchema = z.strictObject({
  kind: z.enum(['desktop', 'web']),
  platform: z.string(),
  version: z.string(),
  /** The service the sync engine talks to; in web mode, the page's own origin. */
  serviceUrl: z.string().nullable(),
  capabilities: z.strictObject({
    tray: z.boolean(),
    /** Reminders still fire with the window closed (desktop), or only while the tab is open (web). */
    backgroundNotifications: z.boolean(),
    autoUpdate: z.boolean(),
  }),
});

const text = (max: number) => z.string().max(max);

/** Who signed in, as POST /v1/auth/token returns it (the renderer's Session.user). */
export const sessionUserSchema = z.object({
  id: text(256),
  email: text(320),
  displayName: text(500),
  role: text(64),
  organization: z.object({ id: text(256), name: text(500) }),
});

/** The service session (sync-protocol.md section 2), kept by main and encrypted at rest. */
export const sessionTokensSchema = z.strictObject({
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  accessToken: z.string().min(1).max(16_384),
  refreshToken: z.string().min(1).max(16_384),
  accessTokenExpiresAt: isoInstantSchema.nullable(),
  user: sessionUserSchema,
});

/** Where the tokens ended up: encrypted by the OS, obfuscated only (Linux basic_text), or nowhere. */
export const tokenStorageSchema = z.strictObject({
  storage: z.enum(['encrypted', 'basic-text', 'memory-only']),
});

/** One reminder; the shape of `ReminderItem` from src-shared/time.ts `reminderSchedule`. */
export const reminderItemSchema = z.strictObject({
  key: z.string().min(1).max(600),
  referralId: referralIdSchema,
  title: z.string().max(500),
  dueAt: isoInstantSchema,
  deadline: isoInstantSchema,
  thresholdHours: z
    .number()
    .finite()
    .min(0)
    .max(24 * 365),
  urgent: z.boolean(),
});

export const reminderScheduleSchema = z.strictObject({
  items: z.array(reminderItemSchema).max(100_000),
});

export const newReferralSchema = z.strictObject({
  id: referralIdSchema,
  title: z.string().max(500),
  tab: leadTabSchema,
  /** Open string: Partner Center may add values (domain.md section 2). */
  qualification: z.string().max(64),
  /** The customer asked to be contacted. */
  urgent: z.boolean(),
});

export const newReferralsReportSchema = z.strictObject({
  /** The first sync of a fresh database brings everything: never announce that as "new". */
  initialSync: z.boolean(),
  referrals: z.array(newReferralSchema).max(10_000),
});

export const newReferralRuleSchema = z.strictObject({
  notify: z.enum(['all', 'urgent-only', 'none']),
  /** Only these qualifications (for example MarketingQualified); empty means any. */
  qualifications: z.array(z.string().min(1).max(64)).max(16),
});

const thresholdsSchema = z
  .array(
    z
      .number()
      .int()
      .min(1)
      .max(24 * 14),
  )
  .max(8)
  .refine((hours) => new Set(hours).size === hours.length, 'thresholds must be distinct');

export const notificationSettingsSchema = z.strictObject({
  remindersEnabled: z.boolean(),
  thresholdsHours: thresholdsSchema,
  newReferrals: z.strictObject({
    marketplace: newReferralRuleSchema,
    qualified: newReferralRuleSchema,
    cosell: newReferralRuleSchema,
  }),
});

export const notificationPreferencesSchema = notificationSettingsSchema.extend({
  /** Notifications held back until this instant ("pause for 1 hour"), then shown as one summary. */
  pausedUntil: isoInstantSchema.nullable(),
});

export const pauseRequestSchema = z.strictObject({
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});

export const awaitingCountSchema = z.strictObject({
  count: z.number().int().min(0).max(10_000_000),
});

export const externalUrlRequestSchema = z.strictObject({
  url: z.string().min(1).max(4096),
});

export const updateStatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('disabled'), reason: z.string() }),
  z.strictObject({ state: z.literal('idle'), lastCheckedAt: isoInstantSchema.nullable() }),
  z.strictObject({ state: z.literal('checking') }),
  z.strictObject({
    state: z.literal('downloading'),
    version: z.string(),
    percent: z.number().min(0).max(100),
  }),
  /** Ready: the renderer shows the banner; installing waits for the user's consent. */
  z.strictObject({ state: z.literal('downloaded'), version: z.string() }),
  z.strictObject({ state: z.literal('installing'), version: z.string() }),
  z.strictObject({
    state: z.literal('error'),
    message: z.string(),
    lastCheckedAt: isoInstantSchema.nullable(),
  }),
]);

export const pendingNavigationSchema = z.strictObject({ referralId: referralIdSchema.nullable() });
export const openReferralEventSchema = z.strictObject({ referralId: referralIdSchema });
export const syncNowEventSchema = z.strictObject({ reason: z.enum(['tray', 'resume']) });

export type DesktopInfo = z.infer<typeof desktopInfoSchema>;
export type SessionTokens = z.infer<typeof sessionTokensSchema>;
export type TokenStorage = z.infer<typeof tokenStorageSchema>;
export type ReminderItemPayload = z.infer<typeof reminderItemSchema>;
export type NewReferral = z.infer<typeof newReferralSchema>;
export type NewReferralRule = z.infer<typeof newReferralRuleSchema>;
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
export type UpdateStatus = z.infer<typeof updateStatusSchema>;
export type LeadTab = z.infer<typeof leadTabSchema>;

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  remindersEnabled: true,
  thresholdsHours: [72, 24, 2],
  newReferrals: {
    marketplace: { notify: 'all', qualifications: [] },
    qualified: { notify: 'all', qualifications: [] },
    cosell: { notify: 'all', qualifications: [] },
  },
  pausedUntil: null,
};
