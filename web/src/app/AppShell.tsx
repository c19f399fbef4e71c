import { useState, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Brand } from './Brand.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { useLiveEvents } from './live-events.ts';
import { SECTIONS, visibleTo } from './navigation.ts';
import { isAdmin, useMe, useSession } from './session.tsx';

/** The frame of every page once signed in: header, side navigation and the page itself. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const session = useSession();
  const live = useLiveEvents(true);
  const [menuOpen, setMenuOpen] = useState(false);
  const admin = isAdmin(me);
  const general = SECTIONS.filter((s) => !s.adminOnly && visibleTo(s, me.roles, session.node));
  const administration = SECTIONS.filter((s) => s.adminOnly);

  return (
    <div className="app-shell">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <button type="button" className="icon-button menu-toggle" aria-expanded={menuOpen} aria-controls="side-nav" onClick={() => setMenuOpen((o) => !o)} aria-label={t('nav.menu')}>
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <path d="M4 6h16M4 12h16M4 18h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
        <Link to="/" className="brand-link">
          <Brand />
        </Link>
        <div className="header-tools">
          <ConnectionIndicator status={live} />
          <LanguageSwitcher />
          <Link to="/profile" className="user-chip" title={me.orgName}>
            <span className="avatar" aria-hidden="true">
              {me.displayName.trim().charAt(0).toUpperCase()}
            </span>
            <span className="user-chip-text">
              <span className="user-name" dir="auto">{me.displayName}</span>
              <span className="user-org" dir="auto">{me.orgName}</span>
            </span>
          </Link>
          <button type="button" className="button button-small button-ghost header-sign-out" onClick={() => void session.signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <div className="app-body">
        <nav id="side-nav" className={`side-nav${menuOpen ? ' open' : ''}`} aria-label={t('nav.main')} onClick={() => setMenuOpen(false)}>
          <ul>
            {general.map((s) => (
              <li key={s.to}>
                <Link to={s.to} activeOptions={{ exact: s.to === '/' }} activeProps={{ className: 'active', 'aria-current': 'page' }}>
                  {t(s.labelKey)}
                </Link>
              </li>
            ))}
          </ul>
          {admin && (
            <>
              <h2 className="side-nav-heading">{t('nav.administration')}</h2>
              <ul>
                {administration.map((s) => (
                  <li key={s.to}>
                    <Link to={s.to} activeProps={{ className: 'active', 'aria-current': 'page' }}>
                      {t(s.labelKey)}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" className="button button-small side-nav-sign-out" onClick={() => void session.signOut()}>
            {t('nav.signOut')}
          </button>
        </nav>
        <main className="app-main" id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
