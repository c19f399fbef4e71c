import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useErrorMessage, useFormErrors } from '../../app/forms.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useToasts } from '../../app/toasts.tsx';
import { CodeListField } from '../../seizures/CodeListField.tsx';
import { SelectField } from '../../seizures/Select.tsx';
import { AlertsNav } from '../AlertsNav.tsx';
import { OrgPicker } from '../OrgPicker.tsx';
import { HANDLING_CODES, RISK_AREAS, TRANSPORT_MODES, WCO_REGIONS, alertKeys, alertsApi, type HandlingCode, type RiskArea } from '../alerts-api.ts';
import { BackTestResultView } from './ProfileMatches.tsx';
import { CONVEYANCE_TYPES, UNITS, profileKeys, profilesApi, type BackTestResult, type Profile, type ProfileIndicators, type ProfileInput } from './profiles-api.ts';

interface FormState {
  title: string;
  narrative: string;
  riskArea: string;
  handling: string;
  active: boolean;
  hsPrefixes: string[];
  countries: string[];
  routeCountries: string[];
  concealmentMethods: string[];
  detectionMethods: string[];
  transportModes: string[];
  conveyanceTypes: string[];
  locodes: string[];
  airports: string[];
  minQuantity: string;
  quantityUnit: string;
  periodFrom: string;
  periodTo: string;
  orgIds: string[];
  listIds: string[];
  regions: string[];
}

const EMPTY: FormState = {
  title: '',
  narrative: '',
  riskArea: '',
  handling: 'H2',
  active: true,
  hsPrefixes: [],
  countries: [],
  routeCountries: [],
  concealmentMethods: [],
  detectionMethods: [],
  transportModes: [],
  conveyanceTypes: [],
  locodes: [],
  airports: [],
  minQuantity: '',
  quantityUnit: '',
  periodFrom: '',
  periodTo: '',
  orgIds: [],
  listIds: [],
  regions: [],
};

function fromProfile(p: Profile): FormState {
  const i = p.indicators;
  return {
    ...EMPTY,
    title: p.title,
    narrative: p.narrative,
    riskArea: p.riskArea,
    handling: p.handling,
    active: p.active,
    hsPrefixes: i.hsPrefixes,
    countries: i.countries,
    routeCountries: i.routeCountries,
    concealmentMethods: i.concealmentMethods,
    detectionMethods: i.detectionMethods,
    transportModes: i.transportModes,
    conveyanceTypes: i.conveyanceTypes,
    locodes: i.places.filter((c) => c.length === 5),
    airports: i.places.filter((c) => c.length !== 5),
    minQuantity: i.minQuantity === null ? '' : String(i.minQuantity),
    quantityUnit: i.quantityUnit ?? '',
    periodFrom: i.periodFrom ?? '',
    periodTo: i.periodTo ?? '',
    // The server answers the recipients resolved to organisations; they are kept as such.
    orgIds: p.recipientOrgs.map((o) => o.id),
  };
}

function indicatorsOf(f: FormState): ProfileIndicators {
  const quantity = f.minQuantity.trim().replace(',', '.');
  return {
    hsPrefixes: f.hsPrefixes,
    countries: f.countries,
    routeCountries: f.routeCountries,
    concealmentMethods: f.concealmentMethods,
    detectionMethods: f.detectionMethods,
    transportModes: f.transportModes as ProfileIndicators['transportModes'],
    conveyanceTypes: f.conveyanceTypes as ProfileIndicators['conveyanceTypes'],
    places: [...f.locodes, ...f.airports],
    minQuantity: quantity === '' ? null : Number(quantity),
    quantityUnit: (f.quantityUnit || null) as ProfileIndicators['quantityUnit'],
    periodFrom: f.periodFrom || null,
    periodTo: f.periodTo || null,
  };
}

function toInput(f: FormState): ProfileInput {
  return {
    title: f.title.trim(),
    narrative: f.narrative,
    riskArea: f.riskArea as RiskArea,
    handling: f.handling as HandlingCode,
    active: f.active,
    indicators: indicatorsOf(f),
    recipients: { orgIds: f.orgIds, listIds: f.listIds, regions: f.regions },
  };
}

/** The errors of one field and of its items (`indicators.hsPrefixes`, `indicators.hsPrefixes.0`), as one text. */
function errorOf(fields: Record<string, string>, ...names: string[]): string | undefined {
  const texts = Object.entries(fields)
    .filter(([k]) => names.some((name) => k === name || k.startsWith(`${name}.`)))
    .map(([, v]) => v);
  return texts.length ? texts.join('; ') : undefined;
}

const INDICATOR_FIELDS = ['hsPrefixes', 'countries', 'routeCountries', 'concealmentMethods', 'detectionMethods', 'transportModes', 'conveyanceTypes', 'places', 'minQuantity', 'quantityUnit', 'periodFrom', 'periodTo'];
const TOP = ['title', 'narrative', 'riskArea', 'handling', 'active', 'indicators', 'recipients', 'recipients.orgIds', 'recipients.listIds', 'recipients.regions'];
const isShownBesideField = (f: string) => TOP.includes(f) || INDICATOR_FIELDS.some((name) => f === `indicators.${name}` || f.startsWith(`indicators.${name}.`)) || /^recipients\.\w+\.\d+$/.test(f);

