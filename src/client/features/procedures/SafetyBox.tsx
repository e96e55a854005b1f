// The life-saving steps of a fiche ("Urgence vitale : …"), pinned in a red box at the top of the
// fiche and of every run, with their numbers to dial: in an emergency no one scrolls for them.
import { useTranslation } from '../../i18n';
import type { Phone } from '../../../domain/schemas/contact';
import { WarningIcon } from '../../ui/icons';
import { PhoneLinks } from '../directory/PhoneLinks';

export interface SafetyStep {
  text: string;
  safety?: boolean;
  phones?: readonly Phone[] | undefined;
}

export function SafetyBox({ steps }: { steps: readonly SafetyStep[] }) {
  const { t } = useTranslation();
  const pinned = steps.filter((s) => s.safety);
  if (pinned.length === 0) return null;
  return (
    <aside className="safety-box" aria-label={t('checklist.safety')}>
      {pinned.map((s, i) => (
        <div key={i} className="safety-step">
          <p className="safety-text"><WarningIcon /> {s.text}</p>
          {s.phones && s.phones.length > 0 && <PhoneLinks phones={s.phones} compact />}
        </div>
      ))}
    </aside>
  );
}
