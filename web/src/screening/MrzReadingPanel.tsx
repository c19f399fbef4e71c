import { useTranslation } from 'react-i18next';
import type { MrzReading } from './screening-api.ts';

/** How the search read a pasted MRZ: the document it names and whether the zone's check digits hold. */
export function MrzReadingPanel({ mrz }: { mrz: MrzReading }) {
  const { t } = useTranslation();
  const check = (holds: boolean | null) => (holds === null ? t('screening.mrzSearch.notChecked') : holds ? t('screening.mrzSearch.holds') : t('screening.mrzSearch.fails'));
  return (
    <section className="panel stack" aria-labelledby="mrz-reading-title" data-testid="mrz-reading">
      <h2 className="section-title" id="mrz-reading-title">
        {t('screening.mrzSearch.title')}
      </h2>
      <div className={`alert ${mrz.valid ? 'alert-success' : 'alert-error'}`} role="status">
        {mrz.valid ? t('screening.mrzSearch.valid') : t('screening.mrzSearch.invalid')}
      </div>
      <dl className="hit-fields">
        <div>
          <dt>{t('screening.mrzSearch.format')}</dt>
          <dd dir="ltr">{mrz.format}</dd>
        </div>
        {mrz.documentType && (
          <div>
            <dt>{t('screening.mrzSearch.documentType')}</dt>
            <dd dir="ltr">{mrz.documentType}</dd>
          </div>
        )}
        <div>
          <dt>{t('screening.mrzSearch.documentNumber')}</dt>
          <dd dir="ltr" data-testid="mrz-document-number">
            {mrz.documentNumber} <span className="muted small">({check(mrz.checks.documentNumber)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('screening.mrzSearch.issuingState')}</dt>
          <dd dir="ltr">
            {mrz.issuingState ?? t('screening.mrzSearch.notGiven')}
            {mrz.issuingCountry && mrz.issuingCountry !== mrz.issuingState && <span className="muted small"> → {mrz.issuingCountry}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('screening.mrzSearch.expiry')}</dt>
          <dd dir="ltr">
            {mrz.expiryDate} <span className="muted small">({check(mrz.checks.expiryDate)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('screening.mrzSearch.composite')}</dt>
          <dd>{check(mrz.checks.composite)}</dd>
        </div>
      </dl>
      <p className="muted small">
        {mrz.issuingCountry ? t('screening.mrzSearch.searchedIn', { country: mrz.issuingCountry }) : t('screening.mrzSearch.searchedAnywhere')} {t('screening.mrzSearch.holderLeftOut')}
      </p>
      {(mrz.errors.length > 0 || mrz.warnings.length > 0) && (
        <ul className="small" dir="ltr">
          {mrz.errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>{e.message}</li>
          ))}
          {mrz.warnings.map((w) => (
            <li key={w} className="muted">
              {w}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
