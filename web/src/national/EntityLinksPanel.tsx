import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/forms.tsx';
import { useWrite } from '../app/mutation.ts';
import { useToasts } from '../app/toasts.tsx';
import { AddLinkDialog } from './AddLinkDialog.tsx';
import { useEntityAnswer } from './entity-cache.ts';
import { KindBadge } from './KindBadge.tsx';
import { nationalApi, type EntityView } from './national-api.ts';

/** The entity's links to other entities, either way; an officer who writes adds and removes them. */
export function EntityLinksPanel({ entity, editable }: { entity: EntityView; editable: boolean }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const answered = useEntityAnswer();
  const [adding, setAdding] = useState(false);
  const removal = useWrite((error) => toasts.show({ tone: 'error', title: t('errors.actionFailed'), body: errorMessage(error) }));

  return (
    <section className="panel stack" aria-labelledby="entity-links-title">
      <div className="panel-header">
        <h2 className="section-title" id="entity-links-title">
          {t('national.links.title')}
        </h2>
        {editable && (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('national.links.add')}
          </button>
        )}
      </div>
      <div className="table-wrap">
        <table data-testid="entity-links">
          <thead>
            <tr>
              <th scope="col">{t('national.links.kind')}</th>
              <th scope="col">{t('national.links.other')}</th>
              <th scope="col">{t('national.fields.kind')}</th>
              {editable && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {entity.links.map((link) => (
              <tr key={link.id}>
                <td>{t(link.direction === 'from' ? `national.linkKinds.${link.kind}` : `national.linkKindsReverse.${link.kind}`)}</td>
                <td>
                  <Link to="/national/entities/$id" params={{ id: link.other.id }} dir="auto">
                    {link.other.label}
                  </Link>{' '}
                  <span className="muted small" dir="auto">
                    {link.other.detail ?? ''}
                  </span>
                </td>
                <td>
                  <KindBadge kind={link.other.kind} />
                </td>
                {editable && (
                  <td>
                    <button type="button" className="button button-small button-danger-outline" disabled={removal.pending} onClick={() => void removal.run(async () => answered(await nationalApi.removeLink(entity.id, link.id)))}>
                      {t('national.form.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
            {entity.links.length === 0 && (
              <tr>
                <td colSpan={editable ? 4 : 3} className="empty">
                  {t('national.links.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {adding && <AddLinkDialog entity={entity} onClose={() => setAdding(false)} />}
    </section>
  );
}
