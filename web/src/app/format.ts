import { useTranslation } from 'react-i18next';

/** Dates and numbers in the interface language, through Intl. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    dateTime(iso: string | null | undefined): string {
      if (!iso) return '';
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
    },
    date(iso: string | null | undefined): string {
      if (!iso) return '';
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
    },
    number(value: number): string {
      return new Intl.NumberFormat(locale).format(value);
    },
    list(values: string[]): string {
      return new Intl.ListFormat(locale, { style: 'short', type: 'conjunction' }).format(values);
    },
  };
}
