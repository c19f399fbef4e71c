import { useEffect, useMemo, useState } from 'react';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format.ts';
import { useCountryName } from './labels.ts';
import { RoutesTable } from './RoutesTable.tsx';
import type { MapReply } from './seizures-api.ts';

const WIDTH = 960;
const HEIGHT = 500;

/** The world's countries, loaded once, offline (world-atlas, Natural Earth 1:110m). */
let landPromise: Promise<FeatureCollection<Geometry>> | null = null;
function loadLand(): Promise<FeatureCollection<Geometry>> {
  landPromise ??= import('world-atlas/countries-110m.json', { with: { type: 'json' } }).then((m) => {
    const topology = (m.default ?? m) as unknown as Topology;
    return feature(topology, topology.objects.countries) as unknown as FeatureCollection<Geometry>;
  });
  return landPromise;
}

interface WorldMapProps {
  data: MapReply | undefined;
  title: string;
  /** How many flows to draw, largest first. */
  maxFlows?: number;
  testId?: string;
}

/**
 * Seizures on a world map: a circle per country (area by count) and route flows from departure to
 * destination (great-circle arcs, width by count). A table below says the same for screen readers.
 */
export function WorldMap({ data, title, maxFlows = 30, testId }: WorldMapProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const country = useCountryName();
  const [land, setLand] = useState<FeatureCollection<Geometry> | null>(null);
  useEffect(() => {
    let live = true;
    void loadLand().then((l) => live && setLand(l));
    return () => {
      live = false;
    };
  }, []);

  const projection = useMemo(() => geoNaturalEarth1().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], { type: 'Sphere' }), []);
  const path = useMemo(() => geoPath(projection), [projection]);
  const countries = (data?.countries ?? []).filter((c) => c.lat != null && c.lng != null).sort((a, b) => b.seizures - a.seizures);
  const flows = (data?.flows ?? []).filter((f) => f.from && f.to).sort((a, b) => b.seizures - a.seizures).slice(0, maxFlows);
  const maxCount = Math.max(1, ...countries.map((c) => c.seizures));
  const maxFlow = Math.max(1, ...flows.map((f) => f.seizures));

  return (
    <figure className="stack" data-testid={testId}>
      <svg className="world-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <path className="sphere" d={path({ type: 'Sphere' }) ?? undefined} />
        {land?.features.map((f, i) => <path key={i} className="land" d={path(f) ?? undefined} />)}
        {flows.map((f) => (
          <path
            key={`${f.departure}-${f.destination}`}
            className="flow"
            data-flow={`${f.departure}-${f.destination}`}
            strokeWidth={1 + (5 * f.seizures) / maxFlow}
            d={path({ type: 'LineString', coordinates: [f.from!, f.to!] }) ?? undefined}
          >
            <title>{t('seizures.map.flowTitle', { from: country(f.departure), to: country(f.destination), n: format.number(f.seizures) })}</title>
          </path>
        ))}
        {countries.map((c) => {
          const xy = projection([c.lng!, c.lat!]);
          if (!xy) return null;
          return (
            <circle key={c.country} className="bubble" data-country={c.country} cx={xy[0]} cy={xy[1]} r={3 + 22 * Math.sqrt(c.seizures / maxCount)}>
              <title>{t('seizures.map.countryTitle', { country: country(c.country), n: format.number(c.seizures) })}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption className="map-legend">
        <span>{t('seizures.map.legendBubbles')}</span>
        <span>{t('seizures.map.legendFlows')}</span>
      </figcaption>
      <details>
        <summary>{t('seizures.map.asTable')}</summary>
        <div className="two-columns">
          <table data-testid={testId ? `${testId}-countries` : undefined}>
            <caption>{t('seizures.map.byCountry')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('seizures.fields.country')}</th>
                <th scope="col">{t('seizures.stats.seizures')}</th>
              </tr>
            </thead>
            <tbody>
              {(data?.countries ?? []).slice(0, 50).map((c) => (
                <tr key={c.country} data-country={c.country}>
                  <td>{country(c.country)}</td>
                  <td>{format.number(c.seizures)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <RoutesTable routes={flows} caption={t('seizures.map.flows')} />
        </div>
      </details>
    </figure>
  );
}
