/** A version's Excel template made in a worker (exceljs builds and zips the workbook on the thread that calls it). */
import { templateXlsx } from '../../io/index.ts';
import type { Handler } from './worker.ts';

export const templateJob: Handler<'template'> = async ({ scheme, roster }, progress) => {
  progress({ phase: 'writing', fraction: 0.1 });
  const bytes = await templateXlsx(scheme, roster);
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
};
