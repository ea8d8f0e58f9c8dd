import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import path from "node:path";
import { frenchSpacing } from "../french";

/**
 * The hub's SQLite files hold pseudonymous data on people (RSA, disability): owner-only, whatever the umask.
 * SQLite gives the -wal, -shm and -journal files it creates the database file's own mode, so creating that
 * file 0600 first covers them; they are still set again after each open, for files left by an older version.
 */
const SIDE_FILES = ["", "-wal", "-shm", "-journal"];

/** The directory of a data file, created 0700 when missing (an existing one is left as is, and reported). */
export function makeDataDir(file: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
}

/** Creates the file empty and 0600 when missing, before SQLite opens it (SQLite takes an empty file as a new database). */
export function createOwnerOnly(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
}

/** Sets the database file and the files SQLite keeps beside it to 0600. */
export function restrictSqliteFiles(file: string): void {
  for (const suffix of SIDE_FILES) {
    const p = file + suffix;
    // A side file may vanish between the check and the chmod (the last connection closing deletes -wal).
    if (existsSync(p)) chmodSafely(p, 0o600);
  }
}

function chmodSafely(p: string, mode: number): void {
  try {
    chmodSync(p, mode);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
}

/** A data file or directory that other accounts than the hub's may read. */
export interface ExposedPath {
  path: string;
  kind: "directory" | "file";
  /** Permission bits, e.g. 0o644. */
  mode: number;
}

/** The data directory and SQLite files that give any permission to group or others (mode & 077). */
export function exposedDataPaths(file: string): ExposedPath[] {
  const abs = path.resolve(file);
  const found: ExposedPath[] = [];
  const dir = path.dirname(abs);
  if (existsSync(dir) && (statSync(dir).mode & 0o077) !== 0)
    found.push({ path: dir, kind: "directory", mode: statSync(dir).mode & 0o777 });
  for (const suffix of SIDE_FILES) {
    const p = abs + suffix;
    if (existsSync(p) && (statSync(p).mode & 0o077) !== 0)
      found.push({ path: p, kind: "file", mode: statSync(p).mode & 0o777 });
  }
  return found;
}

/** The French warning for an exposed path, with the command that fixes it. */
export function exposedMessage(e: ExposedPath): string {
  const mode = e.mode.toString(8);
  return frenchSpacing(
    e.kind === "directory"
      ? `Le répertoire des données ${e.path} est ouvert à d'autres comptes que celui du hub (mode ${mode}). Corrigez avec : chmod 700 ${e.path}`
      : `Le fichier ${e.path} est lisible par d'autres comptes que celui du hub (mode ${mode}) ; il contient des données pseudonymisées sur des personnes. Corrigez avec : chmod 600 ${e.path}`,
  );
}
