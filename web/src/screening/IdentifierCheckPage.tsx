import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, ErrorSummary, Field, useFormErrors } from '../app/forms.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { IdentifierResultView } from './IdentifierResultView.tsx';
import { ScreeningNav } from './ScreeningNav.tsx';
import { IDENTIFIER_KINDS, screeningApi, type IdentifierKind, type IdentifierResult } from './screening-api.ts';
import { useWrite } from '../app/mutation.ts';

/** Check one identifier against its standard: validity, search keys, parsed fields and their check digits. */
export function IdentifierCheckPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<IdentifierKind>('mrz');
  const [value, setValue] = useState('');
  const [result, setResult] = useState<IdentifierResult | null>(null);
  const { errors, capture, clear } = useFormErrors();
  const write = useWrite(capture);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setResult(null);
    await write.run(async () => {
      setResult(await screeningApi.validate(kind, value));
    });
  };

  const valueError = errors.fields.value;
  const hint = t(`screening.identifier.hints.${kind}`);
  return (
    <>
      <PageHeader title={t('screening.identifier.title')} intro={t('screening.identifier.intro')} />
      <ScreeningNav />
      <section className="panel">
        <form onSubmit={submit} noValidate className="stack">
          <ErrorSummary errors={errors} knownFields={['kind', 'value']} />
          <Field id="identifier-kind" label={t('screening.identifier.kind')} error={errors.fields.kind}>
            <select
              id="identifier-kind"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as IdentifierKind);
                setResult(null);
              }}
            >
              {IDENTIFIER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`screening.kinds.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="identifier-value" label={t('screening.identifier.value')} error={valueError} hint={hint} required>
            {kind === 'mrz' ? (
              <textarea
                id="identifier-value"
                className="mrz-input"
                rows={3}
                dir="ltr"
                spellCheck={false}
                autoCapitalize="characters"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                aria-required
                {...describedBy('identifier-value', valueError, hint)}
              />
            ) : (
              <input
                id="identifier-value"
                type="text"
                className="mono"
                dir="ltr"
                spellCheck={false}
                autoComplete="off"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                aria-required
                {...describedBy('identifier-value', valueError, hint)}
              />
            )}
          </Field>
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={write.pending || !value.trim()}>
              {write.pending ? t('common.working') : t('screening.identifier.check')}
            </button>
          </div>
        </form>
      </section>
      {result && <IdentifierResultView result={result} />}
    </>
  );
}
