import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSchemes, type Change, type ChangeKind, type Indicator, type MethodKind, type MethodOf, type Scheme } from '../../../engine/index.ts';

const BASE = JSON.parse(readFileSync(new URL('../../../schemes/pingyang-2021/scheme.json', import.meta.url), 'utf8')) as Scheme;

/** A copy of pingyang-2021 with one edit applied. */
function variant(edit: (s: Scheme) => void): Scheme {
  const s = structuredClone(BASE);
  edit(s);
  return s;
}

function ind(s: Scheme, id: string): Indicator {
  const walk = (list: readonly Indicator[]): Indicator | undefined => {
    for (const i of list) {
      if (i.id === id) return i;
      const found = walk(i.children ?? []);
      if (found) return found;
    }
    return undefined;
  };
  const found = walk(s.indicators);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

function method<K extends MethodKind>(s: Scheme, id: string, kind: K): MethodOf<K> {
  const m = ind(s, id).method;
  if (m?.kind !== kind) throw new Error(`${id} has no ${kind} method`);
  return m as MethodOf<K>;
}

function rule(s: Scheme, indicator: string, id: string) {
  const r = method(s, indicator, 'deduction').rules.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

// pointers of pingyang-2021, written out by hand from the file
const HOTLINE = '/indicators/0/children/1/children/0';
const ONLINE = '/indicators/0/children/1/children/1';
const SUPERVISOR = '/indicators/0/children/2';
const SUPERVISION = '/indicators/0/children/3';
const H1 = '/indicators/0/children/0/children/0';
const BONUS = '/indicators/2';

/**
 * One edit per change kind and the exact changes it must produce. Typed as a
 * record over ChangeKind, so a new kind of change fails to compile until it
 * has a test here.
 */
const SAT = '/indicators/0/children/0';
const loose = (o: object) => o as Record<string, unknown>;
const onlyWindowUnits = { all: [{ fact: '$unit', path: '$.attributes.hasWindow', operator: 'equal', value: true }] };

/** Version A for the variant cases: 服务对象评价 split by unit — units with a window keep the two halves, the others one survey. */
function withVariants(s: Scheme): void {
  const sat = ind(s, 'satisfaction');
  const survey = { ...structuredClone(ind(s, 'satisfaction-h1')), id: 'survey', name: '问卷', points: 50 };
  loose(sat).variants = [
    { id: 'with-window', name: '设窗口单位', when: onlyWindowUnits, children: sat.children },
    { id: 'default', name: '其他单位', children: [survey] },
  ];
  delete sat.children;
}
const variantsOf = (s: Scheme) => loose(ind(s, 'satisfaction')).variants as Array<{ id: string; when?: unknown; children: Indicator[] }>;

const CASES: Record<ChangeKind, { base?: (s: Scheme) => void; edit: (s: Scheme) => void; changes: Array<Record<string, unknown>> }> = {
  'metadata-changed': { edit: (s) => void (s.year = 2022), changes: [{ kind: 'metadata-changed', field: 'year', before: 2021, after: 2022, pathA: '/year', pathB: '/year' }] },
  'category-added': {
    edit: (s) => void s.categories.push({ id: 'township', name: '乡镇科室' }),
    changes: [{ kind: 'category-added', list: 'categories', category: { id: 'township', name: '乡镇科室' }, pathB: '/categories/2' }],
  },
  'category-removed': {
    edit: (s) => void s.parentCategories?.pop(),
    changes: [{ kind: 'category-removed', list: 'parentCategories', category: { id: 'state-enterprise' }, pathA: '/parentCategories/1' }],
  },
  'category-changed': {
    edit: (s) => void ((s.categories[0] as { name: string }).name = '机关科室'),
    changes: [{ kind: 'category-changed', list: 'categories', property: 'name', before: '机关中层科室', after: '机关科室', pathA: '/categories/0/name', pathB: '/categories/0/name' }],
  },
  'fact-type-added': {
    edit: (s) => void s.factTypes.push({ id: 'media-award', name: '媒体奖项', target: 'unit', fields: { type: 'object', properties: {} } }),
    changes: [{ kind: 'fact-type-added', factType: { id: 'media-award', name: '媒体奖项' }, pathB: '/factTypes/10' }],
  },
  'fact-type-removed': {
    edit: (s) => void (s.factTypes = s.factTypes.filter((f) => f.id !== 'media-coverage')),
    changes: [{ kind: 'fact-type-removed', factType: { id: 'media-coverage' }, pathA: '/factTypes/9' }],
  },
  'fact-type-changed': {
    edit: (s) => void ((s.factTypes[3] as { name: string }).name = '主管部门评价'),
    changes: [{ kind: 'fact-type-changed', factType: { id: 'supervisor-rating' }, property: 'name', before: '主管单位评价', after: '主管部门评价', pathA: '/factTypes/3/name', pathB: '/factTypes/3/name' }],
  },
  'fact-field-added': {
    edit: (s) => {
      const f = s.factTypes[2]?.fields;
      if (f) (f.properties.channel = { type: 'string' }), (f.required = [...(f.required ?? []), 'channel']);
    },
    changes: [{ kind: 'fact-field-added', factType: { id: 'online-complaint' }, field: 'channel', required: true, schema: { type: 'string' }, pathB: '/factTypes/2/fields/properties/channel' }],
  },
  'fact-field-removed': {
    edit: (s) => void delete s.factTypes[1]?.fields.properties.note,
    changes: [{ kind: 'fact-field-removed', factType: { id: 'hotline-case' }, field: 'note', required: false, pathA: '/factTypes/1/fields/properties/note' }],
  },
  'fact-field-changed': {
    edit: (s) => void (s.factTypes[3]?.fields.properties.score as { maximum: number }).maximum++,
    changes: [{ kind: 'fact-field-changed', factType: { id: 'supervisor-rating' }, field: 'score', aspect: 'schema', pathA: '/factTypes/3/fields/properties/score' }],
  },
  'indicator-added': {
    edit: (s) => void s.indicators.splice(2, 0, { id: 'innovation', name: '创新工作', points: 2, method: { kind: 'bonus', hitPolicy: 'first', cap: 2, rules: [] } } as unknown as Indicator),
    changes: [{ kind: 'indicator-added', indicator: { id: 'innovation', name: '创新工作' }, place: { parent: null, index: 2 }, pathB: '/indicators/2' }],
  },
  'indicator-removed': {
    edit: (s) => void ind(s, 'platforms').children?.pop(),
    changes: [{ kind: 'indicator-removed', indicator: { id: 'online-platform' }, place: { parent: 'platforms', index: 1 }, pathA: ONLINE }],
  },
  'indicator-moved': {
    // 主管单位评价 leaves 日常评价 for the top level, after 日常评价
    edit: (s) => {
      const daily = ind(s, 'daily');
      const [moved] = daily.children?.splice(2, 1) ?? [];
      if (moved) s.indicators.splice(1, 0, moved);
    },
    changes: [{ kind: 'indicator-moved', indicator: { id: 'supervisor' }, from: { parent: 'daily', index: 2 }, to: { parent: null, index: 1 }, pathA: SUPERVISOR, pathB: '/indicators/1' }],
  },
  'indicator-renamed': {
    edit: (s) => void (ind(s, 'satisfaction').name = '服务对象满意度'),
    changes: [{ kind: 'indicator-renamed', indicator: { id: 'satisfaction', name: '服务对象满意度' }, field: 'name', before: '服务对象评价', after: '服务对象满意度' }],
  },
  'points-changed': {
    edit: (s) => void (ind(s, 'platforms').points = 12),
    changes: [{ kind: 'points-changed', indicator: { id: 'platforms' }, field: 'points', before: 10, after: 12, pathA: '/indicators/0/children/1/points', pathB: '/indicators/0/children/1/points' }],
  },
  'indicator-changed': {
    edit: (s) => void (ind(s, 'satisfaction').aggregate = 'mean'),
    changes: [{ kind: 'indicator-changed', indicator: { id: 'satisfaction' }, property: 'aggregate', after: 'mean', pathB: '/indicators/0/children/0/aggregate' }],
  },
  'variant-added': {
    base: withVariants,
    edit: (s) => void variantsOf(s).splice(1, 0, { id: 'remote', when: onlyWindowUnits, children: [{ ...variantsOf(s)[1]!.children[0]!, id: 'remote-survey' }] }),
    changes: [
      { kind: 'variant-added', indicator: { id: 'satisfaction' }, variant: { id: 'remote' }, pathB: `${SAT}/variants/1` },
      { kind: 'indicator-added', indicator: { id: 'remote-survey' }, place: { parent: 'satisfaction', variant: 'remote', index: 0 }, pathB: `${SAT}/variants/1/children/0` },
    ],
  },
  'variant-removed': {
    base: withVariants,
    edit: (s) => void variantsOf(s).shift(),
    changes: [
      { kind: 'variant-removed', variant: { id: 'with-window', name: '设窗口单位' }, pathA: `${SAT}/variants/0` },
      { kind: 'indicator-removed', indicator: { id: 'satisfaction-h1' }, place: { parent: 'satisfaction', variant: 'with-window', index: 0 }, pathA: `${SAT}/variants/0/children/0` },
      { kind: 'indicator-removed', indicator: { id: 'satisfaction-h2' }, pathA: `${SAT}/variants/0/children/1` },
    ],
  },
  'variant-changed': {
    base: withVariants,
    edit: (s) => void (variantsOf(s)[0]!.when = { all: [{ fact: '$unit', path: '$.attributes.hasWindow', operator: 'equal', value: false }] }),
    changes: [{ kind: 'variant-changed', variant: { id: 'with-window' }, property: 'when', pathA: `${SAT}/variants/0/when`, pathB: `${SAT}/variants/0/when` }],
  },
  'method-changed': {
    edit: (s) => void (ind(s, 'online-platform').method = { kind: 'reported-score', factType: 'online-complaint', field: 'score', combine: 'mean', missing: 'zero' }),
    changes: [{ kind: 'method-changed', indicator: { id: 'online-platform' }, before: 'deduction', after: 'reported-score', pathA: `${ONLINE}/method`, pathB: `${ONLINE}/method` }],
  },
  'method-parameter-changed': {
    edit: (s) => void (method(s, 'satisfaction-h1', 'vote-ratio').smallSample!.minVotes = 20),
    changes: [{ kind: 'method-parameter-changed', indicator: { id: 'satisfaction-h1' }, method: 'vote-ratio', parameter: 'smallSample/minVotes', before: 30, after: 20, pathA: `${H1}/method/smallSample/minVotes` }],
  },
  'method-item-added': {
    edit: (s) => void method(s, 'satisfaction-h1', 'vote-ratio').levels.push({ id: 'very-satisfied', name: '非常满意', value: 1 }),
    changes: [{ kind: 'method-item-added', indicator: { id: 'satisfaction-h1' }, list: 'levels', item: { id: 'very-satisfied', name: '非常满意' }, pathB: `${H1}/method/levels/3` }],
  },
  'method-item-removed': {
    edit: (s) => void method(s, 'supervisor', 'graded-rating').grades.pop(),
    changes: [{ kind: 'method-item-removed', indicator: { id: 'supervisor' }, method: 'graded-rating', list: 'grades', item: { id: 'fair', name: '一般' }, pathA: `${SUPERVISOR}/method/grades/2` }],
  },
  'method-item-changed': {
    edit: (s) => void ((method(s, 'satisfaction-h1', 'vote-ratio').levels[1] as { value: number }).value = 0.5),
    changes: [{ kind: 'method-item-changed', list: 'levels', item: { id: 'basic' }, property: 'value', before: 0.6, after: 0.5, pathB: `${H1}/method/levels/1/value` }],
  },
  'rule-added': {
    edit: (s) => void method(s, 'supervision', 'deduction').rules.push({ id: 'late-report', name: '迟报', source: '假定', factType: 'omitted-section', points: { kind: 'fixed', value: 0.5 } }),
    changes: [{ kind: 'rule-added', indicator: { id: 'supervision' }, list: 'rules', rule: { id: 'late-report', name: '迟报' }, pathB: `${SUPERVISION}/method/rules/5` }],
  },
  'rule-removed': {
    edit: (s) => void (method(s, 'hotline-platform', 'deduction').rules = method(s, 'hotline-platform', 'deduction').rules.filter((r) => r.id !== 'shirking')),
    changes: [{ kind: 'rule-removed', indicator: { id: 'hotline-platform' }, rule: { id: 'shirking' }, pathA: `${HOTLINE}/method/rules/3` }],
  },
  'rule-changed': {
    edit: (s) => void (rule(s, 'online-platform', 'valid-complaint').points = { kind: 'fixed', value: 2 }),
    changes: [{ kind: 'rule-changed', indicator: { id: 'online-platform' }, rule: { id: 'valid-complaint', name: '有效投诉' }, aspect: 'points', before: { kind: 'fixed', value: 1 }, after: { kind: 'fixed', value: 2 }, pathA: `${ONLINE}/method/rules/0/points` }],
  },
  'quota-changed': {
    edit: (s) => void (method(s, 'supervisor', 'graded-rating').quota!.rule = { kind: 'shares', rounding: 'floor', shares: [{ grade: 'excellent', percent: 30, bound: 'at-most' }] }),
    changes: [{ kind: 'quota-changed', indicator: { id: 'supervisor' }, parameter: 'quota', pathA: `${SUPERVISOR}/method/quota`, pathB: `${SUPERVISOR}/method/quota` }],
  },
  'cap-changed': {
    edit: (s) => void (method(s, 'hotline-platform', 'deduction').groups![0]!.cap = 15),
    changes: [{ kind: 'cap-changed', indicator: { id: 'hotline-platform' }, group: { id: 'conduct', name: '作风投诉' }, before: 10, after: 15, pathA: `${HOTLINE}/method/groups/0/cap` }],
  },
  'floor-changed': {
    edit: (s) => void (method(s, 'supervision', 'deduction').floor = 5),
    changes: [{ kind: 'floor-changed', indicator: { id: 'supervision' }, field: 'floor', before: 0, after: 5 }],
  },
  'rounding-changed': {
    edit: (s) => void (s.rounding = { total: { digits: 2, mode: 'half-up' } }),
    changes: [{ kind: 'rounding-changed', parameter: 'total', before: undefined, after: { digits: 2, mode: 'half-up' }, pathB: '/rounding/total' }],
  },
  'tie-break-changed': {
    edit: (s) => void (s.rankings[0]!.tieBreak.otherwise = 'shared'),
    changes: [{ kind: 'tie-break-changed', list: 'ranking', item: { id: 'final', name: '综合评价排名' }, pathA: '/rankings/0/tieBreak', pathB: '/rankings/0/tieBreak' }],
  },
  'window-changed': {
    edit: (s) => void (s.window!.to = '2021-12-31'),
    changes: [{ kind: 'window-changed', before: { to: '2021-11-30' }, after: { to: '2021-12-31' }, pathA: '/window' }],
  },
  'exemption-added': {
    edit: (s) => void s.exemptions?.push({ kind: 'condition', id: 'new-section', name: '新设科室', when: { all: [] }, source: '假定' }),
    changes: [{ kind: 'exemption-added', item: { id: 'new-section', name: '新设科室' }, pathB: '/exemptions/1' }],
  },
  'exemption-removed': { edit: (s) => void (s.exemptions = []), changes: [{ kind: 'exemption-removed', item: { id: 'two-years-satisfied' }, pathA: '/exemptions/0' }] },
  'exemption-changed': {
    edit: (s) => void (s.exemptions![0] = { ...s.exemptions![0]!, yearsAgo: [1, 2, 3] } as never),
    changes: [{ kind: 'exemption-changed', item: { id: 'two-years-satisfied' }, property: 'yearsAgo', before: [1, 2], after: [1, 2, 3] }],
  },
  'selection-added': {
    edit: (s) => void s.selections?.push({ ...s.selections[0]!, id: 'second-round', name: '第二轮' }),
    changes: [{ kind: 'selection-added', item: { id: 'second-round', name: '第二轮' }, pathB: '/selections/1' }],
  },
  'selection-removed': { edit: (s) => void (s.selections = []), changes: [{ kind: 'selection-removed', item: { id: 'network-round' }, pathA: '/selections/0' }] },
  'selection-changed': {
    edit: (s) => void (s.selections![0]!.top = 40),
    changes: [{ kind: 'selection-changed', item: { id: 'network-round' }, property: 'top', before: 50, after: 40, pathA: '/selections/0/top', pathB: '/selections/0/top' }],
  },
  'ranking-added': {
    edit: (s) => void s.rankings.push({ ...s.rankings[0]!, id: 'by-category', name: '分类排名', groupBy: 'category' }),
    changes: [{ kind: 'ranking-added', item: { id: 'by-category' }, pathB: '/rankings/1' }],
  },
  'ranking-removed': { edit: (s) => void (s.rankings = []), changes: [{ kind: 'ranking-removed', item: { id: 'final' }, pathA: '/rankings/0' }] },
  'ranking-changed': {
    edit: (s) => void (s.rankings[0]!.pool = { kind: 'all' }),
    changes: [{ kind: 'ranking-changed', item: { id: 'final' }, property: 'pool', before: { kind: 'selection', id: 'network-round' }, after: { kind: 'all' } }],
  },
  'classification-added': {
    edit: (s) => void s.classifications?.push({ kind: 'place', id: 'basic', name: '基本满意单位', ranking: 'final', from: 'top', count: 5, ties: 'ranking', source: '假定' }),
    changes: [{ kind: 'classification-added', item: { id: 'basic' }, pathB: '/classifications/5' }],
  },
  'classification-removed': {
    edit: (s) => void s.classifications?.pop(),
    changes: [{ kind: 'classification-removed', item: { id: 'dissatisfied-two-years' }, pathA: '/classifications/4' }],
  },
  'classification-changed': {
    edit: (s) => void ((s.classifications![0] as { count?: number }).count = 12),
    changes: [{ kind: 'classification-changed', item: { id: 'satisfied', name: '满意单位' }, property: 'count', before: 10, after: 12, pathA: '/classifications/0/count' }],
  },
  'consequence-added': {
    edit: (s) => void s.consequences?.push({ id: 'notice', name: '通报', class: 'dissatisfied', target: 'unit', source: '五' }),
    changes: [{ kind: 'consequence-added', item: { id: 'notice', name: '通报' }, pathB: '/consequences/8' }],
  },
  'consequence-removed': {
    edit: (s) => void s.consequences?.shift(),
    changes: [{ kind: 'consequence-removed', item: { id: 'satisfied-plus-5' }, pathA: '/consequences/0' }],
  },
  'consequence-changed': {
    edit: (s) => void (s.consequences![0]!.points = 3),
    changes: [{ kind: 'consequence-changed', item: { id: 'satisfied-plus-5' }, property: 'points', before: 5, after: 3 }],
  },
  'assumption-added': {
    edit: (s) => void s.assumptions?.push({ id: 'new-one', pointer: '/year', clause: '一', note: '新的假定' }),
    changes: [{ kind: 'assumption-added', item: { id: 'new-one', name: '一' }, pathB: '/assumptions/9' }],
  },
  'assumption-removed': {
    edit: (s) => void (s.assumptions = s.assumptions?.filter((a) => a.id !== 'blend-per-half')),
    changes: [{ kind: 'assumption-removed', item: { id: 'blend-per-half' }, pathA: '/assumptions/1' }],
  },
  'assumption-changed': {
    edit: (s) => void (s.assumptions![2]!.note = '每个未报科室扣 2 分'),
    changes: [{ kind: 'assumption-changed', item: { id: 'omitted-section-points', name: '二' }, property: 'note', after: '每个未报科室扣 2 分', pathB: '/assumptions/2/note' }],
  },
};

describe('diffSchemes: one edit per change kind', () => {
  it('an unchanged copy has no change', () => {
    expect(diffSchemes(BASE, structuredClone(BASE))).toEqual([]);
  });

  for (const [kind, c] of Object.entries(CASES)) {
    it(kind, () => {
      const a = variant(c.base ?? (() => {}));
      const changes = diffSchemes(a, variant((s) => (c.base?.(s), c.edit(s))));
      expect(changes).toMatchObject(c.changes);
      for (const ch of changes) {
        expect(ch.summary.zh.length).toBeGreaterThan(0);
        expect(ch.summary.en.length).toBeGreaterThan(0);
        expect(ch.summary.zh).not.toContain('\n');
        // an addition has no pointer into A, a removal none into B
        if (ch.kind.endsWith('-added')) expect(ch.pathA).toBeUndefined();
        if (ch.kind.endsWith('-removed')) expect(ch.pathB).toBeUndefined();
      }
    });
  }
});

describe('diffSchemes: identity, not position', () => {
  const kinds = (changes: Change[]) => changes.map((c) => c.kind);

  it('reports a renamed indicator as renamed, not removed and added', () => {
    const b = variant((s) => {
      const h1 = ind(s, 'satisfaction-h1');
      h1.name = '服务对象评价(上半年)';
      h1.nameEn = 'service users, first half';
    });
    const changes = diffSchemes(BASE, b);
    expect(kinds(changes)).toEqual(['indicator-renamed', 'indicator-renamed']);
    expect(changes[0]).toMatchObject({ field: 'name', before: '服务对象评价(半年度)', after: '服务对象评价(上半年)', pathA: `${H1}/name`, pathB: `${H1}/name` });
    expect(changes[1]).toMatchObject({ field: 'nameEn', before: undefined, after: 'service users, first half', pathB: `${H1}/nameEn` });
    expect(changes[1]?.pathA).toBeUndefined();
  });

  it('reports swapped siblings as one move, and their own edits on their ids', () => {
    // of two swapped items either one "moved"; the diff keeps the later one in place
    const b = variant((s) => {
      const sat = ind(s, 'satisfaction');
      sat.children = [...(sat.children ?? [])].reverse();
      ind(s, 'satisfaction-h2').points = 30;
    });
    const changes = diffSchemes(BASE, b);
    expect(changes).toMatchObject([
      { kind: 'points-changed', indicator: { id: 'satisfaction-h2' }, before: 25, after: 30, pathA: '/indicators/0/children/0/children/1/points', pathB: '/indicators/0/children/0/children/0/points' },
      { kind: 'indicator-moved', indicator: { id: 'satisfaction-h1' }, from: { parent: 'satisfaction', index: 0 }, to: { parent: 'satisfaction', index: 1 }, pathA: H1, pathB: '/indicators/0/children/0/children/1' },
    ]);
  });

  it('does not report siblings shifted by an insertion as moved', () => {
    const b = variant((s) => ind(s, 'daily').children?.unshift({ id: 'attendance', name: '会议出勤', points: 1, method: { kind: 'deduction', floor: 0, hitPolicy: 'all', rules: [] } } as unknown as Indicator));
    expect(kinds(diffSchemes(BASE, b))).toEqual(['indicator-added']);
  });

  it('moves a whole subtree: only its root is reported', () => {
    const b = variant((s) => {
      const daily = ind(s, 'daily');
      const [platforms] = daily.children?.splice(1, 1) ?? [];
      if (platforms) s.indicators.push(platforms);
    });
    expect(diffSchemes(BASE, b)).toMatchObject([{ kind: 'indicator-moved', indicator: { id: 'platforms' }, from: { parent: 'daily', index: 1 }, to: { parent: null, index: 3 }, pathB: '/indicators/3' }]);
  });

  it('moves an indicator between the variants of its parent', () => {
    const a = variant(withVariants);
    const b = variant((s) => {
      withVariants(s);
      const [ww, other] = variantsOf(s);
      other!.children.push(ww!.children.pop()!);
    });
    expect(diffSchemes(a, b)).toMatchObject([
      {
        kind: 'indicator-moved',
        indicator: { id: 'satisfaction-h2' },
        from: { parent: 'satisfaction', variant: 'with-window', index: 1 },
        to: { parent: 'satisfaction', variant: 'default', index: 1 },
        pathA: `${SAT}/variants/0/children/1`,
        pathB: `${SAT}/variants/1/children/1`,
      },
    ]);
    expect(diffSchemes(a, b)[0]?.summary.zh).toBe('指标 “服务对象评价(年终)”(satisfaction-h2) 由 satisfaction(变体 with-window) 下第 2 项移至 satisfaction(变体 default) 下第 2 项');
  });

  it('matches rules by id and reports a reordering as a change of position', () => {
    const b = variant((s) => {
      const m = method(s, 'hotline-platform', 'deduction');
      const [first, ...rest] = m.rules;
      m.rules = [...rest, first!];
    });
    expect(diffSchemes(BASE, b)).toMatchObject([{ kind: 'rule-changed', rule: { id: 'conduct-complaint' }, aspect: 'position', before: 0, after: 5, pathB: `${HOTLINE}/method/rules/5` }]);
  });
});

describe('diffSchemes: aspects of a rule', () => {
  const aspects = (edit: (s: Scheme) => void) => diffSchemes(BASE, variant(edit)).map((c) => (c.kind === 'rule-changed' ? c.aspect : c.kind));

  it('names the aspect that changed', () => {
    expect(aspects((s) => void (rule(s, 'hotline-platform', 'conduct-complaint').points = { kind: 'range', min: 2, max: 5, field: 'amount' }))).toEqual(['range']);
    expect(aspects((s) => void (rule(s, 'supervision', 'misconduct-current-year').points = { kind: 'table', field: 'role', values: { principal: 20, deputy: 10, staff: 5, collective: 15 } }))).toEqual(['points']);
    expect(aspects((s) => void (rule(s, 'supervision', 'complaint-verified').when = { all: [{ fact: 'channel', operator: 'in', value: ['complaint', 'letter'] }] }))).toEqual(['condition']);
    expect(aspects((s) => void (rule(s, 'supervision', 'complaint-verified').source = '四(一)4(修订)'))).toEqual(['source']);
    expect(aspects((s) => void (rule(s, 'hotline-platform', 'shirking').group = 'conduct'))).toEqual(['group']);
    expect(aspects((s) => void (rule(s, 'online-platform', 'valid-complaint').quantityField = 'count'))).toEqual(['quantity']);
    expect(aspects((s) => void (rule(s, 'online-platform', 'valid-complaint').factType = 'hotline-case'))).toEqual(['fact-type']);
  });

  it('reports a modifier by id: its changed property, or its addition and removal', () => {
    const factor = diffSchemes(BASE, variant((s) => void ((rule(s, 'hotline-platform', 'late-feedback').modifiers![0] as { factor: number }).factor = 0.6)));
    expect(factor).toMatchObject([{ kind: 'rule-changed', rule: { id: 'late-feedback' }, aspect: 'modifiers', modifier: 'co-handler-half', property: 'factor', before: 0.5, after: 0.6, pathA: `${HOTLINE}/method/rules/1/modifiers/0/factor` }]);
    expect(factor[0]?.summary.en).toBe('rule late-feedback (indicator hotline-platform): modifier co-handler-half factor: 0.5 → 0.6');
    const removed = diffSchemes(BASE, variant((s) => void delete rule(s, 'supervision', 'complaint-verified').modifiers));
    expect(removed).toMatchObject([{ aspect: 'modifiers', modifier: 'severe-double', after: undefined, pathA: `${SUPERVISION}/method/rules/1/modifiers/0` }]);
    expect(removed[0]?.pathB).toBeUndefined();
  });

  it('reports the adjustment events of rank-to-grade as rules of the list "adjustments"', () => {
    const rankToGrade = (s: Scheme, extra: boolean) => {
      ind(s, 'supervisor').method = {
        kind: 'rank-to-grade', factType: 'supervisor-rating', gradeField: 'grade', periodField: 'period', periods: ['q1', 'q2'], rounding: 'round', scope: { kind: 'all' }, missing: 'lowest',
        grades: [{ id: 'good', name: '好', base: 90, percent: 50, points: 5 }, { id: 'fair', name: '中', base: 80, percent: 50, points: 3 }],
        adjustments: extra ? [{ id: 'praise', name: '表扬', source: '假定', factType: 'commendation', points: { kind: 'fixed', value: 1 } }] : [],
      };
    };
    const changes = diffSchemes(variant((s) => rankToGrade(s, false)), variant((s) => rankToGrade(s, true)));
    expect(changes).toMatchObject([{ kind: 'rule-added', list: 'adjustments', rule: { id: 'praise' }, pathB: `${SUPERVISOR}/method/adjustments/0` }]);
  });
});

describe('diffSchemes: other located changes', () => {
  it('reports caps, floors and rounding of methods by name', () => {
    const b = variant((s) => {
      method(s, 'bonus', 'bonus').cap = 6;
      method(s, 'bonus', 'bonus').min = -2;
      method(s, 'supervisor', 'graded-rating').scoreRounding!.digits = 2;
      ind(s, 'daily').rounding = { digits: 1, mode: 'half-up' };
    });
    expect(diffSchemes(BASE, b)).toMatchObject([
      { kind: 'rounding-changed', indicator: { id: 'daily' }, parameter: 'rounding', pathB: '/indicators/0/rounding' },
      { kind: 'rounding-changed', indicator: { id: 'supervisor' }, parameter: 'scoreRounding', pathA: `${SUPERVISOR}/method/scoreRounding` },
      { kind: 'cap-changed', indicator: { id: 'bonus' }, before: 5, after: 6, pathA: `${BONUS}/method/cap` },
      { kind: 'floor-changed', indicator: { id: 'bonus' }, field: 'min', before: undefined, after: -2, pathB: `${BONUS}/method/min` },
    ]);
  });

  it('reports a fact type window and a field made required', () => {
    const b = variant((s) => {
      s.factTypes[8]!.window = { from: '2021-01-01', to: '2021-12-31' };
      s.factTypes[2]!.fields.required = ['date', 'note'];
    });
    expect(diffSchemes(BASE, b)).toMatchObject([
      { kind: 'fact-field-changed', factType: { id: 'online-complaint' }, field: 'note', aspect: 'required', before: false, after: true },
      { kind: 'window-changed', factType: { id: 'commendation' }, pathB: '/factTypes/8/window' },
    ]);
  });

  it('reports the metadata of a new version', () => {
    const b = variant((s) => {
      s.version = '1.1.0';
      s.basedOn = { id: 'pingyang-2021', version: '1.0.0' };
      s.totalPoints = 105;
    });
    expect(diffSchemes(BASE, b)).toMatchObject([
      { kind: 'metadata-changed', field: 'version', before: '1.0.0', after: '1.1.0' },
      { kind: 'metadata-changed', field: 'basedOn', before: undefined, after: { id: 'pingyang-2021', version: '1.0.0' } },
      { kind: 'metadata-changed', field: 'totalPoints', before: 100, after: 105 },
    ]);
  });

  it('reports classes taken in another order, since later classes see only earlier ones', () => {
    const b = variant((s) => void (s.classifications = [...(s.classifications ?? [])].reverse()));
    const moved = diffSchemes(BASE, b);
    expect(moved.every((c) => c.kind === 'classification-changed' && c.property === 'position')).toBe(true);
    expect(moved.length).toBeGreaterThan(0);
  });
});

describe('diffSchemes: properties added to the format later', () => {
  // the scheme format grows (new optional properties); the diff reports them under their own names rather than dropping them

  it('reports an unknown property of the scheme, an indicator and a rule', () => {
    const b = variant((s) => {
      loose(s).publishedAt = '2021-05-17';
      loose(ind(s, 'network')).weight = 2;
      loose(rule(s, 'online-platform', 'valid-complaint')).evidence = 'screenshot';
    });
    expect(diffSchemes(BASE, b)).toMatchObject([
      { kind: 'metadata-changed', field: 'publishedAt', after: '2021-05-17', pathB: '/publishedAt' },
      { kind: 'rule-changed', rule: { id: 'valid-complaint' }, aspect: 'other', property: 'evidence', after: 'screenshot', pathB: `${ONLINE}/method/rules/0/evidence` },
      { kind: 'indicator-changed', indicator: { id: 'network' }, property: 'weight', after: 2, pathB: '/indicators/1/weight' },
    ]);
  });

  it('reports any quota of a method as a quota (rank-to-grade preliminaryQuota)', () => {
    const b = variant((s) => void (loose(method(s, 'supervisor', 'graded-rating')).preliminaryQuota = { scope: { kind: 'all' }, rule: { kind: 'even-split' }, source: '假定' }));
    expect(diffSchemes(BASE, b)).toMatchObject([{ kind: 'quota-changed', parameter: 'preliminaryQuota', before: undefined, pathB: `${SUPERVISOR}/method/preliminaryQuota` }]);
  });

  it('reports a new category property (owners) as a category change', () => {
    const b = variant((s) => void (loose(s.categories[1]!).owners = [{ indicator: 'supervisor', owner: '国资办' }]));
    expect(diffSchemes(BASE, b)).toMatchObject([{ kind: 'category-changed', category: { id: 'state-enterprise' }, property: 'owners', pathB: '/categories/1/owners' }]);
  });
});
