/** A unique constraint refused the row (SQLSTATE 23505), as thrown by either driver or wrapped by Drizzle. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null | undefined;
  return err?.code === '23505' || err?.cause?.code === '23505';
}
