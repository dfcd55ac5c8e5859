import { originList } from './origin-list.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { annotateIssues, loadDataset, type FieldTypeLookup } from '../../io/index.ts';
import { dataIssue, schemeIssue } from '../../engine/issue.ts';

const dir = mkdtempSync(join(tmpdir(), 'pingyi-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

const fieldType: FieldTypeLookup = (type, field) =>
  type === 'fine' ? ({ amount: 'number', count: 'integer', public: 'boolean', unit: 'number' } as const)[field] : undefined;

const roster = {
  units: [{ id: 'u1', name: '发展规划科', parent: 'p1' }],
  parents: [{ id: 'p1', name: '发改局' }],
};

describe('loadDataset: JSON', () => {
  it('reads a Dataset object', async () => {
    const file = write('data.json', JSON.stringify({ scheme: 'pingyang-2021', ...roster, facts: [{ type: 'fine', unit: 'u1', amount: 2 }], history: [{ unit: 'u1', year: 2020, outcome: 'satisfied' }] }));
    const r = await loadDataset([file]);
    expect(r.issues).toEqual([]);
    expect(r.dataset).toEqual({ scheme: 'pingyang-2021', ...roster, facts: [{ type: 'fine', unit: 'u1', amount: 2 }], history: [{ unit: 'u1', year: 2020, outcome: 'satisfied' }] });
    expect(originList(r.origins)).toEqual([{ file }]);
  });

  it('reports a syntax error with line and column, also when V8 gives no position', async () => {
    const file = write('bad.json', '{\n  "facts": [\n    {"type": "fine"},\n  ]\n}\n');
    const r = await loadDataset([file]);
    expect(r.dataset).toBeUndefined();
    expect(r.issues).toMatchObject([{ code: 'data-json-syntax', file, line: 4, severity: 'error', source: 'data' }]);
    expect(r.issues[0]?.message.en).toContain('line 4, column 3');

    const cut = write('cut.json', '{\n  "facts": [\n    {"type": "fine" "unit": "u1"}\n]}');
    const r2 = await loadDataset([cut]);
    expect(r2.issues).toMatchObject([{ code: 'data-json-syntax', line: 3 }]);
    expect(r2.issues[0]?.message.en).toContain('line 3, column 21');
  });

  it('points at structural problems', async () => {
    const notArray = write('not-array.json', '{"facts": {"type": "fine"}, "unit": []}');
    const r = await loadDataset([notArray]);
    expect(r.issues.map((i) => [i.code, i.path, i.severity])).toEqual([
      ['data-shape', '/facts', 'error'],
      ['data-unknown-key', '/unit', 'warning'],
    ]);
    const top = await loadDataset([write('top.json', '[1, 2]')]);
    expect(top.issues).toMatchObject([{ code: 'data-shape', path: '' }]);
    const shapes = await loadDataset([write('shapes.json', JSON.stringify({ units: [{ id: 'u1' }], facts: [null, { unit: 'u1' }] }))]);
    expect(shapes.issues.map((i) => i.path)).toEqual(['/units/0/name', '/facts/0', '/facts/1/type']);
  });

  it('keeps the dataset when there are only warnings', async () => {
    const r = await loadDataset([write('warn.json', JSON.stringify({ ...roster, facts: [{ type: 'fine', unit: 'u1' }], note: 'x', $schema: 'y' }))]);
    expect(r.issues.map((i) => i.code)).toEqual(['data-unknown-key']);
    expect(r.dataset?.units).toEqual(roster.units);
  });
});

describe('loadDataset: NDJSON', () => {
  it('reads records of each kind, facts by default', async () => {
    const lines = [
      '{"record": "parent", "id": "p1", "name": "发改局"}',
      '',
      '{"record": "unit", "id": "u1", "name": "发展规划科", "parent": "p1"}',
      '{"type": "fine", "unit": "u1", "amount": 2}',
      '   ',
      '{"record": "history", "unit": "u1", "year": 2020, "outcome": "satisfied"}',
      '{"record": "fact", "type": "award", "parent": "p1"}',
    ];
    const file = write('data.ndjson', '\uFEFF' + lines.join('\r\n') + '\r\n');
    const r = await loadDataset([file]);
    expect(r.issues).toEqual([]);
    expect(r.dataset).toEqual({
      units: [{ id: 'u1', name: '发展规划科', parent: 'p1' }],
      parents: [{ id: 'p1', name: '发改局' }],
      facts: [{ type: 'fine', unit: 'u1', amount: 2 }, { type: 'award', parent: 'p1' }],
      history: [{ unit: 'u1', year: 2020, outcome: 'satisfied' }],
    });
    expect(originList(r.origins)).toEqual([{ file, line: 4 }, { file, line: 7 }]);
    expect(r.recordOrigins.units).toEqual([{ file, line: 3 }]);
  });

  it('reports each bad line and goes on', async () => {
    const file = write('bad.jsonl', ['{"type": "fine"', '[1]', '{"record": "vote", "type": "x"}', '{"type": "fine", "unit": "u1"}', '{"record": "history", "unit": "u1", "year": "2020", "outcome": "s"}'].join('\n'));
    const r = await loadDataset([file]);
    expect(r.dataset).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.line, i.path])).toEqual([
      ['data-ndjson-syntax', 1, ''],
      ['data-ndjson-syntax', 2, ''],
      ['data-ndjson-record', 3, ''],
      ['data-shape', 5, '/history/0/year'],
    ]);
    expect(r.issues.every((i) => i.file === file)).toBe(true);
    expect(originList(r.origins)).toEqual([{ file, line: 4 }]);
  });
});

