import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/forms.tsx';
import { useFormat } from '../app/format.ts';
import { Pager } from '../app/Pager.tsx';
import { useToasts } from '../app/toasts.tsx';
import { maySeeEverything, type Operation } from './comm-api.ts';
import { formattedApi, formattedKeys, newsletterUrl, type NewsletterSummary } from './formatted-api.ts';
import { OperationFrame, retryUnlessRefused } from './OperationFrame.tsx';

const PAGE_SIZE = 30;
const NEWSLETTER_LANGS = ['en', 'fr', 'es', 'pt', 'ru', 'fa-AF', 'ur'];

/** The operation's newsletter archive: the daily ones and those made on demand; the OCU makes one now. */
export function NewslettersPage() {
  const { opId } = useParams({ from: '/operations/$opId/newsletters' });
  return (
    <OperationFrame opId={opId} tab="newsletters">
      {(op) => <Newsletters op={op} />}
    </OperationFrame>
  );
}

function Newsletters({ op }: { op: Operation }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useQuery({ queryKey: formattedKeys.newsletters(op.id, page), queryFn: () => formattedApi.newsletters(op.id, page, PAGE_SIZE), retry: retryUnlessRefused, placeholderData: keepPreviousData });
  const items = list.data?.items ?? [];
  const opened = items.find((n) => n.id === openId) ?? null;
  const lang = NEWSLETTER_LANGS.includes(i18n.language) ? i18n.language : 'en';

  const generate = async () => {
    setBusy(true);
    try {
      const made = await formattedApi.generateNewsletter(op.id);
      await queryClient.invalidateQueries({ queryKey: ['comm', 'operation', op.id, 'newsletters'] });
      setPage(1);
      setOpenId(made.id);
      toasts.show({ tone: 'success', title: t('comm.newsletters.generated', { count: made.recipients }) });
    } catch (error) {
      toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const day = (n: NewsletterSummary) => format.date(`${n.localDay}T12:00:00Z`);
  return (
    <div className="stack">
      <section className="panel stack">
        <div className="toolbar">
          <p className="muted">{t('comm.newsletters.intro', { hour: String(op.newsletterHour).padStart(2, '0'), zone: op.newsletterTimeZone })}</p>
          {maySeeEverything(op.myRole) && (
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void generate()}>
              {busy ? t('common.working') : t('comm.newsletters.generate')}
            </button>
          )}
        </div>
        {list.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(list.error)}
          </div>
        )}
        <div className="table-wrap">
          <table data-testid="newsletters">
            <thead>
              <tr>
                <th scope="col">{t('comm.newsletters.day')}</th>
                <th scope="col">{t('comm.newsletters.kind')}</th>
                <th scope="col">{t('comm.newsletters.generatedAt')}</th>
                <th scope="col" className="numeric">{t('comm.newsletters.seizures')}</th>
                <th scope="col" className="numeric">{t('comm.newsletters.recipients')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((n) => (
                <tr key={n.id} data-newsletter={n.id} aria-current={n.id === openId ? 'true' : undefined}>
                  <td className="nowrap">{day(n)}</td>
                  <td>
                    {t(`comm.newsletters.kinds.${n.kind}`)}
                    {n.generatedBy && <span className="muted small"> — <bdi>{n.generatedBy}</bdi></span>}
                  </td>
                  <td className="nowrap">{format.dateTime(n.generatedAt)}</td>
                  <td className="numeric">{format.number(n.seizures)}</td>
                  <td className="numeric">{format.number(n.recipients)}</td>
                  <td className="actions">
                    <button type="button" className="button button-small" aria-pressed={n.id === openId} onClick={() => setOpenId(n.id === openId ? null : n.id)}>
                      {n.id === openId ? t('comm.newsletters.hide') : t('comm.newsletters.open')}
                    </button>
                  </td>
                </tr>
              ))}
              {items.length === 0 && !list.isPending && (
                <tr>
                  <td colSpan={6} className="empty">
                    {t('comm.newsletters.none')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {list.data && list.data.total > PAGE_SIZE && <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />}
      </section>
      {opened && (
        <section className="panel stack" data-testid="newsletter-view">
          <div className="toolbar">
            <h2 className="section-title">{t('comm.newsletters.of', { day: day(opened) })}</h2>
            <a href={newsletterUrl(op.id, opened.id, lang)} target="_blank" rel="noopener noreferrer" className="button button-small">
              {t('comm.newsletters.newTab')}
            </a>
          </div>
          {/* The newsletter is the server's HTML; no script may run in it (its own policy forbids them too). */}
          <iframe key={`${opened.id}:${lang}`} title={t('comm.newsletters.of', { day: day(opened) })} src={newsletterUrl(op.id, opened.id, lang)} sandbox="allow-same-origin" className="comm-newsletter-frame" data-testid="newsletter-frame" />
        </section>
      )}
    </div>
  );
}
