/**
 * Hostile workbooks for the tests (issue 17 D1): a real, minimal .xlsx whose
 * one sheet (`service-vote`) repeats a row `rows` times. Rows that differ
 * only in their numbers deflate ≈ 30:1, so a sheet of hundreds of MB of XML
 * is a file of a few MB, exactly what killed the server. Written as a stream
 * through zlib, never held whole.
 */
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

interface Part { name: string; data: Buffer; crc: number; size: number }

function stored(name: string, xml: string): Part {
  const raw = Buffer.from(xml, 'utf8');
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
}

async function streamed(name: string, pieces: () => Iterable<string>): Promise<Part> {
  const z = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise((resolve, reject) => z.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  for (const p of pieces()) {
    const b = Buffer.from(p, 'utf8');
    crc = crc32(b, crc);
    size += b.length;
    if (!z.write(b)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await ended;
  return { name, data: Buffer.concat(out), crc, size };
}

function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const cell = (v: string | number, c: number, r: number) => {
  const ref = `${String.fromCharCode(65 + c)}${r}`;
  return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
};

/** A workbook with one `service-vote` sheet: the header, then `row` repeated `rows` times. */
export async function xlsxBomb(rows: number, row: Array<string | number> = ['p01-s01', 'h1', 'satisfied', 1]): Promise<Buffer> {
  // exceljs needs each row's and each cell's reference
  const header = `<row r="1">${['unit', 'period', 'level', 'count'].map((v, c) => cell(v, c, 1)).join('')}</row>`;
  const sheet = await streamed('xl/worksheets/sheet1.xml', function* () {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}"><sheetData>${header}`;
    for (let from = 2; from < rows + 2; from += 1000) {
      const block: string[] = [];
      for (let r = from; r < Math.min(from + 1000, rows + 2); r++) block.push(`<row r="${r}">${row.map((v, c) => cell(v, c, r)).join('')}</row>`);
      yield block.join('');
    }
    yield '</sheetData></worksheet>';
  });
  return zip([
    stored('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    stored('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    stored('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="service-vote" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    stored('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    sheet,
  ]);
}
