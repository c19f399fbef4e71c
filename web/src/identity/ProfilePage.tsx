import { useEffect, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useErrorMessage, useFormErrors } from '../app/forms.tsx';
import { chooseLanguage } from '../app/i18n.ts';
import { noteLanguageSavedHere } from '../app/language-sync.ts';
import { LANGUAGES, matchLanguage } from '../app/languages.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useMe, useSession } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { Typeahead } from '../reference/Typeahead.tsx';
import { identityApi, type Profile } from './identity-api.ts';
import { useWrite } from '../app/mutation.ts';

const PROFILE_KEY = ['profile'] as const;

type TextKey = Exclude<keyof Profile, 'mailAlerts' | 'libraryAlerts'>;
const PROFILE_FIELDS: (keyof Profile)[] = [
  'surname', 'firstName', 'country', 'service', 'officeName', 'officeHours', 'outOfHoursPhone',
  'address', 'phone', 'fax', 'language', 'email', 'email2', 'mailAlerts', 'libraryAlerts',
];

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const errorMessage = useErrorMessage();
  const profile = useQuery({ queryKey: PROFILE_KEY, queryFn: identityApi.profile });

  return (
    <>
      <PageHeader title={t('profile.title')} intro={t('profile.intro')} />
      <section className="panel">
        <dl className="details details-inline">
          <div className="details-row">
            <dt>{t('auth.username')}</dt>
            <dd dir="ltr">{me.username}</dd>
          </div>
          <div className="details-row">
            <dt>{t('home.organisation')}</dt>
            <dd>{me.orgName}</dd>
          </div>
          <div className="details-row">
            <dt>{t('profile.secondFactor')}</dt>
            <dd>{me.totpEnabled ? t('profile.totpOn') : t('profile.totpOff')}</dd>
          </div>
        </dl>
      </section>
      {profile.isPending && <p className="muted">{t('common.loading')}</p>}
      {profile.isError && (
        <div className="alert alert-error" role="alert">
          {errorMessage(profile.error)}
        </div>
      )}
      {profile.data && <ProfileForm initial={profile.data} />}
    </>
  );
}

function ProfileForm({ initial }: { initial: Profile }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [form, setForm] = useState<Profile>(initial);
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);

  useEffect(() => setForm(initial), [initial]);

  const set = <K extends keyof Profile>(key: K) => (value: Profile[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: TextKey, required = false, type: 'text' | 'email' | 'tel' = 'text', extra: { multiline?: boolean; autoComplete?: string } = {}) => (
    <TextField
      id={key}
      label={t(`profile.fields.${key}`)}
      value={form[key]}
      onChange={set(key)}
      error={errors.fields[key]}
      required={required}
      type={type}
      {...extra}
    />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    await write.run(async () => {
      noteLanguageSavedHere();
      const saved = await identityApi.saveProfile(form);
      queryClient.setQueryData(PROFILE_KEY, saved);
      // The name shown in the header is made from the profile's names.
      void queryClient.invalidateQueries({ queryKey: ['session'] });
      toasts.show({ tone: 'success', title: t('profile.saved') });
      const language = matchLanguage(saved.language);
      if (language) {
        session.updateMe({ language });
        if (language !== i18n.language) await chooseLanguage(language);
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate className="panel stack" aria-describedby="profile-mandatory">
      <ErrorSummary errors={errors} knownFields={PROFILE_FIELDS} />
      <p id="profile-mandatory" className="muted small">
        {t('profile.mandatoryNote')}
      </p>
      <fieldset>
        <legend>{t('profile.sections.person')}</legend>
        <div className="form-grid">
          {text('surname', true, 'text', { autoComplete: 'family-name' })}
          {text('firstName', false, 'text', { autoComplete: 'given-name' })}
          {text('officeName', true, 'text', { autoComplete: 'organization' })}
          {text('service')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('profile.sections.contact')}</legend>
        <div className="form-grid">
          <Typeahead id="country" kind="countries" label={t('profile.fields.country')} value={form.country || null} onChange={(code) => set('country')(code ?? '')} error={errors.fields.country} />
          {text('address', false, 'text', { multiline: true, autoComplete: 'street-address' })}
          {text('phone', true, 'tel', { autoComplete: 'tel' })}
          {text('fax', false, 'tel')}
          {text('outOfHoursPhone', false, 'tel')}
          {text('officeHours')}
          {text('email', true, 'email', { autoComplete: 'email' })}
          {text('email2', false, 'email')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('profile.sections.preferences')}</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="language">{t('profile.fields.language')}</label>
            <select id="language" value={matchLanguage(form.language) ?? ''} onChange={(e) => set('language')(e.target.value)}>
              {!matchLanguage(form.language) && <option value="">{t('common.choose')}</option>}
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.nativeName}
                </option>
              ))}
            </select>
            {errors.fields.language && <p className="field-error">{errors.fields.language}</p>}
          </div>
          <div className="checkbox-group">
            <label className="checkbox">
              <input type="checkbox" id="mailAlerts" checked={form.mailAlerts} onChange={(e) => set('mailAlerts')(e.target.checked)} />
              <span>
                {t('profile.fields.mailAlerts')}
                <span className="muted small block">{t('profile.mailAlertsHint')}</span>
              </span>
            </label>
            <label className="checkbox">
              <input type="checkbox" id="libraryAlerts" checked={form.libraryAlerts} onChange={(e) => set('libraryAlerts')(e.target.checked)} />
              <span>
                {t('profile.fields.libraryAlerts')}
                <span className="muted small block">{t('profile.libraryAlertsHint')}</span>
              </span>
            </label>
          </div>
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={write.pending}>
          {write.pending ? t('common.working') : t('common.save')}
        </button>
        <button type="button" className="button" onClick={() => { clear(); setForm(initial); }} disabled={write.pending}>
          {t('common.reset')}
        </button>
      </div>
    </form>
  );
}