/** Several values of a closed vocabulary as checkboxes. */
function CheckboxGroup({ id, legend, options, labelPrefix, values, onChange, error }: { id: string; legend: string; options: readonly string[]; labelPrefix: string; values: string[]; onChange(v: string[]): void; error?: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className={`stack${error ? ' field-invalid' : ''}`} data-testid={id}>
      <legend>{legend}</legend>
      <ul className="checkbox-list">
        {options.map((o) => (
          <li key={o}>
            <label className="checkbox">
              <input type="checkbox" name={id} value={o} checked={values.includes(o)} onChange={(e) => onChange(e.target.checked ? [...values, o] : values.filter((v) => v !== o))} />
              <span>{t(`${labelPrefix}.${o}`)}</span>
            </label>
          </li>
        ))}
      </ul>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

export function NewProfilePage() {
  return <ProfileEditor profile={null} />;
}

export function EditProfilePage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { id = '' } = useParams({ strict: false });
  const profile = useQuery({ queryKey: profileKeys.one(id), queryFn: () => profilesApi.get(id), enabled: id !== '' });
  if (profile.isError)
    return (
      <>
        <PageHeader title={t('profiles.form.editTitle', { reference: '' })} />
        <div className="alert alert-error" role="alert">
          {errorMessage(profile.error)}
        </div>
      </>
    );
  if (!profile.data) return <p className="muted">{t('common.loading')}</p>;
  return <ProfileEditor key={profile.data.id} profile={profile.data} />;
}

/** The profile form: typeaheads for every coded indicator, the back-test of what is typed so far, the recipients. */
function ProfileEditor({ profile }: { profile: Profile | null }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(() => (profile ? fromProfile(profile) : EMPTY));
  const [busy, setBusy] = useState(false);
  const [trying, setTrying] = useState(false);
  const [tried, setTried] = useState<BackTestResult | null>(null);
  const { errors, capture, clear } = useFormErrors();
  const fields = errors.fields;
  const lists = useQuery({ queryKey: alertKeys.lists, queryFn: alertsApi.lists, retry: false });
  const set = <K extends keyof FormState>(k: K, value: FormState[K]) => setForm((f) => ({ ...f, [k]: value }));
  const title = profile ? t('profiles.form.editTitle', { reference: profile.reference }) : t('profiles.form.newTitle');

  const tryOnThePast = async () => {
    clear();
    setTrying(true);
    try {
      const i = indicatorsOf(form);
      setTried(await profilesApi.backTest(i, i.periodFrom, i.periodTo));
    } catch (error) {
      setTried(null);
      capture(error);
    } finally {
      setTrying(false);
    }
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setBusy(true);
    try {
      const input = toInput(form);
      let id = profile?.id ?? '';
      if (profile) queryClient.setQueryData(profileKeys.one(id), await profilesApi.update(id, input));
      else id = (await profilesApi.create(input)).id;
      await queryClient.invalidateQueries({ queryKey: profileKeys.all });
      toasts.show({ tone: 'success', title: t('profiles.form.saved') });
      await navigate({ to: '/alerts/profiles/$id', params: { id } });
    } catch (error) {
      capture(error);
    } finally {
      setBusy(false);
    }
  };

  const codeList = (name: 'hsPrefixes' | 'countries' | 'routeCountries' | 'concealmentMethods' | 'detectionMethods', kind: 'hs-codes' | 'countries' | 'concealment-methods' | 'detection-methods', max = 50) => (
    <CodeListField id={`profile-${name}`} kind={kind} label={t(`profiles.fields.${name}`)} values={form[name]} onChange={(v) => set(name, v)} error={errorOf(fields, `indicators.${name}`)} max={max} />
  );

  return (
    <>
      <PageHeader title={title} intro={t('profiles.form.intro')} />
      <AlertsNav />
      {profile && (
        <p>
          <Link to="/alerts/profiles/$id" params={{ id: profile.id }}>
            {t('profiles.form.backToProfile', { reference: profile.reference })}
          </Link>
        </p>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="stack" aria-label={title}>
        <ErrorSummary errors={errors} knownFields={Object.keys(fields).filter(isShownBesideField)} />
        <fieldset>
          <legend>{t('profiles.form.what')}</legend>
          <div className="form-grid form-grid-3">
            <TextField id="profile-title" label={t('profiles.fields.title')} value={form.title} onChange={(v) => set('title', v)} error={fields.title} required maxLength={200} dir="auto" className="span-2" />
            <SelectField id="profile-riskArea" label={t('profiles.fields.riskArea')} value={form.riskArea} onChange={(v) => set('riskArea', v)} options={RISK_AREAS} labelPrefix="alerts.riskAreas" error={fields.riskArea} required />
            <SelectField id="profile-handling" label={t('profiles.fields.handling')} hint={form.handling ? t(`alerts.handlingMeaning.${form.handling}`) : undefined} value={form.handling} onChange={(v) => set('handling', v)} options={HANDLING_CODES} labelPrefix="alerts.handlingShort" error={fields.handling} required />
            <label className="checkbox">
              <input id="profile-active" type="checkbox" checked={form.active} onChange={(e) => set('active', e.target.checked)} />
              <span>{t('profiles.fields.activeHint')}</span>
            </label>
          </div>
          <TextField id="profile-narrative" label={t('profiles.fields.narrative')} value={form.narrative} onChange={(v) => set('narrative', v)} error={fields.narrative} multiline maxLength={20000} dir="auto" />
        </fieldset>
        <fieldset className="stack" data-testid="profile-indicators">
          <legend>{t('profiles.form.indicators')}</legend>
          <p className="muted">{t('profiles.form.indicatorsHint')}</p>
          {fields.indicators && (
            <p className="field-error" data-testid="profile-indicators-error">
              {fields.indicators}
            </p>
          )}
          <div className="form-grid">
            {codeList('hsPrefixes', 'hs-codes')}
            {codeList('countries', 'countries')}
            {codeList('routeCountries', 'countries')}
            {codeList('concealmentMethods', 'concealment-methods')}
            {codeList('detectionMethods', 'detection-methods')}
            <CodeListField id="profile-locodes" kind="locodes" label={t('profiles.fields.locodes')} values={form.locodes} onChange={(v) => set('locodes', v)} error={errorOf(fields, 'indicators.places')} max={25} />
            <CodeListField id="profile-airports" kind="airports" label={t('profiles.fields.airports')} values={form.airports} onChange={(v) => set('airports', v)} max={25} />
          </div>
          <div className="form-grid">
            <CheckboxGroup id="profile-transportModes" legend={t('profiles.fields.transportModes')} options={TRANSPORT_MODES} labelPrefix="alerts.transportModes" values={form.transportModes} onChange={(v) => set('transportModes', v)} error={errorOf(fields, 'indicators.transportModes')} />
            <CheckboxGroup id="profile-conveyanceTypes" legend={t('profiles.fields.conveyanceTypes')} options={CONVEYANCE_TYPES} labelPrefix="seizures.conveyanceTypes" values={form.conveyanceTypes} onChange={(v) => set('conveyanceTypes', v)} error={errorOf(fields, 'indicators.conveyanceTypes')} />
          </div>
          <div className="form-grid form-grid-3">
            <TextField id="profile-minQuantity" type="number" label={t('profiles.fields.minQuantity')} value={form.minQuantity} onChange={(v) => set('minQuantity', v)} error={errorOf(fields, 'indicators.minQuantity')} />
            <SelectField id="profile-quantityUnit" label={t('profiles.fields.quantityUnit')} value={form.quantityUnit} onChange={(v) => set('quantityUnit', v)} options={UNITS} labelPrefix="seizures.units" error={errorOf(fields, 'indicators.quantityUnit')} emptyLabel={t('profiles.form.noUnit')} />
            <span />
            <TextField id="profile-periodFrom" type="date" label={t('profiles.fields.periodFrom')} value={form.periodFrom} onChange={(v) => set('periodFrom', v)} error={errorOf(fields, 'indicators.periodFrom')} />
            <TextField id="profile-periodTo" type="date" label={t('profiles.fields.periodTo')} value={form.periodTo} onChange={(v) => set('periodTo', v)} error={errorOf(fields, 'indicators.periodTo')} />
          </div>
          <div className="button-row">
            <button type="button" className="button" disabled={trying} onClick={() => void tryOnThePast()}>
              {trying ? t('common.working') : t('profiles.backtest.try')}
            </button>
          </div>
          <p className="muted small">{t('profiles.backtest.tryHint')}</p>
          {tried && <BackTestResultView result={tried} />}
        </fieldset>
        <fieldset className="stack">
          <legend>{t('profiles.form.recipients')}</legend>
          <p className="muted">{t('profiles.form.recipientsHint')}</p>
          {errorOf(fields, 'recipients') && <p className="field-error">{errorOf(fields, 'recipients')}</p>}
          <CheckboxGroup id="profile-regions" legend={t('profiles.fields.regions')} options={WCO_REGIONS} labelPrefix="alerts.regions" values={form.regions} onChange={(v) => set('regions', v)} />
          {(lists.data?.lists.length ?? 0) > 0 && (
            <fieldset className="stack" data-testid="profile-lists">
              <legend>{t('profiles.fields.lists')}</legend>
              <ul className="checkbox-list">
                {lists.data?.lists.map((l) => (
                  <li key={l.id}>
                    <label className="checkbox">
                      <input type="checkbox" checked={form.listIds.includes(l.id)} onChange={(e) => set('listIds', e.target.checked ? [...form.listIds, l.id] : form.listIds.filter((v) => v !== l.id))} />
                      <span dir="auto">{t('alerts.lists.named', { name: l.name, n: l.orgCount })}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          <OrgPicker id="profile-orgs" legend={t('profiles.fields.orgs')} value={form.orgIds} onChange={(v) => set('orgIds', v)} />
        </fieldset>
        <div className="button-row button-row-end">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.working') : t('profiles.form.save')}
          </button>
        </div>
      </form>
    </>
  );
}
