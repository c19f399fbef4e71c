import { Link, type LinkProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from './session.tsx';

export interface ModuleTab {
  to: NonNullable<LinkProps['to']>;
  labelKey: string;
  /** Shown only to users this returns true for (the server refuses the others anyway). */
  visible?(roles: readonly string[]): boolean;
}

/** A module's pages as a row of tabs under the page header, each shown to the roles that may use it. */
/** `exact`: a tab is active on its own page only, not on the pages below it. */
export function ModuleTabs({ labelKey, tabs, exact = true }: { labelKey: string; tabs: readonly ModuleTab[]; exact?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <nav className="module-tabs no-print" aria-label={t(labelKey)}>
      <ul>
        {tabs
          .filter((tab) => !tab.visible || tab.visible(me.roles))
          .map((tab) => (
            <li key={tab.to}>
              <Link to={tab.to} activeOptions={{ exact, includeSearch: false }} activeProps={{ className: 'active', 'aria-current': 'page' }}>
                {t(tab.labelKey)}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
