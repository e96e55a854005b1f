// The two identities side by side before a link is confirmed: name, birth date, sex, IPP and
// where each lies, so the person linking sees both patients whole, as on a wristband.
import { useTranslation } from '../../i18n';
import { displayName } from '../../../domain/patient-identity';
import type { PatientBody } from '../../../domain/schemas';
import { useFormat } from '../../i18n';

export function IdentityCompare({ merged, into }: { merged: PatientBody; into: PatientBody }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows: [string, (p: PatientBody) => string][] = [
    [t('recovery.copy.lastName'), (p) => displayName(p)],
    [t('recovery.copy.birthDate'), (p) => f.date(p.birthDate)],
    [t('recovery.copy.sex'), (p) => p.sex],
    [t('recovery.copy.ipp'), (p) => p.ipp],
    [t('recovery.copy.where'), (p) => `${p.unitCode} · ${p.room}${p.bed ? ` · ${p.bed}` : ''}`],
  ];
  return (
    <table className="table identity-compare">
      <thead>
        <tr>
          <td />
          <th scope="col">{t('recovery.link.temporary')}</th>
          <th scope="col">{t('recovery.link.real')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value(merged)}</td>
            <td>{value(into)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
