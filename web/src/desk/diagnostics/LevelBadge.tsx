import { useTranslation } from 'react-i18next';
import { LEVELS, type Level } from './diagnostics-api.ts';

/** A partnership level as a badge, toned from the loosest to the closest; "not assessed" when there is none yet. */
export function LevelBadge({ level, name, testId }: { level: Level | null; name: string; testId?: string }) {
  const { t } = useTranslation();
  if (!level)
    return (
      <span className="badge badge-muted" data-testid={testId}>
        {t('desk.diagnostics.notAssessed')}
      </span>
    );
  return (
    <span className={`badge diag-level diag-level-${LEVELS.indexOf(level) + 1}`} data-level={level} data-testid={testId}>
      {name}
    </span>
  );
}
