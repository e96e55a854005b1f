// The handover round: one patient at a time, in room order, with big previous/next buttons, so
// the two nurses walk the ward together on one tablet. The receiver confirms right here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { handoverAuthors, useAllTemplates, useSession, useTemplates, useUnits, useWardHandover } from '../../data';
import { useDeclareWard } from '../ward/current-ward';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { useFlash } from '../../ui/useFlash';
import { useNow } from '../../ui/useNow';
import { usePageTitle } from '../../ui/usePageTitle';
import { IdentityBanner } from '../patient/IdentityBanner';
import { ResponseView } from '../forms/ResponseView';
import { HandoverSummary } from './HandoverSummary';
import { ReceiverConfirm } from './ReceiverConfirm';

export function HandoverRound() {
  const { t } = useTranslation();
  const params = useParams();
  const unit = params.unit ?? '';
  const position = Math.max(1, Number(params.n ?? '1') || 1);
  const units = useUnits();
  const rows = useWardHandover(unit);
  const templates = useTemplates();
  const allTemplates = useAllTemplates();
  const { user } = useSession();
  const now = useNow();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [flash, showFlash] = useFlash();
  const info = units?.find((u) => u.code === unit);
  useDeclareWard(info ? unit : null);
  usePageTitle(t('handover.roundTitle', { unit }));
  if (units === undefined || rows === undefined) return <Loading />;
  if (!info) return <section className="page"><Notice kind="error">{t('ward.notYourWard', { unit })}</Notice></section>;
  if (rows.length === 0) return <section className="page"><Notice kind="info">{t('ward.noPatients')}</Notice></section>;

  const index = Math.min(position, rows.length) - 1;
  const row = rows[index]!;
  const base = `/ward/${encodeURIComponent(unit)}/handover`;
  const go = (i: number) => {
    setConfirming(null);
    showFlash(null);
    navigate(`${base}/round/${i + 1}`, { replace: true });
  };
  const handoverTemplate = templates?.find((v) => v.kind === 'handover');
  const patientPath = `/patient/${encodeURIComponent(row.patientId)}`;
  // The handover is read with its own template version.
  const template = row.handover && allTemplates?.find((v) => v.canonical === row.handover!.response.questionnaire);
  const isAuthor = !!row.handover && !!user && handoverAuthors(row.handover.doc).has(user.id);

  return (
    <div className="round">
      <nav className="round-nav" aria-label={t('handover.roundNav')}>
        <button type="button" className="button round-step" disabled={index === 0} onClick={() => go(index - 1)}>
          ← {t('handover.previous')}
        </button>
        <p className="round-position" aria-live="polite">{t('handover.position', { n: index + 1, total: rows.length })}</p>
        <button type="button" className="button button--primary round-step" disabled={index === rows.length - 1} onClick={() => go(index + 1)}>
          {t('handover.next')} →
        </button>
      </nav>
      <IdentityBanner key={row.patientId} patient={row.patient} unitName={info.name} today={now} />
      <section className="page round-body">
        {flash && <Notice kind="success">{flash}</Notice>}
        <HandoverSummary handover={row.handover} now={now} large />
        {row.handover && template && (
          <details className="round-full" open>
            <summary>{t('handover.fullText')}</summary>
            <ResponseView template={template.template} response={row.handover.response} />
          </details>
        )}
        {row.handover && confirming === row.handover.doc.docId ? (
          <ReceiverConfirm
            doc={row.handover.doc}
            onDone={(o) => {
              setConfirming(null);
              showFlash(o === 'saved' ? t('handover.confirmed') : null);
            }}
          />
        ) : (
          <div className="button-row round-actions">
            {row.handover && !isAuthor && (
              <button type="button" className="button button--primary" onClick={() => setConfirming(row.handover!.doc.docId)}>
                {t('handover.confirm')}
              </button>
            )}
            {isAuthor && <p className="muted">{t('handover.ownHandover')}</p>}
            {row.handover && (
              <Link className="button" to={`${patientPath}/form/${encodeURIComponent(row.handover.doc.docId)}`}>{t('handover.readFull')}</Link>
            )}
            {handoverTemplate && (
              <Link className="button" to={`${patientPath}/form/new/${encodeURIComponent(handoverTemplate.docId)}`}>{t('handover.newHandover')}</Link>
            )}
            <Link className="button button--quiet" to={base}>{t('handover.exitRound')}</Link>
          </div>
        )}
      </section>
    </div>
  );
}
