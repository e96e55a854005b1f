// Dates, times and sizes in the tablet's language: day first in both French and English (en-GB),
// a 24-hour clock, and a birth date that no time zone can move.
import { describe, it, expect, vi } from 'vitest';
import {
  formatDate, formatDateTime, formatMegabytes, formatRelative, localeOf,
} from '../../../src/client/i18n/format';

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
    expect(formatRelative(ago(0), now, 'fr-FR', 'à l’instant')).toBe('à l’instant');
    expect(formatRelative(ago(59), now, 'en-GB', 'just now')).toBe('just now');
    expect(formatRelative(ago(-30), now, 'en-GB', 'just now')).toBe('just now');
  });

  it('counts minutes, then hours, then days', () => {
    expect(formatRelative(ago(5 * 60), now, 'en-GB', 'just now')).toBe('5 min ago');
    expect(formatRelative(ago(3 * 3600), now, 'en-GB', 'just now')).toBe('3 hr ago');
    expect(formatRelative(ago(3 * 86400), now, 'en-GB', 'just now')).toBe('3 days ago');
    expect(formatRelative(ago(5 * 60), now, 'fr-FR', 'à l’instant')).toBe('il y a 5\u00a0min');
    expect(formatRelative(ago(86400), now, 'fr-FR', 'à l’instant')).toBe('hier');
  });

  it('handles a time ahead of the tablet clock (another device’s clock runs fast)', () => {
    expect(formatRelative(ago(-2 * 3600), now, 'en-GB', 'just now')).toBe('in 2 hr');
  });

  it('gives back what it cannot read', () => {
    expect(formatRelative('?', now, 'en-GB', 'just now')).toBe('?');
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
