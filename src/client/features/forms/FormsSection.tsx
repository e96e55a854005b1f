// The forms of one patient on the patient page: "new form" with the templates held on this
// tablet, then every filled form, newest first, each a link to its own page.
import { useState } from 'react';
import { useAuthorName } from '../../ui/author-name';
import { useTranslation } from '../../i18n';
import { careAddenda } from '../../../domain/recovery/back-entry';
import { Link } from '../../ui/router';
import { severityOf, titleOf, isHandoverTemplate } from '../../../domain/questionnaire';
import { useForms, useTemplates } from '../../data';
import { ConflictIcon, UploadIcon, WarningIcon } from '../../ui/icons';
import { Loading } from '../../ui/Loading';
import { Timestamp } from '../../ui/Timestamp';
import { SeverityBadge } from '../handover/SeverityBadge';

export function FormsSection({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const nameOf = useAuthorName();
  const forms = useForms(patientId);
  const templates = useTemplates();
  const [choosing, setChoosing] = useState(false);
  const lang = i18n.language;

  return (
    <section className="forms" aria-labelledby="forms-title">
      <div className="section-header">
        <h2 id="forms-title">{t('forms.title')}</h2>
        <button type="button" className="button button--primary" aria-expanded={choosing} onClick={() => setChoosing(!choosing)}>
          {t('forms.newForm')}
        </button>
      </div>
      {choosing && (
        <nav aria-label={t('forms.chooseTemplate')}>
          {templates === undefined ? (
            <Loading />
          ) : templates.length === 0 ? (
            <p className="empty">{t('forms.noTemplates')}</p>
          ) : (
            <ul className="choice-list template-choices">
              {templates
                .filter((v) => v.kind !== 'admission')
                .map((v) => (
                  <li key={v.docId}>
                    <Link className="choice" to={`/patient/${encodeURIComponent(patientId)}/form/new/${encodeURIComponent(v.docId)}`}>
                      <strong>{titleOf(v.template, lang)}</strong>
                      <span className="muted"> · {t('forms.templateVersion', { version: v.template.version })}</span>
                    </Link>
                  </li>
                ))}
            </ul>
          )}
        </nav>
      )}
      {forms === undefined ? (
        <Loading />
      ) : forms.length === 0 ? (
        <p className="empty">{t('forms.none')}</p>
      ) : (
        <ul className="form-list">
          {forms.map((f) => {
            const handover = f.template && isHandoverTemplate(f.template.template);
            const last = f.doc.history[f.doc.history.length - 1];
            return (
              <li key={f.doc.docId}>
                <Link to={`/patient/${encodeURIComponent(patientId)}/form/${encodeURIComponent(f.doc.docId)}`} className={`form-link${f.doc.retracted ? ' form-link--retracted' : ''}`}>
                  <span className="form-link-title">{f.template ? titleOf(f.template.template, lang) : f.response?.questionnaire}</span>
                  {handover && <SeverityBadge severity={severityOf(f.response)} />}
                  <span className="form-link-meta">
                    {last && t('forms.writtenBy', { name: nameOf(last.author) })}, {last && <Timestamp iso={last.createdAt} />}
                  </span>
                  {f.pending && <span className="badge badge--pending"><UploadIcon />{t('forms.pending')}</span>}
                  {f.doc.status === 'conflicted' && <span className="badge badge--conflict"><ConflictIcon />{t('forms.conflicted')}</span>}
                  {f.doc.retracted && <span className="badge badge--conflict"><WarningIcon />{t('forms.retracted')}</span>}
                  {f.rejectedReason && <span className="badge badge--conflict"><WarningIcon />{t('forms.rejectedShort')}</span>}
                  {careAddenda(f.doc).length > 0 && <span className="form-link-meta">{t('forms.addendaCount', { count: careAddenda(f.doc).length })}</span>}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
