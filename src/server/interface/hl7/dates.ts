// HL7 v2.5 DTM (YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]) read strictly: a date that is not
// a real date is refused, never guessed (the library's own parser turns 20261345 into 2027-02-14).
// A time without an offset is the hospital's local time (RELEVE_HIS_TIMEZONE, Europe/Paris).
import { HisRefusal } from '../events';

const DTM = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.(\d{1,4}))?([+-]\d{4})?$/;

const HIS_TIMEZONE = process.env.RELEVE_HIS_TIMEZONE || 'Europe/Paris';

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of a zone at a UTC instant, in minutes east of UTC. */
function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
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

export function hl7DateTime(text: string, where: string): string {
  const m = DTM.exec(text.trim());
  if (!m) throw new HisRefusal('AE', '102', `${where}: '${text}' is not an HL7 date/time`, where);
  const [y, mo = '01', d = '01', h = '00', mi = '00', s = '00'] = m.slice(1, 7) as string[];
  const frac = Number(`0.${m[7] ?? '0'}`);
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(local);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw new HisRefusal('AE', '102', `${where}: '${text}' is not a real date/time`, where);
  }
  const tz = m[8];
  const offset = tz ? (tz[0] === '-' ? -1 : 1) * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(3, 5))) : zoneOffsetMinutes(local, HIS_TIMEZONE);
  return new Date(local - offset * 60_000 + Math.round(frac * 1000)).toISOString();
}

/** A birth date (PID-7): the day only, as the HIS wrote it (a time after it is ignored). */
export function hl7Date(text: string, where: string): string {
  const day = text.trim().slice(0, 8);
  if (!/^\d{8}$/.test(day)) throw new HisRefusal('AE', '102', `${where}: '${text}' needs a full date YYYYMMDD`, where);
  hl7DateTime(day, where); // a real day, or refused
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
}
