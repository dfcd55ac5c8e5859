/**
 * The store's files as a worker reads them. Workers never write: they read a
 * data set or a run the request thread's Store wrote, and hand bytes back for
 * it to write. The reading is the Store's own (its readJson / readLines rules:
 * a torn last line is skipped), on an instance that was never opened — no
 * lowdb document, no recovery — so a worker cannot race the request thread.
 */
import { nodeFs } from '../store/fs-layer.ts';
import { Store } from '../store/store.ts';

export type StoreView = Pick<Store, 'readJson' | 'readLines' | 'readText' | 'path'>;

export function storeView(dir: string): StoreView {
  // only `dir` and the file layer are read by these methods; the class's other state belongs to the request thread's store
  return Object.create(Store.prototype, { dir: { value: dir }, fs: { value: nodeFs } }) as StoreView;
}
