import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { entrySchema, type Entry, type UnsignedEntry } from '../../src/domain/entry';
import { canonicalJson, hashEntry, hashedContent, hashMatches, sealEntry, sha256Hex } from '../../src/domain/hash';
import { asAccepted, makeCreate, noteBody } from './fixtures';

/** The expected value, computed with Node's own SHA-256 rather than WebCrypto. */
const nodeSha256 = (text: string) => 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex');

const ID = '01890a5d-ac96-774b-bcce-b302099a8057';
const DOC = '01890a5d-ac96-774b-bcce-b302099a8000';
const PATIENT = '01890a5d-ac96-774b-bcce-b30209900001';
const DOWNTIME = '01890a5d-ac96-774b-bcce-b30209900002';

function fixedEntry(body: unknown = { target: 'Douleur', data: 'EVA 6/10 à 14h', actions: 'Paracétamol 1 g', results: '' }): UnsignedEntry {
  return {
    id: ID,
    docId: DOC,
    docType: 'note',
    kind: 'create',
    parents: [],
    scope: 'unit:CARDIO',
    patientId: PATIENT,
    body,
    author: { userId: 'u1', name: 'Zoé Lefèvre', role: 'nurse' },
    deviceId: 'tab-cardio-1',
    deviceSeq: 1,
    createdAt: '2026-02-09T14:05:00.000Z',
  };
}

/** The canonical JSON of fixedEntry, written out by hand: keys sorted, no spaces, raw UTF-8. */
function fixedCanonical(bodyJson: string): string {
  return (
    '{"author":{"name":"Zoé Lefèvre","role":"nurse","userId":"u1"},' +
    `"body":${bodyJson},` +
    '"createdAt":"2026-02-09T14:05:00.000Z","deviceId":"tab-cardio-1","deviceSeq":1,' +
    `"docId":"${DOC}","docType":"note","id":"${ID}","kind":"create","parents":[],` +
    `"patientId":"${PATIENT}","scope":"unit:CARDIO"}`
  );
}

const HEX64 = /^sha256:[0-9a-f]{64}$/;

