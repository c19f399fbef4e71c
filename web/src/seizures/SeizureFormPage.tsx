import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formFieldName } from '../app/api.ts';
import { ErrorSummary, Field, TextField, describedBy, useErrorMessage, useFormErrors } from '../app/forms.tsx';
import { localiseFieldMessage } from '../app/field-messages.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useMe } from '../app/session.tsx';
import { useToasts } from '../app/toasts.tsx';
import { Typeahead } from '../reference/Typeahead.tsx';
import { CodeListField } from './CodeListField.tsx';
import { CommodityLines } from './CommodityLines.tsx';
import { emptyForm, fromSeizure, localErrors, toInput, type FormState } from './form-state.ts';
import { Offenders } from './Offenders.tsx';
import { PhotosPanel } from './PhotosPanel.tsx';
import { RouteLegs } from './RouteLegs.tsx';
import { SeizuresNav } from './SeizuresNav.tsx';
import { SelectField } from './Select.tsx';
import { CONVEYANCE_TYPES, DIRECTIONS, LOCATION_TYPES, TRANSPORT_MODES, seizureKeys, seizuresApi, type NominalWarning, type Seizure } from './seizures-api.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** Top-level fields the form shows beside their control; the rest go to the summary. */
const KNOWN = ['seizedAt', 'country', 'placeLocode', 'placeIata', 'placeText', 'locationType', 'direction', 'transportMode', 'conveyanceType', 'concealmentDetail', 'narrative', 'externalRef', 'commodities', 'route'];
const isShownBesideField = (f: string) => KNOWN.includes(f) || /^(commodities|route|offenders)\.\d+\.\w+$/.test(f) || /^(detectionMethods|concealmentMethods)(\.\d+)?$/.test(f);

export function NewSeizurePage() {
  return <SeizureEditor seizure={null} />;
}

export function EditSeizurePage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { id = '' } = useParams({ strict: false });
  const seizure = useQuery({ queryKey: seizureKeys.one(id), queryFn: () => seizuresApi.get(id), enabled: id !== '' });
  if (seizure.isError)
    return (
      <>
        <PageHeader title={t('seizures.form.editTitle', { reference: '' })} />
        <div className="alert alert-error" role="alert">
          {errorMessage(seizure.error)}
        </div>
      </>
    );
  if (!seizure.data) return <p className="muted">{t('common.loading')}</p>;
  return <SeizureEditor key={seizure.data.id} seizure={seizure.data} />;
}

/** Merges field errors of a group (`detectionMethods.1`) into the group's field. */
function groupErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...fields };
  for (const [k, v] of Object.entries(fields)) {
    const m = k.match(/^(detectionMethods|concealmentMethods)\.\d+$/);
    if (m) out[m[1]] = out[m[1]] ? `${out[m[1]]}; ${v}` : v;
  }
  return out;
}

