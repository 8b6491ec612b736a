import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { deadlineInfo } from '../../../../src-renderer/features/format/deadline';
import { DeadlineLabel } from '../../../../src-renderer/features/list/DeadlineLabel';
import { NOW, referral } from './fixtures';
import { i18nFor } from './i18n-fixture';

const HOUR = 3_600_000;
const expiring = (hoursLeft: number) =>
  referral({ expirationDateTime: new Date(NOW + hoursLeft * HOUR).toISOString() });

describe('deadlineInfo', () => {
  it('colours by the time left: calm, soon under 72 h, urgent under 24 h, overdue past it', () => {
    expect(deadlineInfo(expiring(100), NOW)?.level).toBe('calm');
    expect(deadlineInfo(expiring(72), NOW)?.level).toBe('soon');
    expect(deadlineInfo(expiring(24), NOW)?.level).toBe('urgent');
    expect(deadlineInfo(expiring(0.5), NOW)?.level).toBe('urgent');
    expect(deadlineInfo(expiring(0), NOW)?.level).toBe('overdue');
    expect(deadlineInfo(expiring(-5), NOW)?.level).toBe('overdue');
  });

  it('falls back to creation + 14 days when the expiration is missing', () => {
    const info = deadlineInfo(referral({ expirationDateTime: null }), NOW);
    expect(info?.deadline).toBe('2026-12-04T12:00:00.000Z');
  });

  it('has no deadline once accepted or archived', () => {
    expect(deadlineInfo(referral({ status: 'Active', substatus: 'Accepted' }), NOW)).toBeNull();
    expect(deadlineInfo(referral({ status: 'Closed', substatus: 'Expired' }), NOW)).toBeNull();
  });
});

describe('DeadlineLabel', () => {
  const render = async (lng: 'en' | 'fr' | 'sv', hoursLeft: number) => {
    const { instance } = await i18nFor(lng);
    return renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n: instance },
        createElement(DeadlineLabel, { referral: expiring(hoursLeft), nowMs: NOW }),
      ),
    );
  };

  it('says how long is left, in the largest sensible unit, with the level as its class', async () => {
    expect(await render('en', 100)).toMatch(/class="deadline deadline-calm"[^>]*>4 days left</);
    expect(await render('en', 30)).toMatch(/deadline-soon[^>]*>30 hours left</);
    expect(await render('en', 0.25)).toMatch(/deadline-urgent[^>]*>15 minutes left</);
  });

  it('past the deadline says the service has yet to expire it, never "expired"', async () => {
    expect(await render('en', -1)).toMatch(/deadline-overdue[^>]*>Overdue, waiting for the service</);
  });

  it('speaks French and Swedish', async () => {
    // Intl writes the unit: a no-break space in French, "dygn" (24 hours) in Swedish.
    expect(await render('fr', 100)).toMatch(/Reste 4\u00a0jours/);
    expect(await render('sv', 100)).toMatch(/4 (dagar|dygn) kvar/);
  });
});
