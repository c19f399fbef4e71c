import { ModuleTabs, type ModuleTab } from '../app/ModuleTabs.tsx';
import { canKeepLists, canReadAlerts, canWriteAlerts } from './alerts-api.ts';
import './alerts.css';

const TABS: ModuleTab[] = [
  { to: '/alerts', labelKey: 'alerts.nav.inbox', visible: canReadAlerts },
  { to: '/alerts/new', labelKey: 'alerts.nav.new', visible: canWriteAlerts },
  { to: '/alerts/lists', labelKey: 'alerts.nav.lists', visible: canKeepLists },
  { to: '/alerts/bulletins', labelKey: 'bulletins.nav', visible: canReadAlerts },
  { to: '/alerts/profiles', labelKey: 'profiles.nav', visible: canReadAlerts },
];

/** The alert pages, one tab each, shown to the roles that may use them. */
export function AlertsNav() {
  return <ModuleTabs labelKey="alerts.nav.label" tabs={TABS} />;
}
