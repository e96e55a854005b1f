// Temporary identities merged: every temporary (TMP-…) patient this tablet holds, what each is
// linked to (by whom, when), linking one to the real patient, and undoing a wrong link with a
// reason. Two contradicting links are shown as such: neither applies until a person undoes one.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import { displayName } from '../../../domain/patient-identity';
import type { DocState } from '../../../domain/project';
import { unlinkPatient, usePatientLinks, type LinksView, type TemporaryPatient } from '../../data';
import { useFormat } from '../../i18n';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { usePageTitle } from '../../ui/usePageTitle';
import { useWriteAction } from '../../ui/useWriteAction';
import { LinkChooser } from './LinkChooser';

function UndoLink({ doc }: { doc: DocState }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const save = useWriteAction();
  return (
    <div className="mark-form">
      <label className="field field--inline">
        <span className="field-label">{t('recovery.link.undoReason')}</span>
        <input className="input" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      </label>
      {save.error && <Notice kind="error">{save.error}</Notice>}
      <button type="button" className="button button--danger" disabled={save.busy || reason.trim() === ''}
        onClick={() => void save.run(() => unlinkPatient(doc, reason.trim()))}>
        {t('recovery.link.undo')}
      </button>
    </div>
  );
}

function TemporaryRow({ tmp, census }: { tmp: TemporaryPatient; census: LinksView['census'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [choosing, setChoosing] = useState(false);
  const p = tmp.patient;
  return (
    <li className="link-row" data-patient={tmp.patientId}>
      <p>
        <Link to={`/patient/${tmp.patientId}`}><strong>{displayName(p)}</strong></Link> · {f.date(p.birthDate)} · {t('patient.ipp', { ipp: p.ipp })}
        <span className="muted"> · {p.unitCode} {p.room}</span>
      </p>
      {tmp.link && (
        <p className="link-state">
          {t('recovery.link.linkedTo', { name: tmp.link.body.into.name, ipp: tmp.link.body.into.ipp, by: tmp.link.linkedBy.name, at: f.dateTime(tmp.link.linkedBy.at) })}
        </p>
      )}
      {tmp.ambiguous.length > 0 && <Notice kind="error" live={false}>{t('recovery.link.ambiguous', { list: tmp.ambiguous.map((l) => l.body.into.ipp).join(', ') })}</Notice>}
      {tmp.linkDocs.map((d) => <UndoLink key={d.docId} doc={d} />)}
      {tmp.linkDocs.length === 0 && !choosing && (
        <button type="button" className="button button--primary" onClick={() => setChoosing(true)}>{t('recovery.link.start')}</button>
      )}
      {choosing && <LinkChooser merged={tmp} census={census} onDone={() => setChoosing(false)} />}
    </li>
  );
}

export function LinkPage() {
  const { t } = useTranslation();
  const view = usePatientLinks();
  usePageTitle(t('recovery.link.title'));
  return (
    <section className="page recovery-page">
      <h1>{t('recovery.link.title')}</h1>
      <p>{t('recovery.link.intro')}</p>
      {!view ? <Loading /> : view.temporary.length === 0 ? <Notice kind="info" live={false}>{t('recovery.link.none')}</Notice> : (
        <ul className="link-list">
          {view.temporary.map((tmp) => <TemporaryRow key={tmp.patientId} tmp={tmp} census={view.census} />)}
        </ul>
      )}
    </section>
  );
}
