import { ModuleTabs, type ModuleTab } from '../app/ModuleTabs.tsx';
import { canImport, canRead, canReport, canReview } from './seizure-roles.ts';
import './seizures.css';

const TABS: ModuleTab[] = [
  { to: '/seizures', labelKey: 'seizures.nav.search', visible: canRead },
  { to: '/seizures/new', labelKey: 'seizures.nav.new', visible: canReport },
  { to: '/seizures/queue', labelKey: 'seizures.nav.queue', visible: canReview },
  { to: '/seizures/dashboard', labelKey: 'seizures.nav.dashboard', visible: canRead },
  { to: '/seizures/report', labelKey: 'seizures.nav.report', visible: canRead },
  { to: '/seizures/import', labelKey: 'seizures.nav.import', visible: canImport },
];

/** The seizure pages, one tab each, shown to the roles that may use them. */
export function SeizuresNav() {
  return <ModuleTabs labelKey="seizures.nav.label" tabs={TABS} />;
}
