import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, TextField, useErrorMessage, useFormErrors } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { useToasts } from '../app/toasts.tsx';
import { RepeatableTextList } from '../national/RepeatableTextList.tsx';
import { SeizurePicker } from '../national/SeizurePicker.tsx';
import { Typeahead } from '../reference/Typeahead.tsx';
import { CodeListField } from '../seizures/CodeListField.tsx';
import { RepeatControls } from '../seizures/RepeatControls.tsx';
import { SelectField } from '../seizures/Select.tsx';
import { AlertStatusBadge } from './AlertBadges.tsx';
import { AlertsNav } from './AlertsNav.tsx';
import {
  HANDLING_CODES,
  INFO_CREDIBILITY,
  RISK_AREAS,
  ROUTE_ROLES,
  SOURCE_RELIABILITY,
  TRANSPORT_MODES,
  alertKeys,
  alertsApi,
  type Alert,
  type AlertInput,
  type HandlingCode,
  type RiskArea,
  type SourceReliability,
} from './alerts-api.ts';

interface Line {
  key: number;
  hsCode: string | null;
  description: string;
}
interface Leg {
  key: number;
  role: string;
  country: string | null;
  place: string;
}
interface LinkedSeizure {
  id: string;
  reference: string;
  seizedAt: string;
}
interface FormState {
  title: string;
  riskArea: string;
  language: string;
  commodities: Line[];
  modusOperandi: string;
  concealmentMethods: string[];
  detectionMethods: string[];
  route: Leg[];
  transportMode: string;
  conveyance: string;
  indicators: string[];
  recommendedAction: string;
  validFrom: string;
  validUntil: string;
  handling: string;
  sourceReliability: string;
  infoCredibility: string;
  seizures: LinkedSeizure[];
  warningNumbers: string[];
}

let nextKey = 1;
const key = () => nextKey++;
const today = () => new Date().toISOString().slice(0, 10);

function emptyForm(language: string): FormState {
  return {
    title: '',
    riskArea: '',
    language: language.slice(0, 2),
    commodities: [],
    modusOperandi: '',
    concealmentMethods: [],
    detectionMethods: [],
    route: [],
    transportMode: '',
    conveyance: '',
    indicators: [''],
    recommendedAction: '',
    validFrom: today(),
    validUntil: '',
    handling: 'H2',
    sourceReliability: '',
    infoCredibility: '',
    seizures: [],
    warningNumbers: [],
  };
}

function fromAlert(a: Alert): FormState {
  return {
    title: a.title,
    riskArea: a.riskArea,
    language: a.language,
    commodities: a.commodities.map((c) => ({ key: key(), hsCode: c.hsCode || null, description: c.description })),
    modusOperandi: a.modusOperandi,
    concealmentMethods: a.concealmentMethods,
    detectionMethods: a.detectionMethods,
    route: a.route.map((l) => ({ key: key(), role: l.role, country: l.country || null, place: l.place })),
    transportMode: a.transportMode ?? '',
    conveyance: a.conveyance ?? '',
    indicators: a.indicators.length ? a.indicators : [''],
    recommendedAction: a.recommendedAction,
    validFrom: a.validFrom.slice(0, 10),
    validUntil: a.validUntil?.slice(0, 10) ?? '',
    handling: a.handling,
    sourceReliability: a.sourceReliability,
    infoCredibility: String(a.infoCredibility),
    seizures: a.seizures,
    warningNumbers: a.warningNumbers,
  };
}

function toInput(f: FormState): AlertInput {
  return {
    title: f.title.trim(),
    riskArea: f.riskArea as RiskArea,
    language: f.language.trim().toLowerCase(),
    commodities: f.commodities.map((c) => ({ hsCode: c.hsCode ?? '', description: c.description.trim() })),
    modusOperandi: f.modusOperandi,
    concealmentMethods: f.concealmentMethods,
    detectionMethods: f.detectionMethods,
    route: f.route.map((l) => ({ role: l.role, country: l.country ?? '', place: l.place.trim() })),
    transportMode: f.transportMode || null,
    conveyance: f.conveyance.trim() || null,
    indicators: f.indicators.map((s) => s.trim()).filter(Boolean),
    recommendedAction: f.recommendedAction,
    validFrom: f.validFrom,
    validUntil: f.validUntil || null,
    handling: f.handling as HandlingCode,
    sourceReliability: f.sourceReliability as SourceReliability,
    infoCredibility: Number(f.infoCredibility),
    seizureIds: f.seizures.map((s) => s.id),
    warningNumbers: f.warningNumbers.map((s) => s.trim()).filter(Boolean),
  };
}

/** Errors of a list by position (`indicators.1` becomes `1`, `indicators` becomes ``). */
function listErrors(fields: Record<string, string>, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k === name) out[''] = v;
    else if (k.startsWith(`${name}.`)) out[k.slice(name.length + 1)] = v;
  }
  return out;
}

