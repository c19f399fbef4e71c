import { useTranslation } from 'react-i18next';
import { useFormat } from './format.ts';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
}

export function Pager({ page, pageSize, total, onPage }: PagerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <span className="muted">
        {t('pager.summary', { page: format.number(page), pages: format.number(pages), total: format.number(total) })}
      </span>
      <div className="button-row">
        <button type="button" className="button button-small" onClick={() => onPage(page - 1)} disabled={page <= 1}>
          {t('pager.previous')}
        </button>
        <button type="button" className="button button-small" onClick={() => onPage(page + 1)} disabled={page >= pages}>
          {t('pager.next')}
        </button>
      </div>
    </nav>
  );
}
