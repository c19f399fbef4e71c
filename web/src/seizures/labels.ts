import { useCallback, useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../app/api.ts';
import type { ReferenceItem, ReferenceKind } from '../reference/reference-api.ts';

/** Country names in the interface language, from the browser's own CLDR data (works offline). */
export function useCountryName() {
  const { i18n } = useTranslation();
  const names = useMemo(() => {
    try {
      return new Intl.DisplayNames([i18n.language, 'en'], { type: 'region' });
    } catch {
      return null;
    }
  }, [i18n.language]);
  return useCallback(
    (code: string | null | undefined): string => {
      if (!code) return '';
      try {
        return names?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
    [names],
  );
}

export const referenceItemKey = (kind: ReferenceKind, code: string, lang: string) => ['reference-item', kind, code, lang] as const;

export function fetchReferenceItem(kind: ReferenceKind, code: string, lang: string) {
  return api.get<ReferenceItem>(withQuery(`/reference/${kind}/${encodeURIComponent(code)}`, { lang }));
}

/** Labels of reference codes (methods, commodities, places), fetched once per code and cached. */
export function useReferenceLabels(kind: ReferenceKind, codes: readonly (string | null | undefined)[]): (code: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const unique = [...new Set(codes.filter((c): c is string => !!c))];
  const results = useQueries({
    queries: unique.map((code) => ({
      queryKey: referenceItemKey(kind, code, i18n.language),
      queryFn: () => fetchReferenceItem(kind, code, i18n.language),
      staleTime: 60 * 60_000,
      retry: false,
    })),
  });
  const byCode = new Map<string, string>();
  unique.forEach((code, i) => {
    const label = results[i]?.data?.label;
    if (label) byCode.set(code, label);
  });
  return (code) => (code ? (byCode.get(code) ?? code) : '');
}

/** "Cocaine (DRUGS.COCAINE)" style: the label and, when it differs, the code. */
export const withCode = (label: string, code: string | null | undefined) => (code && label !== code ? `${label} (${code})` : label);
