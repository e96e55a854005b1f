// The demo prescriptions: what a pharmacy system would have sent for each demo patient, per ward.
// Every ward has an anticoagulant and an antibiotic every 8 h somewhere, medicine has insulin and
// the oncology day hospital its chemotherapy, so the patient page and the printed MAR show the
// real thing. Deterministic for a given seed and `now`.
import type { MedicationOrderBody } from '../../domain/schemas';
import type { Prng } from './prng';

type Template = Omit<MedicationOrderBody, 'orderId' | 'start' | 'status' | 'prescriber'>;

const PARACETAMOL: Template = { drug: 'Paracétamol', dose: '1', doseUnit: 'g', route: 'PO', frequency: '4 fois par jour', times: ['00:00', '06:00', '12:00', '18:00'] };
const ENOXAPARINE: Template = { drug: 'Énoxaparine (Lovenox)', dose: '4000', doseUnit: 'UI', route: 'SC', frequency: '1 fois par jour', times: ['20:00'] };
const INSULINE: Template = { drug: 'Insuline asparte (NovoRapid)', dose: '6', doseUnit: 'UI', route: 'SC', frequency: 'avant chaque repas', times: ['07:30', '11:30', '18:30'] };
const INSULINE_LENTE: Template = { drug: 'Insuline glargine (Lantus)', dose: '18', doseUnit: 'UI', route: 'SC', frequency: '1 fois par jour', times: ['22:00'] };
const AMOX_CLAV: Template = { drug: 'Amoxicilline + acide clavulanique', dose: '1', doseUnit: 'g', route: 'IV', frequency: 'toutes les 8 h', times: ['06:00', '14:00', '22:00'] };
const CEFAZOLINE: Template = { drug: 'Céfazoline', dose: '2', doseUnit: 'g', route: 'IV', frequency: 'toutes les 8 h', times: ['06:00', '14:00', '22:00'] };
const FUROSEMIDE: Template = { drug: 'Furosémide', dose: '40', doseUnit: 'mg', route: 'PO', frequency: '1 fois par jour', times: ['08:00'] };
const MORPHINE: Template = { drug: 'Morphine', dose: '5', doseUnit: 'mg', route: 'SC', frequency: 'si douleur EVA > 4, toutes les 4 h max', times: [], prn: true };
const CEFTRIAXONE: Template = { drug: 'Ceftriaxone', dose: '1', doseUnit: 'g', route: 'IV', frequency: '1 fois par jour', times: ['10:00'] };
const APIXABAN: Template = { drug: 'Apixaban (Eliquis)', dose: '5', doseUnit: 'mg', route: 'PO', frequency: '2 fois par jour', times: ['08:00', '20:00'] };
const OXALIPLATINE: Template = { drug: 'Oxaliplatine (FOLFOX, cycle 3)', dose: '150', doseUnit: 'mg', route: 'IV', frequency: 'perfusion de 2 h, J1', times: ['10:00'], comment: 'Chimiothérapie : vérifier le bilan du jour et la double signature avant la pose' };
const ONDANSETRON: Template = { drug: 'Ondansétron', dose: '8', doseUnit: 'mg', route: 'IV', frequency: '30 min avant la chimiothérapie', times: ['09:30'] };
const DEXAMETHASONE: Template = { drug: 'Dexaméthasone', dose: '8', doseUnit: 'mg', route: 'IV', frequency: '30 min avant la chimiothérapie', times: ['09:30'] };

const PRESCRIBERS = ['Dr Hélène Moreau', 'Dr Karim Benali', 'Dr Anne Kervella', 'Dr Paul Giraud', 'Dr Inès Da Silva'];

/** The ward's usual orders, and the ones a few of its patients get. */
const WARD_ORDERS: Record<string, { always: Template[]; some: [Template, number][] }> = {
  MED: { always: [PARACETAMOL, ENOXAPARINE], some: [[INSULINE, 0.45], [INSULINE_LENTE, 0.3], [AMOX_CLAV, 0.4], [FUROSEMIDE, 0.3]] },
  CHIR: { always: [PARACETAMOL, ENOXAPARINE], some: [[CEFAZOLINE, 0.5], [MORPHINE, 0.5], [INSULINE, 0.15]] },
  URG: { always: [PARACETAMOL], some: [[CEFTRIAXONE, 0.3], [AMOX_CLAV, 0.3], [APIXABAN, 0.2], [MORPHINE, 0.3]] },
  ONCO: { always: [OXALIPLATINE, ONDANSETRON, DEXAMETHASONE], some: [[APIXABAN, 0.2]] },
};

export function demoPrescriptions(unitCode: string, ipp: string, prng: Prng, now: Date): MedicationOrderBody[] {
  const plan = WARD_ORDERS[unitCode] ?? { always: [PARACETAMOL], some: [] };
  const chosen = [...plan.always, ...plan.some.filter(([, p]) => prng.chance(p)).map(([t]) => t)];
  const prescriber = prng.pick(PRESCRIBERS);
  const start = new Date(now.getTime() - prng.int(2, 72) * 3_600_000);
  start.setUTCMinutes(0, 0, 0);
  const orders: MedicationOrderBody[] = chosen.map((t, i) => ({
    ...t,
    orderId: `${ipp}-RX${String(i + 1).padStart(2, '0')}`,
    start: start.toISOString(),
    prescriber,
    status: 'active',
    hisEventAt: start.toISOString(),
  }));
  // Some patients have a stopped order too: the patient page folds it away, the MAR leaves it out.
  if (unitCode !== 'ONCO' && prng.chance(0.35)) {
    const stoppedAt = new Date(now.getTime() - prng.int(1, 20) * 3_600_000).toISOString();
    orders.push({ ...CEFTRIAXONE, orderId: `${ipp}-RX${String(orders.length + 1).padStart(2, '0')}`, start: start.toISOString(), stop: stoppedAt, prescriber, status: 'stopped', hisEventAt: stoppedAt });
  }
  return orders;
}
