import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Roster, RosterUnit } from '../../engine/data/dataset.ts';

function load(scheme: string): Roster {
  const url = new URL(`../../schemes/${scheme}/roster.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Roster;
}

function unitById(roster: Roster, id: string): RosterUnit | undefined {
  return roster.units.find((u) => u.id === id);
}

function countBy<T>(items: T[], key: (item: T) => string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item) ?? '(none)';
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

function checkIntegrity(roster: Roster): void {
  const unitIds = roster.units.map((u) => u.id);
  expect(new Set(unitIds).size).toBe(unitIds.length);
  const parentIds = (roster.parents ?? []).map((p) => p.id);
  expect(new Set(parentIds).size).toBe(parentIds.length);
  const parentSet = new Set(parentIds);
  for (const id of unitIds) expect(parentSet.has(id)).toBe(false);
  for (const u of roster.units) {
    expect(u.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(u.name).toBe(u.name.trim());
    expect(u.name).not.toMatch(/\s/);
    expect(u.name.length).toBeGreaterThan(0);
    if (u.parent !== undefined) expect(parentSet.has(u.parent)).toBe(true);
  }
}

describe('pingyang-2021 roster (附件1 参评科室名单)', () => {
  const roster = load('pingyang-2021');

  // Sections per parent unit (单位序号 1–44), as counted from the document.
  const perParent: Record<string, number> = {
    p01: 14, p02: 4, p03: 10, p04: 3, p05: 3, p06: 25, p07: 9, p08: 6, p09: 21, p10: 16,
    p11: 23, p12: 12, p13: 10, p14: 8, p15: 17, p16: 4, p17: 16, p18: 11, p19: 2, p20: 11,
    p21: 18, p22: 6, p23: 5, p24: 7, p25: 8, p26: 2, p27: 2, p28: 6, p29: 3, p30: 4,
    p31: 4, p32: 11, p33: 2, p34: 14, p35: 9, p36: 2, p37: 2, p38: 4, p39: 7, p40: 5,
    p41: 4, p42: 6, p43: 4, p44: 3,
  };

  it('has 44 parents and 363 sections', () => {
    expect(roster.parents).toHaveLength(44);
    expect(roster.units).toHaveLength(363);
    expect(Object.values(perParent).reduce((a, b) => a + b, 0)).toBe(363);
  });

  it('has the counted number of sections per parent, numbered consecutively', () => {
    expect(countBy(roster.units, (u) => u.parent)).toEqual(perParent);
    for (const [pid, n] of Object.entries(perParent)) {
      const ids = roster.units.filter((u) => u.parent === pid).map((u) => u.id);
      const expected = Array.from({ length: n }, (_, i) => `${pid}-s${String(i + 1).padStart(2, '0')}`);
      expect(ids).toEqual(expected);
    }
  });

  it('has unique ids and existing parents', () => checkIntegrity(roster));

  it('marks parents 38–44 and their sections as state-enterprise, all others organ', () => {
    const soe = ['县国发公司', '县城投公司', '县文旅集团', '县公投公司', '县交投集团', '县水投公司', '县滩涂围垦公司'];
    const parents = roster.parents ?? [];
    expect(parents.filter((p) => p.category === 'state-enterprise').map((p) => p.name)).toEqual(soe);
    expect(parents.filter((p) => p.category === 'organ')).toHaveLength(37);
    for (const u of roster.units) {
      const parent = parents.find((p) => p.id === u.parent);
      expect(u.category).toBe(parent?.category);
    }
    expect(countBy(roster.units, (u) => u.category)).toEqual({ organ: 330, 'state-enterprise': 33 });
  });

  it('spot checks', () => {
    expect(roster.parents?.[0]).toEqual({ id: 'p01', name: '县发改局', category: 'organ' });
    expect(roster.parents?.[43]).toEqual({ id: 'p44', name: '县滩涂围垦公司', category: 'state-enterprise' });
    expect(roster.units[0]).toEqual({ id: 'p01-s01', name: '发展规划综合科', parent: 'p01', category: 'organ' });
    expect(roster.units.at(-1)).toEqual({ id: 'p44-s03', name: '计划财务部', parent: 'p44', category: 'state-enterprise' });
    // continuations across page breaks
    expect(unitById(roster, 'p03-s07')?.name).toBe('督导科');
    expect(unitById(roster, 'p06-s19')?.name).toBe('有组织犯罪侦查大队');
    expect(unitById(roster, 'p06-s25')?.name).toBe('森林警察大队');
    expect(unitById(roster, 'p40-s04')?.name).toBe(
      '平阳县红色旅游培训有限公司(中国工农红军挺进师纪念园、中共省一大纪念园)',
    );
    // kept as written in the document
    expect(unitById(roster, 'p06-s23')?.name).toBe('禁毒工作指中心');
  });
});

describe('wenzhou-2024 roster (附件1 参评对象名单)', () => {
  const roster = load('wenzhou-2024');
  const socialService = ['u062', 'u063', 'u077', 'u078', 'u079', 'u098'];

  it('has 131 units numbered u001…u131', () => {
    expect(roster.units).toHaveLength(131);
    expect(roster.units.map((u) => u.id)).toEqual(
      Array.from({ length: 131 }, (_, i) => `u${String(i + 1).padStart(3, '0')}`),
    );
  });

  it('has the 9 groups the document lists (not 10)', () => {
    expect((roster.parents ?? []).map((p) => [p.id, p.name])).toEqual([
      ['g01', '市国资运营公司'],
      ['g02', '市城发集团'],
      ['g03', '市交发集团'],
      ['g04', '市铁投集团'],
      ['g05', '市公用集团'],
      ['g06', '市交运集团'],
      ['g07', '市现代集团'],
      ['g08', '市工业与能源集团'],
      ['g09', '温州设计集团'],
    ]);
    for (const p of roster.parents ?? []) expect(p.category).toBe('soe-group');
    expect(countBy(roster.units, (u) => u.parent)).toEqual({
      g01: 10, g02: 18, g03: 16, g04: 11, g05: 15, g06: 18, g07: 16, g08: 15, g09: 12,
    });
  });

  it('has unique ids and existing parents', () => checkIntegrity(roster));

  it('marks the 6 social-service units', () => {
    expect(roster.units.filter((u) => u.category === 'social-service').map((u) => u.id)).toEqual(socialService);
    for (const u of roster.units) {
      expect(u.name).not.toContain('社会服务类');
      if (socialService.includes(u.id)) {
        expect(u.attributes).toMatchObject({ evaluatedElsewhere: true, note: '社会服务类,由市政务服务局牵头评议' });
      } else {
        expect(u.category).toBe('soe');
        expect(u.attributes?.evaluatedElsewhere).toBeUndefined();
      }
    }
    expect(unitById(roster, 'u062')?.name).toBe('温州市燃气集团有限公司');
    expect(unitById(roster, 'u098')?.name).toBe('温州菜篮子集团有限公司');
  });

  it('lists each group\'s departments before its subsidiaries', () => {
    for (const u of roster.units) expect(['department', 'subsidiary']).toContain(u.attributes?.kind);
    for (const p of roster.parents ?? []) {
      const kinds = roster.units.filter((u) => u.parent === p.id).map((u) => String(u.attributes?.kind));
      expect(kinds).toEqual([...kinds].sort());
    }
    expect(countBy(roster.units, (u) => String(u.attributes?.kind))).toEqual({ department: 50, subsidiary: 81 });
  });

  it('spot checks', () => {
    expect(roster.units[0]).toEqual({
      id: 'u001', name: '投资发展部', parent: 'g01', category: 'soe', attributes: { kind: 'department' },
    });
    expect(roster.units.at(-1)).toEqual({
      id: 'u131', name: '温州市建设工程咨询有限公司', parent: 'g09', category: 'soe', attributes: { kind: 'subsidiary' },
    });
    expect(unitById(roster, 'u002')).toMatchObject({ name: '财务管理部', parent: 'g01' });
    expect(unitById(roster, 'u011')).toMatchObject({ name: '财务融资部', parent: 'g02' });
    expect(unitById(roster, 'u120')).toMatchObject({ name: '规划发展部', parent: 'g09' });
  });
});

describe('nanyang-2014 roster (附件2 一、被评议单位)', () => {
  const roster = load('nanyang-2014');

  it('has 28 + 56 + 34 = 118 units and no parents', () => {
    expect(roster.units).toHaveLength(118);
    expect(roster.parents).toBeUndefined();
    expect(countBy(roster.units, (u) => u.category)).toEqual({
      'party-mass': 28, 'economic-social': 56, 'service-support': 34,
    });
    const expectedIds = [
      ...Array.from({ length: 28 }, (_, i) => `pm${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 56 }, (_, i) => `es${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 34 }, (_, i) => `ss${String(i + 1).padStart(2, '0')}`),
    ];
    expect(roster.units.map((u) => u.id)).toEqual(expectedIds);
  });

  it('has unique ids and unique names', () => {
    checkIntegrity(roster);
    expect(new Set(roster.units.map((u) => u.name)).size).toBe(118);
    for (const u of roster.units) expect(u.name).not.toContain('、');
  });

  it('spot checks', () => {
    expect(unitById(roster, 'pm01')).toEqual({ id: 'pm01', name: '市纪委(监察局)', category: 'party-mass' });
    expect(unitById(roster, 'pm28')?.name).toBe('市台办');
    expect(unitById(roster, 'es01')).toEqual({ id: 'es01', name: '市政府办', category: 'economic-social' });
    expect(unitById(roster, 'es56')?.name).toBe('市电信分公司');
    expect(unitById(roster, 'ss01')).toEqual({ id: 'ss01', name: '市公安局', category: 'service-support' });
    expect(unitById(roster, 'ss34')?.name).toBe('省农信社南阳办事处');
  });
});