describe('hashEntry', () => {
  it("is 'sha256:' followed by 64 lowercase hex digits", async () => {
    const h = await hashEntry(fixedEntry());
    expect(h).toMatch(HEX64);
  });

  it('is the SHA-256 of the RFC 8785 canonical JSON of the hashed fields', async () => {
    const expected = fixedCanonical('{"actions":"Paracétamol 1 g","data":"EVA 6/10 à 14h","results":"","target":"Douleur"}');
    expect(canonicalJson(hashedContent(fixedEntry()))).toBe(expected);
    expect(await hashEntry(fixedEntry())).toBe(nodeSha256(expected));
  });

  it('agrees with node:crypto on the raw digest', async () => {
    for (const text of ['', 'abc', 'Relève — 🏥', 'x'.repeat(10_000)]) {
      expect('sha256:' + (await sha256Hex(text))).toBe(nodeSha256(text));
    }
  });

  it('does not depend on the order keys were written in, at any depth', async () => {
    const e = fixedEntry({ target: 'Chute', data: 'au lever', actions: 'relevée', results: 'pas de plaie' });
    const reversed = Object.fromEntries(Object.entries(e).reverse()) as unknown as UnsignedEntry;
    reversed.body = { results: 'pas de plaie', actions: 'relevée', data: 'au lever', target: 'Chute' };
    reversed.author = { role: 'nurse', name: 'Zoé Lefèvre', userId: 'u1' };
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(e));
    expect(await hashEntry(reversed)).toBe(await hashEntry(e));
  });

  it('formats numbers the ECMAScript way (1.0 -> 1, 1e21 -> 1e+21, -0 -> 0)', async () => {
    const body = { dose: 1.0, big: 1e21, small: 1e-7, neg: -0, frac: 0.1, max: 9007199254740991, third: 1 / 3 };
    const expectedBody = '{"big":1e+21,"dose":1,"frac":0.1,"max":9007199254740991,"neg":0,"small":1e-7,"third":0.3333333333333333}';
    expect(canonicalJson(body)).toBe(expectedBody);
    expect(await hashEntry(fixedEntry(body))).toBe(nodeSha256(fixedCanonical(expectedBody)));
  });

  it('matches the RFC 8785 examples (numbers, string escapes, literals)', () => {
    // RFC 8785, section 3.2.2.
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 requires', () => {
    // RFC 8785, section 3.2.3: the emoji (a surrogate pair, 0xD83D...) sorts before U+FB33.
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const order = [...canonicalJson(input).matchAll(/"([^"]*)":"/g)].map((m) => m[1]);
    expect(order).toEqual(['\\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it('hashes unicode text as raw UTF-8, not as \\u escapes', async () => {
    const body = { target: 'Allergie 🐝 piqûre', data: 'Ärger ñ 中文', actions: '', results: '' };
    const expectedBody = '{"actions":"","data":"Ärger ñ 中文","results":"","target":"Allergie 🐝 piqûre"}';
    expect(canonicalJson(body)).toBe(expectedBody);
    expect(await hashEntry(fixedEntry(body))).toBe(nodeSha256(fixedCanonical(expectedBody)));
  });

  it('canonicalises nested objects and arrays, keeping array order', async () => {
    const body = { z: [{ b: 2, a: 1 }, [3, { d: { f: null, e: true } }]], a: { y: 'y', x: 'x' } };
    const expectedBody = '{"a":{"x":"x","y":"y"},"z":[{"a":1,"b":2},[3,{"d":{"e":true,"f":null}}]]}';
    expect(canonicalJson(body)).toBe(expectedBody);
    expect(await hashEntry(fixedEntry(body))).toBe(nodeSha256(fixedCanonical(expectedBody)));
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow();
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});

describe('optional fields', () => {
  it('leaves absent patientId and downtimeId out of the hashed content, never as null', () => {
    const { patientId: _omit, ...noPatient } = fixedEntry();
    const content = hashedContent(noPatient);
    expect(Object.keys(content)).not.toContain('patientId');
    expect(Object.keys(content)).not.toContain('downtimeId');
    expect(canonicalJson(content)).not.toContain('null');
    expect(canonicalJson(content)).toBe(
      fixedCanonical('{"actions":"Paracétamol 1 g","data":"EVA 6/10 à 14h","results":"","target":"Douleur"}').replace(
        `"patientId":"${PATIENT}",`,
        '',
      ),
    );
  });

  it('treats a field set to undefined exactly like a missing field', async () => {
    const { patientId: _omit, ...noPatient } = fixedEntry();
    const withUndefined: UnsignedEntry = { ...fixedEntry(), patientId: undefined, downtimeId: undefined };
    expect(await hashEntry(withUndefined)).toBe(await hashEntry(noPatient));
    // ...and the hash survives the trip through JSON, which drops undefined keys.
    expect(await hashEntry(JSON.parse(JSON.stringify(withUndefined)) as UnsignedEntry)).toBe(await hashEntry(noPatient));
  });

  it('includes downtimeId when it is present', async () => {
    const e = { ...fixedEntry(), downtimeId: DOWNTIME };
    const canon = canonicalJson(hashedContent(e));
    expect(canon).toContain(`"downtimeId":"${DOWNTIME}"`);
    // Sorted by code unit: ...docId, docType, downtimeId, id...
    expect(canon).toContain(`"docType":"note","downtimeId":"${DOWNTIME}","id":"${ID}"`);
    expect(await hashEntry(e)).toBe(nodeSha256(canon));
  });
});

describe('fields the hash does not cover', () => {
  it('ignores serverSeq, receivedAt and the hash itself', async () => {
    const sealed = await sealEntry(fixedEntry());
    const stamped: Entry = { ...asAccepted(sealed, 42), hash: 'sha256:' + '0'.repeat(64) };
    expect(await hashEntry(stamped)).toBe(sealed.hash);
    expect(hashedContent(stamped)).toEqual(hashedContent(fixedEntry()));
  });
});

describe('every hashed field counts', () => {
  type Mutation = [string, (e: UnsignedEntry) => UnsignedEntry];
  const mutations: Mutation[] = [
    ['id', (e) => ({ ...e, id: '01890a5d-ac96-774b-bcce-b302099a8058' })],
    ['docId', (e) => ({ ...e, docId: '01890a5d-ac96-774b-bcce-b302099a8001' })],
    ['docType', (e) => ({ ...e, docType: 'form' })],
    ['kind', (e) => ({ ...e, kind: 'amend' })],
    ['parents (added)', (e) => ({ ...e, parents: [DOC] })],
    ['parents (order)', (e) => ({ ...e, parents: [DOC, ID] })],
    ['scope', (e) => ({ ...e, scope: 'unit:NEURO' })],
    ['patientId (changed)', (e) => ({ ...e, patientId: DOWNTIME })],
    ['patientId (removed)', ({ patientId: _p, ...e }) => e],
    ['body (top level)', (e) => ({ ...e, body: { ...(e.body as object), results: 'soulagé' } })],
    ['body (type of a value)', (e) => ({ ...e, body: { ...(e.body as object), results: 0 } })],
    ['author.userId', (e) => ({ ...e, author: { ...e.author, userId: 'u2' } })],
    ['author.name', (e) => ({ ...e, author: { ...e.author, name: 'Zoe Lefevre' } })],
    ['author.role', (e) => ({ ...e, author: { ...e.author, role: 'admin' } })],
    ['deviceId', (e) => ({ ...e, deviceId: 'tab-cardio-2' })],
    ['deviceSeq', (e) => ({ ...e, deviceSeq: 2 })],
    ['createdAt', (e) => ({ ...e, createdAt: '2026-02-09T14:05:00.001Z' })],
    ['downtimeId (added)', (e) => ({ ...e, downtimeId: DOWNTIME })],
  ];

  it.each(mutations)('changing %s changes the hash', async (_name, mutate) => {
    const base = fixedEntry();
    expect(await hashEntry(mutate(base))).not.toBe(await hashEntry(base));
  });

  it('changing the order of parents changes the hash (parents are a list)', async () => {
    const a = { ...fixedEntry(), kind: 'resolve' as const, parents: [DOC, PATIENT] };
    const b = { ...a, parents: [PATIENT, DOC] };
    expect(await hashEntry(a)).not.toBe(await hashEntry(b));
  });

  it('any change of a body string changes the hash (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (x, y) => {
        fc.pre(x !== y);
        const a = await hashEntry(fixedEntry({ target: x }));
        const b = await hashEntry(fixedEntry({ target: y }));
        return a !== b;
      }),
      { numRuns: 100 },
    );
  });

  it('survives a JSON round trip and key reshuffling for any JSON body (property)', async () => {
    const reorder = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(reorder);
      if (v !== null && typeof v === 'object') {
        return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reorder(x)]));
      }
      return v;
    };
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const e = fixedEntry(body);
        const wire = JSON.parse(JSON.stringify({ ...e, body: reorder(body) })) as UnsignedEntry;
        return (await hashEntry(wire)) === (await hashEntry(e));
      }),
      { numRuns: 100 },
    );
  });
});

