import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS } from './national-api.ts';

/** "New person", "New company", "New means of transport", "New document". */
export function NewEntityButtons() {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      {ENTITY_KINDS.map((kind) => (
        <Link key={kind} to="/national/entities/new" search={{ kind }} className="button" data-new-kind={kind}>
          {t(`national.entities.new.${kind}`)}
        </Link>
      ))}
    </div>
  );
}
