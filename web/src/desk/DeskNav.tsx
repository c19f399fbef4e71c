import { ModuleTabs, type ModuleTab } from '../app/ModuleTabs.tsx';
import { canReadDirectory, isI2cStaff } from '../../../server/desk/desk-view.ts';
import { canUseHelpdesk } from '../../../server/desk/helpdesk/helpdesk-view.ts';
import { DATA_REQUEST_READERS } from '../../../server/desk/data-requests/data-requests-view.ts';
import { canReadDiagnostics, canSeeRegionalDiagnostics } from '../../../server/desk/diagnostics/diagnostics-view.ts';
import './desk.css';

// One tab per part of the desk; each part adds its own.
const TABS: ModuleTab[] = [
  { to: '/desk/directory', labelKey: 'desk.nav.directory', visible: canReadDirectory },
  { to: '/desk/helpdesk', labelKey: 'desk.nav.helpdesk', visible: canUseHelpdesk },
  { to: '/desk/helpdesk/stats', labelKey: 'desk.nav.helpdeskStats', visible: isI2cStaff },
  { to: '/desk/data-requests', labelKey: 'desk.dataRequests.tab', visible: (roles) => DATA_REQUEST_READERS.some((r) => roles.includes(r)) },
  { to: '/desk/diagnostics', labelKey: 'desk.diagnostics.tab', visible: canReadDiagnostics },
  { to: '/desk/diagnostics/regional', labelKey: 'desk.diagnostics.regionalTab', visible: canSeeRegionalDiagnostics },
];

/** The pages of the I2C desk, one tab each, shown to the roles that may use them. */
export function DeskNav() {
  return <ModuleTabs labelKey="desk.nav.label" tabs={TABS} exact={false} />;
}
