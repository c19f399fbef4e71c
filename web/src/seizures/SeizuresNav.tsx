import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../app/session.tsx';
import { canImport, canRead, canReport, canReview } from './seizure-roles.ts';
import './seizures.css';

type Tab = {
  to: '/seizures' | '/seizures/new' | '/seizures/queue' | '/seizures/dashboard' | '/seizures/report' | '/seizures/import';
  labelKey: string;
  visible(roles: readonly string[]): boolean;
};

const TABS: Tab[] = [
  { to: '/seizures', labelKey: 'seizures.nav.search', visible: canRead },
  { to: '/seizures/new', labelKey: 'seizures.nav.new', visible: canReport },
  { to: '/seizures/queue', labelKey: 'seizures.nav.queue', visible: canReview },
  { to: '/seizures/dashboard', labelKey: 'seizures.nav.dashboard', visible: canRead },
  { to: '/seizures/report', labelKey: 'seizures.nav.report', visible: canRead },
  { to: '/seizures/import', labelKey: 'seizures.nav.import', visible: canImport },
];

/** The seizure pages, one tab each, shown to the roles that may use them. */
export function SeizuresNav() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <nav className="module-tabs no-print" aria-label={t('seizures.nav.label')}>
      <ul>
        {TABS.filter((tab) => tab.visible(me.roles)).map((tab) => (
          <li key={tab.to}>
            <Link to={tab.to} activeOptions={{ exact: true, includeSearch: false }} activeProps={{ className: 'active', 'aria-current': 'page' }}>
              {t(tab.labelKey)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
