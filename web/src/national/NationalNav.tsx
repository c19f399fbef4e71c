import { ModuleTabs, type ModuleTab } from '../app/ModuleTabs.tsx';
import { canReadNominal, canUseOutbox } from './national-roles.ts';
import '../seizures/seizures.css';
import './national.css';

const TABS: ModuleTab[] = [
  { to: '/national/entities', labelKey: 'national.nav.entities', visible: canReadNominal },
  { to: '/national/cases', labelKey: 'national.nav.cases', visible: canReadNominal },
  { to: '/national/review', labelKey: 'national.nav.review', visible: canReadNominal },
  { to: '/national/outbox', labelKey: 'national.nav.outbox', visible: canUseOutbox },
];

/** The pages of the national node (nCEN), one tab each, shown to the roles that may use them. */
export function NationalNav() {
  // A tab stays active on the pages below it (an entity, a case).
  return <ModuleTabs labelKey="national.nav.label" tabs={TABS} exact={false} />;
}
