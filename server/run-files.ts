/** Where a run is kept in the store: its result with the trace, and the scheme it was scored with. */
export const runFile = (id: string) => ['runs', `${id}.json`];
/** The scheme as it was when the run was made: a draft may change later, the run's columns must not. */
export const runSchemeFile = (id: string) => ['runs', `${id}.scheme.json`];