describe('loadDataset: CSV', () => {
  it('types cells by the fact type fields and leaves empty cells absent', async () => {
    const csv = '\uFEFFtype,unit,amount,count,public,note\nfine,u1,2.5,3,是,"多行\n备注"\nfine,u1,,1,FALSE,\naward,u1,7,8,1,x\n';
    const file = write('typed.csv', csv);
    const r = await loadDataset([file], { fieldType });
    expect(r.issues).toEqual([]);
    expect(r.dataset?.facts).toEqual([
      { type: 'fine', unit: 'u1', amount: 2.5, count: 3, public: true, note: '多行\n备注' },
      { type: 'fine', unit: 'u1', count: 1, public: false },
      // `award` declares nothing: strings stay strings; `unit` is never typed
      { type: 'award', unit: 'u1', amount: '7', count: '8', public: '1', note: 'x' },
    ]);
    expect(originList(r.origins).map((o) => o?.line)).toEqual([2, 4, 5]);
  });

  it('keeps strings without a lookup', async () => {
    const r = await loadDataset([write('plain.csv', 'type,parent,score\nrank,p1,90\n')]);
    expect(r.dataset?.facts).toEqual([{ type: 'rank', parent: 'p1', score: '90' }]);
  });

  it('reports a bad number with its line and merged pointer', async () => {
    const file = write('bad-number.csv', 'type,unit,amount,count,public\r\nfine,u1,1,1,1\r\n\r\nfine,u1,x,1.5,maybe\r\nfine,,1,1,1\r\n');
    const r = await loadDataset([file], { fieldType });
    expect(r.dataset).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.path, i.line])).toEqual([
      ['data-csv-number', '/facts/1/amount', 4],
      ['data-csv-number', '/facts/1/count', 4],
      ['data-csv-boolean', '/facts/1/public', 4],
      ['data-csv-target', '/facts/2', 5],
    ]);
  });

  it('counts lines right after quoted CRLF cells and reports broken rows', async () => {
    const file = write('excel.csv', 'type,unit,note\r\nfine,u1,"a\r\nb"\r\nfine,u1,x,extra\r\nfine,u1,"c"\r\n');
    const r = await loadDataset([file]);
    expect(r.issues).toMatchObject([{ code: 'data-csv-syntax', line: 4 }]);
    expect(originList(r.origins).map((o) => o?.line)).toEqual([2, 5]);
  });

  it('rejects headers without type, or with a record column', async () => {
    const r = await loadDataset([write('no-type.csv', 'kind,unit\nfine,u1\n'), write('record.csv', 'record,type,unit\nfact,fine,u1\n')]);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([
      ['data-csv-header', 1],
      ['data-csv-header', 1],
    ]);
    const empty = await loadDataset([write('empty.csv', '')], { roster, allowNoFacts: true });
    expect(empty.issues).toMatchObject([{ code: 'data-csv-header', severity: 'warning' }]);
    expect(empty.dataset?.facts).toEqual([]);
  });

  it('units.csv, parents.csv and history.csv hold roster and history records', async () => {
    const d = mkdtempSync(join(dir, 'roster-'));
    const units = join(d, 'units.csv');
    writeFileSync(units, 'id,name,parent,category,hasWindow,staff,code\nu1,发展规划科,p1,organ,true,12,001\n# a note\nu2,价格科#2,p1,,false,,\n');
    const parents = join(d, 'Parents.csv');
    writeFileSync(parents, 'id,name\np1,发改局\n');
    const history = join(d, 'history.csv');
    writeFileSync(history, 'unit,year,outcome\nu1,2020,satisfied\nu2,二〇二〇,satisfied\n');
    const r = await loadDataset([units, parents, history], { allowNoFacts: true });
    expect(r.dataset).toBeUndefined();
    expect(r.issues).toMatchObject([{ code: 'data-shape', path: '/history/1/year', file: history, line: 3 }]);
    const ok = await loadDataset([units, parents], { allowNoFacts: true });
    expect(ok.dataset).toEqual({
      units: [
        { id: 'u1', name: '发展规划科', parent: 'p1', category: 'organ', attributes: { hasWindow: true, staff: 12, code: '001' } },
        { id: 'u2', name: '价格科#2', parent: 'p1', attributes: { hasWindow: false } },
      ],
      parents: [{ id: 'p1', name: '发改局' }],
      facts: [],
    });
    expect(ok.recordOrigins.units).toEqual([{ file: units, line: 2 }, { file: units, line: 4 }]);
    const bad = await loadDataset([join(d, 'units.csv'), write('history.csv', 'unit,outcome\nu1,x\n')], { allowNoFacts: true });
    expect(bad.issues.map((i) => i.code)).toEqual(['data-csv-header']);
  });

  it('flags a file that is not UTF-8 (GBK from Excel)', async () => {
    const gbk = Buffer.concat([Buffer.from('type,unit,note\nfine,u1,'), Buffer.from([0xb5, 0xa5, 0xce, 0xbb]), Buffer.from('\n')]);
    const r = await loadDataset([write('gbk.csv', gbk)]);
    expect(r.issues).toMatchObject([{ code: 'data-encoding', line: 2 }]);
  });
});

