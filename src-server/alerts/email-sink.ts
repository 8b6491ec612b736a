import nodemailer, { type Transporter } from 'nodemailer';
import { parseReferral } from '../../src-shared/index';
import type { Queryable } from '../db/driver';
import type {
  ClaimedDelivery,
  EventRow,
  PlannedDelivery,
  SendResult,
  Sink,
} from '../webhooks/outbound-queue';
import { alertEmail } from './alert-text';

// Email alerts: the second sink of the outbound queue. A rule matches new referrals (created
// events) by tab and qualification; the email is composed at fan-out time, so a retry sends the
// same text. SMTP comes from SMTP_URL (smtp://user:pass@host:port or smtps://…).

interface RuleRow {
  id: string;
  recipients: string[];
  tabs: string[];
  qualifications: string[];
  include_test_leads: boolean;
  from_event_id: number;
}

interface EmailPayload {
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpSettings {
  url: string | undefined;
  from: string;
}

export class EmailSink implements Sink {
  readonly name = 'email' as const;
  private readonly transport: Transporter | null;

  constructor(
    private readonly smtp: SmtpSettings,
    private readonly linkOf: (referralId: string) => string,
  ) {
    this.transport = smtp.url ? nodemailer.createTransport(smtp.url) : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  async activeOrgs(db: Queryable): Promise<string[]> {
    const rows = await db.query<{ org_id: string }>(
      'SELECT DISTINCT org_id FROM alert_rules WHERE deleted_at IS NULL',
    );
    return rows.map((r) => r.org_id);
  }

  async plan(tx: Queryable, orgId: string, events: readonly EventRow[]): Promise<PlannedDelivery[]> {
    const created = events.filter((e) => e.kind === 'created');
    if (created.length === 0) return [];
    const rules = await tx.query<RuleRow>(
      'SELECT id, recipients, tabs, qualifications, include_test_leads, from_event_id FROM alert_rules WHERE org_id = $1 AND deleted_at IS NULL',
      [orgId],
    );
    const matches = (rule: RuleRow, e: EventRow) =>
      e.id > rule.from_event_id &&
      (rule.tabs.length === 0 || rule.tabs.includes(e.tab)) &&
      (rule.qualifications.length === 0 ||
        rule.qualifications.some((q) => q.toLowerCase() === e.qualification.toLowerCase()));
    const wanted = created.filter((e) => rules.some((r) => matches(r, e)));
    if (wanted.length === 0) return [];
    const rows = await tx.query<{ id: string; data: unknown; is_test: boolean }>(
      'SELECT id, data, is_test FROM referrals WHERE org_id = $1 AND id = ANY($2::text[])',
      [orgId, [...new Set(wanted.map((e) => e.referral_id))]],
    );
    const referrals = new Map(rows.map((r) => [r.id, r]));
    const planned: PlannedDelivery[] = [];
    for (const event of wanted) {
      const row = referrals.get(event.referral_id);
      const parsed = row ? parseReferral(row.data) : null;
      if (!row || !parsed?.success) continue;
      const email = alertEmail(parsed.data, this.linkOf(event.referral_id));
      for (const rule of rules) {
        if (!matches(rule, event) || (row.is_test && !rule.include_test_leads)) continue;
        const payload: EmailPayload = { to: rule.recipients, ...email };
        planned.push({
          targetId: rule.id,
          eventId: event.id,
          eventName: 'referral-created',
          referralId: event.referral_id,
          payload,
        });
      }
    }
    return planned;
  }

  async send(delivery: ClaimedDelivery): Promise<SendResult> {
    if (!this.transport) return { ok: false, error: 'SMTP is not configured: set SMTP_URL' };
    const payload = delivery.payload as EmailPayload;
    try {
      const info = await this.transport.sendMail({
        from: this.smtp.from,
        to: payload.to,
        subject: payload.subject,
        text: payload.text,
        headers: { 'X-PartnerDesk-Delivery': String(delivery.id) },
      });
      const rejected = Array.isArray(info.rejected) ? info.rejected.length : 0;
      if (rejected > 0 && rejected === payload.to.length)
        return { ok: false, error: 'every recipient was rejected' };
      return { ok: true, statusCode: 250 };
    } catch (error) {
      const code = (error as { responseCode?: unknown }).responseCode;
      return {
        ok: false,
        ...(typeof code === 'number' ? { statusCode: code } : {}),
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  close(): void {
    this.transport?.close();
  }
}
