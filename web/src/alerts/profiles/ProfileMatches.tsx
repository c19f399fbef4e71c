import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import type { BackTestResult, ProfileMatch } from './profiles-api.ts';

/** Seizures a profile matched or would have matched, each with why and a link to it. */
export function MatchTable({ rows, caption, testId, showMatchedAt = false }: { rows: ProfileMatch[]; caption: string; testId: string; showMatchedAt?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('profiles.matches.reference')}</th>
            <th scope="col">{t('profiles.matches.seizedAt')}</th>
            <th scope="col">{t('profiles.matches.country')}</th>
            <th scope="col">{t('profiles.matches.reasons')}</th>
            {showMatchedAt && <th scope="col">{t('profiles.matches.matchedAt')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.seizureId} data-reference={m.reference}>
              <td className="nowrap">
                <Link to="/seizures/$id" params={{ id: m.seizureId }}>
                  {m.reference}
                </Link>
              </td>
              <td className="nowrap">{format.date(m.seizedAt)}</td>
              <td>{m.country}</td>
              <td data-testid="match-reasons">
                <ul className="chips">
                  {m.reasons.map((r) => (
                    <li key={r} className="chip">
                      {r}
                    </li>
                  ))}
                </ul>
              </td>
              {showMatchedAt && <td className="nowrap">{format.dateTime(m.matchedAt)}</td>}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={showMatchedAt ? 5 : 4} className="empty">
                {t('profiles.matches.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** "Would have matched N seizures (X % of validated seizures in the period)", then the seizures. */
export function BackTestResultView({ result }: { result: BackTestResult }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(result.share);
  return (
    <div className="stack" data-testid="backtest-result">
      <p role="status" data-testid="backtest-summary">
        {t('profiles.backtest.summary', { n: result.total, share: percent })}
      </p>
      {result.seizures.length < result.total && <p className="muted small">{t('profiles.backtest.newest', { n: result.seizures.length })}</p>}
      <MatchTable rows={result.seizures} caption={t('profiles.backtest.title')} testId="backtest-seizures" />
    </div>
  );
}
