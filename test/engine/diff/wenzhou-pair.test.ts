import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSchemes, type Change, type Scheme } from '../../../engine/index.ts';

/**
 * wenzhou-2023 (city-wide standard) → wenzhou-2024 (SOE system rules). The
 * expected changes are read off the two documents, not off the diff's output:
 * - 2024 一: only SOE departments and subsidiaries take part; 社会服务类 are evaluated by 市政务服务局;
 * - 2024 三(一) + 附件2: 履职成效 becomes quarterly 20/60/20 grades adjusted by ±1 and re-ranked;
 * - 2024 三(二) + 附件2: 主管单位评价 becomes the mean of 市国资委 departments' scores;
 * - 2024 三 (last line): 其他评议指标评价办法见评议标准 → satisfaction, supervision, the 12345
 *   daily items, network and bonus keep the 2023 tables: their rules may only change their cited clause;
 * - the year moves on; the 12345 annual rank applies to 国有企事业等单位 only (no city organs here).
 */
const load = (id: string) => JSON.parse(readFileSync(new URL(`../../../schemes/${id}/scheme.json`, import.meta.url), 'utf8')) as Scheme;
const changes = diffSchemes(load('wenzhou-2023'), load('wenzhou-2024'));
const has = (kind: Change['kind'], path: string) => changes.some((c) => c.kind === kind && (c.pathB === path || c.pathA === path));

describe('diff wenzhou-2023 → wenzhou-2024', () => {
  it('the year and lineage change', () => {
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'metadata-changed', field: 'year', before: 2023, after: 2024 }),
        expect.objectContaining({ kind: 'metadata-changed', field: 'basedOn', after: { id: 'wenzhou-2023', version: '1.0.0' } }),
      ]),
    );
    expect(changes.some((c) => c.kind === 'window-changed')).toBe(true);
  });

  it('only SOE units take part; social-service units are exempted (2024 一)', () => {
    const removed = changes.filter((c) => c.kind === 'category-removed' && c.list === 'categories').map((c) => (c as { category: { id: string } }).category.id);
    expect(removed.sort()).toEqual(['education', 'finance', 'health', 'organ']);
    expect(changes.some((c) => c.kind === 'exemption-added')).toBe(true);
  });

  it('履职成效 and 主管单位评价 change method (2024 三(一), 三(二), 附件2)', () => {
    const performance = changes.find((c) => c.kind === 'method-changed' && c.pathB === '/indicators/0/children/1/method');
    expect(performance).toMatchObject({ before: 'reported-score', after: 'rank-to-grade' });
    const supervisor = changes.find((c) => c.kind === 'method-changed' && c.pathB === '/indicators/0/children/4/method');
    expect(supervisor).toMatchObject({ before: 'graded-rating', after: 'reported-score' });
  });

  it('the 12345 annual rank drops the city-organ group', () => {
    expect(has('method-item-removed', '/indicators/0/children/3/children/1/method/groups/0')).toBe(true);
  });

  it('the reused 2023 tables keep every rule: at most their cited clause changes', () => {
    const reused = ['/indicators/0/children/0/', '/indicators/0/children/2/', '/indicators/0/children/3/children/0/', '/indicators/1/', '/indicators/2/'];
    const inReused = changes.filter((c) => reused.some((p) => (c.pathA ?? '').startsWith(p) || (c.pathB ?? '').startsWith(p)));
    expect(inReused.length).toBeGreaterThan(0);
    for (const c of inReused) {
      const what = c.kind === 'rule-changed' ? c.aspect : c.kind === 'indicator-changed' ? c.property : c.kind;
      expect([c.kind, what]).toEqual([c.kind, 'source']);
    }
    // and the points of the tree are the same: no points-changed anywhere
    expect(changes.filter((c) => c.kind === 'points-changed')).toEqual([]);
  });
});
