// Declaring a downtime: a charge nurse for her own ward, the crisis cell (admin) for a ward or
// the whole hospital. Works offline: the episode is saved on the tablet, stamps this tablet's
// entries at once, and reaches the server and the other tablets with the next sync.
import { useRef, useState, type FormEvent } from 'react';
import type { TFunction } from '../../i18n';
import { useTranslation } from '../../i18n';
import { Link, useNavigate } from '../../ui/router';
import { DOWN_SYSTEMS, type DowntimeReason } from '../../../domain/schemas/downtime';
import { DECLARED_REASONS } from '../../../domain/downtime/reason-guides';
import { ReasonGuides } from './ReasonGuides';
import { GLOBAL_SCOPE, unitScope } from '../../../domain/scope';
import { declareDowntime, useSession, useSyncStatus, useUnits, type UnitInfo } from '../../data';
import { focusFirstInvalid, TextArea, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/usePageTitle';
import { localInputValue } from '../../ui/local-time';
import { useWriteAction } from '../../ui/useWriteAction';
import { useActiveWard } from './active-ward';
import { useReasonLabel, useSystemLabel } from './labels';
import { mayWrite } from './permissions';

// An outage is declared once it has begun; a few minutes allow for a tablet clock running fast.
const FUTURE_SLACK_MS = 5 * 60_000;

export function DeclareDowntimePage() {
  const { t } = useTranslation();
  usePageTitle(t('downtime.declare.title'));
  const ward = useActiveWard();
  const units = useUnits();
  const { user } = useSession();

  if (ward === undefined || units === undefined) return <Loading />;
  // A charge nurse sees her own ward(s); the crisis cell every ward of its account, and the hospital.
  const wards = units.filter((u) => mayWrite(user, 'downtime', unitScope(u.code)));
  const mayHospital = mayWrite(user, 'downtime', GLOBAL_SCOPE);
  if (!ward || (wards.length === 0 && !mayHospital)) {
    return (
      <section className="page page--narrow">
        <h1>{t('downtime.declare.title')}</h1>
        <Notice kind="warning">{t('downtime.page.onlyCharge')}</Notice>
      </section>
    );
  }
  const onScreen = wards.some((w) => w.code === ward.code) ? ward.code : (wards[0]?.code ?? 'hospital');
  return <DeclareForm wards={wards} mayHospital={mayHospital} onScreen={onScreen} />;
}

type Problems = { reason?: string; startedAt?: string };

interface FormProps {
  wards: readonly UnitInfo[];
  mayHospital: boolean;
  /** The area chosen until the person picks one: the ward on screen, else her first, else the hospital. */
  onScreen: string;
}

function DeclareForm({ wards, mayHospital, onScreen }: FormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useSyncStatus();
  const { run, busy, error } = useWriteAction();
  const form = useRef<HTMLFormElement>(null);
  // A ward code, or 'hospital'. null: the ward on screen.
  const [area, setArea] = useState<string | null>(null);
  const [startedAt, setStartedAt] = useState(() => localInputValue(new Date()));
  const [reason, setReason] = useState<DowntimeReason | null>(null);
  const [down, setDown] = useState<string[]>([]);
  const [other, setOther] = useState('');
  const [drill, setDrill] = useState(false);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const chosen = area ?? onScreen;
  const chosenArea = chosen === 'hospital' ? 'hospital' : 'unit';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const start = new Date(startedAt);
    const found = checkDeclaration(reason, start, t);
    setProblems(found);
    if (Object.keys(found).length > 0 || !reason) return focusFirstInvalid(form.current);
    const systems = [...down, ...other.split(',').map((s) => s.trim()).filter(Boolean)];
    const ok = await run(async () => {
      await declareDowntime({
        area: chosenArea,
        ...(chosenArea === 'unit' ? { unitCode: chosen } : {}),
        startedAt: start.toISOString(),
        reason,
        down: systems,
        drill,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
    });
    if (ok) navigate('/downtime');
  }

  return (
    <section className="page page--narrow">
      <h1>{t('downtime.declare.title')}</h1>
      {status.online === false && <Notice kind="info" live={false}>{t('downtime.declare.offline')}</Notice>}
      <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <AreaChoice wards={wards} mayHospital={mayHospital} chosen={chosen} onChoose={setArea} />
        <TextField label={t('downtime.declare.startedAt')} hint={t('downtime.declare.startedAtHint')} type="datetime-local"
          value={startedAt} onChange={(e) => setStartedAt(e.target.value)} error={problems.startedAt} required />
        <ReasonChoice reason={reason} error={problems.reason} onChoose={setReason} />
        <ReasonGuides reason={reason} links={false} />
        <DownSystems down={down} onChange={setDown} />
        <TextField label={t('downtime.declare.other')} hint={t('downtime.declare.otherHint')} value={other}
          onChange={(e) => setOther(e.target.value)} maxLength={200} />
        <label className="choice-option choice-option--drill">
          <input type="checkbox" checked={drill} onChange={(e) => setDrill(e.target.checked)} />
          <span>
            <strong>{t('downtime.declare.drill')}</strong>
            <span className="field-hint">{t('downtime.declare.drillHint')}</span>
          </span>
        </label>
        <TextArea label={t('downtime.declare.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        {error && <Notice kind="error">{error}</Notice>}
        <div className="button-row">
          <button type="submit" className="button button--danger" disabled={busy}>
            {busy ? t('downtime.declare.saving') : t('downtime.declare.submit')}
          </button>
          <Link to="/downtime" className="button">{t('confirm.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}

function checkDeclaration(reason: DowntimeReason | null, start: Date, t: TFunction): Problems {
  return {
    ...(reason ? {} : { reason: t('downtime.declare.reasonRequired') }),
    ...(Number.isNaN(start.getTime())
      ? { startedAt: t('downtime.declare.startRequired') }
      : start.getTime() > Date.now() + FUTURE_SLACK_MS
        ? { startedAt: t('downtime.declare.startInFuture') }
        : {}),
  };
}

interface AreaProps {
  wards: readonly UnitInfo[];
  mayHospital: boolean;
  chosen: string;
  onChoose: (area: string) => void;
}

function AreaChoice({ wards, mayHospital, chosen, onChoose }: AreaProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice-group">
      <legend className="field-label">{t('downtime.declare.area')}</legend>
      {wards.map((w) => (
        <label key={w.code} className="choice-option">
          <input type="radio" name="area" checked={chosen === w.code} onChange={() => onChoose(w.code)} />
          {t('downtime.declare.areaUnit', { unit: `${w.code} · ${w.name}` })}
        </label>
      ))}
      {mayHospital && (
        <label className="choice-option">
          <input type="radio" name="area" checked={chosen === 'hospital'} onChange={() => onChoose('hospital')} />
          {t('downtime.declare.areaHospital')}
        </label>
      )}
    </fieldset>
  );
}

function ReasonChoice({ reason, error, onChoose }: { reason: DowntimeReason | null; error: string | undefined; onChoose: (r: DowntimeReason) => void }) {
  const { t } = useTranslation();
  const reasonLabel = useReasonLabel();
  return (
    <fieldset className={error ? 'choice-group field--invalid' : 'choice-group'} aria-invalid={error ? true : undefined} tabIndex={error ? -1 : undefined}>
      <legend className="field-label">{t('downtime.declare.reason')}</legend>
      {error && <p className="field-error">{error}</p>}
      <div className="choice-grid">
        {DECLARED_REASONS.map((r) => (
          <label key={r} className="choice-option">
            <input type="radio" name="reason" checked={reason === r} onChange={() => onChoose(r)} />
            {reasonLabel(r)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function DownSystems({ down, onChange }: { down: string[]; onChange: (down: string[]) => void }) {
  const { t } = useTranslation();
  const systemLabel = useSystemLabel();
  const toggle = (system: string) => onChange(down.includes(system) ? down.filter((s) => s !== system) : [...down, system]);
  return (
    <fieldset className="choice-group">
      <legend className="field-label">{t('downtime.declare.down')}</legend>
      <div className="choice-grid">
        {DOWN_SYSTEMS.map((s) => (
          <label key={s} className="choice-option">
            <input type="checkbox" checked={down.includes(s)} onChange={() => toggle(s)} />
            {systemLabel(s)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
