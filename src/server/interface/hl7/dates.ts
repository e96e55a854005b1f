// HL7 v2.5 DTM (YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]) read strictly: a date that is not
// a real date is refused, never guessed (the library's own parser turns 20261345 into 2027-02-14).
// A time without an offset is the hospital's local time (RELEVE_HIS_TIMEZONE, Europe/Paris).
import { HisRefusal } from '../events';

const DTM = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.(\d{1,4}))?([+-]\d{4})?$/;

const HIS_TIMEZONE = process.env.RELEVE_HIS_TIMEZONE || 'Europe/Paris';

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of a zone at a UTC instant (whole seconds), in minutes east of UTC. */
function offsetAt(utcMs: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(utcMs));
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return (Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - utcMs) / 60_000;
}

const HOUR_MS = 3_600_000;
/**
 * Offsets already worked out, by zone and hour: formatToParts was the dearest step of reading a
 * message (each has three to five times), and a feed's times fall in the same few hours.
 */
const offsets = new Map<string, number>();

function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
  const hour = Math.floor(utcMs / HOUR_MS);
  const key = `${timeZone} ${hour}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const offset = offsetAt(utcMs, timeZone);
  // Kept only if the hour's first and last seconds agree: an hour with a change in it (the night
  // of a clock change, a town's old local mean time) is worked out again each time.
  if (offsetAt(hour * HOUR_MS, timeZone) === offset && offsetAt((hour + 1) * HOUR_MS - 1000, timeZone) === offset) {
    if (offsets.size >= 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The parts of a DTM as written (the hospital's wall clock, read as UTC), or refused. */
function wallClock(text: string, where: string): { local: number; frac: number; tz: string | undefined } {
  const m = DTM.exec(text.trim());
  if (!m) throw new HisRefusal('AE', '102', `${where}: '${text}' is not an HL7 date/time`, where);
  const [y, mo = '01', d = '01', h = '00', mi = '00', s = '00'] = m.slice(1, 7) as string[];
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(local);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw new HisRefusal('AE', '102', `${where}: '${text}' is not a real date/time`, where);
  }
  return { local, frac: Number(`0.${m[7] ?? '0'}`), tz: m[8] };
}

export function hl7DateTime(text: string, where: string): string {
  const { local, frac, tz } = wallClock(text, where);
  const offset = tz ? (tz[0] === '-' ? -1 : 1) * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(3, 5))) : zoneOffsetMinutes(local, HIS_TIMEZONE);
  return new Date(local - offset * 60_000 + Math.round(frac * 1000)).toISOString();
}

/** A birth date (PID-7): the day only, as the HIS wrote it (a time after it is ignored). */
export function hl7Date(text: string, where: string): string {
  const day = text.trim().slice(0, 8);
  if (!/^\d{8}$/.test(day)) throw new HisRefusal('AE', '102', `${where}: '${text}' needs a full date YYYYMMDD`, where);
  wallClock(day, where); // a real day, or refused; no zone: a birth date stays the day it was written
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}
