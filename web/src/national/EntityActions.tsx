import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useToasts } from '../app/toasts.tsx';
import { useEntityAnswer } from './entity-cache.ts';
import { MergeDialog } from './MergeDialog.tsx';
import { nationalApi, nationalKeys, type EntityView } from './national-api.ts';
import { ReasonDialog } from './ReasonDialog.tsx';

type Dialog = 'merge' | 'keep' | 'delete' | null;

/** What an officer with nominal_write does with a record: edit, merge with another, keep past review, delete. */
export function EntityActions({ entity }: { entity: EntityView }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const answered = useEntityAnswer();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <div className="button-row">
      <Link to="/national/entities/$id/edit" params={{ id: entity.id }} className="button">
        {t('common.edit')}
      </Link>
      <button type="button" className="button" onClick={() => setDialog('merge')}>
        {t('national.merge.action')}
      </button>
      <button type="button" className="button" onClick={() => setDialog('keep')}>
        {t('national.keep.action')}
      </button>
      <button type="button" className="button button-danger-outline" onClick={() => setDialog('delete')}>
        {t('national.delete.action')}
      </button>
      {dialog === 'merge' && <MergeDialog entity={entity} onClose={close} />}
      {dialog === 'keep' && (
        <ReasonDialog
          title={t('national.keep.title', { label: entity.label })}
          message={t('national.keep.message')}
          confirmLabel={t('national.keep.confirm')}
          onClose={close}
          onConfirm={async (reason) => {
            await answered(await nationalApi.keep(entity.id, reason));
            toasts.show({ tone: 'success', title: t('national.keep.done', { label: entity.label }) });
            close();
          }}
        />
      )}
      {dialog === 'delete' && (
        <ReasonDialog
          title={t('national.delete.title', { label: entity.label })}
          message={t('national.delete.message')}
          confirmLabel={t('national.delete.confirm')}
          danger
          onClose={close}
          onConfirm={async (reason) => {
            await nationalApi.remove(entity.id, reason);
            queryClient.removeQueries({ queryKey: nationalKeys.entity(entity.id) });
            await queryClient.invalidateQueries({ queryKey: nationalKeys.all });
            toasts.show({ tone: 'success', title: t('national.delete.done', { label: entity.label }) });
            await navigate({ to: '/national/entities' });
          }}
        />
      )}
    </div>
  );
}
