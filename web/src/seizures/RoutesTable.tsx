import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { useCountryName } from './labels.ts';
import type { RouteCount } from './seizures-api.ts';

/** Departure, destination and number of seizures of each route (dashboard, annual report, the map's table). */
export function RoutesTable({ routes, testId, caption }: { routes: RouteCount[]; testId?: string; caption?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const country = useCountryName();
  return (
    <table data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('seizures.legRoles.departure')}</th>
          <th scope="col">{t('seizures.legRoles.destination')}</th>
          <th scope="col">{t('seizures.stats.seizures')}</th>
        </tr>
      </thead>
      <tbody>
        {routes.map((r) => (
          <tr key={`${r.departure}-${r.destination}`}>
            <td>{country(r.departure)}</td>
            <td>{country(r.destination)}</td>
            <td>{format.number(r.seizures)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
