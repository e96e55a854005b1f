import { describe, expect, it } from 'vitest';
import { parseQrPayload, qrPayloadText, SHEET_CANONICALS } from '../../src/domain/print/qr-payload';

describe('QR payload', () => {
  it('is exactly {t, p, d, u} in that order', () => {
    const text = qrPayloadText({ u: 'MED', d: null, p: '0190a1b2-0000-7000-8000-000000000001', t: 'https://x/Q/vital-signs|1.0.0' });
    expect(text).toBe('{"t":"https://x/Q/vital-signs|1.0.0","p":"0190a1b2-0000-7000-8000-000000000001","d":null,"u":"MED"}');
    expect(Object.keys(JSON.parse(text))).toEqual(['t', 'p', 'd', 'u']);
  });

  it('stays ASCII, and the same JSON once parsed', () => {
    const payload = { t: 'https://hôpital.example/Q/relève|2', p: null, d: null, u: 'MED' };
    const text = qrPayloadText(payload);
    expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
    expect(JSON.parse(text)).toEqual(payload);
    expect(parseQrPayload(text)).toEqual(payload);
  });

  it('refuses what is not one of ours', () => {
    expect(parseQrPayload('hello')).toBeNull();
    expect(parseQrPayload('{"t":"no-version","p":null,"d":null,"u":"MED"}')).toBeNull();
    expect(parseQrPayload('{"t":"a|1","p":null,"d":null,"u":"MED","x":1}')).toBeNull();
  });

  it('names the kit sheets that are not forms with a url|version too', () => {
    for (const c of Object.values(SHEET_CANONICALS)) expect(parseQrPayload(qrPayloadText({ t: c, p: null, d: null, u: 'MED' }))?.t).toBe(c);
  });
});
