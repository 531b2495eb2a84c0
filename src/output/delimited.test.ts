import { describe, expect, it } from 'vitest';
import { indexRecords, parseDelimited, recordAt } from './delimited';

const enc = (s: string) => new TextEncoder().encode(s);
const rows = (text: string, sep: ',' | '\t' = ',') => {
  const bytes = enc(text);
  const index = indexRecords(bytes, sep);
  return Array.from(index.starts, (_, i) => recordAt(bytes, index, i, sep));
};

describe('parseDelimited', () => {
  it('splits simple CSV', () => {
    expect(parseDelimited('a,b,c\n1,2,3\n', ',')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('reads quoted fields with separators, line ends and escaped quotes', () => {
    expect(parseDelimited('name,quote\n"Smith, J","He said ""hi""\nthen left"\n', ',')).toEqual([
      ['name', 'quote'],
      ['Smith, J', 'He said "hi"\nthen left'],
    ]);
  });

  it('accepts CRLF, LF and lone CR line ends', () => {
    expect(parseDelimited('a,b\r\n1,2\r\n3,4\r5,6', ',')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('keeps empty fields and empty quoted fields', () => {
    expect(parseDelimited(',,\n"",x,""\n', ',')).toEqual([
      ['', '', ''],
      ['', 'x', ''],
    ]);
  });

  it('keeps an empty line as a record of one empty field', () => {
    expect(parseDelimited('a\n\nb\n', ',')).toEqual([['a'], [''], ['b']]);
  });

  it('treats a quote inside an unquoted field as text', () => {
    expect(parseDelimited('5" disk,x\n', ',')).toEqual([['5" disk', 'x']]);
  });

  it('ends an unterminated quote at the end of input', () => {
    expect(parseDelimited('"abc\ndef', ',')).toEqual([['abc\ndef']]);
  });

  it('splits TSV at tabs, and reads quotes there too', () => {
    expect(parseDelimited('a\tb,c\n"x\ty"\t2\n', '\t')).toEqual([
      ['a', 'b,c'],
      ['x\ty', '2'],
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(parseDelimited('', ',')).toEqual([]);
  });
});

describe('indexRecords', () => {
  it('starts a record after each line end outside quotes', () => {
    const index = indexRecords(enc('a,b\r\n"1\n2",3\n4,5'), ',');
    expect(Array.from(index.starts)).toEqual([0, 5, 13]);
    expect(index.truncated).toBe(false);
  });

  it('gives the same records as parsing the whole text', () => {
    const text = 'h1,h2,h3\r\n"a ""q"", r",b,"multi\r\nline"\nx,,z\n\n"é,日本",🙂,end\n';
    expect(rows(text)).toEqual(parseDelimited(text, ','));
  });

  it('does not add a record after a final line end', () => {
    expect(indexRecords(enc('a\nb\n'), ',').starts.length).toBe(2);
    expect(indexRecords(enc('a\r\n'), ',').starts.length).toBe(1);
  });

  it('indexes TSV', () => {
    expect(rows('a\tb\n"c\n"\td\n', '\t')).toEqual([
      ['a', 'b'],
      ['c\n', 'd'],
    ]);
  });

  it('stops at the cap; the last indexed record ends where the next begins', () => {
    const bytes = enc('1\n2\n3\n');
    const index = indexRecords(bytes, ',', 2);
    expect(index.truncated).toBe(true);
    expect(index.end).toBe(4);
    expect(recordAt(bytes, index, 1, ',')).toEqual(['2']);
    const unterminated = indexRecords(enc('1\n2\n3'), ',', 2);
    expect(unterminated).toMatchObject({ truncated: true, end: 4 });
    expect(indexRecords(enc('1\n2\n'), ',', 2).truncated).toBe(false);
  });

  it('cuts a record longer than the display limit', () => {
    const bytes = enc(`"${'x'.repeat(70_000)}",y\n`);
    const fields = recordAt(bytes, indexRecords(bytes, ','), 0, ',');
    expect(fields).toHaveLength(1);
    expect(fields[0]!.endsWith('…')).toBe(true);
  });
});
