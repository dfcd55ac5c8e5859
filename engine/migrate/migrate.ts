import { schemeIssue, type Issue } from '../issue.ts';
import { FORMAT_VERSION, formatVersionOf } from '../scheme/format-version.ts';
import { stepFrom } from './migrations.ts';
import type { MigrationChange } from './steps/migration-step.ts';

export type { MigrationChange } from './steps/migration-step.ts';

export interface Migration {
  /** The document in the current format: a copy, the original is untouched. Absent when it cannot be migrated. */
  value: Record<string, unknown> | undefined;
  /** The version the document was in (1 when it named none). */
  from: number | undefined;
  to: number;
  /** Every change, with its pointer in the migrated document; empty when it was current already. */
  changes: MigrationChange[];
  /** Why it could not be migrated (not a scheme, a version from the future…). */
  issues: Issue[];
}

/**
 * Upgrade an older scheme document to the current format, step by step
 * (migrations.ts). Pure: the same document gives the same result and every
 * change is reported; anything that is not a scheme is a problem, never a throw.
 */
export function migrateScheme(doc: unknown): Migration {
  const fail = (issue: Issue, from?: number): Migration => ({ value: undefined, from, to: FORMAT_VERSION, changes: [], issues: [issue] });
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || !Array.isArray((doc as Record<string, unknown>).indicators)) {
    return fail(schemeIssue('not-a-scheme', '', '这不是评议方案(应为含 indicators 列表的 JSON 对象),无法升级', 'not a scheme (a JSON object with an indicators list), nothing to migrate'));
  }
  const version = formatVersionOf(doc as Record<string, unknown>);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(schemeIssue('bad-format-version', '/formatVersion', `格式版本须为正整数,实为 ${JSON.stringify(version)}`, `formatVersion must be a positive integer, got ${JSON.stringify(version)}`));
  }
  if (version > FORMAT_VERSION) {
    return fail(
      schemeIssue(
        'format-too-new',
        '/formatVersion',
        `方案的格式版本 ${version} 比本程序支持的 ${FORMAT_VERSION} 新,请升级 pingyi`,
        `the scheme's format version ${version} is newer than this program's ${FORMAT_VERSION}: upgrade pingyi`,
      ),
      version,
    );
  }
  const value = structuredClone(doc) as Record<string, unknown>;
  const changes: MigrationChange[] = [];
  for (let v = version; v < FORMAT_VERSION; v++) {
    const step = stepFrom(v);
    // migrations.ts refuses to compile without every step; this guards a table edited by hand
    if (!step) return fail(schemeIssue('migration-missing', '/formatVersion', `缺少从格式版本 ${v} 升级的步骤`, `no migration step from format version ${v}`), version);
    changes.push(...step.apply(value));
  }
  if (value.formatVersion !== FORMAT_VERSION) {
    value.formatVersion = FORMAT_VERSION;
    changes.push({ path: '/formatVersion', message: { zh: `写明格式版本 ${FORMAT_VERSION}(原为 ${version})`, en: `formatVersion set to ${FORMAT_VERSION} (was ${version})` } });
  }
  return { value, from: version, to: FORMAT_VERSION, changes, issues: [] };
}
