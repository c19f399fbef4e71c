import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, Field, TextField, describedBy, useErrorMessage, useFormErrors } from '../../app/forms.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useToasts } from '../../app/toasts.tsx';
import { RepeatControls } from '../../seizures/RepeatControls.tsx';
import { SelectField } from '../../seizures/Select.tsx';
import { AlertsNav } from '../AlertsNav.tsx';
import { HANDLING_CODES, WCO_REGIONS, type HandlingCode } from '../alerts-api.ts';
import { BulletinStatusBadge } from './BulletinParts.tsx';
import { BULLETIN_KINDS, bulletinKeys, bulletinsApi, type Bulletin, type BulletinInput, type BulletinKind } from './bulletins-api.ts';

interface Section {
  key: number;
  heading: string;
  body: string;
}
interface FormState {
  title: string;
  kind: string;
  region: string;
  periodFrom: string;
  periodTo: string;
  language: string;
  handling: string;
  sections: Section[];
}

const MAX_SECTIONS = 30;
let nextKey = 1;
const key = () => nextKey++;

/** The last full quarter before today, as a first guess at the period. */
function lastQuarter(): { from: string; to: string } {
  const now = new Date();
  const q = Math.floor(now.getUTCMonth() / 3);
  const start = new Date(Date.UTC(now.getUTCFullYear(), (q - 1) * 3, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), q * 3, 0));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

function emptyForm(language: string): FormState {
  const { from, to } = lastQuarter();
  return { title: '', kind: 'quarterly', region: '', periodFrom: from, periodTo: to, language: language.slice(0, 2), handling: 'H2', sections: [{ key: key(), heading: '', body: '' }] };
}

function fromBulletin(b: Bulletin): FormState {
  return {
    title: b.title,
    kind: b.kind,
    region: b.region ?? '',
    periodFrom: b.periodFrom,
    periodTo: b.periodTo,
    language: b.language,
    handling: b.handling,
    sections: b.sections.map((s) => ({ key: key(), ...s })),
  };
}

function toInput(f: FormState): BulletinInput {
  return {
    title: f.title.trim(),
    kind: f.kind as BulletinKind,
    region: f.region || null,
    periodFrom: f.periodFrom,
    periodTo: f.periodTo,
    language: f.language.trim().toLowerCase(),
    handling: f.handling as HandlingCode,
    sections: f.sections.map((s) => ({ heading: s.heading.trim(), body: s.body })),
  };
}

const TOP = ['title', 'kind', 'region', 'periodFrom', 'periodTo', 'language', 'handling', 'sections'];
const isShownBesideField = (f: string) => TOP.includes(f) || /^sections\.\d+\.(heading|body)$/.test(f);

export function NewBulletinPage() {
  return <BulletinEditor bulletin={null} />;
}

export function EditBulletinPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { id = '' } = useParams({ strict: false });
  const bulletin = useQuery({ queryKey: bulletinKeys.one(id), queryFn: () => bulletinsApi.get(id), enabled: id !== '' });
  if (bulletin.isError)
    return (
      <>
        <PageHeader title={t('bulletins.form.editTitle', { reference: '' })} />
        <AlertsNav />
        <div className="alert alert-error" role="alert">
          {errorMessage(bulletin.error)}
        </div>
      </>
    );
  if (!bulletin.data) return <p className="muted">{t('common.loading')}</p>;
  return <BulletinEditor key={bulletin.data.id} bulletin={bulletin.data} />;
}

