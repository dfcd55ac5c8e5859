/**
 * The heavy work the server does off the request thread, one kind per entry:
 * what a job is given and what it answers. Bytes come back as Uint8Array and
 * are moved, not copied, so the request thread never parses or stringifies a
 * data set, a result or a workbook.
 */
import type { Roster, Scheme } from '../../engine/index.ts';
import type { DataFormat } from '../../io/index.ts';
import type { Refusal } from '../errors.ts';
import type { ProblemPage } from '../problem-cap.ts';

export interface JobIo {
  upload: {
    input: { file: string; format: DataFormat; scheme: Scheme; roster: Roster | undefined };
    output: {
      accepted: boolean;
      counts: { units: number; facts: number; history: number };
      problems: ProblemPage;
      /** base.json and facts.ndjson of the data set, when accepted. */
      base?: Uint8Array;
      facts?: Uint8Array;
    };
  };
  run: {
    input: { dir: string; dataset: string; scheme: Scheme };
    output: { result: Uint8Array; ok: boolean; issueCounts: { errors: number; warnings: number }; summary: unknown };
  };
  export: {
    input: { dir: string; run: string; format: 'xlsx' | 'csv' };
    output: { bytes: Uint8Array };
  };
  impact: {
    input: { dir: string; dataset: string; from: Scheme; to: Scheme };
    output: { json: Uint8Array };
  };
  /** A version's Excel template of its fact types. */
  template: {
    input: { scheme: Scheme; roster: Roster | undefined };
    output: { bytes: Uint8Array };
  };
  /** One unit of a stored run explained: the answer's JSON bytes (a city's result is parsed here, not on the request thread). */
  explain: {
    input: { dir: string; run: string; unit: string };
    output: { json: Uint8Array };
  };
}

export type JobKind = keyof JobIo;

/** What a job says while it works: the step it is in and, where it can tell, how far (0–1). */
export interface JobProgress {
  phase: 'queued' | 'reading' | 'checking' | 'scoring' | 'writing' | 'done';
  fraction: number;
}

export type ToWorker = { id: number; kind: JobKind; input: unknown };
export type FromWorker =
  /** Sent once, when the worker has loaded its job modules and listens. */
  | { ready: true }
  | { id: number; progress: JobProgress }
  | { id: number; output: unknown }
  | { id: number; error: string; refusal?: { status: number; body: Refusal } };