describe('loadDataset: files', () => {
  it('reports unknown extensions and unreadable files instead of throwing', async () => {
    mkdirSync(join(dir, 'folder.json'));
    const r = await loadDataset([write('data.xls', 'x'), join(dir, 'missing.json'), join(dir, 'folder.json')]);
    expect(r.dataset).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toEqual(['data-file', 'data-file', 'data-file']);
    expect(r.issues[1]?.file).toBe(join(dir, 'missing.json'));
  });

  it('merges files in order and numbers facts across them', async () => {
    const json = write('merge.json', JSON.stringify({ scheme: 's', ...roster, facts: [{ type: 'fine', unit: 'u1', amount: 1 }] }));
    const csv = write('merge.csv', 'type,unit,amount\nfine,u1,2\nfine,u1,zero\n');
    const r = await loadDataset([json, csv], { fieldType });
    expect(r.issues).toMatchObject([{ code: 'data-csv-number', path: '/facts/2/amount', file: csv, line: 3 }]);
    expect(originList(r.origins)).toEqual([{ file: json }, { file: csv, line: 2 }, { file: csv, line: 3 }]);

    const ok = await loadDataset([json, write('merge2.ndjson', '{"type": "fine", "unit": "u1", "amount": 3}\n')]);
    expect(ok.dataset?.facts.map((f) => f.amount)).toEqual([1, 3]);
    expect(ok.dataset?.scheme).toBe('s');
    const clash = await loadDataset([json, write('other.json', '{"scheme": "t"}')]);
    expect(clash.issues).toMatchObject([{ code: 'data-scheme-conflict', path: '/scheme' }]);
  });

  it('falls back to the scheme roster when the files hold no units', async () => {
    const facts = write('facts-only.ndjson', '{"type": "fine", "unit": "u1"}\n');
    const r = await loadDataset([facts], { roster });
    expect(r.dataset?.units).toEqual(roster.units);
    expect(r.dataset?.parents).toEqual(roster.parents);
    const own = await loadDataset([facts, write('own-units.ndjson', '{"record": "unit", "id": "u9", "name": "九"}\n')], { roster });
    expect(own.dataset?.units).toEqual([{ id: 'u9', name: '九' }]);
    expect(own.dataset?.parents).toBeUndefined();
  });
});

describe('annotateIssues', () => {
  it('adds file and line to data issues that point into facts or other records', () => {
    const origins = [{ file: 'a.json' }, { file: 'b.csv', line: 7 }];
    const recordOrigins = { units: [{ file: 'u.ndjson', line: 2 }], parents: [], history: [] };
    const issues = [
      dataIssue('fact-type', '/facts/1/amount', '类型', 'type'),
      dataIssue('unknown-unit', '/facts/0/unit', '单位', 'unit'),
      dataIssue('duplicate-unit', '/units/0/id', '重复', 'dup'),
      dataIssue('missing-score', '/facts', '缺', 'missing'),
      dataIssue('x', '/facts/10', '越界', 'out of range'),
      { ...dataIssue('data-csv-number', '/facts/1/amount', '数', 'num'), file: 'c.csv', line: 3 },
      schemeIssue('points-sum', '/facts/1', '方案', 'scheme'),
    ];
    const out = annotateIssues(issues, origins, recordOrigins);
    expect(out.map((i) => [i.file, i.line])).toEqual([
      ['b.csv', 7],
      ['a.json', undefined],
      ['u.ndjson', 2],
      [undefined, undefined],
      [undefined, undefined],
      ['c.csv', 3],
      [undefined, undefined],
    ]);
    expect(issues[0]?.file).toBeUndefined(); // inputs are not mutated
  });
});
