/** One change a migration step made, at its JSON Pointer in the migrated document. */
export interface MigrationChange {
  path: string;
  message: { zh: string; en: string };
}

/**
 * One step from format version `from` to `from + 1`. `apply` changes the copy
 * it is given in place (the caller copied the original) and says every change;
 * it leaves alone what is already in the newer shape, so a document half
 * edited by hand is still carried over.
 */
export interface MigrationStep {
  from: number;
  title: { zh: string; en: string };
  apply(doc: Record<string, unknown>): MigrationChange[];
}
