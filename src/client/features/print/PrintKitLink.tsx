// "Imprimer le kit mode dégradé" on the ward board.
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';

export function PrintKitLink({ unit }: { unit: string }) {
  const { t } = useTranslation();
  return (
    <p className="print-kit-link">
      <Link to={`/print/kit/${encodeURIComponent(unit)}`} className="button">
        {t('print.kitButton')}
      </Link>
    </p>
  );
}
