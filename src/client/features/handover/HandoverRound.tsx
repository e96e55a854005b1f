// The handover round: one patient at a time, in room order, with big previous/next buttons, so
// the two nurses walk the ward together on one tablet. The receiver confirms right here, with the
// patient's latest note and vitals beside the I-PASS.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { Link, useNavigate, useParams } from '../../ui/router';
import { handoverAuthors, useAllTemplates, useSession, useTemplates, useUnits, useWardHandover } from '../../data';
import { useDeclareWard } from '../ward/current-ward';
import { CheckIcon } from '../../ui/icons';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { useFlash } from '../../ui/useFlash';
import { useNow } from '../../ui/useNow';
import { usePageTitle } from '../../ui/usePageTitle';
import { IdentityBanner } from '../patient/IdentityBanner';
import { ResponseView } from '../forms/ResponseView';
import { HandoverSummary } from './HandoverSummary';
import { ReceiverConfirm } from './ReceiverConfirm';
import { RoundLatest } from './RoundLatest';

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
      <RoundNav index={index} total={rows.length} go={go} exitTo={base} />
      <IdentityBanner key={row.patientId} patient={row.patient} unitName={info.name} today={now} />
      <section className="page round-body">
        {flash && <Notice kind="success">{flash}</Notice>}
        <div className="round-columns">
          <div className="round-ipass">
            <HandoverSummary handover={row.handover} now={now} large />
            {row.handover && template && (
              <details className="round-full" open>
                <summary>{t('handover.fullText')}</summary>
                <ResponseView template={template.template} response={row.handover.response} />
              </details>
            )}
          </div>
          <RoundLatest key={row.patientId} patientId={row.patientId} patientPath={patientPath} />
        </div>
        {row.handover && confirming === row.handover.doc.docId ? (
          <ReceiverConfirm
            doc={row.handover.doc}
            onDone={(o) => {
              setConfirming(null);
              showFlash(o === 'saved' ? t('handover.confirmed') : null);
            }}
          />
        ) : (
          <RoundActions
            handoverId={row.handover?.doc.docId ?? null}
            isAuthor={isAuthor}
            confirmed={(row.handover?.confirmations.length ?? 0) > 0}
            patientPath={patientPath}
            newHandoverTemplateId={handoverTemplate?.docId ?? null}
            onConfirm={setConfirming}
          />
        )}
      </section>
    </div>
  );
}

/**
 * The bar stuck to the bottom edge. "Quitter le tour" lives in it: anything below the body would
 * slide under the bar while the round scrolls, and leaving must never be hidden.
 */
function RoundNav({ index, total, go, exitTo }: { index: number; total: number; go: (i: number) => void; exitTo: string }) {
  const { t } = useTranslation();
  return (
    <nav className="round-nav" aria-label={t('handover.roundNav')}>
      <button type="button" className="button round-step" disabled={index === 0} onClick={() => go(index - 1)}>
        ← {t('handover.previous')}
      </button>
      <div className="round-middle">
        <p className="round-position" aria-live="polite">{t('handover.position', { n: index + 1, total })}</p>
        <Link className="button button--quiet round-exit" to={exitTo}>{t('handover.exitRound')}</Link>
      </div>
      <button type="button" className="button button--primary round-step" disabled={index === total - 1} onClick={() => go(index + 1)}>
        {t('handover.next')} →
      </button>
    </nav>
  );
}

interface ActionsProps {
  /** The patient's latest handover, if any. */
  handoverId: string | null;
  isAuthor: boolean;
  /** A receiver has confirmed it: the button gives way to a done state. */
  confirmed: boolean;
  patientPath: string;
  newHandoverTemplateId: string | null;
  onConfirm: (handoverId: string) => void;
}

function RoundActions({ handoverId, isAuthor, confirmed, patientPath, newHandoverTemplateId, onConfirm }: ActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="button-row round-actions">
      {handoverId && confirmed && (
        <span className="round-done" role="status">
          <CheckIcon /> {t('handover.roundDone')}
        </span>
      )}
      {handoverId && !isAuthor && !confirmed && (
        <button type="button" className="button button--primary" onClick={() => onConfirm(handoverId)}>
          {t('handover.confirm')}
        </button>
      )}
      {isAuthor && <p className="muted">{t('handover.ownHandover')}</p>}
      {handoverId && (
        <Link className="button" to={`${patientPath}/form/${encodeURIComponent(handoverId)}`}>{t('handover.readFull')}</Link>
      )}
      {newHandoverTemplateId && (
        <Link className="button" to={`${patientPath}/form/new/${encodeURIComponent(newHandoverTemplateId)}`}>{t('handover.newHandover')}</Link>
      )}
    </div>
  );
}
