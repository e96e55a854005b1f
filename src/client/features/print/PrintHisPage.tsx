// /print/his/<patient docId>/mar and /results: one patient's MAR pre-filled from the
// prescriptions the HIS sent (the next 24 hours), or her latest results; /print/patient/<id>/notes:
// all her nursing notes. From IndexedDB, so it prints with no network.
import { useCallback, useMemo } from 'react';
import { useTranslation } from '../../i18n';
import { useParams } from '../../ui/router';
import { displayName } from '../../../domain/patient-identity';
import { useSession, useUnits } from '../../data';
import { usePrintPatientHis } from '../../data/print';
import { Loading } from '../../ui/Loading';
import { RefusedPage } from '../../ui/RefusedPage';
import { usePageTitle } from '../../ui/usePageTitle';
import { useDeclareWard } from '../ward/current-ward';
import { useHisSheet } from './his-blocks';
import { useNotesSheet } from './notes-blocks';
import { PrintScreen } from './PrintScreen';
import type { PageInfo, SheetSpec } from './sheet-types';
import { PageFooter } from './sheets';
import { usePrintRun } from './usePrintRun';

export function PrintHisPage() {
  const { t } = useTranslation();
  const params = useParams();
  const patientId = params.patientId ?? '';
  const kind = params.sheet === 'results' ? 'results' : params.sheet === 'notes' ? 'notes' : 'mar';
  const data = usePrintPatientHis(patientId);
  const units = useUnits();
  const { user } = useSession();
  const hisSheet = useHisSheet();
  const notesSheet = useNotesSheet();
  const { printedAt, print } = usePrintRun();
  const today = useMemo(() => new Date(), []);
  const title = kind === 'mar' ? t('his.print.marTitle') : kind === 'notes' ? t('print.notes.title') : t('his.print.resultsTitle');
  useDeclareWard(data?.patient.patient.unitCode);
  usePageTitle(data ? `${title} — ${displayName(data.patient.patient)}` : null);

  const sheets = useMemo((): SheetSpec[] | null => {
    if (!data) return null;
    if (kind === 'notes') return [notesSheet({ ...data.patient, notes: data.notes }, data.facts, today, 'all')];
    return [hisSheet(kind, { ...data.patient, his: data.his }, data.facts, today)];
    // The sheet builder closes over the language: rebuilt with the title when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, kind, today, title]);
  const asOf = data?.facts.asOf ?? null;
  const footer = useCallback(
    (_s: SheetSpec, info: PageInfo) => <PageFooter printedAt={printedAt} printedBy={user?.name ?? ''} asOf={asOf} info={info} />,
    [printedAt, user?.name, asOf],
  );

  if (data === undefined || units === undefined) return <Loading />;
  if (data === null) return <RefusedPage message={t('patient.notFound')} />;
  if (!units.some((u) => u.code === data.patient.patient.unitCode)) return <RefusedPage message={t('ward.notYourWard', { unit: data.patient.patient.unitCode })} />;
  if (!sheets) return <Loading />;
  return <PrintScreen title={`${title} — ${displayName(data.patient.patient)}`} sheets={sheets} onPrint={print} footer={footer} options={() => null} />;
}