/** The seizure form: new record or a change; checks first, warns about text that looks like personal data. */
function SeizureEditor({ seizure }: { seizure: Seizure | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const toasts = useToasts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(() => (seizure ? fromSeizure(seizure) : emptyForm(me?.orgCountry ?? null)));
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [warnings, setWarnings] = useState<NominalWarning[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const warningsRef = useRef<HTMLDivElement>(null);
  // Each time the warnings stop a save, the focus goes to them so that they are read out.
  const [warned, setWarned] = useState(0);
  useEffect(() => {
    if (warned) warningsRef.current?.focus();
  }, [warned]);
  const { errors, capture, clear, setErrors } = useFormErrors();
  const fields = groupErrors(errors.fields);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const owner = !seizure || seizure.orgId === me.orgId;
  const locked = !!seizure && owner && seizure.status === 'submitted';
  const canSubmit = owner && (!seizure || seizure.status === 'draft' || seizure.status === 'returned');

  const localMessage = (code: string) => (code === 'required' ? t('errors.field.required') : t('seizures.form.notNumber'));

  const save = async (mode: 'draft' | 'submit') => {
    clear();
    const local = localErrors(form);
    if (Object.keys(local).length) {
      setErrors({ detail: t('seizures.form.fixErrors'), fields: Object.fromEntries(Object.entries(local).map(([k, v]) => [k, localMessage(v)])) });
      return;
    }
    setBusy(mode);
    const input = toInput(form);
    try {
      const check = await seizuresApi.check(input);
      if (check.errors.length) {
        const byField: Record<string, string> = {};
        for (const e of check.errors) {
          const name = formFieldName(e.field);
          const text = localiseFieldMessage(e.message, t);
          byField[name] = byField[name] ? `${byField[name]}; ${text}` : text;
        }
        setErrors({ detail: t('seizures.form.fixErrors'), fields: byField });
        return;
      }
      const sameWarnings = JSON.stringify(check.warnings) === JSON.stringify(warnings);
      if (check.warnings.length && !(confirmed && sameWarnings)) {
        setWarnings(check.warnings);
        if (!sameWarnings) setConfirmed(false);
        setWarned((n) => n + 1);
        return;
      }
      const body = { ...input, acceptNominalWarnings: check.warnings.length ? true : undefined };
      const saved = seizure ? await seizuresApi.update(seizure.id, { ...body, version: seizure.version }) : await seizuresApi.create(body);
      setWarnings([]);
      queryClient.setQueryData(seizureKeys.one(saved.id), saved);
      if (mode === 'submit') {
        await seizuresApi.submit(saved.id);
        await queryClient.invalidateQueries({ queryKey: seizureKeys.all });
        toasts.show({ tone: 'success', title: t('seizures.form.submitted', { reference: saved.reference }) });
        await navigate({ to: '/seizures/$id', params: { id: saved.id } });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: seizureKeys.all });
      toasts.show({ tone: 'success', title: t('seizures.form.saved', { reference: saved.reference }) });
      if (!seizure) await navigate({ to: '/seizures/$id/edit', params: { id: saved.id } });
    } catch (error) {
      capture(error);
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save('draft');
  };

  const title = seizure ? t('seizures.form.editTitle', { reference: seizure.reference }) : t('seizures.form.newTitle');
  return (
    <>
      <PageHeader title={title} intro={t('seizures.form.intro')} />
      <SeizuresNav />
      {seizure && (
        <p className="button-row">
          <Link to="/seizures/$id" params={{ id: seizure.id }}>
            {t('seizures.form.backToDetail')}
          </Link>
          <StatusBadge status={seizure.status} />
        </p>
      )}
      {seizure?.status === 'returned' && seizure.returnComment && (
        <div className="alert alert-warning" role="note" data-testid="return-comment">
          <strong>{t('seizures.detail.returnedWith')}</strong>
          <p className="seizure-text" dir="auto">
            {seizure.returnComment}
          </p>
        </div>
      )}
      {locked && (
        <div className="alert alert-warning" role="note">
          {t('seizures.form.lockedSubmitted')}
        </div>
      )}
      {seizure?.status === 'validated' && owner && <p className="muted">{t('seizures.form.validatedGoesBack')}</p>}
      <form onSubmit={onSubmit} noValidate className="stack seizure-form" aria-label={title}>
        <ErrorSummary errors={errors} knownFields={Object.keys(errors.fields).filter(isShownBesideField)} />
        <fieldset>
          <legend>{t('seizures.form.when')}</legend>
          <div className="form-grid form-grid-3">
          <Field id="seizure-seizedAt" label={t('seizures.fields.seizedAt')} error={fields.seizedAt} required>
            <input id="seizure-seizedAt" type="datetime-local" value={form.seizedAt} onChange={(e) => set('seizedAt', e.target.value)} aria-required {...describedBy('seizure-seizedAt', fields.seizedAt)} />
          </Field>
          <Typeahead id="seizure-country" kind="countries" label={t('seizures.fields.country')} value={form.country} onChange={(code) => set('country', code)} error={fields.country} required />
          <SelectField id="seizure-locationType" label={t('seizures.fields.locationType')} value={form.locationType} onChange={(v) => set('locationType', v)} options={LOCATION_TYPES} labelPrefix="seizures.locationTypes" error={fields.locationType} required />
          <Typeahead id="seizure-placeLocode" kind="locodes" label={t('seizures.fields.placeLocode')} value={form.placeLocode} onChange={(code) => set('placeLocode', code)} error={fields.placeLocode} />
          <Typeahead id="seizure-placeIata" kind="airports" label={t('seizures.fields.placeIata')} value={form.placeIata} onChange={(code) => set('placeIata', code)} error={fields.placeIata} />
          <TextField id="seizure-placeText" label={t('seizures.fields.placeText')} value={form.placeText} onChange={(v) => set('placeText', v)} error={fields.placeText} maxLength={200} dir="auto" />
          <SelectField id="seizure-direction" label={t('seizures.fields.direction')} value={form.direction} onChange={(v) => set('direction', v)} options={DIRECTIONS} labelPrefix="seizures.directions" error={fields.direction} required />
          <SelectField id="seizure-transportMode" label={t('seizures.fields.transportMode')} value={form.transportMode} onChange={(v) => set('transportMode', v)} options={TRANSPORT_MODES} labelPrefix="seizures.transportModes" error={fields.transportMode} emptyLabel={t('seizures.common.notKnown')} />
          <SelectField id="seizure-conveyanceType" label={t('seizures.fields.conveyanceType')} value={form.conveyanceType} onChange={(v) => set('conveyanceType', v)} options={CONVEYANCE_TYPES} labelPrefix="seizures.conveyanceTypes" error={fields.conveyanceType} emptyLabel={t('seizures.common.notKnown')} />
          </div>
        </fieldset>
        <CommodityLines lines={form.commodities} onChange={(v) => set('commodities', v)} errors={fields} />
        <fieldset>
          <legend>{t('seizures.form.how')}</legend>
          <div className="form-grid">
          <CodeListField id="seizure-detectionMethods" kind="detection-methods" label={t('seizures.fields.detectionMethods')} values={form.detectionMethods} onChange={(v) => set('detectionMethods', v)} error={fields.detectionMethods} />
          <CodeListField id="seizure-concealmentMethods" kind="concealment-methods" label={t('seizures.fields.concealmentMethods')} values={form.concealmentMethods} onChange={(v) => set('concealmentMethods', v)} error={fields.concealmentMethods} />
          <TextField id="seizure-concealmentDetail" label={t('seizures.fields.concealmentDetail')} value={form.concealmentDetail} onChange={(v) => set('concealmentDetail', v)} error={fields.concealmentDetail} multiline maxLength={1000} dir="auto" />
          </div>
        </fieldset>
        <RouteLegs legs={form.route} onChange={(v) => set('route', v)} errors={fields} />
        <Offenders offenders={form.offenders} onChange={(v) => set('offenders', v)} errors={fields} />
        <fieldset className="stack">
          <legend>{t('seizures.form.narrativeSection')}</legend>
          <TextField id="seizure-narrative" label={t('seizures.fields.narrative')} hint={t('seizures.form.narrativeHint')} value={form.narrative} onChange={(v) => set('narrative', v)} error={fields.narrative} multiline maxLength={10000} dir="auto" />
          <TextField id="seizure-externalRef" label={t('seizures.fields.externalRef')} hint={t('seizures.form.externalRefHint')} value={form.externalRef} onChange={(v) => set('externalRef', v)} error={fields.externalRef} maxLength={100} dir="ltr" autoComplete="off" />
        </fieldset>
        {warnings.length > 0 && (
          <div className="alert alert-warning stack" role="alert" tabIndex={-1} ref={warningsRef} data-testid="nominal-warnings">
            <strong>{t('seizures.form.warningsTitle')}</strong>
            <p>{t('seizures.form.warningsIntro')}</p>
            <ul>
              {warnings.map((w, i) => (
                <li key={i}>
                  <a href={`#seizure-${w.field.replace(/\./g, '-')}`}>{t(`seizures.fieldPaths.${w.field.replace(/\.\d+\./, '.')}`, { defaultValue: w.field })}</a>
                  {': '}
                  {t(`seizures.nominalKinds.${w.kind}`, { defaultValue: w.kind })} — <q dir="auto">{w.excerpt}</q>
                </li>
              ))}
            </ul>
            <label className="checkbox">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
              <span>{t('seizures.form.confirmNotPersonal')}</span>
            </label>
          </div>
        )}
        <div className="button-row button-row-end">
          <button type="submit" className="button" disabled={busy !== null || locked}>
            {busy === 'draft' ? t('common.working') : canSubmit ? t('seizures.form.saveDraft') : t('common.save')}
          </button>
          {canSubmit && (
            <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void save('submit')}>
              {busy === 'submit' ? t('common.working') : t('seizures.form.submit')}
            </button>
          )}
        </div>
      </form>
      {seizure && <PhotosPanel seizure={seizure} editable={owner && seizure.status !== 'submitted'} />}
      {!seizure && <p className="muted">{t('seizures.photos.afterSave')}</p>}
    </>
  );
}
