import { schemeIssue, type Issue } from '../issue.ts';
import { FORMAT_VERSION, formatVersionOf } from '../scheme/format-version.ts';
import { migrateScheme } from '../migrate/migrate.ts';
import { structureValid } from './structure.ts';

/** A document from a newer pingyi: nothing else about it can be trusted, so this is the only problem said. */
export function formatTooNew(doc: unknown): Issue[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [];
  const v = formatVersionOf(doc as Record<string, unknown>);
  if (typeof v !== 'number' || v <= FORMAT_VERSION) return [];
  return [
    schemeIssue(
      'format-too-new',
      '/formatVersion',
      `方案的格式版本 ${v} 比本程序支持的 ${FORMAT_VERSION} 新,请升级 pingyi`,
      `the scheme's format version ${v} is newer than this program's ${FORMAT_VERSION}: upgrade pingyi`,
    ),
  ];
}

/**
 * An older document that does not validate as it is: when `pingyi migrate`
 * would make its structure valid, say so first, with what it would change,
 * rather than leave the clerk with "kind is missing" on every class.
 */
export function formatOutdated(doc: unknown): Issue[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [];
  const m = migrateScheme(doc);
  const real = m.changes.filter((c) => c.path !== '/formatVersion');
  // the quick validator: a huge broken document must not pay for a full error list twice
  if (!m.value || real.length === 0 || !structureValid(m.value)) return [];
  const at = Object.hasOwn(doc, 'formatVersion') ? '/formatVersion' : '';
  const shown = real.slice(0, 3).map((c) => c.path).join('、') + (real.length > 3 ? ` 等 ${real.length} 处` : '');
  return [
    schemeIssue(
      'format-outdated',
      at,
      `本方案按旧格式(版本 ${m.from})写成;运行 pingyi migrate 升级到版本 ${FORMAT_VERSION}(将修改 ${shown})`,
      `written in format ${m.from}; run pingyi migrate to upgrade to ${FORMAT_VERSION} (${real.length} change(s), e.g. ${real[0]?.path})`,
    ),
  ];
}
