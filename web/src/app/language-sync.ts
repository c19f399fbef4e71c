import i18next from 'i18next';
import { identityApi } from '../identity/identity-api.ts';
import { chooseLanguage, storedLanguage } from './i18n.ts';
import { matchLanguage } from './languages.ts';

/** When this tab last saved a language to the profile: the server's echoes of it lag behind the tab. */
let savedHereAt = 0;
const ECHO_WINDOW_MS = 15_000;

export function noteLanguageSavedHere(): void {
  savedHereAt = Date.now();
}

/** Applies a language chosen in another tab or on another device. */
export async function followLanguageFromElsewhere(code: string): Promise<void> {
  const language = matchLanguage(code);
  if (!language || language === i18next.language) return;
  if (Date.now() - savedHereAt < ECHO_WINDOW_MS) return;
  await chooseLanguage(language);
}

/** Saves the language in the signed-in user's profile so that it follows them to other devices. */
export async function saveLanguageToProfile(code: string): Promise<boolean> {
  try {
    noteLanguageSavedHere();
    await identityApi.saveLanguage(code);
    return true;
  } catch {
    return false;
  }
}

/**
 * On sign-in: a language chosen on this device wins and is copied to the profile;
 * a device without a choice takes the profile's language.
 */
export async function reconcileLanguage(profileLanguage: string): Promise<string | null> {
  const device = storedLanguage();
  if (device) {
    if (device !== matchLanguage(profileLanguage) && (await saveLanguageToProfile(device))) return device;
    return null;
  }
  const fromProfile = matchLanguage(profileLanguage);
  if (fromProfile && fromProfile !== i18next.language) await chooseLanguage(fromProfile);
  return null;
}
