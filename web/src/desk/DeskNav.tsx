import { ModuleTabs, type ModuleTab } from '../app/ModuleTabs.tsx';
import { canReadDirectory } from '../../../server/desk/desk-view.ts';
import './desk.css';

// One tab per part of the desk; each part adds its own.
const TABS: ModuleTab[] = [
  { to: '/desk/directory', labelKey: 'desk.nav.directory', visible: canReadDirectory },
];

/** The pages of the I2C desk, one tab each, shown to the roles that may use them. */
export function DeskNav() {
  return <ModuleTabs labelKey="desk.nav.label" tabs={TABS} exact={false} />;
}
