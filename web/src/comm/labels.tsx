import { useTranslation } from 'react-i18next';

const STATUS_TONE: Record<string, string> = { planned: 'badge-muted', active: 'badge-ok', closed: 'badge-warning', archived: 'badge-muted' };

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge ${STATUS_TONE[status] ?? 'badge-muted'}`}>{t(`comm.statuses.${status}`)}</span>;
}

/** A folder's name: the built-in ones in the interface language, mine as I named them. */
export function useFolderName() {
  const { t } = useTranslation();
  return (folder: { id: string; name: string; builtIn?: boolean }) => (folder.builtIn || ['inbox', 'outbox', 'bin'].includes(folder.id) ? t(`comm.folders.${folder.id}`) : folder.name);
}
