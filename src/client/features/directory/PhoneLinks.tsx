// The ways to reach a contact, as big buttons: tap to dial what can be dialled (tel:), read
// the rest (a radio channel, where a runner goes). The kind is written out, not just an icon.
import { useTranslation } from '../../i18n';
import type { Phone } from '../../../domain/schemas/contact';
import { telHref } from '../../../domain/downtime/library';
import { phoneLabel, phoneNumber } from '../../../domain/english-names';

export function PhoneLinks({ phones, compact = false }: { phones: readonly Phone[]; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className={compact ? 'phones phones--compact' : 'phones'}>
      {phones.map((p, i) => {
        const href = telHref(p);
        const kind = t(`directory.kinds.${p.kind}`);
        // In English where the directory has an English label ("Radio, emergency", "Channel 1").
        const words = phoneLabel(p, i18n.language);
        const number = phoneNumber(p, i18n.language);
        // "Portable d’astreinte" already says it is a mobile: no "Portable · Portable d’astreinte".
        const label = words.toLowerCase().startsWith(kind.toLowerCase()) ? words : `${kind} · ${words}`;
        return (
          <li key={i}>
            {href ? (
              // The name read out starts with the words seen ("Appeler" is only heard): voice
              // control finds the link by what is written on it.
              <a href={href} className={`phone phone--${p.kind}`}>
                <span className="visually-hidden">{t('directory.call')} </span>
                <span className="phone-label">{label}</span>{' '}
                <span className="phone-number">{number}</span>
              </a>
            ) : (
              <span className={`phone phone--${p.kind} phone--plain`}>
                <span className="phone-label">{label}</span>
                <span className="phone-number">{number}</span>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
