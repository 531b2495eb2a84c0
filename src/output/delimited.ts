/**
 * CSV and TSV (RFC 4180, leniently): fields in double quotes may hold separators and line ends,
 * `""` inside them is one quote; records end at CRLF, LF or CR. TSV files that quote are read the
 * same way. The worker indexes where records start; the table parses only the rows on screen.
 */

export type Separator = ',' | '\t';

/** Records indexed at most (a 32 MB index). */
export const MAX_INDEXED_RECORDS = 8_000_000;

export interface RecordIndex {
  /** Byte offset where each record starts. */
  starts: Uint32Array;
  /** True when there are more records than were indexed. */
  truncated: boolean;
  /** Byte offset where the last indexed record ends. */
  end: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Where each record of `bytes` starts, following quotes so a line end inside a quoted field
 * does not start a record. Works on bytes: quote, separator, CR and LF never occur inside a
 * multi-byte UTF-8 character. A line end at the very end does not start an empty record.
 */
export function indexRecords(bytes: Uint8Array, separator: Separator, maxRecords = MAX_INDEXED_RECORDS): RecordIndex {
  const sep = separator.charCodeAt(0);
  let starts = new Uint32Array(Math.min(1024, maxRecords));
  let count = 0;
  let fieldStart = true;
  let inQuotes = false;
  let recordStart = 0;
  const n = bytes.length;
  const push = (at: number) => {
    if (count === starts.length) {
      const bigger = new Uint32Array(Math.min(starts.length * 2, maxRecords));
      bigger.set(starts);
      starts = bigger;
    }
    starts[count++] = at;
  };
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (inQuotes) {
      if (b === QUOTE) {
        if (bytes[i + 1] === QUOTE) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (b === QUOTE && fieldStart) {
      inQuotes = true;
      fieldStart = false;
    } else if (b === sep) {
      fieldStart = true;
    } else if (b === LF || b === CR) {
      if (b === CR && bytes[i + 1] === LF) i++;
      if (count === maxRecords) return { starts: starts.slice(0, count), truncated: true, end: recordStart };
      push(recordStart);
      recordStart = i + 1;
      fieldStart = true;
    } else {
      fieldStart = false;
    }
  }
  if (recordStart < n) {
    if (count === maxRecords) return { starts: starts.slice(0, count), truncated: true, end: recordStart };
    push(recordStart);
  }
  return { starts: starts.slice(0, count), truncated: false, end: n };
}

/** Parse CSV/TSV text into records of fields. A final line end does not add an empty record. */
export function parseDelimited(text: string, separator: Separator): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let fieldStart = true;
  let inQuotes = false;
  let i = 0;
  const n = text.length;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStart = true;
  };
  while (i < n) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      // Copy the run up to the next quote in one step.
      const next = text.indexOf('"', i);
      const stop = next < 0 ? n : next;
      field += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      i++;
    } else if (c === separator) {
      endField();
      i++;
    } else if (c === '\n' || c === '\r') {
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endField();
      records.push(record);
      record = [];
    } else {
      field += c;
      fieldStart = false;
      i++;
    }
  }
  // A record without a final line end (or an unterminated quote) still counts.
  if (!fieldStart || field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const decoder = new TextDecoder();

/** Bytes of one record parsed at most; a longer record (say, an unclosed quote) is cut with "…". */
export const RECORD_DISPLAY_LIMIT = 64 * 1024;

/** Fields of record `i` of `index`, parsed from its bytes alone. */
export function recordAt(bytes: Uint8Array, index: RecordIndex, i: number, separator: Separator): string[] {
  const start = index.starts[i]!;
  const end = i + 1 < index.starts.length ? index.starts[i + 1]! : index.end;
  const stop = Math.min(end, start + RECORD_DISPLAY_LIMIT);
  const fields = parseDelimited(decoder.decode(bytes.subarray(start, stop)), separator)[0] ?? [''];
  if (stop < end) fields[fields.length - 1] += '…';
  return fields;
}
