/** A timestamp column as the API answers it: ISO 8601 in UTC (both drivers give a Date or a string). */
export function isoTime(v: Date | string): string;
export function isoTime(v: Date | string | null | undefined): string | null;
export function isoTime(v: Date | string | null | undefined): string | null {
  return v == null ? null : new Date(v).toISOString();
}
