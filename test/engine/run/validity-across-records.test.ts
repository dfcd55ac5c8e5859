import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openSeason, scoreScheme, validateScheme, type Dataset, type Fact, type FactType, type Scheme, type ValidityRule } from '../../../engine/index.ts';
import { factType, miniScheme, units } from '../../helpers/mini-scheme.ts';

/**
 * `compare` validity rules whose two sides come from different records (issue #10 §1
 * "validity rules across records"), on the example scheme
 * schemes/examples/validity-across-records: 一(一) sign-in present > meeting members × 0.5;
 * 一(二) ballots returned (distinct ballot numbers) ≤ meeting issued; 一(三) 满意 picks per
 * ballot = meeting picks, else the ballot is void.
 */
const dir = new URL('../../../schemes/examples/validity-across-records/', import.meta.url);
const scheme = JSON.parse(readFileSync(new URL('scheme.json', dir), 'utf8')) as Scheme;
const input = (file: string) => (JSON.parse(readFileSync(new URL(`cases/${file}`, dir), 'utf8')) as { input: Dataset }).input;
const located = (s: Scheme, d: Dataset) => scoreScheme(s, d).issues.map((i) => [i.code, i.path, i.severity]);

describe('validity compare across records', () => {
  it('pass: present 5 > 9 × 0.5 = 4.5; 3 ballots returned ≤ 4 issued; each ballot 1 满意 = picks 1 — scored (a 10, b 5, c 0)', () => {
    const r = scoreScheme(scheme, input('01-valid.json'));
    expect(r.issues).toEqual([]);
    expect(r.units.map((u) => [u.unit, u.total])).toEqual([['a', 10], ['b', 5], ['c', 0]]);
  });

  it('break: each broken rule is an error at the record concerned, naming the other record; nothing is scored; the broken ballot is void', () => {
    const r = scoreScheme(scheme, input('02-broken.json'));
    expect(r.ok).toBe(false);
    expect(r.units).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      // 一(一): 4 is not > 4.5, at the sign-in record's field
      ['validity-broken', '/facts/1/present'],
      // 一(二): ballots 1, 2, 3 = 3 > 2 issued, at the first ballot record counted
      ['validity-broken', '/facts/2'],
      // 一(三): ballot 1 holds 2 满意 (a, b) ≠ 1: void, at its first record; ballots 2 and 3 hold 1 each
      ['validity-void', '/facts/2'],
    ]);
    const [quorum, returned, picks] = r.issues;
    expect(quorum?.message.zh).toContain('实际为 4 与 4.5(另见 /facts/0/members)');
    expect(returned?.message.en).toContain('the data has 3 and 2 (see also /facts/0/issued)');
    expect(picks?.message.zh).toContain('[ballot=1],实际为 2 与 1');
  });

  it('missing record: no sign-in record is a located error, never a silent pass', () => {
    expect(located(scheme, input('03-missing-record.json'))).toEqual([['validity-record-missing', '/facts', 'error']]);
  });

  it('ambiguous record: two meeting records — each rule reading it says so at the extra record, never first-wins', () => {
    const r = scoreScheme(scheme, input('04-ambiguous-record.json'));
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ['validity-record-ambiguous', '/facts/1'],
      ['validity-record-ambiguous', '/facts/1'],
      ['validity-record-ambiguous', '/facts/1'],
    ]);
    expect(r.issues[0]?.message.zh).toContain('数据中有 2 条(第一条在 /facts/0)');
  });

  it('void: ballot 1 picks 2 满意 where the meeting set 1 — its 3 records are void, the rest is scored (a 1/1 = 10, b 1/1 = 10, c 0/2 = 0)', () => {
    const r = scoreScheme(scheme, input('05-void-ballot.json'));
    expect(r.issues.map((i) => [i.code, i.path, i.severity])).toEqual([['validity-void', '/facts/2', 'warning']]);
    expect(r.issues[0]?.message.zh).toContain('[ballot=1],实际为 2 与 1:该组 3 条记录作废');
    expect(r.units.map((u) => [u.unit, u.total])).toEqual([['a', 10], ['b', 10], ['c', 0]]);
  });

  it('a ballot without any 满意 pick counts 0 in its group (it is not skipped): 0 ≠ 1 voids it under 一(三)', () => {
    const d = input('01-valid.json');
    // ballot 3: b 满意 → 不满意, so ballot 3 has no 满意 at all; void: b keeps ballot 1 (不满意) → 0, c keeps ballot 2 (不满意) → 0
    const facts = d.facts.map((f, i) => (i === 6 ? { ...f, level: 'dis' } : f));
    const r = scoreScheme(scheme, { ...d, facts });
    expect(r.issues.map((i) => [i.code, i.path, i.severity])).toEqual([['validity-void', '/facts/6', 'warning']]);
    expect(r.units.map((u) => [u.unit, u.total])).toEqual([['a', 10], ['b', 0], ['c', 0]]);
  });

  describe('checking every record of a type against other records', () => {
    const box: FactType = { id: 'ballot-box', name: '票箱', target: 'season', fields: { type: 'object', properties: { box: { type: 'string' }, issued: { type: 'integer' } }, required: ['box', 'issued'] } };
    const quorum: FactType = { id: 'meeting', name: '评议会议', target: 'season', fields: { type: 'object', properties: { boxes: { type: 'integer' } }, required: ['boxes'] } };
    const vote = factType('vote', { level: { type: 'string' }, box: { type: 'string' }, ballot: { type: 'string' } });
    const rules: ValidityRule[] = [
      // per box: the ballots found in it (distinct numbers, grouped by the box's own `box`) ≤ the ballots it was issued
      { kind: 'compare', id: 'per-box', name: '每个票箱收回票数不多于发出票数', factType: 'ballot-box', field: 'issued', operator: 'gte', than: { kind: 'count', factType: 'vote', groupBy: ['box'], distinct: 'ballot' }, source: '每个票箱收回选票不得多于发出选票' },
      // the number of boxes = what the meeting record says
      { kind: 'compare', id: 'boxes', name: '票箱数与会议记录相符', left: { kind: 'count', factType: 'ballot-box' }, operator: 'eq', than: { kind: 'field', factType: 'meeting', field: 'boxes' }, source: '票箱数以会议记录为准' },
    ];
    const s = miniScheme(
      { kind: 'vote-ratio', factType: 'vote', levelField: 'level', levels: [{ id: 'sat', name: '满意', value: 1 }, { id: 'dis', name: '不满意', value: 0 }], noVotes: { kind: 'zero' } },
      [vote, box, quorum],
      10,
      { validity: rules },
    );
    const v = (unit: string, b: string, ballot: string): Fact => ({ type: 'vote', unit, box: b, ballot, level: 'sat' });

    it('validates', () => expect(validateScheme(s).issues).toEqual([]));

    it('box A was issued 1 and holds 2 ballots: an error at box A’s record; box B (2 issued, 1 held) and the box count (2 = 2) hold', () => {
      const facts: Fact[] = [{ type: 'meeting', boxes: 2 }, { type: 'ballot-box', box: 'A', issued: 1 }, { type: 'ballot-box', box: 'B', issued: 2 }, v('a', 'A', '1'), v('b', 'A', '2'), v('a', 'B', '3')];
      expect(located(s, { ...units('a', 'b'), facts })).toEqual([['validity-broken', '/facts/1/issued', 'error']]);
      const fixed = facts.map((f, i) => (i === 1 ? { ...f, issued: 2 } : f));
      expect(located(s, { ...units('a', 'b'), facts: fixed })).toEqual([]);
    });

    it('a third box the meeting did not record: 3 ≠ 2 at the first box record', () => {
      const facts: Fact[] = [{ type: 'meeting', boxes: 2 }, { type: 'ballot-box', box: 'A', issued: 1 }, { type: 'ballot-box', box: 'B', issued: 1 }, { type: 'ballot-box', box: 'C', issued: 1 }];
      expect(located(s, { ...units('a', 'b'), facts })).toEqual([['validity-broken', '/facts/1', 'error']]);
    });
  });

  it('grouped counts on both sides compare group by group, a group only one side has counting 0 there', () => {
    // sampling plan: each planned call-back is a `plan` record; the call-backs done must be at least as many, per unit
    const plan = factType('plan', { note: { type: 'string' } });
    const callback = factType('callback', { note: { type: 'string' } });
    const s = miniScheme({ kind: 'reported-score', factType: 'score', field: 'v', combine: 'sum', missing: 'zero' }, [factType('score', { v: { type: 'number' } }), plan, callback], 10, {
      validity: [{ kind: 'compare', id: 'sampled', name: '回访不少于抽样计划', left: { kind: 'count', factType: 'callback', groupBy: ['unit'] }, operator: 'gte', than: { kind: 'count', factType: 'plan', groupBy: ['unit'] }, source: '每个单位的回访数不少于抽样计划数' }],
    });
    const facts: Fact[] = [
      { type: 'score', unit: 'a', v: 5 },
      { type: 'score', unit: 'b', v: 5 },
      { type: 'plan', unit: 'a' },
      { type: 'plan', unit: 'b' },
      { type: 'plan', unit: 'b' },
      { type: 'callback', unit: 'a' },
      // a: 1 done ≥ 1 planned; b: none done < 2 planned → at b's first plan record (there is no call-back of b to point at)
    ];
    const r = scoreScheme(s, { ...units('a', 'b'), facts });
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([['validity-broken', '/facts/3']]);
    expect(r.issues[0]?.message.zh).toContain('[unit=b],实际为 0 与 2');
  });

  describe('validation', () => {
    const withRule = (rule: unknown): Scheme => ({ ...structuredClone(scheme), validity: [rule as ValidityRule] });
    const codes = (s: Scheme) => validateScheme(s).issues.map((i) => [i.code, i.path, i.severity]);
    const base = { kind: 'compare', id: 'r', name: 'r', operator: 'gt', source: 't' };

    it('the example validates without a problem', () => expect(validateScheme(scheme).issues).toEqual([]));

    it('neither factType + field nor left; a field across records without its factType', () => {
      expect(codes(withRule({ ...base, than: { kind: 'value', value: 1 } }))).toEqual([['compare-sides', '/validity/0', 'error']]);
      expect(codes(withRule({ ...base, left: { kind: 'field', field: 'present' }, than: { kind: 'value', value: 1 } }))).toEqual([['operand-needs-record', '/validity/0/left', 'error']]);
      expect(codes(withRule({ ...base, factType: 'meeting', field: 'members', left: { kind: 'value', value: 1 }, than: { kind: 'value', value: 1 } }))).toEqual([['compare-sides', '/validity/0/left', 'error']]);
    });

    it('fields and fact types of the operands are declared; grouped counts group alike; a single record should be a season record', () => {
      expect(codes(withRule({ ...base, left: { kind: 'field', factType: 'sign-in', field: 'attended' }, than: { kind: 'count', factType: 'nothing' } }))).toEqual([
        ['unknown-field', '/validity/0/left/field', 'error'],
        ['unknown-fact-type', '/validity/0/than/factType', 'error'],
      ]);
      const grouped = (groupBy: string[]) => ({ kind: 'count', factType: 'ballot-vote', groupBy });
      expect(codes(withRule({ ...base, left: grouped(['ballot']), than: grouped(['unit']) }))).toEqual([['group-mismatch', '/validity/0/than/groupBy', 'error']]);
      // with this rule alone nothing reads the meeting and sign-in records any more: each type is flagged (issue #20 item 5)
      expect(codes(withRule({ ...base, left: { kind: 'field', factType: 'ballot-vote', field: 'ballot' }, than: { kind: 'value', value: 0 } }))).toEqual([
        ['single-record-not-season', '/validity/0/left/factType', 'warning'],
        ['fact-type-unread', '/factTypes/0/id', 'warning'],
        ['fact-type-unread', '/factTypes/1/id', 'warning'],
      ]);
    });

    it('void needs a grouped count: it voids that group’s records', () => {
      expect(codes(withRule({ ...base, onBreak: 'void', left: { kind: 'count', factType: 'ballot-vote' }, than: { kind: 'value', value: 1 } }))).toEqual([['void-needs-group', '/validity/0/onBreak', 'error']]);
    });
  });

  describe('live season', () => {
    it('a record an operand reads rebuilds the verdict: the missing sign-in appended makes the season valid, as in batch', () => {
      const d = input('01-valid.json');
      const signIn = d.facts[1] as Fact;
      const season = openSeason(scheme, { ...d, facts: d.facts.filter((f) => f !== signIn) });
      expect(season.result().issues.map((i) => i.code)).toEqual(['validity-record-missing']);
      const answer = season.append([signIn]);
      expect(answer.ok).toBe(true);
      const all = [...d.facts.filter((f) => f !== signIn), signIn];
      expect(season.result()).toEqual(scoreScheme(scheme, { ...d, facts: all }));
      expect(season.result().ok).toBe(true);
    });

    it('the meeting record appended late decides which ballots are void, as in batch', () => {
      const d = input('05-void-ballot.json');
      const meeting = d.facts[0] as Fact;
      const season = openSeason(scheme, { ...d, facts: d.facts.slice(1) });
      expect(season.result().ok).toBe(false);
      expect(season.append([meeting]).ok).toBe(true);
      const batch = scoreScheme(scheme, { ...d, facts: [...d.facts.slice(1), meeting] });
      expect(season.result()).toEqual(batch);
      // ballot 1 (now /facts/1–3) is void: a 10, b 10, c 0 as in 05-void-ballot
      expect(batch.issues.map((i) => [i.code, i.path])).toEqual([['validity-void', '/facts/1']]);
      expect(batch.units.map((u) => [u.unit, u.total])).toEqual([['a', 10], ['b', 10], ['c', 0]]);
    });
  });
});
