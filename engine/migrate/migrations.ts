import { classificationKind } from './steps/classification-kind.ts';
import type { MigrationStep } from './steps/migration-step.ts';
import { FORMAT_VERSION } from '../scheme/format-version.ts';

/** Every step, keyed by the version it upgrades from: one per format change, applied in order. */
export const MIGRATIONS = {
  1: classificationKind,
} as const satisfies Record<number, MigrationStep>;

// a new format version without its step fails to compile here
const _complete: Record<Exclude<Range<typeof FORMAT_VERSION>, 0>, MigrationStep> = MIGRATIONS;
void _complete;

type Range<N extends number, Acc extends number[] = []> = Acc['length'] extends N ? Acc[number] : Range<N, [...Acc, Acc['length']]>;

export function stepFrom(version: number): MigrationStep | undefined {
  return (MIGRATIONS as Record<number, MigrationStep>)[version];
}
