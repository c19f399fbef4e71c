import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../app/session.tsx';
import { canKeepLists, canReadAlerts, canWriteAlerts } from './alerts-api.ts';
import './alerts.css';

type Tab = { to: '/alerts' | '/alerts/new' | '/alerts/lists' | '/alerts/bulletins' | '/alerts/profiles'; labelKey: string; visible(roles: readonly string[]): boolean };

const TABS: Tab[] = [
  { to: '/alerts', labelKey: 'alerts.nav.inbox', visible: canReadAlerts },
  { to: '/alerts/new', labelKey: 'alerts.nav.new', visible: canWriteAlerts },
  { to: '/alerts/lists', labelKey: 'alerts.nav.lists', visible: canKeepLists },
  { to: '/alerts/bulletins', labelKey: 'bulletins.nav', visible: canReadAlerts },
  { to: '/alerts/profiles', labelKey: 'profiles.nav', visible: canReadAlerts },
];

/** The alert pages, one tab each, shown to the roles that may use them. */
export function AlertsNav() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <nav className="module-tabs no-print" aria-label={t('alerts.nav.label')}>
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
