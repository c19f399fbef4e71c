import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../app/session.tsx';
import { canRecord, canSearch, canSeeHits, canSeeQueries } from './screening-roles.ts';
import './screening.css';

type Tab = { to: '/screening' | '/screening/identifiers' | '/screening/batch' | '/screening/records' | '/screening/hits' | '/screening/trace-requests' | '/screening/queries'; labelKey: string; visible(roles: readonly string[]): boolean };

const TABS: Tab[] = [
  { to: '/screening', labelKey: 'screening.nav.search', visible: canSearch },
  { to: '/screening/batch', labelKey: 'screening.nav.batch', visible: canSearch },
  { to: '/screening/identifiers', labelKey: 'screening.nav.identifiers', visible: () => true },
  { to: '/screening/records', labelKey: 'screening.nav.records', visible: canRecord },
  { to: '/screening/hits', labelKey: 'screening.nav.hits', visible: canSeeHits },
  { to: '/screening/trace-requests', labelKey: 'screening.nav.traces', visible: canSeeHits },
  { to: '/screening/queries', labelKey: 'screening.nav.queries', visible: canSeeQueries },
];

/** The screening pages, one tab each, shown to the roles that may use them. */
export function ScreeningNav() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <nav className="module-tabs" aria-label={t('screening.nav.label')}>
      <ul>
        {TABS.filter((tab) => tab.visible(me.roles)).map((tab) => (
          <li key={tab.to}>
            <Link to={tab.to} activeOptions={{ exact: true }} activeProps={{ className: 'active', 'aria-current': 'page' }}>
              {t(tab.labelKey)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
