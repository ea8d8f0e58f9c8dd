/** Unique-constraint violation, in either database (PostgreSQL 23505, better-sqlite3 codes). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string } | null | undefined;
  return (
    err?.code === "23505" ||
    err?.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    err?.code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}
