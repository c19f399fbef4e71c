import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TextField } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { useDebouncedValue } from '../reference/use-debounced-value.ts';
import { seizureKeys, seizuresApi, type Summary } from '../seizures/seizures-api.ts';

/** Finds one of this administration's seizures by its reference or text, and chooses it. */
export function SeizurePicker({ id, value, onChange, error }: { id: string; value: Summary | null; onChange(seizure: Summary | null): void; error?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const found = useQuery({ queryKey: seizureKeys.list({ q }, '-seizedAt', 1), queryFn: () => seizuresApi.list({ q }, '-seizedAt', 1, 8), enabled: q.length >= 2, placeholderData: keepPreviousData });
  const options = q.length >= 2 ? (found.data?.items ?? []) : [];

  if (value)
    return (
      <div className="button-row" data-testid={`${id}-chosen`}>
        <strong>{value.reference}</strong>
        <span className="muted">{format.date(value.seizedAt)}</span>
        <button type="button" className="button button-small" onClick={() => onChange(null)}>
          {t('national.picker.change')}
        </button>
      </div>
    );

  return (
    <div className="stack">
      <TextField id={`${id}-text`} type="search" label={t('national.picker.findSeizure')} hint={t('national.picker.findSeizureHint')} value={text} onChange={setText} error={error} maxLength={100} autoComplete="off" />
      {q.length >= 2 && found.data && options.length === 0 && <p className="muted">{t('national.picker.noSeizure')}</p>}
      {options.length > 0 && (
        <ul className="picker-options" aria-label={t('national.picker.results')}>
          {options.map((s) => (
            <li key={s.id} className="button-row">
              <button type="button" className="button button-small" onClick={() => onChange(s)} aria-label={t('national.picker.chooseNamed', { name: s.reference })}>
                {t('national.picker.choose')}
              </button>
              <strong>{s.reference}</strong>
              <span className="muted small">{format.date(s.seizedAt)}</span>
              <span className="small" dir="ltr">
                {s.headline}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
