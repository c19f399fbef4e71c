import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../app/session.tsx';
import { canReadNominal, canUseOutbox } from './national-roles.ts';
import '../seizures/seizures.css';
import './national.css';

type Tab = {
  to: '/national/entities' | '/national/cases' | '/national/review' | '/national/outbox';
  labelKey: string;
  visible(roles: readonly string[]): boolean;
};

const TABS: Tab[] = [
  { to: '/national/entities', labelKey: 'national.nav.entities', visible: canReadNominal },
  { to: '/national/cases', labelKey: 'national.nav.cases', visible: canReadNominal },
  { to: '/national/review', labelKey: 'national.nav.review', visible: canReadNominal },
  { to: '/national/outbox', labelKey: 'national.nav.outbox', visible: canUseOutbox },
];

/** The pages of the national node (nCEN), one tab each, shown to the roles that may use them. */
export function NationalNav() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <nav className="module-tabs no-print" aria-label={t('national.nav.label')}>
      <ul>
        {TABS.filter((tab) => tab.visible(me.roles)).map((tab) => (
          <li key={tab.to}>
            <Link to={tab.to} activeOptions={{ includeSearch: false }} activeProps={{ className: 'active', 'aria-current': 'page' }}>
              {t(tab.labelKey)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
