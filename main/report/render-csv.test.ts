import { describe, expect, it } from 'vitest';
import { CSV_KEY_CHECKS, field, renderCsv } from './render-csv.js';
import { labFixture } from './report-fixture.test-helper.js';

/** A small RFC 4180 reader, so the test checks the file a spreadsheet would read, not our own string building. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  return rows;
}

describe('renderCsv', () => {
  const csv = renderCsv(labFixture());

  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('has one row per phone under a header with one column per key check', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(1 + 3);
    const header = rows[0]!;
    for (const id of CSV_KEY_CHECKS) expect(header).toContain(id);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const col = (name: string) => header.indexOf(name);
    const pixel = rows[1]!;
    expect(pixel[col('server')]).toBe('127.0.0.1:5038');
    expect(pixel[col('post-notifications-denied')]).toBe('error');
    expect(pixel[col('verdict')]).toBe('error');
    expect(pixel[col('what blocks the push')]).toContain('POST_NOTIFICATIONS');
    expect(rows[3]![col('state')]).toBe('unauthorized');
  });

  it('has the marketing name in its own column, empty where the phone prints none', () => {
    const rows = parseCsv(csv.slice(1));
    const col = rows[0]!.indexOf('market name');
    expect(col).toBe(rows[0]!.indexOf('model') + 1);
    expect(rows[2]![col]).toBe('OPPO Find X3');
    expect(rows[1]![col]).toBe('');
  });

  it('keeps a Chinese channel name with a comma and quotes intact', () => {
    const rows = parseCsv(csv.slice(1));
    const oppo = rows[2]!;
    expect(oppo[rows[0]!.indexOf('channels')]).toBe('new_message (新消息, "重要"): 4');
  });

  it('quotes per RFC 4180 and never lets a cell start a formula', () => {
    expect(field('a,b')).toBe('"a,b"');
    expect(field('say "hi"')).toBe('"say ""hi"""');
    expect(field('line\nbreak')).toBe('"line\nbreak"');
    expect(field('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(field('plain')).toBe('plain');
  });
});
