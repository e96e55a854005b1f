// Illness severity as a word and a shape, never colour alone: a check for stable, an eye for
// watcher, an alarm triangle for unstable.
import { useTranslation } from '../../i18n';
import type { ReactNode } from 'react';
import type { Severity } from '../../../domain/questionnaire';

const SHAPES: Record<Severity, ReactNode> = {
  stable: <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />,
  watcher: (
    <>
      <path d="M2 12s3.6-6.5 10-6.5S22 12 22 12s-3.6 6.5-10 6.5S2 12 2 12z" fill="none" stroke="currentColor" strokeWidth="2.2" />
      <circle cx="12" cy="12" r="3" fill="currentColor" />
    </>
  ),
  unstable: (
    <>
      <path d="M12 2.8L22.5 21H1.5z" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinejoin="round" />
      <path d="M12 9v5.5" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" />
      <circle cx="12" cy="17.8" r="1.5" fill="currentColor" />
    </>
  ),
};

export function SeverityBadge({ severity, large = false }: { severity: Severity | null; large?: boolean }) {
  const { t } = useTranslation();
  if (!severity) return <span className={`severity severity--none${large ? ' severity--large' : ''}`}>{t('handover.severity.none')}</span>;
  return (
    <span className={`severity severity--${severity}${large ? ' severity--large' : ''}`}>
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        {SHAPES[severity]}
      </svg>
      {t(`handover.severity.${severity}`)}
    </span>
  );
}
