import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { EntityView } from './national-api.ts';

/** The cases the entity is part of, with its role; it is added to a case from the case's page. */
export function EntityCasesPanel({ entity }: { entity: EntityView }) {
  const { t } = useTranslation();
  return (
    <section className="panel stack" aria-labelledby="entity-cases-title">
      <h2 className="section-title" id="entity-cases-title">
        {t('national.cases.ofEntity')}
      </h2>
      {entity.cases.length === 0 ? (
        <p className="muted">{t('national.cases.noneForEntity')}</p>
      ) : (
        <ul className="stack" data-testid="entity-cases">
          {entity.cases.map((c) => (
            <li key={`${c.caseId}-${c.role}`}>
              <Link to="/national/cases/$id" params={{ id: c.caseId }}>
                {c.reference}
              </Link>{' '}
              <span className="muted">{t(`national.roles.${c.role}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
