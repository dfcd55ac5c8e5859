import { joinPointer } from '../../issue.ts';
import type { MigrationChange, MigrationStep } from './migration-step.ts';

/**
 * Format 1 → 2 (CHANGELOG.md, 2): classes became tagged kinds (place / band /
 * history). A format-1 class was always taken by place and had no tie policy:
 * it cut the ranking's order at the count. It becomes `kind: "place"` with
 * `ties: "ranking"`, the policy that follows the ranking's own order (shared
 * places stay shared), as the shipped schemes were converted by hand.
 */
export const classificationKind: MigrationStep = {
  from: 1,
  title: { zh: '等次须写明种类 kind 与并列规则 ties', en: 'classes name their kind and tie policy' },
  apply(doc) {
    const changes: MigrationChange[] = [];
    const list = doc.classifications;
    if (!Array.isArray(list)) return changes;
    list.forEach((c: unknown, i) => {
      if (c === null || typeof c !== 'object' || Array.isArray(c)) return;
      const cls = c as Record<string, unknown>;
      const at = joinPointer('/classifications', i);
      if (!Object.hasOwn(cls, 'kind')) {
        cls.kind = 'place';
        changes.push({ path: `${at}/kind`, message: { zh: '补写 kind: "place"(旧格式的等次都按名次认定)', en: 'added kind: "place" (every class of format 1 is by place)' } });
      }
      if (cls.kind === 'place' && !Object.hasOwn(cls, 'ties')) {
        cls.ties = 'ranking';
        changes.push({
          path: `${at}/ties`,
          message: {
            zh: '补写 ties: "ranking"(名额边界按排名自身的并列规则;并列名次全部计入,请对照文件核实)',
            en: 'added ties: "ranking" (the ranking\'s own order at the boundary; shared places all count — check against the document)',
          },
        });
      }
    });
    return changes;
  },
};
