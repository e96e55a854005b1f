// The demo hospital's downtime content: enough procedures, contacts and call trees for a ward
// to rehearse with, seeded through the real write path and readable by every nurse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Entry } from '../../src/domain/entry';
import type { ProcedureBody } from '../../src/domain/schemas/procedure';
import type { ContactBody } from '../../src/domain/schemas/contact';
import type { CallTreeBody } from '../../src/domain/schemas/calltree';
import { bodyProblem } from '../../src/domain/schemas';
import type { Store } from '../../src/server/store/open-store';
import { closeAll, login, pullAll, SEED_NOW, testApp } from './helpers';

let app: FastifyInstance;
let store: Store;
let entries: Entry[];
const bodies = <T>(type: string) => entries.filter((e) => e.docType === type).map((e) => e.body as T);

beforeAll(async () => {
  ({ app, store } = await testApp());
  entries = await pullAll(app, await login(app, 'demo-nurse'));
});
afterAll(async () => closeAll(app, store));

describe('the seeded procedures', () => {
  it('has at least 14 French fiches, each with an English translation of the same steps', () => {
    const fr = bodies<ProcedureBody>('procedure').filter((p) => p.lang === 'fr');
    const en = bodies<ProcedureBody>('procedure').filter((p) => p.lang === 'en');
    expect(fr.length).toBeGreaterThanOrEqual(14);
    for (const p of fr) {
      const t = en.find((x) => x.code === p.code);
      expect(t, p.code).toBeDefined();
      expect(t!.steps.map((s) => s.checklist)).toEqual(p.steps.map((s) => s.checklist));
    }
  });

  it('covers every topic of the downtime plan', () => {
    const titles = bodies<ProcedureBody>('procedure').filter((p) => p.lang === 'fr').map((p) => p.title).join('\n');
    for (const topic of [
      /dossier patient.*papier/i, /standard/i, /réseau/i, /cyberattaque/i, /médicaments/i, /laboratoire.*(téléphone|coursier)/i,
      /imagerie/i, /transfusion/i, /identifiant provisoire/i, /transfert/i, /stérilisation.*bloc/i,
      /chimiothérapies.*radiothérapie/i, /cellule de crise.*communication/i, /reprise.*saisie a posteriori/i,
    ]) expect(titles).toMatch(topic);
  });

  it('tells the ward, in the cyberattack fiche, to isolate devices and who reports to the ARS and CERT Santé', () => {
    const cyber = bodies<ProcedureBody>('procedure').find((p) => p.lang === 'fr' && /cyberattaque/i.test(p.title))!;
    const text = cyber.steps.map((s) => s.text).join('\n');
    expect(text).toMatch(/Débrancher le câble réseau/);
    expect(text).toMatch(/ARS/);
    expect(text).toMatch(/CERT Santé/);
    expect(text).toMatch(/informaticien d’astreinte/);
  });

  it('has a switchboard-down fiche with checklist steps, and some fiches overdue for review', () => {
    const sw = bodies<ProcedureBody>('procedure').find((p) => p.lang === 'fr' && p.title === 'Panne du standard téléphonique')!;
    expect(sw.steps.filter((s) => s.checklist).length).toBeGreaterThanOrEqual(4);
    const today = SEED_NOW.toISOString().slice(0, 10);
    const overdue = bodies<ProcedureBody>('procedure').filter((p) => p.lang === 'fr' && p.nextReviewAt < today);
    expect(overdue.length).toBe(2);
  });
});

describe('the seeded directory', () => {
  it('has at least 40 contacts, every ward of the demo hospital among them', () => {
    const contacts = bodies<ContactBody>('contact');
    expect(contacts.length).toBeGreaterThanOrEqual(40);
    for (const code of ['MED', 'CHIR', 'URG', 'ONCO']) expect(contacts.some((c) => c.unitCode === code), code).toBe(true);
  });

  it('names the people a ward calls in downtime, with phones that bypass the switchboard', () => {
    const contacts = bodies<ContactBody>('contact');
    const names = contacts.map((c) => c.name).join('\n');
    for (const who of [/Médecin de garde/, /Cadre de santé de garde/, /Administrateur de garde/, /Pharmacien d’astreinte/,
      /Laboratoire/, /Radiologie/, /Bloc opératoire/, /Stérilisation/, /sécurité/i, /Informaticien d’astreinte/,
      /Cellule de crise/, /SAMU/, /Ambulances/]) expect(names).toMatch(who);
    const kinds = new Set(contacts.flatMap((c) => c.phones.map((p) => p.kind)));
    expect([...kinds].sort()).toEqual(['dect', 'landline', 'mobile', 'radio', 'runner']);
    const pharmacist = contacts.find((c) => c.name === 'Pharmacien d’astreinte')!;
    expect(pharmacist.onCall).toBe(true);
  });

  it('has the cyberattack and total phone loss call trees, naming contacts that exist', () => {
    const trees = bodies<CallTreeBody>('calltree');
    expect(trees.filter((t) => t.lang === 'fr').map((t) => t.event).sort()).toEqual(['cyberattack', 'phone-loss']);
    const contactIds = new Set(entries.filter((e) => e.docType === 'contact').map((e) => e.docId));
    for (const t of trees) for (const s of t.steps) expect(contactIds.has(s.contactId)).toBe(true);
  });

  it('is valid global content written by the admin from the seed device', () => {
    for (const e of entries.filter((x) => ['procedure', 'contact', 'calltree'].includes(x.docType))) {
      expect(e.scope).toBe('global');
      expect(e.author.role).toBe('admin');
      expect(bodyProblem(e)).toBeNull();
    }
  });
});