/** Merges errors of one code in a list (`concealmentMethods.0`) into the list's field. */
function codeListError(fields: Record<string, string>, name: string): string | undefined {
  const texts = Object.entries(fields)
    .filter(([k]) => k === name || k.startsWith(`${name}.`))
    .map(([, v]) => v);
  return texts.length ? texts.join('; ') : undefined;
}

const TOP = ['title', 'riskArea', 'language', 'modusOperandi', 'transportMode', 'conveyance', 'recommendedAction', 'validFrom', 'validUntil', 'handling', 'sourceReliability', 'infoCredibility', 'commodities', 'route', 'seizureIds'];
const isShownBesideField = (f: string) => TOP.includes(f) || /^(commodities|route)\.\d+\.\w+$/.test(f) || /^(concealmentMethods|detectionMethods|indicators|warningNumbers|seizureIds)(\.\d+)?$/.test(f);

export function NewAlertPage() {
  return <AlertEditor alert={null} />;
}

export function EditAlertPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { id = '' } = useParams({ strict: false });
  const alert = useQuery({ queryKey: alertKeys.one(id), queryFn: () => alertsApi.get(id), enabled: id !== '' });
  if (alert.isError)
    return (
      <>
        <PageHeader title={t('alerts.form.editTitle', { reference: '' })} />
        <div className="alert alert-error" role="alert">
          {errorMessage(alert.error)}
        </div>
      </>
    );
  if (!alert.data) return <p className="muted">{t('common.loading')}</p>;
  return <AlertEditor key={alert.data.id} alert={alert.data} />;
}

