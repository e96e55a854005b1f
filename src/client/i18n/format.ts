// Dates, times and sizes through Intl, in the current language, always on a 24-hour clock.
//
// English uses the en-GB locale on purpose: a French ward reads dates day-first, and a US
// "03/12/1948" next to a French "03/12/1948" on the same tablet would swap day and month in a
// birth date, one of the two patient identifiers.
import { useMemo } from 'react';
import { useTranslation } from './use-translation';

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

/** Date and time of an ISO instant, e.g. "12/03/2025 14:05". */
export function formatDateTime(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return keptFormatter(Intl.DateTimeFormat, DATE_TIME, locale).format(d);
}

/** The hour of an ISO instant, e.g. "03:12": "pas de réponse à 03:12". */
function formatTime(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return keptFormatter(Intl.DateTimeFormat, TIME, locale).format(d);
}

/** The day and month of an ISO instant, e.g. "02/03": a round's date on a printed flowsheet. */
function formatDayMonth(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return keptFormatter(Intl.DateTimeFormat, DAY_MONTH, locale).format(d);
}

/**
 * A calendar date. A plain "YYYY-MM-DD" (a birth date) is a day, not an instant: it is shown as
 * is, in UTC, so no time zone can move it to the day before.
 */
export function formatDate(isoDate: string, locale: string): string {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const d = plain ? new Date(Date.UTC(Number(plain[1]), Number(plain[2]) - 1, Number(plain[3]))) : new Date(isoDate);
  if (Number.isNaN(d.getTime())) return isoDate;
  return keptFormatter(Intl.DateTimeFormat, plain ? PLAIN_DATE : DATE, locale).format(d);
}

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

/** Kept like the others (its format takes a unit too): the board formats one per patient. */
function relativeFormatter(locale: string): Intl.RelativeTimeFormat {
  let rtf = relativeFormatters.get(locale);
  if (!rtf) relativeFormatters.set(locale, (rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' })));
  return rtf;
}

/** "5 min ago", "in 2 h", or justNow under a minute. Coarse on purpose: the absolute time is shown beside it. */
export function formatRelative(iso: string, now: Date, locale: string, justNow: string): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((then - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return justNow;
  const rtf = relativeFormatter(locale);
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
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
      relative: (iso: string, now: Date) => formatRelative(iso, now, locale, t('time.justNow')),
      megabytes: (bytes: number) => formatMegabytes(bytes, locale),
    }),
    [locale, t],
  );
}
