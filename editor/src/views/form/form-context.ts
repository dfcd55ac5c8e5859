import { createContext, useContext } from 'react';
import type { Command, DocumentStore, ExecuteOptions } from '../../document/index.ts';
import type { Select } from '../workspace/selection.ts';

export interface FormContextValue {
  store: DocumentStore;
  readOnly: boolean;
  select: Select;
  /** Run a command, reporting a refused one instead of throwing into React. */
  run: (command: Command, options?: ExecuteOptions) => void;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useForm(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error('form outside its workspace');
  return ctx;
}
