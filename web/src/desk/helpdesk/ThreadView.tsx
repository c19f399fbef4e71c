import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import { helpdeskApi, type RequestDetail, type ThreadEntry } from './helpdesk-api.ts';

/** The thread of a request: messages, internal notes (the I2C's only), files, searches run and the request's events. */
export function ThreadView({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ol className="helpdesk-thread" data-testid="helpdesk-thread">
      {request.entries.map((e) => (
        <li key={e.id} className={`helpdesk-entry helpdesk-entry-${e.kind}${e.fromI2c ? ' helpdesk-entry-i2c' : ''}`} data-kind={e.kind}>
          <p className="helpdesk-entry-head">
            <strong dir="auto">{e.authorName}</strong> <span className="muted">({e.authorOrgName})</span> · <time dateTime={e.createdAt}>{format.dateTime(e.createdAt)}</time>
            {e.kind === 'note' && <span className="badge badge-warning">{t('desk.helpdesk.internalBadge')}</span>}
          </p>
          <EntryBody entry={e} requestId={request.id} />
        </li>
      ))}
    </ol>
  );
}

function EntryBody({ entry: e, requestId }: { entry: ThreadEntry; requestId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = e.body && (
    <p className="helpdesk-entry-body" dir="auto">
      {e.body}
    </p>
  );
  switch (e.kind) {
    case 'status':
      return (
        <>
          <p className="muted">{t('desk.helpdesk.events.status', { from: t(`desk.helpdesk.statuses.${e.detail.from}`), to: t(`desk.helpdesk.statuses.${e.detail.status}`) })}</p>
          {text}
        </>
      );
    case 'assignment':
      return <p className="muted">{e.detail.assigneeName ? t('desk.helpdesk.events.assigned', { name: e.detail.assigneeName }) : t('desk.helpdesk.events.unassigned')}</p>;
    case 'priority':
      return <p className="muted">{t('desk.helpdesk.events.priority', { priority: t(`desk.helpdesk.priorities.${e.detail.priority}`) })}</p>;
    case 'file':
      return (
        <p>
          {t('desk.helpdesk.events.file')}{' '}
          <a href={helpdeskApi.fileUrl(requestId, e.detail.fileId!)} download>
            {e.detail.fileName}
          </a>{' '}
          <span className="muted">({format.number(Math.ceil((e.detail.size ?? 0) / 1024))} KB)</span>
        </p>
      );
    case 'screening': {
      const s = e.detail.screening!;
      return (
        <div data-testid="helpdesk-screening">
          <p>
            {t('desk.helpdesk.events.screening', { identifier: s.identifier })} <strong>{t('desk.helpdesk.hits', { count: s.hits.length })}</strong>
          </p>
          {s.hits.length > 0 && (
            <ul>
              {s.hits.map((h) => (
                <li key={`${h.list}-${h.recordId}`}>
                  {t(`screening.lists.${h.list}`)} — {t(`screening.match.${h.match}`)}: <span dir="auto">{h.detail}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    }
    default:
      return text || null;
  }
}
