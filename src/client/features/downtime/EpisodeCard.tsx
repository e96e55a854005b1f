// One downtime episode as the ward reads it: what, since when, declared by whom; who ended it;
// a conflict between two tablets shown version by version for a person to settle.
import { useState } from 'react';
import { useAuthorName } from '../../ui/author-name';
import { useTranslation } from '../../i18n';
import type { DowntimeBody } from '../../../domain/schemas/downtime';
import { endDowntime, keepEpisodeVersion, useSession, type EpisodeView } from '../../data';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Notice } from '../../ui/Notice';
import { Timestamp } from '../../ui/Timestamp';
import { useWriteAction } from '../../ui/useWriteAction';
import { mayWrite } from './permissions';
import { ReasonGuides } from './ReasonGuides';
import { useDuration, useReasonLabel, useSystemLabel } from './labels';

function Facts({ body, now }: { body: DowntimeBody; now: Date }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const reason = useReasonLabel();
  const system = useSystemLabel();
  return (
    <dl className="facts episode-facts">
      <div>
        <dt>{t('downtime.page.reason')}</dt>
        <dd>{reason(body.reason)}</dd>
      </div>
      <div>
        <dt>{t('downtime.page.area')}</dt>
        <dd>{body.area === 'hospital' ? t('downtime.banner.hospital') : t('downtime.banner.unit', { unit: body.unitCode })}</dd>
      </div>
      <div>
        <dt>{t('downtime.page.started')}</dt>
        <dd>
          <Timestamp iso={body.startedAt} />
          {!body.endedAt && <> ({duration(body.startedAt, now)})</>}
        </dd>
      </div>
      <div>
        <dt>{t('downtime.page.down')}</dt>
        <dd>{body.down.length ? body.down.map(system).join(', ') : t('downtime.page.downNone')}</dd>
      </div>
      {body.note && (
        <div>
          <dt>{t('downtime.page.note')}</dt>
          <dd>{body.note}</dd>
        </div>
      )}
      {body.endedAt && body.endedBy && (
        <div>
          <dt>{t('downtime.page.ended')}</dt>
          <dd>
            {t('downtime.page.endedBy', { name: body.endedBy.name })}, <Timestamp iso={body.endedAt} />
          </dd>
        </div>
      )}
    </dl>
  );
}

export function EpisodeCard({ ep, now }: { ep: EpisodeView; now: Date }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  const { user } = useSession();
  const { run, busy, error } = useWriteAction();
  const [confirming, setConfirming] = useState(false);
  const canEnd = mayWrite(user, 'downtime', ep.scope);
  const title = ep.inForce ? t('downtime.page.inForceTitle') : t('downtime.page.endedTitle');

  return (
    <article className={`episode${ep.inForce ? ' episode--live' : ''}${ep.body.drill ? ' episode--drill' : ''}`}>
      <header className="episode-header">
        <h3 className="episode-title">
          {ep.body.drill && <span className="drill-badge">{t('downtime.banner.drill')}</span>} {title}
        </h3>
        {ep.pending && <span className="badge badge--pending">{t('downtime.page.pending')}</span>}
      </header>
      <p className="byline">
        {t('downtime.page.declaredBy', { name: ep.declaredBy })}, <Timestamp iso={ep.declaredAt} />
      </p>
      {ep.conflicted ? (
        <>
          <Notice kind="error" live={false}>
            {t('downtime.page.conflict')}
          </Notice>
          <div className="conflict-versions">
            {ep.doc.headVersions.map((v) => (
              <section key={v.entryId} className="episode-version">
                <p className="byline">
                  {nameOf(v.author)}, <Timestamp iso={v.createdAt} />
                </p>
                <Facts body={v.body} now={now} />
                {canEnd && (
                  <button type="button" className="button" disabled={busy}
                    onClick={() => void run(() => keepEpisodeVersion(ep.doc, v.body))}>
                    {t('downtime.page.keepVersion')}
                  </button>
                )}
              </section>
            ))}
          </div>
        </>
      ) : (
        <Facts body={ep.body} now={now} />
      )}
      {ep.inForce && !ep.conflicted && <ReasonGuides reason={ep.body.reason} links />}
      {!ep.inForce && !ep.doc.retracted && <p className="recovery-note">{t('downtime.page.recovery')}</p>}
      {error && <Notice kind="error">{error}</Notice>}
      {ep.inForce && !ep.conflicted && canEnd && (
        <div className="button-row">
          <button type="button" className="button button--danger-quiet" onClick={() => setConfirming(true)}>
            {t('downtime.page.end')}
          </button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('downtime.page.endConfirmTitle')}
        confirmLabel={t('downtime.page.endConfirm')}
        cancelLabel={t('confirm.cancel')}
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void run(() => endDowntime(ep.doc)).then((ok) => ok && setConfirming(false))}
      >
        <p>{t('downtime.page.endConfirmBody')}</p>
      </ConfirmDialog>
    </article>
  );
}
