// Dates, times and sizes in the tablet's language: day first in both French and English (en-GB),
// a 24-hour clock, and a birth date that no time zone can move.
import { describe, it, expect, vi, beforeAll, afterAll } from 'vitest';
import {
  formatDate, formatDateTime, formatDayMonth, formatMegabytes, formatRelative, formatShortTime, formatTime, localeOf,
} from '../../../src/client/i18n/format';
import { createTranslator } from '../../../src/client/i18n/translator';
import type { TFunction } from '../../../src/client/i18n/keys';
import { fr } from '../../../src/client/i18n/fr';
import { en } from '../../../src/client/i18n/en';

const translator = createTranslator<'fr' | 'en'>('fr');
translator.addStrings('fr', fr);
translator.addStrings('en', en);
const tIn = (language: 'fr' | 'en'): TFunction => (key, params) => translator.t(key, params, language);

describe('localeOf', () => {
  it('reads English as en-GB (day first) and anything else as French', () => {
    expect(localeOf('en')).toBe('en-GB');
    expect(localeOf('en-US')).toBe('en-GB');
    expect(localeOf('fr')).toBe('fr-FR');
    expect(localeOf('de')).toBe('fr-FR');
  });
});

describe('formatDate', () => {
  it('writes a birth date day first in both languages', () => {
    expect(formatDate('1948-03-12', 'fr-FR')).toBe('12/03/1948');
    expect(formatDate('1948-03-12', 'en-GB')).toBe('12/03/1948');
  });

  it('keeps a plain date on its day whatever the time zone (the first and last day of a year)', () => {
    expect(formatDate('2000-01-01', 'fr-FR')).toBe('01/01/2000');
    expect(formatDate('1999-12-31', 'en-GB')).toBe('31/12/1999');
  });

  it('gives back what it cannot read rather than "Invalid Date"', () => {
    expect(formatDate('not a date', 'fr-FR')).toBe('not a date');
  });
});

describe('formatDateTime', () => {
  it('uses a 24-hour clock, never AM/PM, in both languages', () => {
    // An evening hour in UTC: a 12-hour clock would print it as 9:30 PM or so.
    for (const locale of ['fr-FR', 'en-GB']) {
      const text = formatDateTime('2025-03-12T21:30:00.000Z', locale);
      expect(text).toMatch(/^\d{2}\/\d{2}\/2025,? \d{2}:30$/);
      expect(text).not.toMatch(/AM|PM/i);
      const hour = Number(/(\d{2}):30$/.exec(text)![1]);
      expect(hour).toBeGreaterThanOrEqual(0);
      expect(hour).toBeLessThan(24);
    }
  });

  it('agrees with the time zone the process runs in', () => {
    const iso = '2025-07-01T12:05:00.000Z';
    const d = new Date(iso);
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(formatDateTime(iso, 'fr-FR')).toBe(
      `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`,
    );
  });

  it('gives back what it cannot read', () => {
    expect(formatDateTime('soon', 'en-GB')).toBe('soon');
  });
});

describe('formatRelative', () => {
  const now = new Date('2025-03-12T12:00:00.000Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

  it('says "just now" under a minute, either side', () => {
    expect(formatRelative(ago(0), now, 'fr-FR', tIn('fr'))).toBe('à l’instant');
    expect(formatRelative(ago(59), now, 'en-GB', tIn('en'))).toBe('just now');
    expect(formatRelative(ago(-30), now, 'en-GB', tIn('en'))).toBe('just now');
  });

  it('counts minutes, then hours, then days', () => {
    expect(formatRelative(ago(5 * 60), now, 'en-GB', tIn('en'))).toBe('5 min ago');
    expect(formatRelative(ago(3 * 3600), now, 'en-GB', tIn('en'))).toBe('3 hr ago');
    expect(formatRelative(ago(3 * 86400), now, 'en-GB', tIn('en'))).toBe('3 days ago');
    expect(formatRelative(ago(5 * 60), now, 'fr-FR', tIn('fr'))).toBe('il y a 5\u00a0min');
    expect(formatRelative(ago(86400), now, 'fr-FR', tIn('fr'))).toBe('hier');
  });

  it('handles a time ahead of the tablet clock (another device’s clock runs fast)', () => {
    expect(formatRelative(ago(-2 * 3600), now, 'en-GB', tIn('en'))).toBe('in 2 hr');
  });

  it('reads exactly as Intl.RelativeTimeFormat writes it in short style, both ways, in both languages', () => {
    for (const [language, locale] of [['fr', 'fr-FR'], ['en', 'en-GB']] as const) {
      const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
      const t = tIn(language);
      for (let minutes = 1; minutes < 60; minutes++) {
        for (const sign of [1, -1]) expect(formatRelative(ago(sign * minutes * 60), now, locale, t)).toBe(rtf.format(-sign * minutes, 'minute'));
      }
      for (let hours = 1; hours < 24; hours++) {
        for (const sign of [1, -1]) expect(formatRelative(ago(sign * hours * 3600), now, locale, t)).toBe(rtf.format(-sign * hours, 'hour'));
      }
      for (const days of [1, 2, 3, 4, 7, 21, 100, 999, 1000, 1500, 12345]) {
        for (const sign of [1, -1]) expect(formatRelative(ago(sign * days * 86400), now, locale, t)).toBe(rtf.format(-sign * days, 'day'));
      }
    }
  });

  it('rounds half units as Intl callers did, on the signed count, towards now for the past', () => {
    for (const [language, locale] of [['fr', 'fr-FR'], ['en', 'en-GB']] as const) {
      const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
      for (const seconds of [150, -150, 90 * 60, -90 * 60, 2.5 * 86400, -2.5 * 86400]) {
        const unit = Math.abs(seconds) < 3600 ? 60 : Math.abs(seconds) < 86400 ? 3600 : 86400;
        const name = unit === 60 ? 'minute' : unit === 3600 ? 'hour' : 'day';
        expect(formatRelative(ago(seconds), now, locale, tIn(language))).toBe(rtf.format(Math.round(-seconds / unit), name));
      }
    }
  });

  it('gives back what it cannot read', () => {
    expect(formatRelative('?', now, 'en-GB', tIn('en'))).toBe('?');
  });
});

describe('formatMegabytes', () => {
  it('writes mebibytes with one decimal, in the language’s decimal mark', () => {
    expect(formatMegabytes(1.5 * 1024 * 1024, 'fr-FR')).toBe('1,5');
    expect(formatMegabytes(1.5 * 1024 * 1024, 'en-GB')).toBe('1.5');
    expect(formatMegabytes(0, 'en-GB')).toBe('0.0');
    expect(formatMegabytes(1234.56 * 1024 * 1024, 'en-GB')).toBe('1,234.6');
  });
});

describe('formatters kept per locale and shape', () => {
  it('builds each Intl formatter once, however many rows a board formats (issue 15: cold start)', () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      for (let i = 0; i < 50; i++) formatDateTime(`2025-03-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z`, 'fr-FR');
      expect(made.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      made.mockRestore();
    }
  });

  it('does not mix the shapes or languages it keeps: a plain day, an instant, a number', () => {
    const instant = formatDate('2025-03-12T23:30:00.000Z', 'fr-FR');
    expect(formatDate('1948-03-12', 'fr-FR')).toBe('12/03/1948');
    expect(formatDate('2025-03-12T23:30:00.000Z', 'fr-FR')).toBe(instant);
    expect(formatDateTime('2025-03-12T21:30:00.000Z', 'en-GB')).toMatch(/^\d{2}\/\d{2}\/2025,? \d{2}:30$/);
    expect(formatMegabytes(1.5 * 1024 * 1024, 'fr-FR')).toBe('1,5');
    expect(formatMegabytes(1.5 * 1024 * 1024, 'en-GB')).toBe('1.5');
  });
});