describe('sealEntry and hashMatches', () => {
  it('seals an entry that passes the wire schema and matches its own hash', async () => {
    const e = await makeCreate(noteBody({ target: 'Douleur', data: 'EVA 4' }));
    expect(e.hash).toMatch(HEX64);
    expect(entrySchema.safeParse(e).success).toBe(true);
    expect(await hashMatches(e)).toBe(true);
    expect(await hashMatches(asAccepted(e, 7))).toBe(true);
  });

  it('detects tampering with the content', async () => {
    const e = await makeCreate(noteBody({ target: 'Douleur', data: 'EVA 4' }));
    expect(await hashMatches({ ...e, body: noteBody({ target: 'Douleur', data: 'EVA 2' }) })).toBe(false);
    expect(await hashMatches({ ...e, author: { ...e.author, name: 'Quelqu’un d’autre' } })).toBe(false);
    expect(await hashMatches({ ...e, deviceSeq: e.deviceSeq + 1 })).toBe(false);
    expect(await hashMatches({ ...e, scope: 'unit:NEURO' })).toBe(false);
    const { patientId: _p, ...unlinked } = e;
    expect(await hashMatches(unlinked)).toBe(false);
  });

  it('detects a forged or damaged hash', async () => {
    const e = await makeCreate(noteBody({ target: 'Douleur', data: 'EVA 4' }));
    const flipped = e.hash.slice(0, -1) + (e.hash.endsWith('0') ? '1' : '0');
    expect(await hashMatches({ ...e, hash: flipped })).toBe(false);
    expect(await hashMatches({ ...e, hash: e.hash.toUpperCase() })).toBe(false);
    expect(await hashMatches({ ...e, hash: e.hash.slice('sha256:'.length) })).toBe(false);
  });
});