/** The bulletin form: what it covers, its handling code with the meanings, and its narrative sections. */
function BulletinEditor({ bulletin }: { bulletin: Bulletin | null }) {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(() => (bulletin ? fromBulletin(bulletin) : emptyForm(i18n.language)));
  const [busy, setBusy] = useState(false);
  const { errors, capture, clear } = useFormErrors();
  const fields = errors.fields;
  const set = <K extends keyof FormState>(k: K, value: FormState[K]) => setForm((f) => ({ ...f, [k]: value }));
  const setSection = (i: number, patch: Partial<Section>) => set('sections', form.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= form.sections.length) return;
    const copy = [...form.sections];
    [copy[i], copy[j]] = [copy[j], copy[i]];
    set('sections', copy);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setBusy(true);
    try {
      const input = toInput(form);
      let id = bulletin?.id ?? '';
      if (bulletin) queryClient.setQueryData(bulletinKeys.one(id), await bulletinsApi.update(id, input));
      else id = (await bulletinsApi.create(input)).id;
      await queryClient.invalidateQueries({ queryKey: bulletinKeys.all });
      toasts.show({ tone: 'success', title: t('bulletins.form.saved') });
      await navigate({ to: '/alerts/bulletins/$id', params: { id } });
    } catch (error) {
      capture(error);
    } finally {
      setBusy(false);
    }
  };

  const title = bulletin ? t('bulletins.form.editTitle', { reference: bulletin.reference }) : t('bulletins.form.newTitle');
  return (
    <>
      <PageHeader title={title} intro={t('bulletins.form.intro')} />
      <AlertsNav />
      {bulletin && (
        <p className="button-row">
          <Link to="/alerts/bulletins/$id" params={{ id: bulletin.id }}>
            {t('bulletins.form.back')}
          </Link>
          <BulletinStatusBadge status={bulletin.status} />
        </p>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="stack" aria-label={title}>
        <ErrorSummary errors={errors} knownFields={Object.keys(fields).filter(isShownBesideField)} />
        <fieldset>
          <legend>{t('bulletins.form.what')}</legend>
          <div className="form-grid form-grid-3">
            <TextField id="bulletin-title" label={t('alerts.fields.title')} value={form.title} onChange={(v) => set('title', v)} error={fields.title} required maxLength={200} dir="auto" className="span-2" />
            <SelectField id="bulletin-kind" label={t('bulletins.fields.kind')} value={form.kind} onChange={(v) => set('kind', v)} options={BULLETIN_KINDS} labelPrefix="bulletins.kinds" error={fields.kind} required />
            <Field id="bulletin-region" label={t('bulletins.fields.region')} error={fields.region} hint={t('bulletins.form.regionHint')}>
              <select id="bulletin-region" name="bulletin-region" value={form.region} onChange={(e) => set('region', e.target.value)} {...describedBy('bulletin-region', fields.region, t('bulletins.form.regionHint'))}>
                <option value="">{t('bulletins.allRegions')}</option>
                {WCO_REGIONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`alerts.regions.${r}`)}
                  </option>
                ))}
              </select>
            </Field>
            <TextField id="bulletin-periodFrom" type="date" label={t('bulletins.fields.periodFrom')} value={form.periodFrom} onChange={(v) => set('periodFrom', v)} error={fields.periodFrom} required />
            <TextField id="bulletin-periodTo" type="date" label={t('bulletins.fields.periodTo')} value={form.periodTo} onChange={(v) => set('periodTo', v)} error={fields.periodTo} required />
            <TextField id="bulletin-language" label={t('alerts.fields.language')} hint={t('bulletins.form.languageHint')} value={form.language} onChange={(v) => set('language', v)} error={fields.language} required maxLength={2} dir="ltr" autoComplete="off" />
            <SelectField
              id="bulletin-handling"
              label={t('alerts.fields.handling')}
              hint={form.handling ? t(`alerts.handlingMeaning.${form.handling}`) : undefined}
              value={form.handling}
              onChange={(v) => set('handling', v)}
              options={HANDLING_CODES}
              labelPrefix="alerts.handlingShort"
              error={fields.handling}
              required
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('bulletins.form.sections')}</legend>
          {fields.sections && <p className="field-error">{fields.sections}</p>}
          <ol className="repeat-list" data-testid="bulletin-sections">
            {form.sections.map((s, i) => {
              const itemLabel = t('bulletins.form.sectionN', { n: i + 1 });
              const id = (f: string) => `bulletin-sections-${i}-${f}`;
              return (
                <li key={s.key} className="repeat-item" aria-label={itemLabel}>
                  <div className="repeat-item-header">
                    <h3>{itemLabel}</h3>
                    <RepeatControls itemLabel={itemLabel} index={i} count={form.sections.length} min={1} onMove={(d) => move(i, d)} onRemove={() => set('sections', form.sections.filter((_, j) => j !== i))} />
                  </div>
                  <TextField id={id('heading')} label={t('bulletins.fields.heading')} value={s.heading} onChange={(v) => setSection(i, { heading: v })} error={fields[`sections.${i}.heading`]} required maxLength={200} dir="auto" />
                  <TextField id={id('body')} label={t('bulletins.fields.body')} value={s.body} onChange={(v) => setSection(i, { body: v })} error={fields[`sections.${i}.body`]} multiline maxLength={20000} dir="auto" />
                </li>
              );
            })}
          </ol>
          <div className="button-row">
            <button type="button" className="button button-small" onClick={() => set('sections', [...form.sections, { key: key(), heading: '', body: '' }])} disabled={form.sections.length >= MAX_SECTIONS}>
              {t('bulletins.form.addSection')}
            </button>
          </div>
        </fieldset>
        <div className="button-row button-row-end">
          {bulletin && (
            <Link to="/alerts/bulletins/$id" params={{ id: bulletin.id }} className="button">
              {t('common.cancel')}
            </Link>
          )}
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.working') : t('bulletins.form.save')}
          </button>
        </div>
      </form>
    </>
  );
}
