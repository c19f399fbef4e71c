import { useTranslation } from 'react-i18next';
import type { EntityKind } from './national-api.ts';

/** The kind of an entity: person, company, means of transport or document. */
export function KindBadge({ kind }: { kind: EntityKind }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-muted kind-${kind}`} data-kind={kind}>
      {t(`national.kinds.${kind}`)}
    </span>
  );
}
