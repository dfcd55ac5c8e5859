import { originList } from './origin-list.ts';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { labelLookup, loadDataset, readData, readDataBuffer, schemeLoadOptions, sniffFormat, limitsFromEnv, type FieldTypeLookup } from '../../io/index.ts';
import type { Scheme } from '../../engine/index.ts';

const fieldType: FieldTypeLookup = (type, field) => (type === 'fine' ? ({ amount: 'number' } as const)[field] : undefined);

describe('readDataBuffer: uploads held in memory', () => {
  it('reads each format from bytes, with the name in every problem', async () => {
    const json = await readDataBuffer(Buffer.from('{"facts": [{"type": "fine", "unit": "u1"}]}'), { name: 'up.json' });
    expect(json.dataset?.facts).toEqual([{ type: 'fine', unit: 'u1' }]);
    const nd = await readDataBuffer(Buffer.from('{"type": "fine", "unit": "u1"}\n{bad\n'), { name: 'up.ndjson' });
    expect(nd.issues).toMatchObject([{ code: 'data-ndjson-syntax', file: 'up.ndjson', line: 2 }]);
    const csv = await readDataBuffer(Buffer.from('\uFEFFtype,unit,amount\r\nfine,u1,2\r\nfine,u1,x\r\n'), { name: 'up.csv', fieldType });
    expect(csv.issues).toMatchObject([{ code: 'data-csv-number', path: '/facts/1/amount', file: 'up.csv', line: 3 }]);
    // an explicit format wins over the name
    const named = await readDataBuffer(Buffer.from('type,unit\nfine,u1\n'), { name: 'upload', format: 'csv' });
    expect(named.dataset?.facts).toEqual([{ type: 'fine', unit: 'u1' }]);
  });

  it('sniffs the format of bytes without a name', () => {
    expect(sniffFormat(Buffer.from('\uFEFF{\n  "units": []\n}'))).toBe('json');
    expect(sniffFormat(Buffer.from('{"type":"a","unit":"u"}\n{"type":"a","unit":"v"}\n'))).toBe('ndjson');
    expect(sniffFormat(Buffer.from('{\n"type": "a"}'))).toBe('json');
    expect(sniffFormat(Buffer.from('type,unit\n'))).toBe('csv');
    expect(sniffFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('xlsx');
  });

  it('reads a stream (standard input) for "-" in the file list', async () => {
    const r = await loadDataset(['-'], { stdin: Readable.from([Buffer.from('{"type":"fine",'), Buffer.from('"unit":"u1"}\n')]) });
    expect(r.issues).toEqual([]);
    expect(r.dataset?.facts).toEqual([{ type: 'fine', unit: 'u1' }]);
    expect(originList(r.origins)).toEqual([{ file: '-', line: 1 }]);
    const csv = await loadDataset(['-'], { stdin: Readable.from(['type,unit\n', 'fine,u2\n']), stdinFormat: 'csv' });
    expect(csv.dataset?.facts).toEqual([{ type: 'fine', unit: 'u2' }]);
  });
});

describe('limits', () => {
  it('an NDJSON line over the limit is line-too-long, across chunk boundaries, and reading goes on', async () => {
    const long = `{"type":"fine","unit":"u1","note":"${'x'.repeat(100)}"}`;
    const text = `{"type":"fine","unit":"u1"}\n${long}\n{"type":"fine","unit":"u2"}\n${long}`;
    // split into 7-byte chunks so that the long lines span many chunks
    const chunks = Array.from({ length: Math.ceil(text.length / 7) }, (_, i) => Buffer.from(text.slice(i * 7, i * 7 + 7)));
    const r = await readData([{ stream: Readable.from(chunks), name: 'big.ndjson', format: 'ndjson' }], { limits: { maxLineBytes: 64 } });
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([
      ['line-too-long', 2],
      ['line-too-long', 4],
    ]);
    // under the limit the same line reads
    const ok = await readDataBuffer(Buffer.from(long), { name: 'ok.ndjson', limits: { maxLineBytes: long.length } });
    expect(ok.issues).toEqual([]);
  });

  it('whole-file formats are bounded', async () => {
    const r = await readDataBuffer(Buffer.from('{"facts": []}'), { name: 'x.json', limits: { maxJsonBytes: 5 } });
    expect(r.issues).toMatchObject([{ code: 'data-file-too-large', severity: 'error' }]);
    const s = await loadDataset(['-'], { stdin: Readable.from([Buffer.alloc(10, 0x20), Buffer.alloc(10, 0x20)]), limits: { maxStdinBytes: 15 } });
    expect(s.issues).toMatchObject([{ code: 'data-file-too-large', file: '-' }]);
  });

  it('limits come from the environment when set to a positive integer', () => {
    expect(limitsFromEnv({ PINGYI_MAX_LINE_BYTES: '1000', PINGYI_MAX_JSON_BYTES: 'lots', PINGYI_MAX_XLSX_BYTES: '-1' })).toEqual({ maxLineBytes: 1000 });
  });
});

describe('enum labels (满意 for satisfied)', () => {
  // only the fact types matter to the readers
  const scheme = {
    factTypes: [
      {
        id: 'vote',
        name: '投票',
        target: 'unit',
        labels: { satisfied: '满意', basic: '基本满意', dissatisfied: '不满意', odd: 'basic' },
        fields: { type: 'object', properties: { level: { enum: ['satisfied', 'basic', 'dissatisfied', 'odd'] }, note: { type: 'string' } } },
      },
    ],
  } as unknown as Scheme;

  it('maps labels to values in CSV cells; values stay; a label that is another value is not used', async () => {
    const csv = 'type,unit,level,note\nvote,u1,满意,满意\nvote,u1,satisfied,\nvote,u1, 不满意 ,\nvote,u1,basic,\nvote,u1,很满意,\n';
    const r = await readDataBuffer(Buffer.from(csv), { name: 'v.csv', ...schemeLoadOptions({ scheme, roster: undefined }) });
    // `note` is no enum: its text is kept as written; an unknown label is left for the engine's enum check
    expect(r.dataset?.facts.map((f) => [f.level, f.note])).toEqual([
      ['satisfied', '满意'],
      ['satisfied', undefined],
      ['dissatisfied', undefined],
      ['basic', undefined],
      ['很满意', undefined],
    ]);
    expect(labelLookup({ scheme })('vote', 'note')).toBeUndefined();
    expect(labelLookup({ scheme })('vote', 'constructor')).toBeUndefined();
  });
});
