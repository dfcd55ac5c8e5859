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
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxJsonBytes: 256 * MiB,
  maxXlsxBytes: 128 * MiB,
  maxLineBytes: 64 * MiB,
  maxStdinBytes: 256 * MiB,
};
