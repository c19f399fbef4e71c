import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json' with { type: 'json' };
import fr from '../locales/fr.json' with { type: 'json' };
import es from '../locales/es.json' with { type: 'json' };
import pt from '../locales/pt.json' with { type: 'json' };
import ru from '../locales/ru.json' with { type: 'json' };
import faAF from '../locales/fa-AF.json' with { type: 'json' };
import ur from '../locales/ur.json' with { type: 'json' };
import { DEFAULT_LANGUAGE, directionOf, matchLanguage } from './languages.ts';

const STORAGE_KEY = 'opencen.language';

export function storedLanguage(): string | undefined {
  try {
    return matchLanguage(localStorage.getItem(STORAGE_KEY));
  } catch {
    return undefined;
  }
}

function initialLanguage(): string {
  return storedLanguage() ?? navigator.languages.map(matchLanguage).find(Boolean) ?? DEFAULT_LANGUAGE;
}

/** Mirrors the chosen language on <html> so that the browser, screen readers and CSS follow it. */
function reflectOnDocument(code: string): void {
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
}

export async function setupI18n(): Promise<void> {
  const lng = initialLanguage();
  await i18next.use(initReactI18next).init({
    resources: {
      en: { translation: en },
      fr: { translation: fr },
      es: { translation: es },
      pt: { translation: pt },
      ru: { translation: ru },
      'fa-AF': { translation: faAF },
      ur: { translation: ur },
    },
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
  });
  reflectOnDocument(lng);
  i18next.on('languageChanged', reflectOnDocument);
}

/** Switches the interface language and remembers it on this device. */
export async function chooseLanguage(code: string): Promise<void> {
  const supported = matchLanguage(code) ?? DEFAULT_LANGUAGE;
  try {
    localStorage.setItem(STORAGE_KEY, supported);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  await i18next.changeLanguage(supported);
}
