// Messages from the HIS kept because their ward (PV1-3.1) is not in the mapping table: the
// server acknowledged them and wrote nothing. Per HIS ward code, who is waiting (both patient
// identifiers) and the fix: map the code to a Relève unit here, or with the ward-map command;
// the server then applies them in their order of arrival.
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n';
import type { UnitBody } from '../../../domain/schemas';
import { mapHisWard, useKeptHisMessages, useReference, type KeptMessage, type WardMapAnswer } from '../../data';
import { useFormat } from '../../i18n';
import { Notice } from '../../ui/Notice';
import { BirthLine } from '../../ui/patient';
import { usePageTitle } from '../../ui/usePageTitle';
import { OnlineAnswerNotice } from './OnlineAnswerNotice';
import { SelectField } from './admin-fields';

function byWard(messages: readonly KeptMessage[]): [string, KeptMessage[]][] {
  const groups = new Map<string, KeptMessage[]>();
  for (const m of [...messages].sort((a, b) => a.seq - b.seq)) groups.set(m.ward, [...(groups.get(m.ward) ?? []), m]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b, 'fr', { numeric: true }));
}

function MessageRows({ messages }: { messages: KeptMessage[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const today = new Date();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr><th scope="col">{t('his.kept.patient')}</th><th scope="col">{t('his.kept.event')}</th><th scope="col">{t('his.kept.room')}</th><th scope="col">{t('his.kept.received')}</th></tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.seq}>
              <td>
                <strong>{m.lastName.toUpperCase()} {m.firstName}</strong>
                {m.usedName && <> ({t('his.usedName', { name: m.usedName })})</>}
                <br /><BirthLine patient={m} today={today} /> · {t('patient.ipp', { ipp: m.ipp })}
              </td>
              <td>{m.messageType}<br /><span className="byline">{m.controlId}</span></td>
              <td>{m.room}</td>
              <td>{f.dateTime(m.receivedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MapWard({ ward, onMapped }: { ward: string; onMapped: (done: WardMapAnswer) => void }) {
  const { t } = useTranslation();
  const units = useReference<UnitBody>('unit');
  const [unit, setUnit] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codes = (units ?? []).map((u) => u.body).sort((a, b) => a.code.localeCompare(b.code));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!unit) return setError(t('his.kept.chooseUnit'));
    setBusy(true);
    try {
      onMapped(await mapHisWard(ward, unit));
      setError(null);
    } catch (err) {
      setError(t('his.kept.mapFailed', { reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="kept-map" onSubmit={(e) => void submit(e)} noValidate>
      <SelectField label={t('his.kept.unitFor', { ward })} value={unit} onChange={setUnit} error={error ?? undefined}>
        <option value="">{t('his.kept.choose')}</option>
        {codes.map((u) => <option key={u.code} value={u.code}>{u.code} · {u.name}</option>)}
      </SelectField>
      <button type="submit" className="button button--primary" disabled={busy}>{t('his.kept.mapAndReplay')}</button>
      <p className="field-hint">{t('his.kept.command')} <code>{t('his.kept.commandLine', { ward, unit: unit || t('his.kept.unitPlaceholder') })}</code></p>
    </form>
  );
}

export function KeptHisMessages() {
  const { t } = useTranslation();
  usePageTitle(t('his.kept.title'));
  const kept = useKeptHisMessages();
  const [done, setDone] = useState<WardMapAnswer | null>(null);
  const mapped = (a: WardMapAnswer) => {
    setDone(a);
    if (kept.state === 'ready') kept.reload();
  };
  return (
    <section className="page">
      <h1>{t('his.kept.title')}</h1>
      <Notice kind="info" live={false}>{t('his.kept.what')}</Notice>
      {done && <Notice kind="success">{t('his.kept.done', { ward: done.his, unit: done.unit, count: done.replayed, still: done.stillKept })}</Notice>}
      <OnlineAnswerNotice answer={kept} />
      {kept.state === 'ready' && (kept.answer.messages.length === 0
        ? <p>{t('his.kept.none')}</p>
        : byWard(kept.answer.messages).map(([ward, messages]) => (
          <section key={ward} aria-labelledby={`kept-${ward}`} className="admin-section">
            <h2 id={`kept-${ward}`}>{t('his.kept.ward', { ward, count: messages.length })}</h2>
            <MapWard ward={ward} onMapped={mapped} />
            <MessageRows messages={messages} />
          </section>
        )))}
      {kept.state === 'ready' && kept.answer.wards.length > 0 && (
        <section aria-labelledby="kept-table" className="admin-section">
          <h2 id="kept-table">{t('his.kept.table')}</h2>
          <ul>{kept.answer.wards.map((w) => <li key={w.hisCode}><code>{w.hisCode}</code> → {w.unitCode}</li>)}</ul>
        </section>
      )}
    </section>
  );
}
