// The print screen around the pages: what is being printed, the options, whether the layout is
// ready (and sound), and the button. On paper only the pages remain (styles/print-screen.css).
import '../../styles/print-sheets.css';
import '../../styles/print-blocks.css';
import '../../styles/print-screen.css';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { useNavigate } from '../../ui/router';
import { Notice } from '../../ui/Notice';
import { PagedDocument, type LaidOut } from './PagedDocument';
import type { PageInfo, SheetSpec } from './sheet-types';

interface Props {
  title: string;
  sheets: SheetSpec[];
  footer: (sheet: SheetSpec, page: PageInfo) => ReactNode;
  onPrint: () => void;
  /** The options form, given the pages of each sheet once laid out. */
  options: (laidOut: LaidOut | null) => ReactNode;
  notices?: ReactNode;
}

export function PrintScreen({ title, sheets, footer, onPrint, options, notices }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [laidOut, setLaidOut] = useState<{ of: SheetSpec[]; result: LaidOut } | null>(null);
  const onLaidOut = useCallback((result: LaidOut) => setLaidOut({ of: sheets, result }), [sheets]);
  const ready = laidOut && laidOut.of === sheets ? laidOut.result : null;
  return (
    <div className="print-screen">
      <section className="page print-controls" aria-labelledby="print-title">
        <div className="section-header">
          <h1 id="print-title">{title}</h1>
          <div className="button-row">
            <button type="button" className="button" onClick={() => navigate(-1)}>
              {t('print.back')}
            </button>
            <button type="button" className="button button--primary" onClick={onPrint} disabled={!ready}>
              {t('print.button')}
            </button>
          </div>
        </div>
        <p className="print-status" role="status">
          {ready ? t('print.ready', { count: ready.total }) : t('print.preparing')} {t('print.offline')}
        </p>
        {ready && ready.oversize > 0 && <Notice kind="warning">{t('print.oversize')}</Notice>}
        {ready && ready.overflow > 0 && <Notice kind="error">{t('print.overflow', { count: ready.overflow })}</Notice>}
        {notices}
        {options(ready)}
        <h2 className="print-preview-title">{t('print.preview')}</h2>
      </section>
      <PagedDocument sheets={sheets} footer={footer} qrLabel={t('print.sheet.qr')} onLaidOut={onLaidOut} />
    </div>
  );
}
