import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from './format.ts';
import { SECTIONS, visibleTo } from './navigation.ts';
import { isAdmin, useMe, useSession } from './session.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const { node } = useSession();
  const sections = SECTIONS.filter((s) => s.to !== '/' && (!s.adminOnly || isAdmin(me)) && visibleTo(s, me.roles, node));

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('home.welcome', { name: me.displayName })}</h1>
          <p className="page-intro">{t('home.description')}</p>
        </div>
      </div>
      <section className="panel">
        <dl className="details details-inline" data-testid="home-identity">
          <div className="details-row">
            <dt>{t('auth.username')}</dt>
            <dd dir="ltr">{me.username}</dd>
          </div>
          <div className="details-row">
            <dt>{t('home.organisation')}</dt>
            <dd>{me.orgName}</dd>
          </div>
          <div className="details-row">
            <dt>{t('home.roles')}</dt>
            <dd>{format.list(me.roles.map((r) => t(`roles.${r}`, { defaultValue: r })))}</dd>
          </div>
          <div className="details-row">
            <dt>{t('profile.secondFactor')}</dt>
            <dd>{me.totpEnabled ? t('profile.totpOn') : t('profile.totpOff')}</dd>
          </div>
        </dl>
      </section>
      <h2 className="section-title">{t('home.sections')}</h2>
      <ul className="card-grid">
        {sections.map((s) => (
          <li key={s.to}>
            <Link to={s.to} className="section-card">
              <span className="section-card-title">{t(s.labelKey)}</span>
              <span className="section-card-text">{t(s.descriptionKey)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
