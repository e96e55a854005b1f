import { useFormat } from '../i18n';

/** An instant as the ward reads it, with the machine value kept in <time dateTime>. */
export function Timestamp({ iso }: { iso: string }) {
  const f = useFormat();
  return <time dateTime={iso}>{f.dateTime(iso)}</time>;
}

/**
 * The last characters of a device id: enough to tell the ward's tablets apart. The end, not the
 * start: a UUIDv7 starts with its creation time, so tablets set up together share a prefix.
 */
export function shortDeviceId(deviceId: string): string {
  return deviceId.length > 8 ? deviceId.slice(-8) : deviceId;
}
