/** Fact origins as a plain array, to compare (the loader keeps them in a compact table). */
import type { Origin } from '../../io/index.ts';

export function originList(origins: { readonly length: number; at(i: number): Origin | undefined }): Array<Origin | undefined> {
  return Array.from({ length: origins.length }, (_, i) => origins.at(i));
}
