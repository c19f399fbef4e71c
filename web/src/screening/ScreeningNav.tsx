import { ModuleTabs, type ModuleTab } from '../app/ModuleTabs.tsx';
import { canRecord, canSearch, canSeeHits, canSeeQueries } from './screening-roles.ts';
import './screening.css';

const TABS: ModuleTab[] = [
  { to: '/screening', labelKey: 'screening.nav.search', visible: canSearch },
  { to: '/screening/batch', labelKey: 'screening.nav.batch', visible: canSearch },
  { to: '/screening/identifiers', labelKey: 'screening.nav.identifiers' },
  { to: '/screening/records', labelKey: 'screening.nav.records', visible: canRecord },
  { to: '/screening/hits', labelKey: 'screening.nav.hits', visible: canSeeHits },
  { to: '/screening/trace-requests', labelKey: 'screening.nav.traces', visible: canSeeHits },
  { to: '/screening/queries', labelKey: 'screening.nav.queries', visible: canSeeQueries },
];

/** The screening pages, one tab each, shown to the roles that may use them. */
export function ScreeningNav() {
  return <ModuleTabs labelKey="screening.nav.label" tabs={TABS} />;
}
