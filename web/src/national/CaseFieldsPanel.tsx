import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';
import { DetailRow } from './DetailRow.tsx';
import type { CaseView } from './national-api.ts';

/** The case's own fields: status, offence, legal basis, officer in charge, summary. */
export function CaseFieldsPanel({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="case-fields-title">
      <h2 className="section-title" id="case-fields-title">
        {t('national.cases.fields')} <CaseStatusBadge status={view.status} />
      </h2>
      <dl className="details details-inline" data-testid="case-fields">
        <DetailRow label={t('national.cases.reference')} value={view.reference} ltr />
        <DetailRow label={t('national.cases.offenceType')} value={view.offenceType} />
        <DetailRow label={t('national.cases.legalBasis')} value={view.legalBasis} />
        <DetailRow label={t('national.cases.officer')} value={view.officerName} />
        <DetailRow label={t('national.cases.summary')} value={view.summary} />
        <DetailRow label={t('national.cases.createdAt')} value={format.dateTime(view.createdAt)} />
        <DetailRow label={t('national.record.updatedAt')} value={format.dateTime(view.updatedAt)} />
      </dl>
    </section>
  );
}
