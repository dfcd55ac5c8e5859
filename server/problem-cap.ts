/**
 * Problems of an upload, kept like `pingyi validate` prints them: the first
 * few of each code in full, and how many of each code there were in all. A
 * file against the wrong scheme gives a million problems of one kind; storing
 * and sending them all (issue 17 D5: a 434 MB problems.json) helps nobody.
 */
export interface ProblemPage {
  /** Problems of every code, in the order found. */
  total: number;
  /** Per code: how many there were. */
  counts: Record<string, number>;
  /** The first {@link PER_CODE} of each code, in the order found. */
  kept: unknown[];
}

/** Problems kept in full per code (the CLI prints 50 in all; a data desk groups them by kind). */
export const PER_CODE = 200;

export function capProblems(problems: ReadonlyArray<{ code: string }>, perCode = PER_CODE): ProblemPage {
  const counts: Record<string, number> = {};
  const kept: unknown[] = [];
  for (const p of problems) {
    const n = (counts[p.code] = (counts[p.code] ?? 0) + 1);
    if (n <= perCode) kept.push(p);
  }
  return { total: problems.length, counts, kept };
}

/** A stored page: the compact form, or (data sets stored before the cap) the plain list. */
export function asPage(stored: unknown): ProblemPage {
  if (Array.isArray(stored)) return capProblems(stored as Array<{ code: string }>, Infinity);
  if (stored && typeof stored === 'object' && Array.isArray((stored as ProblemPage).kept)) return stored as ProblemPage;
  return { total: 0, counts: {}, kept: [] };
}
