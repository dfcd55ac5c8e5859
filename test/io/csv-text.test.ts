/** CSV cells written by the server and the CLI (issue 17 D10): formula-leading text is defused, numbers stay numbers. */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../io/csv-text.ts';

describe('csvCell', () => {
  it('prefixes text starting with = + - @ tab or CR with a quote (OWASP CSV injection)', () => {
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('leaves numbers as numbers, negative ones too, and harmless text as it is', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell('县发改局')).toBe('县发改局');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(null)).toBe('');
  });

  it('any text reads back as itself, or as itself behind one quote when a spreadsheet would take it for a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const clean = cells.map((s) => s.replace(/\uFEFF/g, ''));
        const [back] = parse(csvLine(clean) + '\r\n', { relax_column_count: true }) as string[][];
        expect(back).toHaveLength(clean.length);
        back!.forEach((v, i) => {
          const s = clean[i]!;
          expect(v).toBe(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
          expect(v).not.toMatch(/^[=+\-@\t\r]/);
        });
      }),
      { seed: 1717, numRuns: 500 },
    );
  });
});
