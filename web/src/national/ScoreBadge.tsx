import { useTranslation } from 'react-i18next';

/** A match score (0..1) as a percentage; the strongest matches stand out. */
export function ScoreBadge({ score }: { score: number }) {
  const { i18n } = useTranslation();
  const text = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(score);
  const tone = score >= 0.9 ? 'badge-danger' : score >= 0.7 ? 'badge-warning' : 'badge-muted';
  return (
    <span className={`badge ${tone}`} data-score={score.toFixed(2)}>
      {text}
    </span>
  );
}
