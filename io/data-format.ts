/** The data formats the readers know. Its own module so the CLI can check `--format` without loading the readers. */
export const DATA_FORMATS = ['json', 'ndjson', 'csv', 'xlsx'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

export function isDataFormat(s: string): s is DataFormat {
  return (DATA_FORMATS as readonly string[]).includes(s);
}
