import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';

/** A WCO region by its name, or "all regions" for a bulletin over the world. */
export function useRegionLabel() {
  const { t } = useTranslation();
  return useCallback((region: string | null) => (region ? t(`alerts.regions.${region}`, { defaultValue: region }) : t('bulletins.allRegions')), [t]);
}

/** The period a bulletin covers: "1 Jan 2026 – 31 Mar 2026". */
export function usePeriod() {
  const format = useFormat();
  return (b: { periodFrom: string; periodTo: string }) => `${format.date(b.periodFrom)} – ${format.date(b.periodTo)}`;
}

export function BulletinStatusBadge({ status }: { status: 'draft' | 'published' }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${status === 'published' ? 'badge-ok' : 'badge-muted'}`} data-status={status}>
      {t(`bulletins.statuses.${status}`)}
    </span>
  );
}
