// Dates, times and sizes through Intl, in the current language, always on a 24-hour clock.
//
// English uses the en-GB locale on purpose: a French ward reads dates day-first, and a US
// "03/12/1948" next to a French "03/12/1948" on the same tablet would swap day and month in a
// birth date, one of the two patient identifiers.
import { useMemo } from 'react';
import { useTranslation } from './use-translation';
import type { TFunction, TranslationKey } from './keys';

export function localeOf(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'fr-FR';
}

const DATE_TIME = { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
const DAY_MONTH = { day: '2-digit', month: '2-digit' } as const;
const DATE = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
const PLAIN_DATE = { ...DATE, timeZone: 'UTC' } as const;
const MEGABYTES = { maximumFractionDigits: 1, minimumFractionDigits: 1 } as const;

// Building an Intl formatter costs far more than using one (a ward board formats two dates per
// patient: it was a tenth of the board's cold start on a slowed tablet), so each is built once
// per locale and kept. The tablet's time zone is read when a formatter is built.
const kept = new Map<string, { format(value: Date | number): string }>();

function keptFormatter<O extends object>(
  make: new (locale: string, options: O) => { format(value: Date | number): string },
  options: O,
  locale: string,
) {
  const key = `${make.name}|${locale}|${JSON.stringify(options)}`;
  let formatter = kept.get(key);
  if (!formatter) kept.set(key, (formatter = new make(locale, options)));
  return formatter;
}

// The ward's two locales write a date, a time and a day the same simple way ("12/03/2025 14:05",
// "12/03/2025, 14:05" in en-GB). Building the first Intl.DateTimeFormat of a page loads the
// locale's data: a tenth of the ward board's cold start on a slowed tablet, for the birth dates
// of its first render (issue 15). These shapes are written here from the date's own fields;
// tests/client/i18n/format.test.ts holds them to Intl's output, instant by instant, in both locales
// and across daylight-saving changes. Any other locale or year goes through Intl.
const DAY_FIRST = new Set(['fr-FR', 'en-GB']);
const two = (n: number) => String(n).padStart(2, '0');

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function localFields(d: Date): Fields {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes() };
}

function utcFields(d: Date): Fields {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** Whether Intl's output for `locale` in `f`'s year is known to be written as below. */
function writable(locale: string, f: Fields): boolean {
  return DAY_FIRST.has(locale) && f.year >= 1000 && f.year <= 9999;
}

const dayMonthYear = (f: Fields) => `${two(f.day)}/${two(f.month)}/${f.year}`;
const hourMinute = (f: Fields) => `${two(f.hour)}:${two(f.minute)}`;

/** Date and time of an ISO instant, e.g. "12/03/2025 14:05". */
export function formatDateTime(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const f = localFields(d);
  if (!writable(locale, f)) return keptFormatter(Intl.DateTimeFormat, DATE_TIME, locale).format(d);
  return `${dayMonthYear(f)}${locale === 'en-GB' ? ', ' : ' '}${hourMinute(f)}`;
}

/** The hour of an ISO instant, e.g. "03:12": "pas de réponse à 03:12". */
export function formatTime(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const f = localFields(d);
  return writable(locale, f) ? hourMinute(f) : keptFormatter(Intl.DateTimeFormat, TIME, locale).format(d);
}

/** The day and month of an ISO instant, e.g. "02/03": a round's date on a printed flowsheet. */
export function formatDayMonth(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const f = localFields(d);
  return writable(locale, f) ? `${two(f.day)}/${two(f.month)}` : keptFormatter(Intl.DateTimeFormat, DAY_MONTH, locale).format(d);
}

const DAY_MONTH_TIME = { ...DAY_MONTH, ...TIME } as const;

/** "14:05" today, "28/11 14:05" another day: a status bar or a banner has one short line. */
export function formatShortTime(iso: string, now: Date, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const f = localFields(d);
  const today = d.toDateString() === now.toDateString();
  if (!writable(locale, f)) return keptFormatter(Intl.DateTimeFormat, today ? TIME : DAY_MONTH_TIME, locale).format(d);
  return today ? hourMinute(f) : `${two(f.day)}/${two(f.month)}${locale === 'en-GB' ? ', ' : ' '}${hourMinute(f)}`;
}

/**
 * A calendar date. A plain "YYYY-MM-DD" (a birth date) is a day, not an instant: it is shown as
 * is, in UTC, so no time zone can move it to the day before.
 */
export function formatDate(isoDate: string, locale: string): string {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const d = plain ? new Date(Date.UTC(Number(plain[1]), Number(plain[2]) - 1, Number(plain[3]))) : new Date(isoDate);
  if (Number.isNaN(d.getTime())) return isoDate;
  const f = plain ? utcFields(d) : localFields(d);
  return writable(locale, f) ? dayMonthYear(f) : keptFormatter(Intl.DateTimeFormat, plain ? PLAIN_DATE : DATE, locale).format(d);
}

/** Past this count, Intl writes the number with a thousands separator: left to it. */
const PLAIN_COUNT = 1000;

/**
 * "5 min ago", "in 2 h", "hier", or justNow under a minute. Coarse on purpose: the absolute time
 * is shown beside it. The phrases are the catalogs' (time.*), written as Intl.RelativeTimeFormat
 * writes them in short style: the first Intl formatter of a page loads its locale's data, and the
 * board drew one in its first render, ~90 ms of a slowed tablet's cold start (issue 15).
 */
export function formatRelative(iso: string, now: Date, locale: string, t: TFunction): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((then - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return t('time.justNow');
  const past = seconds < 0;
  const count = (key: TranslationKey, n: number) =>
    // {{n}} as Intl writes it ("1 500" in French); `count` picks the plural form.
    t(key, { count: n, n: n < PLAIN_COUNT ? String(n) : keptFormatter(Intl.NumberFormat, {}, locale).format(n) });
  // Rounded on the signed value, as before: a past half minute rounds towards now.
  const units = (size: number) => Math.abs(Math.round(seconds / size));
  if (abs < 3600) return count(past ? 'time.minutesAgo' : 'time.inMinutes', units(60));
  if (abs < 86400) return count(past ? 'time.hoursAgo' : 'time.inHours', units(3600));
  const days = units(86400);
  if (days === 1) return t(past ? 'time.yesterday' : 'time.tomorrow');
  if (days === 2) return t(past ? 'time.twoDaysAgo' : 'time.inTwoDays');
  return count(past ? 'time.daysAgo' : 'time.inDays', days);
}

/** Bytes as megabytes with one decimal, e.g. "12,3". */
export function formatMegabytes(bytes: number, locale: string): string {
  return keptFormatter(Intl.NumberFormat, MEGABYTES, locale).format(bytes / (1024 * 1024));
}

/** The formatters bound to the current language; components re-render when it changes. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return useMemo(
    () => ({
      locale,
      dateTime: (iso: string) => formatDateTime(iso, locale),
      date: (iso: string) => formatDate(iso, locale),
      time: (iso: string) => formatTime(iso, locale),
      dayMonth: (iso: string) => formatDayMonth(iso, locale),
      shortTime: (iso: string, now: Date) => formatShortTime(iso, now, locale),
      relative: (iso: string, now: Date) => formatRelative(iso, now, locale, t),
      megabytes: (bytes: number) => formatMegabytes(bytes, locale),
    }),
    [locale, t],
  );
}