const LOCALES = ['fr-FR', 'en-GB'] as const;
const DATE_TIME = { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** Instants over two centuries, plus the hours around Paris's daylight-saving changes and midnights. */
function instants(): Date[] {
  const out: Date[] = [];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 3000; i++) out.push(new Date(Date.UTC(1900, 0, 1) + next() * 200 * 365.25 * 86_400_000));
  for (const edge of ['2026-03-29T00:30:00Z', '2026-10-25T00:30:00Z', '2025-12-31T22:59:00Z', '2000-02-28T23:00:00Z']) {
    for (let m = -180; m <= 180; m += 15) out.push(new Date(Date.parse(edge) + m * 60_000));
  }
  return out;
}

describe('dates as the ward reads them', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/Paris'; // a zone with daylight saving, where the hour can shift the day
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('writes date and time, time, day and month, and the short time exactly as Intl does, in French and in British English', () => {
    expect(new Date(Date.UTC(2026, 6, 1, 12)).getHours()).toBe(14); // the zone took effect
    for (const locale of LOCALES) {
      const dateTime = new Intl.DateTimeFormat(locale, DATE_TIME);
      const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      const dayMonth = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit' });
      const date = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
      const dayMonthTime = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      for (const d of instants()) {
        const iso = d.toISOString();
        expect(formatDateTime(iso, locale)).toBe(dateTime.format(d));
        expect(formatTime(iso, locale)).toBe(time.format(d));
        expect(formatDayMonth(iso, locale)).toBe(dayMonth.format(d));
        expect(formatDate(iso, locale)).toBe(date.format(d));
        // Short: the hour alone on the same day, the day and month before it on another.
        expect(formatShortTime(iso, d, locale)).toBe(time.format(d));
        expect(formatShortTime(iso, new Date(d.getTime() + 2 * 86_400_000), locale)).toBe(dayMonthTime.format(d));
      }
    }
  });

  it('writes a birth date as the day it is, whatever the zone, as Intl does in UTC', () => {
    for (const locale of LOCALES) {
      const utc = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
      for (const d of instants()) {
        const day = d.toISOString().slice(0, 10);
        expect(formatDate(day, locale)).toBe(utc.format(new Date(`${day}T00:00:00Z`)));
      }
    }
    expect(formatDate('1948-12-03', 'fr-FR')).toBe('03/12/1948');
    expect(formatDateTime('2025-03-12T13:05:00Z', 'en-GB')).toBe('12/03/2025, 14:05');
  });

  it('leaves what it does not write to Intl: another locale, a year past 9999, a value that is no date', () => {
    expect(formatDateTime('2025-03-12T13:05:00Z', 'en-US')).toBe(new Intl.DateTimeFormat('en-US', DATE_TIME).format(new Date('2025-03-12T13:05:00Z')));
    const far = new Date(Date.UTC(12025, 2, 12, 13, 5));
    expect(formatDateTime(far.toISOString(), 'fr-FR')).toBe(new Intl.DateTimeFormat('fr-FR', DATE_TIME).format(far));
    expect(formatDate('pas une date', 'fr-FR')).toBe('pas une date');
    expect(formatTime('', 'fr-FR')).toBe('');
  });
});
