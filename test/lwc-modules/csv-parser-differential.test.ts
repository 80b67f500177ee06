// The acceptance console parses scenario CSV files in the browser with its own small parser
// (lwc/csvParser: strings, no Node Buffer), while the sync streams bytes (scripts/sync/csv). Two
// parsers for two runtimes; both are held to the same reference: csv-parse on random files.
import { parse } from 'csv-parse/sync';
import { parseCsv } from '../../force-app/main/default/lwc/csvParser/csvParser';
import { prng } from '../../scripts/demo/generate-sample-export';

const ALPHABET = ['a', 'b', 'é', ',', ';', '"', '\n', '\r\n', ' ', '1', '€'];

function randomCsv(seed: number, delimiter: ',' | ';'): string {
  const rand = prng(seed);
  const width = 2 + Math.floor(rand() * 5);
  const records: string[][] = [];
  const count = 2 + Math.floor(rand() * 150);
  for (let r = 0; r < count; r++) {
    const record: string[] = [];
    for (let c = 0; c < width; c++) {
      let value = '';
      const length = Math.floor(rand() * 8);
      for (let k = 0; k < length; k++) value += ALPHABET[Math.floor(rand() * ALPHABET.length)] ?? '';
      record.push(value);
    }
    records.push(record);
  }
  const eol = rand() < 0.5 ? '\n' : '\r\n';
  const needsQuotes = new RegExp(`["${delimiter}\\r\\n]`);
  return (
    records
      .map((record) =>
        record
          .map((v) => (needsQuotes.test(v) || rand() < 0.3 ? `"${v.replace(/"/g, '""')}"` : v))
          .join(delimiter)
      )
      .join(eol) + (rand() < 0.5 ? eol : '')
  );
}

describe('lwc/csvParser against csv-parse on random files (differential)', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('agrees on random comma and semicolon files, seed %i', (seed) => {
    for (const delimiter of [',', ';'] as const) {
      const text = randomCsv(seed * 7 + delimiter.length, delimiter);
      const expected: string[][] = parse(text, { delimiter, skip_empty_lines: true });
      const actual = parseCsv(text, delimiter);
      expect(actual.records.filter((r) => r.error !== undefined)).toEqual([]);
      expect(actual.records.map((r) => r.fields)).toEqual(expected);
    }
  });
});
