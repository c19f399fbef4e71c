import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FilterActions } from '../../app/FilterActions.tsx';
import { TextField, useErrorMessage } from '../../app/forms.tsx';
import { useFormat } from '../../app/format.ts';
import { useWrite } from '../../app/mutation.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../app/session.tsx';
import { useToasts } from '../../app/toasts.tsx';
import { Typeahead } from '../../reference/Typeahead.tsx';
import { SelectField } from '../../seizures/Select.tsx';
import { RISK_AREAS } from '../../alerts/alerts-api.ts';
import { canEditDirectory } from '../../../../server/desk/desk-view.ts';
import { DeskNav } from '../DeskNav.tsx';
import { EntryDialog } from './EntryDialog.tsx';
import { CONTACT_KINDS, directoryApi, directoryKeys, type DirectoryEntry, type DirectoryFilters } from './directory-api.ts';
import { ListStatus } from '../../app/ListResults.tsx';

/** The contact points of every administration and partner: who to call, in which language, and whether they are open now. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [draft, setDraft] = useState<DirectoryFilters>({});
  const [filters, setFilters] = useState<DirectoryFilters>({});
  const [editing, setEditing] = useState<DirectoryEntry | 'new' | null>(null);
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: directoryKeys.search(filters), queryFn: () => directoryApi.search(filters), placeholderData: keepPreviousData });
  const set = <K extends keyof DirectoryFilters>(key: K, value: DirectoryFilters[K]) => setDraft((f) => ({ ...f, [key]: value || undefined }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };
  const entries = list.data?.entries ?? [];
  const editor = canEditDirectory(me.roles);

  return (
    <>
      <PageHeader
        title={t('desk.directory.title')}
        intro={t('desk.directory.intro')}
        actions={
          editor && (
            <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
              {t('desk.directory.add')}
            </button>
          )
        }
      />
      <DeskNav />
      <section className="panel">
        <form role="search" aria-label={t('desk.directory.filters')} onSubmit={submit} noValidate className="stack">
          <div className="form-grid form-grid-3">
            <TextField id="dir-q" type="search" label={t('desk.directory.text')} value={draft.q ?? ''} onChange={(v) => set('q', v)} maxLength={100} autoComplete="off" />
            <Typeahead id="dir-country" kind="countries" label={t('desk.directory.country')} value={draft.country ?? null} onChange={(code) => set('country', code ?? undefined)} />
            <Typeahead id="dir-region" kind="regions" label={t('desk.directory.region')} value={draft.region ?? null} onChange={(code) => set('region', code ?? undefined)} />
            <SelectField id="dir-kind" label={t('desk.directory.kind')} value={draft.kind ?? ''} onChange={(v) => set('kind', v)} options={CONTACT_KINDS} labelPrefix="desk.kinds" emptyLabel={t('common.any')} />
            <SelectField id="dir-risk" label={t('desk.directory.riskArea')} value={draft.riskArea ?? ''} onChange={(v) => set('riskArea', v)} options={RISK_AREAS} labelPrefix="alerts.riskAreas" emptyLabel={t('common.any')} />
            <TextField id="dir-language" label={t('desk.directory.language')} hint={t('desk.directory.languageHint')} value={draft.language ?? ''} onChange={(v) => set('language', v.trim().toLowerCase())} maxLength={2} />
          </div>
          <div className="button-row">
            <label className="checkbox">
              <input type="checkbox" checked={draft.openNow === 'true'} onChange={(e) => set('openNow', e.target.checked ? 'true' : undefined)} /> {t('desk.directory.openNow')}
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={draft.orgId === me.orgId} onChange={(e) => set('orgId', e.target.checked ? me.orgId : undefined)} /> {t('desk.directory.mine')}
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={draft.stale === 'true'} onChange={(e) => set('stale', e.target.checked ? 'true' : undefined)} /> {t('desk.directory.staleOnly')}
            </label>
          </div>
          <FilterActions
            onClear={() => {
              setDraft({});
              setFilters({});
            }}
          >
            <a className="button" href={directoryApi.exportUrl(filters, 'csv')} download>
              {t('desk.directory.exportCsv')}
            </a>
            <a className="button" href={directoryApi.exportUrl(filters, 'vcf')} download>
              {t('desk.directory.exportVcard')}
            </a>
          </FilterActions>
        </form>
      </section>
      <section className="panel">
        <ListStatus query={list} count={t('desk.directory.count', { count: list.data?.total ?? 0 })} />
        <ul className="directory-cards" data-testid="directory-entries">
          {entries.map((e) => (
            <EntryCard key={e.id} entry={e} mine={editor && e.orgId === me.orgId} onEdit={() => setEditing(e)} onChanged={() => void queryClient.invalidateQueries({ queryKey: directoryKeys.all })} />
          ))}
        </ul>
        {list.data && entries.length === 0 && <p className="empty">{t('desk.directory.none')}</p>}
      </section>
      {editing && (
        <EntryDialog
          entry={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void queryClient.invalidateQueries({ queryKey: directoryKeys.all });
          }}
        />
      )}
    </>
  );
}

function EntryCard({ entry: e, mine, onEdit, onChanged }: { entry: DirectoryEntry; mine: boolean; onEdit(): void; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const write = useWrite((err) => toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(err) }));
  const languageName = (code: string) => new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
  const dayName = (day: number) => new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, day))); // 1 Jan 2024 was a Monday
  return (
    <li className="directory-card panel-inner" data-entry={e.name} aria-label={`${e.name}, ${e.orgName}`}>
      <div className="directory-card-head">
        <h2 dir="auto">{e.name}</h2>
        <span className={`badge ${e.openNow ? 'badge-ok' : 'badge-muted'}`}>{e.openNow ? t('desk.directory.open') : t('desk.directory.closed')}</span>
        {e.stale && (
          <span className="badge badge-warning" title={t('desk.directory.staleHint')}>
            {t('desk.directory.stale')}
          </span>
        )}
      </div>
      <p dir="auto">
        <strong>{e.orgName}</strong>
        {e.unit && ` — ${e.unit}`} · {t(`desk.kinds.${e.kind}`)}
        {e.country && ` · ${e.country}`}
      </p>
      <dl className="directory-facts">
        {e.phone && (
          <>
            <dt>{t('desk.directory.phone')}</dt>
            <dd>
              <a href={`tel:${e.phone.replace(/[^+0-9]/g, '')}`}>{e.phone}</a>
            </dd>
          </>
        )}
        {e.email && (
          <>
            <dt>{t('desk.directory.email')}</dt>
            <dd>
              <a href={`mailto:${e.email}`}>{e.email}</a>
            </dd>
          </>
        )}
        <dt>{t('desk.directory.hours')}</dt>
        <dd>
          {e.alwaysOpen ? t('desk.directory.alwaysOpen') : e.hours.length ? e.hours.map((h) => `${dayName(h.day)} ${h.opens}–${h.closes}`).join(', ') : t('desk.directory.noHours')} ({e.timeZone})
        </dd>
        {e.languages.length > 0 && (
          <>
            <dt>{t('desk.directory.languages')}</dt>
            <dd>{e.languages.map(languageName).join(', ')}</dd>
          </>
        )}
        {e.riskAreas.length > 0 && (
          <>
            <dt>{t('desk.directory.riskAreas')}</dt>
            <dd>{e.riskAreas.map((r) => t(`alerts.riskAreas.${r}`)).join(', ')}</dd>
          </>
        )}
        {e.secureChannels.length > 0 && (
          <>
            <dt>{t('desk.directory.channels')}</dt>
            <dd>{e.secureChannels.map((c) => t(`desk.channels.${c}`)).join(', ')}</dd>
          </>
        )}
        <dt>{t('desk.directory.confirmedAt')}</dt>
        <dd>{format.date(e.confirmedAt)}</dd>
      </dl>
      {e.notes && (
        <p className="muted" dir="auto">
          {e.notes}
        </p>
      )}
      {mine && (
        <div className="button-row">
          <button type="button" className="button button-small" onClick={onEdit} aria-label={t('desk.directory.editNamed', { name: e.name })}>
            {t('common.edit')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={write.pending}
            aria-label={t('desk.directory.confirmNamed', { name: e.name })}
            onClick={() =>
              void write.run(async () => {
                await directoryApi.confirm(e.id);
                toasts.show({ tone: 'success', title: t('desk.directory.confirmed') });
                onChanged();
              })
            }
          >
            {t('desk.directory.confirm')}
          </button>
        </div>
      )}
    </li>
  );
}
