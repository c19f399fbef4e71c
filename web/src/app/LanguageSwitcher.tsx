import { useTranslation } from 'react-i18next';
import { chooseLanguage } from './i18n.ts';
import { saveLanguageToProfile } from './language-sync.ts';
import { LANGUAGES } from './languages.ts';
import { useSession } from './session.tsx';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { status, updateMe } = useSession();

  const change = async (code: string) => {
    await chooseLanguage(code);
    if (status === 'signed-in' && (await saveLanguageToProfile(code))) updateMe({ language: code });
  };

  return (
    <div className="language-switcher">
      <label htmlFor="language-switcher" className="visually-hidden">
        {t('app.language')}
      </label>
      <svg className="language-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
      <select id="language-switcher" value={i18n.language} onChange={(e) => void change(e.target.value)} data-testid="language-switcher">
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.nativeName}
          </option>
        ))}
      </select>
    </div>
  );
}
