/** One row of a record's details; an empty value shows a dash. */
export function DetailRow({ label, value, ltr }: { label: string; value: string | null | undefined; ltr?: boolean }) {
  return (
    <div className="details-row">
      <dt>{label}</dt>
      <dd dir={ltr ? 'ltr' : 'auto'}>{value || '—'}</dd>
    </div>
  );
}
