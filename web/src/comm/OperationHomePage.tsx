import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { OperationFrame } from './OperationFrame.tsx';
import { period } from './OperationsPage.tsx';
import { StatusBadge } from './labels.tsx';

/** An operation at a glance: what it is, when, who organises it, and my part in it. */
export function OperationHomePage() {
  const { opId } = useParams({ from: '/operations/$opId' });
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <OperationFrame
      opId={opId}
      tab="home"
      actions={
        <Link to="/operations/$opId/compose" params={{ opId }} search={{}} className="button button-primary">
          {t('comm.compose.title')}
        </Link>
      }
    >
      {(op) => (
        <section className="panel" data-testid="operation-home">
          <dl className="details">
            <div className="details-row">
              <dt>{t('comm.operation.status')}</dt>
              <dd>
                <StatusBadge status={op.status} />
              </dd>
            </div>
            <div className="details-row">
              <dt>{t('comm.operation.period')}</dt>
              <dd>{period(format.date, op.startsOn, op.endsOn)}</dd>
            </div>
            <div className="details-row">
              <dt>{t('comm.operation.organiser')}</dt>
              <dd dir="auto">{op.organiserName}</dd>
            </div>
            <div className="details-row">
              <dt>{t('comm.operation.myRole')}</dt>
              <dd data-testid="my-role">
                {t(`comm.roles.${op.myRole}`)} <span className="muted small">— {t(`comm.roleHints.${op.myRole}`)}</span>
              </dd>
            </div>
            <div className="details-row">
              <dt>{t('comm.operation.members')}</dt>
              <dd>{format.number(op.memberCount)}</dd>
            </div>
            <div className="details-row">
              <dt>{t('comm.operation.unread')}</dt>
              <dd>{format.number(op.unread)}</dd>
            </div>
          </dl>
          {op.description && (
            <>
              <h2 className="section-title">{t('comm.operation.description')}</h2>
              <p className="message-body" dir="auto">
                {op.description}
              </p>
            </>
          )}
        </section>
      )}
    </OperationFrame>
  );
}
