// A datetime-local input speaks the tablet's local time without a zone ("2026-02-09T03:10");
// entries store instants with their offset. These two convert between them.

/** The value of a datetime-local input for an instant, in the tablet's time zone. */
export function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a datetime-local value names on this tablet, as ISO; '' when empty or not a time. */
export function instantOfLocalInput(value: string): string {
  const d = new Date(value);
  return value === '' || Number.isNaN(d.getTime()) ? '' : d.toISOString();
}
