import { useMemo, useState } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../app/api.ts';
import { Modal } from '../app/Modal.tsx';
import { useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import type { ReferenceItem, ReferenceKind } from '../reference/reference-api.ts';
import { formattedApi, formattedKeys, type CenExportPreview } from './formatted-api.ts';

/** The seizure record's field names, as the seizure database labels them (its locale keys), by the preview's leaf names. */
const FIELD_KEYS: Record<string, string> = {
  category: 'commodity',
  subcategory: 'commodity',
  role: 'legRole',
  date: 'legDate',
};
/** Values that are codes of a closed list of the seizure record, and the list's locale keys. */
const VALUE_KEYS: Record<string, string> = {
  locationType: 'locationTypes',
  direction: 'directions',
  transportMode: 'transportModes',
  conveyanceType: 'conveyanceTypes',
  role: 'legRoles',
  gender: 'genders',
  ageBand: 'ageBands',
  unit: 'units',
};
/** Values that are codes of the reference data. */
const REFERENCE: Record<string, ReferenceKind> = {
  placeLocode: 'locodes',
  placeIata: 'airports',
  detectionMethods: 'detection-methods',
  concealmentMethods: 'concealment-methods',
  category: 'commodities',
  subcategory: 'commodities',
  hsCode: 'hs-codes',
  currency: 'currencies',
};
const COUNTRIES = new Set(['country', 'nationality']);
const GROUPS = ['commodities', 'route', 'offenders'] as const;

type Leaving = CenExportPreview['leaving'][number];
const asCodes = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);

/** Labels of reference codes in the interface language, fetched once per code. */
function useReferenceNames(entries: Leaving[]) {
  const { i18n } = useTranslation();
  const wanted = useMemo(() => {
    const out: { kind: ReferenceKind; code: string }[] = [];
    for (const e of entries) {
      const kind = REFERENCE[e.path.split('.').pop() ?? ''];
      if (kind) for (const code of asCodes(e.value)) if (!out.some((w) => w.kind === kind && w.code === code)) out.push({ kind, code });
    }
    return out;
  }, [entries]);
  const results = useQueries({
    queries: wanted.map((w) => ({
      queryKey: ['reference-item', w.kind, w.code, i18n.language],
      queryFn: () => api.get<ReferenceItem>(withQuery(`/reference/${w.kind}/${encodeURIComponent(w.code)}`, { lang: i18n.language })),
      staleTime: 60 * 60_000,
      retry: false,
    })),
  });
  return (kind: ReferenceKind, code: string) => {
    const i = wanted.findIndex((w) => w.kind === kind && w.code === code);
    const label = i >= 0 ? results[i]?.data?.label : undefined;
    return label && label !== code ? `${label} (${code})` : code;
  };
}

