import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { useToasts } from '../app/toasts.tsx';
import { useEntityAnswer } from './entity-cache.ts';
import { nationalApi, type EntityView } from './national-api.ts';
import { ReasonDialog } from './ReasonDialog.tsx';

type Merge = EntityView['merges'][number];

/** The records merged into this one, when and why; a merge not yet undone can be undone (the record comes apart again). */
export function MergeHistoryPanel({ entity, editable }: { entity: EntityView; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toasts = useToasts();
  const navigate = useNavigate();
  const answered = useEntityAnswer();
  const [undoing, setUndoing] = useState<Merge | null>(null);
  if (entity.merges.length === 0) return null;

  return (
    <section className="panel stack" aria-labelledby="entity-merges-title">
      <h2 className="section-title" id="entity-merges-title">
        {t('national.merge.history')}
      </h2>
      <ol className="history-list" data-testid="entity-merges">
        {entity.merges.map((m) => (
          <li key={m.id}>
            <strong dir="auto">{m.mergedLabel}</strong> <span className="muted">{format.dateTime(m.mergedAt)}</span>
            <p className="seizure-text" dir="auto">
              {m.reason}
            </p>
            {m.undoneAt ? (
              <p className="muted small">{t('national.merge.undoneAt', { date: format.dateTime(m.undoneAt) })}</p>
            ) : (
              editable && (
                <button type="button" className="button button-small" onClick={() => setUndoing(m)}>
                  {t('national.merge.undo')}
                </button>
              )
            )}
          </li>
        ))}
      </ol>
      {undoing && (
        <ReasonDialog
          title={t('national.merge.undoTitle', { label: undoing.mergedLabel })}
          message={t('national.merge.undoMessage')}
          confirmLabel={t('national.merge.undo')}
          onClose={() => setUndoing(null)}
          onConfirm={async (reason) => {
            const apart = await nationalApi.undoMerge(undoing.id, reason);
            await answered(apart);
            toasts.show({ tone: 'success', title: t('national.merge.undone', { label: apart.label }) });
            setUndoing(null);
            await navigate({ to: '/national/entities/$id', params: { id: apart.id } });
          }}
        />
      )}
    </section>
  );
}
