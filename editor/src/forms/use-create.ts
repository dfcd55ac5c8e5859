/**
 * Runs a creating edit (create-commands.ts, with pinyin-pro for the ids)
 * once its module has loaded: the form's first screen does not wait for it.
 * The command is built from the document as it is when the module arrives.
 */
import { useCallback } from 'react';
import type { Command, Json } from '../document/index.ts';
import { useForm } from '../views/form/form-context.ts';

type Create = typeof import('./create-commands.ts');
let loaded: Promise<Create> | undefined;
export const loadCreate = (): Promise<Create> => (loaded ??= import('./create-commands.ts'));

export function useCreate(): (make: (m: Create, doc: Json) => Command | undefined, after?: () => void, mergeKey?: string) => void {
  const { run, store } = useForm();
  return useCallback(
    (make, after, mergeKey) => {
      void loadCreate().then((m) => {
        const command = make(m, store.state.doc);
        if (command) run(command, mergeKey ? { mergeKey } : undefined);
        after?.();
      });
    },
    [run, store],
  );
}
