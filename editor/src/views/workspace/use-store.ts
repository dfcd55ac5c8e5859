import { useSyncExternalStore } from 'react';
import type { DocumentState, DocumentStore } from '../../document/index.ts';

/** The store's state in a React view (the store lives apart from React). */
export function useDocumentState(store: DocumentStore): DocumentState {
  return useSyncExternalStore(
    (f) => store.subscribe(f),
    () => store.state,
  );
}
