import { useTranslation } from '../../i18n';
import { useLanguage } from '../../data';
import { LANGUAGES } from '../../i18n';

/** Two big buttons rather than a dropdown: one tap with a glove. Each name is written in its own language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  // The pressed state follows the translator, shared by every switch on screen (header and settings).
  const [, setLanguage] = useLanguage();
  const language = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <div className="segmented" role="group" aria-label={t('header.language')}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          className="segmented-button"
          lang={l}
          aria-pressed={language === l}
          onClick={() => setLanguage(l)}
        >
          {l.toUpperCase()}
          <span className="visually-hidden"> — {t(`language.${l}`)}</span>
        </button>
      ))}
    </div>
  );
}
