// A small RFC 4180 CSV parser: quoted fields, doubled quotes, commas and line breaks inside quotes,
// CRLF or LF line endings, an optional UTF-8 byte order mark. Pure and dependency-free so that it runs
// in a Lightning Web Component (files are parsed in the browser: nothing is sent before the user
// confirms) and in tests. French spreadsheet exports use semicolons: the delimiter is detected from the
// header line unless given.

export type CsvDelimiter = ',' | ';' | '\t';

export type CsvErrorCode = 'unterminatedQuote' | 'textAfterQuote' | 'quoteInUnquotedField';

export interface CsvRecord {
  /** 1-based line of the file where the record starts (records may span lines inside quotes) */
  line: number;
  fields: string[];
  /** set when the record is malformed; its fields are then best effort */
  error?: CsvErrorCode;
}

export interface CsvParseResult {
  delimiter: CsvDelimiter;
  records: CsvRecord[];
  /** true when parsing stopped at `maxRecords`: the text holds more records than were returned */
  truncated?: boolean;
}

export interface CsvParseOptions {
  delimiter?: CsvDelimiter;
  /** stop after this many records (header included): a caller with a row limit never parses the rest */
  maxRecords?: number;
}

const QUOTE = '"';

/** Picks the delimiter that occurs most often outside quotes on the first line (comma on a tie). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const char of text) {
    if (char === QUOTE) {
      inQuotes = !inQuotes;
    } else if (!inQuotes && (char === '\n' || char === '\r')) {
      break;
    } else if (!inQuotes && (char === ',' || char === ';' || char === '\t')) {
      counts[char] += 1;
    }
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) {
    return ';';
  }
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) {
    return '\t';
  }
  return ',';
}

/**
 * Parses CSV text into records. Blank lines are skipped. Malformed records are returned with an
 * error code rather than thrown, so a caller can report every bad row at once. With `maxRecords`,
 * parsing stops as soon as one more record starts (`truncated`).
 */
export function parseCsv(input: string, options: CsvDelimiter | CsvParseOptions = {}): CsvParseResult {
  const { delimiter, maxRecords = Infinity } = typeof options === 'string' ? { delimiter: options } : options;
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const separator = delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];

  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let fieldWasQuoted = false;
  let afterClosingQuote = false;
  let error: CsvErrorCode | undefined;

  const endField = () => {
    fields.push(field);
    field = '';
    fieldWasQuoted = false;
    afterClosingQuote = false;
  };
  const endRecord = () => {
    const quoted = fieldWasQuoted;
    endField();
    const blank = fields.length === 1 && fields[0] === '' && !quoted && !error;
    if (!blank) {
      records.push(error ? { line: recordLine, fields, error } : { line: recordLine, fields });
    }
    fields = [];
    error = undefined;
  };

  for (let index = 0; index < text.length; index += 1) {
    if (records.length > maxRecords) {
      records.length = maxRecords;
      return { delimiter: separator, records, truncated: true };
    }
    const char = text[index] as string;
    if (inQuotes) {
      if (char === QUOTE) {
        if (text[index + 1] === QUOTE) {
          field += QUOTE;
          index += 1;
        } else {
          inQuotes = false;
          afterClosingQuote = true;
        }
      } else {
        if (char === '\n') {
          line += 1;
        }
        field += char;
      }
      continue;
    }
    if (char === separator) {
      endField();
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[index + 1] === '\n') {
        index += 1;
      }
      endRecord();
      line += 1;
      recordLine = line;
    } else if (char === QUOTE) {
      if (field === '' && !fieldWasQuoted) {
        inQuotes = true;
        fieldWasQuoted = true;
      } else {
        error ??= 'quoteInUnquotedField';
        field += char;
      }
    } else {
      if (afterClosingQuote) {
        error ??= 'textAfterQuote';
      }
      field += char;
    }
  }
  if (inQuotes) {
    error ??= 'unterminatedQuote';
  }
  if (field !== '' || fields.length > 0 || fieldWasQuoted || error) {
    endRecord();
  }
  if (records.length > maxRecords) {
    records.length = maxRecords;
    return { delimiter: separator, records, truncated: true };
  }
  return { delimiter: separator, records };
}
