import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format.ts';
import type { Contribution } from './diagnostics-api.ts';

/** The answers behind a level: what each scored part of an answer earned out of what it could earn. */
export function ContributionsTable({ contributions }: { contributions: Contribution[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const answerText = (c: Contribution) => {
    if (c.answer == null) return t('desk.diagnostics.noAnswer');
    if (c.part === 'frequency') return t(`desk.diagnostics.frequencies.${c.answer}`);
    if (c.part === 'supported') return t(c.answer === 'true' ? 'desk.diagnostics.supportedYes' : 'desk.diagnostics.supportedNo');
    return t(`desk.diagnostics.values.${c.answer}`);
  };
  if (contributions.length === 0) return null;
  return (
    <details>
      <summary>{t('desk.diagnostics.contributions')}</summary>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('desk.diagnostics.fields.question')}</th>
              <th scope="col">{t('desk.diagnostics.fields.part')}</th>
              <th scope="col">{t('desk.diagnostics.answer')}</th>
              <th scope="col">{t('desk.diagnostics.fields.points')}</th>
            </tr>
          </thead>
          <tbody>
            {contributions.map((c) => (
              <tr key={`${c.questionId}-${c.part}`}>
                <td>{c.questionId}</td>
                <td>{t(`desk.diagnostics.parts.${c.part}`)}</td>
                <td>{answerText(c)}</td>
                <td className="nowrap">{t('desk.diagnostics.pointsOf', { earned: format.number(c.earned), max: format.number(c.max) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
