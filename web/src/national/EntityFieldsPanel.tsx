import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { useCountryName } from '../seizures/labels.ts';
import { DetailRow } from './DetailRow.tsx';
import { KindBadge } from './KindBadge.tsx';
import type { Address, CompanyFields, DocumentFields, EntityView, IdentityDocument, PersonFields, TransportFields } from './national-api.ts';

/** Every field of the record, as its kind has them. */
export function EntityFieldsPanel({ entity }: { entity: EntityView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const country = useCountryName();
  const label = (key: string) => t(`national.fields.${key}`);
  const documentText = (d: IdentityDocument) =>
    [t(`national.documentTypes.${d.type}`), d.number, d.country ? country(d.country) : null, d.expiresOn ? t('national.fields.expiresOnValue', { date: format.date(d.expiresOn) }) : null].filter(Boolean).join(' · ');
  const addressText = (a: Address) => [a.line, [a.postcode, a.city].filter(Boolean).join(' '), a.country ? country(a.country) : null].filter(Boolean).join(', ');
  const list = (values: string[] | undefined) => (values?.length ? values.join(' · ') : '');

  const rows = () => {
    switch (entity.kind) {
      case 'person': {
        const f = entity.fields as PersonFields;
        return (
          <>
            <DetailRow label={t('national.form.mainName')} value={f.names[0]} />
            <DetailRow label={t('national.fields.aliases')} value={list(f.names.slice(1))} />
            <DetailRow label={label('birthDate')} value={f.birthDate ? format.date(f.birthDate) : f.birthYear ? String(f.birthYear) : ''} />
            <DetailRow label={label('birthPlace')} value={f.birthPlace} />
            <DetailRow label={label('nationalities')} value={format.list((f.nationalities ?? []).map(country))} />
            <DetailRow label={label('gender')} value={f.gender ? t(`national.genders.${f.gender}`) : ''} />
            <DetailRow label={label('documents')} value={list(f.documents?.map(documentText))} />
            <DetailRow label={label('addresses')} value={list(f.addresses?.map(addressText))} />
            <DetailRow label={label('phones')} value={list(f.phones)} ltr />
            <DetailRow label={label('emails')} value={list(f.emails)} ltr />
            <DetailRow label={label('notes')} value={f.notes} />
          </>
        );
      }
      case 'company': {
        const f = entity.fields as CompanyFields;
        return (
          <>
            <DetailRow label={t('national.form.mainName')} value={f.names[0]} />
            <DetailRow label={t('national.fields.tradingNames')} value={list(f.names.slice(1))} />
            <DetailRow label={label('legalForm')} value={f.legalForm ? t(`national.legalForms.${f.legalForm}`) : ''} />
            <DetailRow label={label('registrationNumber')} value={f.registrationNumber} ltr />
            <DetailRow label={label('vatNumber')} value={f.vatNumber} ltr />
            <DetailRow label={label('country')} value={country(f.country)} />
            <DetailRow label={label('addresses')} value={list(f.addresses?.map(addressText))} />
            <DetailRow label={label('phones')} value={list(f.phones)} ltr />
            <DetailRow label={label('emails')} value={list(f.emails)} ltr />
            <DetailRow label={label('notes')} value={f.notes} />
          </>
        );
      }
      case 'transport': {
        const f = entity.fields as TransportFields;
        return (
          <>
            <DetailRow label={label('transportType')} value={t(`national.transportTypes.${f.type}`)} />
            {(['plate', 'vin', 'imo', 'registration', 'containerNumber'] as const).map((key) => f[key] && <DetailRow key={key} label={label(key)} value={f[key]} ltr />)}
            {f.plateCountry && <DetailRow label={label('plateCountry')} value={country(f.plateCountry)} />}
            {f.name && <DetailRow label={label('name')} value={f.name} />}
            <DetailRow label={label('notes')} value={f.notes} />
          </>
        );
      }
      case 'document': {
        const f = entity.fields as DocumentFields;
        return (
          <>
            <DetailRow label={label('documentType')} value={t(`national.documentTypes.${f.type}`)} />
            <DetailRow label={label('documentNumber')} value={f.number} ltr />
            <DetailRow label={label('issuingCountry')} value={country(f.country)} />
            <DetailRow label={label('expiresOn')} value={f.expiresOn ? format.date(f.expiresOn) : ''} />
            <DetailRow label={label('holderName')} value={f.holderName} />
            <DetailRow label={label('notes')} value={f.notes} />
          </>
        );
      }
    }
  };

  return (
    <section className="panel" aria-labelledby="entity-fields-title">
      <h2 className="section-title" id="entity-fields-title">
        {t('national.record.fields')} <KindBadge kind={entity.kind} />
      </h2>
      <dl className="details details-inline" data-testid="entity-fields">
        {rows()}
        <DetailRow label={label('reviewAt')} value={format.date(entity.reviewAt)} />
        {entity.keptReason && <DetailRow label={t('national.record.keptReason')} value={entity.keptReason} />}
        <DetailRow label={t('national.record.updatedAt')} value={format.dateTime(entity.updatedAt)} />
      </dl>
    </section>
  );
}
