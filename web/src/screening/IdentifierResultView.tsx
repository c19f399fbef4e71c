import { useTranslation } from 'react-i18next';
import type { CheckDigit, IdentifierResult } from './screening-api.ts';

const isCheck = (v: unknown): v is CheckDigit => !!v && typeof v === 'object' && 'holds' in v && 'expected' in v;

/** A check digit as ✓ or ✗, with the digit expected when it does not hold. */
export function CheckMark({ check }: { check: CheckDigit }) {
  const { t } = useTranslation();
  return check.holds ? (
    <span className="check-holds" data-check="holds">
      <span aria-hidden="true">✓ </span>
      <bdi className="mono">{check.value}</bdi>
      <span className="visually-hidden"> {t('screening.identifier.checkHolds')}</span>
    </span>
  ) : (
    <span className="check-fails" data-check="fails">
      <span aria-hidden="true">✗ </span>
      {t('screening.identifier.checkFails', { value: check.value, expected: check.expected })}
    </span>
  );
}

interface Row {
  name: string;
  value?: unknown;
  check?: CheckDigit;
}

/** Fields in reply order; a field's own check digit (`xCheck`) sits on its row, a check with no field of its own gets one. */
function rows(fields: Record<string, unknown>): Row[] {
  const out: Row[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (isCheck(value)) {
      const owner = name.endsWith('Check') ? name.slice(0, -'Check'.length) : '';
      if (owner && owner in fields) continue;
      out.push({ name, check: value });
    } else {
      const check = fields[`${name}Check`];
      out.push({ name, value, check: isCheck(check) ? check : undefined });
    }
  }
  return out;
}

export function IdentifierResultView({ result }: { result: IdentifierResult }) {
  const { t } = useTranslation();
  const label = (name: string) => t(`screening.identifier.fields.${name}`, { defaultValue: name });
  const show = (name: string, value: unknown) =>
    name === 'fitsMrzField' ? t(value ? 'screening.identifier.fitsYes' : 'screening.identifier.fitsNo') : Array.isArray(value) ? value.join(', ') : String(value ?? '');

  return (
    <section className="panel" aria-live="polite" data-testid="identifier-result">
      <div className="verdict">
        <span className={`badge ${result.valid ? 'badge-ok' : 'badge-danger'}`} data-testid="identifier-verdict">
          {result.valid ? t('screening.identifier.valid') : t('screening.identifier.invalid')}
        </span>
        <span>{t(`screening.kinds.${result.kind}`)}</span>
      </div>

      {result.errors.length > 0 && (
        <div className="alert alert-error" role="alert">
          <strong>{t('screening.identifier.errors')}</strong>
          <ul className="located-errors" data-testid="identifier-errors">
            {result.errors.map((e, i) => (
              <li key={i}>
                <strong>{label(e.field)}</strong>: <bdi dir="ltr">{e.message}</bdi>
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.warnings.length > 0 && (
        <div className="alert" role="status">
          <strong>{t('screening.identifier.warnings')}</strong>
          <ul className="screening-warnings">
            {result.warnings.map((w, i) => (
              <li key={i}>
                <bdi dir="ltr">{w}</bdi>
              </li>
            ))}
          </ul>
        </div>
      )}

      <dl className="details">
        <div className="details-row">
          <dt>{t('screening.identifier.normalised')}</dt>
          <dd className="identifier-key" dir="ltr" data-testid="identifier-normalised">
            {result.normalised}
          </dd>
        </div>
        <div className="details-row">
          <dt>{t('screening.identifier.folded')}</dt>
          <dd className="identifier-key" dir="ltr" data-testid="identifier-folded">
            {result.folded}
          </dd>
        </div>
      </dl>

      {result.fields && (
        <div className="table-wrap">
          <table data-testid="identifier-fields">
            <caption className="visually-hidden">{t('screening.identifier.parsedFields')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('screening.identifier.field')}</th>
                <th scope="col">{t('screening.identifier.value')}</th>
                <th scope="col">{t('screening.identifier.checkDigit')}</th>
              </tr>
            </thead>
            <tbody>
              {rows(result.fields).map((row) => (
                <tr key={row.name} data-field={row.name}>
                  <th scope="row">{label(row.name)}</th>
                  <td className="mono" dir="ltr">
                    {row.value !== undefined ? show(row.name, row.value) : ''}
                  </td>
                  <td>{row.check && <CheckMark check={row.check} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
