import { useTranslation } from 'react-i18next';
import { chooseLanguage } from './i18n.ts';
import { LANGUAGES } from './languages.ts';
import { markLanguagePicked, useSession } from './session.tsx';
import { identityApi } from '../identity/identity-api.ts';

/** Saves the choice in the signed-in user's profile so that it follows them to other devices. */
async function rememberInProfile(code: string): Promise<boolean> {
  const profile = await identityApi.profile();
  if (profile.language === code) return true;
  await identityApi.saveProfile({ ...profile, language: code });
  return true;
}

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { status, updateMe } = useSession();

  const change = async (code: string) => {
    markLanguagePicked();
    await chooseLanguage(code);
    if (status !== 'signed-in') return;
    try {
      if (await rememberInProfile(code)) updateMe({ language: code });
    } catch {
      // An incomplete profile cannot be saved yet; the choice still holds on this device.
    }
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