/** The alert form, built for speed: a typeahead on every coded field, the grading and handling code as selects with their meanings. */
function AlertEditor({ alert }: { alert: Alert | null }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const toasts = useToasts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(() => (alert ? fromAlert(alert) : emptyForm(i18n.language)));
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const { errors, capture, clear } = useFormErrors();
  const fields = errors.fields;
  const set = <K extends keyof FormState>(k: K, value: FormState[K]) => setForm((f) => ({ ...f, [k]: value }));
  const canSubmit = !alert || alert.can.submit;

  const save = async (mode: 'save' | 'submit') => {
    clear();
    setBusy(mode);
    try {
      const input = toInput(form);
      let id = alert?.id ?? '';
      if (alert) await alertsApi.update(alert.id, input, alert.version);
      else id = (await alertsApi.create(input)).id;
      let saved = await alertsApi.get(id);
      if (mode === 'submit' && saved.can.submit) saved = await alertsApi.submit(id);
      queryClient.setQueryData(alertKeys.one(id), saved);
      await queryClient.invalidateQueries({ queryKey: alertKeys.all });
      toasts.show({ tone: 'success', title: t(mode === 'submit' ? 'alerts.form.submitted' : 'alerts.form.saved', { reference: saved.reference }) });
      await navigate({ to: '/alerts/$id', params: { id } });
    } catch (error) {
      capture(error);
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save('save');
  };

  const setLine = (i: number, patch: Partial<Line>) => set('commodities', form.commodities.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const setLeg = (i: number, patch: Partial<Leg>) => set('route', form.route.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const move = <T,>(list: T[], i: number, d: number): T[] => {
    const j = i + d;
    if (j < 0 || j >= list.length) return list;
    const copy = [...list];
    [copy[i], copy[j]] = [copy[j], copy[i]];
    return copy;
  };

  const title = alert ? t('alerts.form.editTitle', { reference: alert.reference }) : t('alerts.form.newTitle');
  return (
    <>
      <PageHeader title={title} intro={t('alerts.form.intro')} />
      <AlertsNav />
      {alert && (
        <p className="button-row">
          <Link to="/alerts/$id" params={{ id: alert.id }}>
            {t('alerts.form.backToAlert')}
          </Link>
          <AlertStatusBadge status={alert.status} />
        </p>
      )}
      {alert?.status === 'returned' && alert.returnComment && (
        <div className="alert alert-warning" role="note" data-testid="return-comment">
          <strong>{t('alerts.view.returnedWith')}</strong>
          <p dir="auto">{alert.returnComment}</p>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="stack" aria-label={title}>
        <ErrorSummary errors={errors} knownFields={Object.keys(fields).filter(isShownBesideField)} />
        <fieldset>
          <legend>{t('alerts.form.what')}</legend>
          <div className="form-grid form-grid-3">
            <TextField id="alert-title" label={t('alerts.fields.title')} value={form.title} onChange={(v) => set('title', v)} error={fields.title} required maxLength={200} dir="auto" className="span-2" />
            <SelectField id="alert-riskArea" label={t('alerts.fields.riskArea')} value={form.riskArea} onChange={(v) => set('riskArea', v)} options={RISK_AREAS} labelPrefix="alerts.riskAreas" error={fields.riskArea} required />
            <TextField id="alert-language" label={t('alerts.fields.language')} hint={t('alerts.form.languageHint')} value={form.language} onChange={(v) => set('language', v)} error={fields.language} required maxLength={2} dir="ltr" autoComplete="off" />
            <TextField id="alert-validFrom" type="date" label={t('alerts.fields.validFrom')} value={form.validFrom} onChange={(v) => set('validFrom', v)} error={fields.validFrom} required />
            <TextField id="alert-validUntil" type="date" label={t('alerts.fields.validUntil')} value={form.validUntil} onChange={(v) => set('validUntil', v)} error={fields.validUntil} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('alerts.form.gradingSection')}</legend>
          <div className="form-grid form-grid-3">
            <SelectField id="alert-handling" label={t('alerts.fields.handling')} hint={form.handling ? t(`alerts.handlingMeaning.${form.handling}`) : undefined} value={form.handling} onChange={(v) => set('handling', v)} options={HANDLING_CODES} labelPrefix="alerts.handlingShort" error={fields.handling} required />
            <SelectField id="alert-sourceReliability" label={t('alerts.fields.sourceReliability')} value={form.sourceReliability} onChange={(v) => set('sourceReliability', v)} options={SOURCE_RELIABILITY} labelPrefix="alerts.reliability" error={fields.sourceReliability} required />
            <SelectField id="alert-infoCredibility" label={t('alerts.fields.infoCredibility')} value={form.infoCredibility} onChange={(v) => set('infoCredibility', v)} options={INFO_CREDIBILITY.map(String)} labelPrefix="alerts.credibility" error={fields.infoCredibility} required />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('alerts.form.commodities')}</legend>
          {fields.commodities && <p className="field-error">{fields.commodities}</p>}
          <ol className="repeat-list" data-testid="alert-commodities">
            {form.commodities.map((line, i) => {
              const itemLabel = t('alerts.form.lineN', { n: i + 1 });
              const id = (f: string) => `alert-commodities-${i}-${f}`;
              return (
                <li key={line.key} className="repeat-item" aria-label={itemLabel}>
                  <div className="repeat-item-header">
                    <h3>{itemLabel}</h3>
                    <RepeatControls itemLabel={itemLabel} index={i} count={form.commodities.length} onMove={(d) => set('commodities', move(form.commodities, i, d))} onRemove={() => set('commodities', form.commodities.filter((_, j) => j !== i))} />
                  </div>
                  <div className="form-grid">
                    <Typeahead id={id('hsCode')} kind="hs-codes" label={t('alerts.fields.hsCode')} value={line.hsCode} onChange={(code) => setLine(i, { hsCode: code })} error={fields[`commodities.${i}.hsCode`]} required />
                    <TextField id={id('description')} label={t('alerts.fields.description')} value={line.description} onChange={(v) => setLine(i, { description: v })} error={fields[`commodities.${i}.description`]} maxLength={300} dir="auto" />
                  </div>
                </li>
              );
            })}
          </ol>
          <div className="button-row">
            <button type="button" className="button button-small" onClick={() => set('commodities', [...form.commodities, { key: key(), hsCode: null, description: '' }])} disabled={form.commodities.length >= 30}>
              {t('alerts.form.addLine')}
            </button>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('alerts.form.how')}</legend>
          <div className="form-grid">
            <CodeListField id="alert-concealmentMethods" kind="concealment-methods" label={t('alerts.fields.concealmentMethods')} values={form.concealmentMethods} onChange={(v) => set('concealmentMethods', v)} error={codeListError(fields, 'concealmentMethods')} max={20} />
            <CodeListField id="alert-detectionMethods" kind="detection-methods" label={t('alerts.fields.detectionMethods')} values={form.detectionMethods} onChange={(v) => set('detectionMethods', v)} error={codeListError(fields, 'detectionMethods')} max={20} />
            <SelectField id="alert-transportMode" label={t('alerts.fields.transportMode')} value={form.transportMode} onChange={(v) => set('transportMode', v)} options={TRANSPORT_MODES} labelPrefix="alerts.transportModes" error={fields.transportMode} emptyLabel={t('alerts.form.notKnown')} />
            <TextField id="alert-conveyance" label={t('alerts.fields.conveyance')} value={form.conveyance} onChange={(v) => set('conveyance', v)} error={fields.conveyance} maxLength={200} dir="auto" />
          </div>
          <TextField id="alert-modusOperandi" label={t('alerts.fields.modusOperandi')} value={form.modusOperandi} onChange={(v) => set('modusOperandi', v)} error={fields.modusOperandi} multiline maxLength={10000} dir="auto" />
        </fieldset>
        <fieldset>
          <legend>{t('alerts.fields.route')}</legend>
          {fields.route && <p className="field-error">{fields.route}</p>}
          <ol className="repeat-list" data-testid="alert-route">
            {form.route.map((leg, i) => {
              const itemLabel = t('alerts.form.legN', { n: i + 1 });
              const id = (f: string) => `alert-route-${i}-${f}`;
              return (
                <li key={leg.key} className="repeat-item" aria-label={itemLabel}>
                  <div className="repeat-item-header">
                    <h3>{itemLabel}</h3>
                    <RepeatControls itemLabel={itemLabel} index={i} count={form.route.length} onMove={(d) => set('route', move(form.route, i, d))} onRemove={() => set('route', form.route.filter((_, j) => j !== i))} />
                  </div>
                  <div className="form-grid form-grid-3">
                    <SelectField id={id('role')} label={t('alerts.fields.legRole')} value={leg.role} onChange={(v) => setLeg(i, { role: v })} options={ROUTE_ROLES} labelPrefix="alerts.routeRoles" error={fields[`route.${i}.role`]} required />
                    <Typeahead id={id('country')} kind="countries" label={t('alerts.fields.country')} value={leg.country} onChange={(code) => setLeg(i, { country: code })} error={fields[`route.${i}.country`]} required />
                    <TextField id={id('place')} label={t('alerts.fields.place')} value={leg.place} onChange={(v) => setLeg(i, { place: v })} error={fields[`route.${i}.place`]} maxLength={100} dir="auto" />
                  </div>
                </li>
              );
            })}
          </ol>
          <div className="button-row">
            <button
              type="button"
              className="button button-small"
              onClick={() => set('route', [...form.route, { key: key(), role: form.route.length === 0 ? 'departure' : 'destination', country: null, place: '' }])}
              disabled={form.route.length >= 20}
            >
              {t('alerts.form.addLeg')}
            </button>
          </div>
        </fieldset>
        <RepeatableTextList
          id="alert-indicators"
          legend={t('alerts.fields.indicators')}
          values={form.indicators}
          onChange={(v) => set('indicators', v)}
          itemLabel={(i) => t('alerts.form.indicatorN', { n: i + 1 })}
          addLabel={t('alerts.form.addIndicator')}
          errors={listErrors(fields, 'indicators')}
          max={50}
        />
        <TextField id="alert-recommendedAction" label={t('alerts.fields.recommendedAction')} value={form.recommendedAction} onChange={(v) => set('recommendedAction', v)} error={fields.recommendedAction} multiline maxLength={5000} dir="auto" />
        <fieldset className="stack">
          <legend>{t('alerts.form.links')}</legend>
          <div className={`field stack${codeListError(fields, 'seizureIds') ? ' field-invalid' : ''}`} role="group" aria-labelledby="alert-seizures-label">
            <span className="field-label" id="alert-seizures-label">
              {t('alerts.fields.seizures')}
            </span>
            <div className="stack">
              {form.seizures.length > 0 && (
                <ul className="chips" data-testid="alert-seizures-chosen">
                  {form.seizures.map((s) => (
                    <li key={s.id} className="chip">
                      <span>
                        {s.reference} <span className="muted small">{format.date(s.seizedAt)}</span>
                      </span>
                      <button type="button" className="icon-button" aria-label={t('alerts.form.removeSeizure', { reference: s.reference })} onClick={() => set('seizures', form.seizures.filter((x) => x.id !== s.id))}>
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <SeizurePicker
                id="alert-seizure-picker"
                value={null}
                onChange={(s) => {
                  if (s && !form.seizures.some((x) => x.id === s.id)) set('seizures', [...form.seizures, { id: s.id, reference: s.reference, seizedAt: s.seizedAt }]);
                }}
              />
            </div>
            {codeListError(fields, 'seizureIds') && <p className="field-error">{codeListError(fields, 'seizureIds')}</p>}
          </div>
          <RepeatableTextList
            id="alert-warningNumbers"
            legend={t('alerts.fields.warningNumbers')}
            values={form.warningNumbers}
            onChange={(v) => set('warningNumbers', v)}
            itemLabel={(i) => t('alerts.form.warningN', { n: i + 1 })}
            addLabel={t('alerts.form.addWarning')}
            errors={listErrors(fields, 'warningNumbers')}
            max={50}
          />
        </fieldset>
        <div className="button-row button-row-end">
          <button type="submit" className="button" disabled={busy !== null}>
            {busy === 'save' ? t('common.working') : t('alerts.form.save')}
          </button>
          {canSubmit && (
            <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void save('submit')}>
              {busy === 'submit' ? t('common.working') : t('alerts.form.submit')}
            </button>
          )}
        </div>
      </form>
      {!alert && <p className="muted">{t('alerts.files.afterSave')}</p>}
    </>
  );
}
