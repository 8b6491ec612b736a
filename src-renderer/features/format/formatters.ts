// Locale-aware formatting with Intl only. Instants are shown in local time; calendar dates (the
// closing date) are formatted as dates in UTC so that no time zone moves them by a day.

export interface Formatters {
  locale: string;
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  /** A `YYYY-MM-DD` calendar date. */
  calendarDate: (date: string | null | undefined) => string;
  money: (value: number | null | undefined, currency: string | null | undefined) => string;
  /** "€2.8M": for chart axes. */
  compactMoney: (value: number, currency: string) => string;
  number: (value: number) => string;
  percent: (ratio: number) => string;
  /** "3 days ago", "in 2 hours". */
  relative: (iso: string | null | undefined, nowMs: number) => string;
  /** A duration in the largest sensible unit: "3 days", "5 hr", "12 min". */
  duration: (ms: number) => string;
}

const cache = new Map<string, Formatters>();

export function formattersFor(locale: string): Formatters {
  const hit = cache.get(locale);
  if (hit) return hit;
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const calendarFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const numberFmt = new Intl.NumberFormat(locale);
  const percentFmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const moneyFmts = new Map<string, Intl.NumberFormat>();
  const unitFmt = (unit: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 });
  const units = { day: unitFmt('day'), hour: unitFmt('hour'), minute: unitFmt('minute') };
  const valid = (iso: string | null | undefined): Date | null => {
    if (!iso) return null;
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? null : d;
  };
  const f: Formatters = {
    locale,
    date: (iso) => {
      const d = valid(iso);
      return d ? dateFmt.format(d) : '';
    },
    dateTime: (iso) => {
      const d = valid(iso);
      return d ? dateTimeFmt.format(d) : '';
    },
    calendarDate: (date) => {
      const d = valid(date ? `${date.slice(0, 10)}T00:00:00Z` : null);
      return d ? calendarFmt.format(d) : '';
    },
    money: (value, currency) => {
      if (value === null || value === undefined || !Number.isFinite(value)) return '';
      const code = /^[A-Z]{3}$/.test(currency ?? '') ? (currency as string) : '';
      if (!code) return numberFmt.format(value);
      let fmt = moneyFmts.get(code);
      if (!fmt) {
        fmt = new Intl.NumberFormat(locale, { style: 'currency', currency: code, maximumFractionDigits: 0 });
        moneyFmts.set(code, fmt);
      }
      return fmt.format(value);
    },
    compactMoney: (value, currency) => {
      const code = /^[A-Z]{3}$/.test(currency) ? currency : 'USD';
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: code,
        notation: 'compact',
        maximumFractionDigits: 1,
      }).format(value);
    },
    number: (value) => numberFmt.format(value),
    percent: (ratio) => percentFmt.format(ratio),
    relative: (iso, nowMs) => {
      const d = valid(iso);
      if (!d) return '';
      const diff = d.getTime() - nowMs;
      const abs = Math.abs(diff);
      if (abs < 60_000) return rtf.format(0, 'second');
      if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute');
      if (abs < 86_400_000) return rtf.format(Math.round(diff / 3_600_000), 'hour');
      return rtf.format(Math.round(diff / 86_400_000), 'day');
    },
    duration: (ms) => {
      const abs = Math.max(0, ms);
      if (abs >= 2 * 86_400_000) return units.day.format(Math.floor(abs / 86_400_000));
      if (abs >= 3_600_000) return units.hour.format(Math.floor(abs / 3_600_000));
      return units.minute.format(Math.max(1, Math.floor(abs / 60_000)));
    },
  };
  cache.set(locale, f);
  return f;
}
