import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, FormActions, TextField, useFormErrors } from '../../app/forms.tsx';
import { Modal } from '../../app/Modal.tsx';
import { useWrite } from '../../app/mutation.ts';
import { useToasts } from '../../app/toasts.tsx';
import { SelectField } from '../../seizures/Select.tsx';
import { RISK_AREAS } from '../../alerts/alerts-api.ts';
import { CONTACT_KINDS, SECURE_CHANNELS, directoryApi, type ContactKind, type DirectoryEntry, type EntryInput } from './directory-api.ts';

const DAYS = [1, 2, 3, 4, 5, 6, 7];
const FIELDS = ['kind', 'name', 'unit', 'phone', 'email', 'timeZone', 'hours', 'languages', 'riskAreas', 'secureChannels', 'notes'];

function Checkboxes({ legend, options, value, onChange, label }: { legend: string; options: readonly (string | number)[]; value: readonly (string | number)[]; onChange(v: (string | number)[]): void; label(o: string | number): string }) {
  return (
    <fieldset className="checkbox-grid">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o} className="checkbox">
          <input type="checkbox" checked={value.includes(o)} onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((v) => v !== o))} /> {label(o)}
        </label>
      ))}
    </fieldset>
  );
}

/** Adds or changes a contact point of the user's organisation; saving it confirms it. */
export function EntryDialog({ entry, onClose, onSaved }: { entry: DirectoryEntry | null; onClose(): void; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const [v, setV] = useState<EntryInput>(
    entry ?? { kind: 'cen_ncp', name: '', unit: '', riskAreas: [], languages: [], timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, alwaysOpen: false, hours: [], phone: '', email: '', secureChannels: [], notes: '' },
  );
  // One slot of opening hours for the days ticked (a week with other hours per day is entered through the API).
  const [days, setDays] = useState<number[]>(entry?.hours.map((h) => h.day) ?? [1, 2, 3, 4, 5]);
  const [opens, setOpens] = useState(entry?.hours[0]?.opens ?? '08:00');
  const [closes, setCloses] = useState(entry?.hours[0]?.closes ?? '17:00');
  const [languages, setLanguages] = useState((entry?.languages ?? []).join(', '));
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);
  const set = <K extends keyof EntryInput>(key: K, value: EntryInput[K]) => setV((x) => ({ ...x, [key]: value }));
  const dayName = (day: number) => new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, day)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const input: EntryInput = {
      ...v,
      languages: languages.split(/[\s,;]+/).map((l) => l.trim().toLowerCase()).filter(Boolean),
      hours: v.alwaysOpen ? [] : [...days].sort().map((day) => ({ day, opens, closes })),
    };
    await write.run(async () => {
      if (entry) await directoryApi.update(entry.id, input);
      else await directoryApi.create(input);
      toasts.show({ tone: 'success', title: t('desk.directory.saved') });
      onSaved();
    });
  };
  const remove = () =>
    void write.run(async () => {
      await directoryApi.remove(entry!.id);
      toasts.show({ tone: 'success', title: t('desk.directory.removed') });
      onSaved();
    });

  return (
    <Modal title={entry ? t('desk.directory.editNamed', { name: entry.name }) : t('desk.directory.add')} onClose={onClose} wide>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} knownFields={FIELDS} />
        <div className="form-grid form-grid-2">
          <SelectField id="entry-kind" label={t('desk.directory.kind')} value={v.kind} onChange={(k) => set('kind', k as ContactKind)} options={CONTACT_KINDS} labelPrefix="desk.kinds" required error={errors.fields.kind} />
          <TextField id="entry-name" label={t('desk.directory.name')} value={v.name} onChange={(x) => set('name', x)} required maxLength={200} dir="auto" error={errors.fields.name} />
          <TextField id="entry-unit" label={t('desk.directory.unit')} value={v.unit} onChange={(x) => set('unit', x)} maxLength={200} dir="auto" error={errors.fields.unit} />
          <TextField id="entry-phone" type="tel" label={t('desk.directory.phone')} value={v.phone} onChange={(x) => set('phone', x)} maxLength={60} error={errors.fields.phone} hint={t('desk.directory.phoneHint')} />
          <TextField id="entry-email" type="email" label={t('desk.directory.email')} value={v.email} onChange={(x) => set('email', x)} maxLength={200} error={errors.fields.email} />
          <TextField id="entry-timeZone" label={t('desk.directory.timeZone')} value={v.timeZone} onChange={(x) => set('timeZone', x)} list="entry-time-zones" required error={errors.fields.timeZone} />
          <datalist id="entry-time-zones">
            {Intl.supportedValuesOf('timeZone').map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <TextField id="entry-languages" label={t('desk.directory.languages')} hint={t('desk.directory.languagesHint')} value={languages} onChange={setLanguages} maxLength={80} error={errors.fields.languages} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={v.alwaysOpen} onChange={(e) => set('alwaysOpen', e.target.checked)} /> {t('desk.directory.alwaysOpen')}
        </label>
        {!v.alwaysOpen && (
          <div className="stack">
            <Checkboxes legend={t('desk.directory.days')} options={DAYS} value={days} onChange={(d) => setDays(d as number[])} label={(d) => dayName(Number(d))} />
            <div className="form-grid form-grid-2">
              <TextField id="entry-opens" type="time" label={t('desk.directory.opens')} value={opens} onChange={setOpens} error={errors.fields.hours} />
              <TextField id="entry-closes" type="time" label={t('desk.directory.closes')} value={closes} onChange={setCloses} />
            </div>
          </div>
        )}
        <Checkboxes legend={t('desk.directory.riskAreas')} options={RISK_AREAS} value={v.riskAreas} onChange={(r) => set('riskAreas', r as string[])} label={(r) => t(`alerts.riskAreas.${r}`)} />
        <Checkboxes legend={t('desk.directory.channels')} options={SECURE_CHANNELS} value={v.secureChannels} onChange={(c) => set('secureChannels', c as string[])} label={(c) => t(`desk.channels.${c}`)} />
        <TextField id="entry-notes" label={t('desk.directory.notes')} value={v.notes} onChange={(x) => set('notes', x)} multiline maxLength={2000} dir="auto" error={errors.fields.notes} />
        {entry && (
          <div className="button-row">
            <button type="button" className="button button-danger-outline" onClick={remove} disabled={write.pending}>
              {t('desk.directory.remove')}
            </button>
          </div>
        )}
        <FormActions submitLabel={t('common.save')} onCancel={onClose} busy={write.pending} />
      </form>
    </Modal>
  );
}
