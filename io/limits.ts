/**
 * Size limits of the readers. Files read whole (a JSON document, a workbook,
 * standard input before its format is known) are bounded so that a huge or
 * endless input is refused with a problem instead of exhausting memory; V8
 * cannot hold a string over ≈ 512 MiB anyway. NDJSON and CSV stream, so only
 * one NDJSON line is bounded.
 */
export interface Limits {
  /** A `.json` data file (or scheme) read whole. */
  maxJsonBytes: number;
  /** A `.xlsx` workbook read whole. */
  maxXlsxBytes: number;
  /** One NDJSON line (`line-too-long` beyond). */
  maxLineBytes: number;
  /** Standard input or a stream without a streaming format, read whole. */
  maxStdinBytes: number;
  /** A workbook's entries inflated, all together (a few MB of .xlsx can inflate to GBs: io/xlsx-guard.ts). */
  maxXlsxUncompressedBytes: number;
  /** Rows of one worksheet. */
  maxSheetRows: number;
  /** Cells of one worksheet. */
  maxSheetCells: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxJsonBytes: 256 * MiB,
  maxXlsxBytes: 128 * MiB,
  maxLineBytes: 64 * MiB,
  maxStdinBytes: 256 * MiB,
  // exceljs holds ≈ 10 bytes per byte of sheet XML: 256 MiB of XML stays within a 2 GiB server job
  maxXlsxUncompressedBytes: 256 * MiB,
  // Excel's own sheet has at most 1,048,576 rows; a return of one office is far below either bound
  maxSheetRows: 500_000,
  maxSheetCells: 5_000_000,
};

const ENV: Record<keyof Limits, string> = {
  maxJsonBytes: 'PINGYI_MAX_JSON_BYTES',
  maxXlsxBytes: 'PINGYI_MAX_XLSX_BYTES',
  maxLineBytes: 'PINGYI_MAX_LINE_BYTES',
  maxStdinBytes: 'PINGYI_MAX_STDIN_BYTES',
  maxXlsxUncompressedBytes: 'PINGYI_MAX_XLSX_UNCOMPRESSED_BYTES',
  maxSheetRows: 'PINGYI_MAX_SHEET_ROWS',
  maxSheetCells: 'PINGYI_MAX_SHEET_CELLS',
};

/** Limits set in the environment (`PINGYI_MAX_LINE_BYTES=…`), for operators and tests; bad values are ignored. */
export function limitsFromEnv(env: Record<string, string | undefined>): Partial<Limits> {
  const out: Partial<Limits> = {};
  for (const [key, name] of Object.entries(ENV) as Array<[keyof Limits, string]>) {
    const n = Number(env[name]);
    if (env[name] !== undefined && Number.isSafeInteger(n) && n > 0) out[key] = n;
  }
  return out;
}
