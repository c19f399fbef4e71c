import { useEffect, useMemo, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { useTranslation } from 'react-i18next';
import { fetchReferenceItem, referenceItemKey, useCountryName } from '../../seizures/labels.ts';
import { LEVELS, type RegionalEntry } from './diagnostics-api.ts';

const WIDTH = 960;
const HEIGHT = 500;

// The same offline world (world-atlas, Natural Earth 1:110m) and projection as the seizures' map.
let landPromise: Promise<FeatureCollection<Geometry>> | null = null;
function loadLand(): Promise<FeatureCollection<Geometry>> {
  landPromise ??= import('world-atlas/countries-110m.json', { with: { type: 'json' } }).then((m) => {
    const topology = (m.default ?? m) as unknown as Topology;
    return feature(topology, topology.objects.countries) as unknown as FeatureCollection<Geometry>;
  });
  return landPromise;
}

/** Where each country sits, from the reference data (cached like every reference label). */
function useCountryPoints(codes: string[]) {
  const { i18n } = useTranslation();
  const results = useQueries({
    queries: codes.map((code) => ({
      queryKey: referenceItemKey('countries', code, i18n.language),
      queryFn: () => fetchReferenceItem('countries', code, i18n.language),
      staleTime: 60 * 60_000,
      retry: false,
    })),
  });
  const points = new Map<string, [number, number]>();
  codes.forEach((code, i) => {
    const item = results[i]?.data;
    if (item && typeof item.lat === 'number' && typeof item.lng === 'number') points.set(code, [item.lng, item.lat]);
  });
  return points;
}

/** The shared levels on a world map: one dot per administration, its colour the level (the table beside says the same). */
export function LevelsMap({ entries, levelName, title }: { entries: RegionalEntry[]; levelName(level: RegionalEntry['level']): string; title: string }) {
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
  const points = useCountryPoints([...new Set(entries.map((e) => e.country))]);
  return (
    <figure className="stack" data-testid="diag-map">
      <svg className="world-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <path className="sphere" d={path({ type: 'Sphere' }) ?? undefined} />
        {land?.features.map((f, i) => <path key={i} className="land" d={path(f) ?? undefined} />)}
        {entries.map((e) => {
          const at = points.get(e.country);
          const xy = at && projection(at);
          if (!xy) return null;
          return (
            <circle key={e.orgId} className={`diag-map-dot diag-level-${LEVELS.indexOf(e.level) + 1}`} data-country={e.country} cx={xy[0]} cy={xy[1]} r={9}>
              <title>{`${country(e.country)} — ${e.orgName}: ${levelName(e.level)}`}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption className="map-legend diag-map-legend">
        {LEVELS.map((l, i) => (
          <span key={l}>
            <span className={`diag-swatch diag-level-${i + 1}`} aria-hidden="true" /> {levelName(l)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