function countryName(lang: string, code: string): string {
  try {
    const name = new Intl.DisplayNames([lang, 'en'], { type: 'region' }).of(code.toUpperCase());
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/**
 * "Send to the seizure database": what exactly would leave the operation (readable labels and values),
 * what stays, what blocks it, and text that looks like personal data (to confirm); then the export,
 * a draft of my administration, with a link to it.
 */
export function CenExportDialog({ opId, messageId, onClose }: { opId: string; messageId: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const preview = useQuery({ queryKey: formattedKeys.cenExport(opId, messageId), queryFn: () => formattedApi.cenPreview(opId, messageId), retry: false });
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<{ seizureId: string; reference: string } | null>(null);
  const p = preview.data;
  const refName = useReferenceNames(p?.leaving ?? []);

  const fieldLabel = (name: string) => t(`seizures.fields.${FIELD_KEYS[name] ?? name}`, { defaultValue: name });
  /** "Goods line 2 · HS code" for commodities.1.hsCode. */
  const pathLabel = (path: string) => {
    const parts = path.split('.');
    if (parts.length === 3 && (GROUPS as readonly string[]).includes(parts[0])) return `${t(`comm.cenExport.groups.${parts[0]}`, { n: Number(parts[1]) + 1 })} · ${fieldLabel(parts[2])}`;
    return fieldLabel(parts[parts.length - 1]);
  };
  const display = (path: string, value: unknown): string => {
    const name = path.split('.').pop() ?? path;
    if (value === null || value === undefined || value === '') return '—';
    if (name === 'seizedAt') return format.dateTime(String(value));
    if (COUNTRIES.has(name)) return countryName(i18n.language, String(value));
    if (VALUE_KEYS[name]) return asCodes(value).map((v) => t(`seizures.${VALUE_KEYS[name]}.${v}`, { defaultValue: v })).join(', ');
    if (REFERENCE[name]) return asCodes(value).map((v) => refName(REFERENCE[name], v)).join(', ');
    if (typeof value === 'number') return format.number(value);
    if (Array.isArray(value)) return value.map(String).join(', ');
    return String(value);
  };

  const exported = done ?? p?.exported ?? null;
  const blocked = !p || p.errors.length > 0 || (p.warnings.length > 0 && !confirmed);

  const run = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setDone(await formattedApi.cenExport(opId, messageId, confirmed));
      await queryClient.invalidateQueries({ queryKey: formattedKeys.cenExport(opId, messageId) });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('comm.cenExport.title')}
      onClose={onClose}
      wide
      footer={
        <div className="button-row button-row-end">
          <button type="button" className="button" onClick={onClose}>
            {exported ? t('common.close') : t('common.cancel')}
          </button>
          {!exported && (
            <button type="button" className="button button-primary" disabled={blocked || busy} onClick={() => void run()}>
              {busy ? t('common.working') : t('comm.cenExport.send')}
            </button>
          )}
        </div>
      }
    >
      <div className="stack" data-testid="cen-export">
        {preview.isPending && <p className="muted">{t('common.loading')}</p>}
        {preview.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(preview.error)}
          </div>
        )}
        {exported && (
          <div className="alert alert-success" role="status" data-testid="cen-exported">
            <p>{done ? t('comm.cenExport.done', { reference: exported.reference }) : t('comm.cenExport.already', { reference: exported.reference })}</p>
            <Link to="/seizures/$id" params={{ id: exported.seizureId }} className="button button-small">
              {t('comm.cenExport.openSeizure', { reference: exported.reference })}
            </Link>
          </div>
        )}
        {p && !exported && (
          <>
            <p>{t('comm.cenExport.intro')}</p>
            {p.errors.length > 0 && (
              <div className="alert alert-error" role="alert" data-testid="cen-errors">
                <strong>{t('comm.cenExport.errors')}</strong>
                <ul>
                  {p.errors.map((e) => (
                    <li key={`${e.field}:${e.message}`}>
                      {e.field ? `${pathLabel(e.field.replace(/^body\./, ''))}: ` : ''}
                      {e.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <section>
              <h3 className="section-title">{t('comm.cenExport.leaving')}</h3>
              <div className="table-wrap">
                <table data-testid="cen-leaving">
                  <thead>
                    <tr>
                      <th scope="col">{t('comm.cenExport.field')}</th>
                      <th scope="col">{t('comm.cenExport.value')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.leaving.map((l) => (
                      <tr key={l.path} data-path={l.path}>
                        <th scope="row">{pathLabel(l.path)}</th>
                        <td dir="auto">{display(l.path, l.value)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section>
              <h3 className="section-title">{t('comm.cenExport.staying')}</h3>
              <ul data-testid="cen-dropped">
                {p.dropped.map((d) => (
                  <li key={d}>{t(`comm.cenExport.dropped.${d}`, { defaultValue: d })}</li>
                ))}
              </ul>
              <p className="muted small">{t('comm.cenExport.stayingNote')}</p>
            </section>
            {p.warnings.length > 0 && (
              <div className="alert comm-alert-warning" data-testid="cen-warnings">
                <strong>{t('comm.cenExport.warnings')}</strong>
                <ul>
                  {p.warnings.map((w, i) => (
                    <li key={i}>
                      {pathLabel(w.field)}: <bdi className="mono">{w.excerpt}</bdi> — {t(`seizures.nominalKinds.${w.kind}`, { defaultValue: w.kind })}
                    </li>
                  ))}
                </ul>
                <label className="checkbox">
                  <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
                  {t('comm.cenExport.confirm')}
                </label>
              </div>
            )}
            <p className="muted small">{t('comm.cenExport.draftNote')}</p>
          </>
        )}
        {failure && (
          <div className="alert alert-error" role="alert">
            {failure}
          </div>
        )}
      </div>
    </Modal>
  );
}
