import { detectDelimiter, parseCsv } from 'c/csvParser';

describe('csvParser', () => {
  it('parses simple records with LF and CRLF endings', () => {
    expect(parseCsv('a,b,c\n1,2,3\r\n4,5,6').records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 3, fields: ['4', '5', '6'] }
    ]);
  });

  it('ignores a trailing line break, blank lines and a byte order mark', () => {
    expect(parseCsv('\uFEFFa,b\n\n1,2\n').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] }
    ]);
  });

  it('keeps empty fields', () => {
    expect(parseCsv('a,,c\n,,').records).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 2, fields: ['', '', ''] }
    ]);
  });

  it('handles quoted fields with delimiters, doubled quotes and line breaks', () => {
    const result = parseCsv('"Log a call, then","Say ""hello""","Line 1\nLine 2"\nnext,row,here');
    expect(result.records).toEqual([
      { line: 1, fields: ['Log a call, then', 'Say "hello"', 'Line 1\nLine 2'] },
      { line: 3, fields: ['next', 'row', 'here'] }
    ]);
  });

  it('keeps an empty quoted field as a record', () => {
    expect(parseCsv('""').records).toEqual([{ line: 1, fields: [''] }]);
  });

  it('reports an unterminated quote on the record where it starts', () => {
    const result = parseCsv('a,b\n1,"never closed\n3,4');
    expect(result.records[1]).toEqual({
      line: 2,
      fields: ['1', 'never closed\n3,4'],
      error: 'unterminatedQuote'
    });
  });

  it('reports text after a closing quote and a quote inside an unquoted field', () => {
    const result = parseCsv('"ab"c,d\nx"y,z');
    expect(result.records).toEqual([
      { line: 1, fields: ['abc', 'd'], error: 'textAfterQuote' },
      { line: 2, fields: ['x"y', 'z'], error: 'quoteInUnquotedField' }
    ]);
  });

  it('detects semicolon and tab delimiters from the header line', () => {
    expect(detectDelimiter('Scénario;Étapes;"Résultat, attendu"\n1,2,3,4')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('a,b;c')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
    expect(parseCsv('Scénario;Étapes\n"Créer; un compte";Ouvrir').records).toEqual([
      { line: 1, fields: ['Scénario', 'Étapes'] },
      { line: 2, fields: ['Créer; un compte', 'Ouvrir'] }
    ]);
  });

  it('uses the delimiter given', () => {
    const result = parseCsv('a;b,c', ',');
    expect(result.delimiter).toBe(',');
    expect(result.records[0]?.fields).toEqual(['a;b', 'c']);
  });

  it('returns no records for empty input', () => {
    expect(parseCsv('').records).toEqual([]);
    expect(parseCsv('\n\r\n').records).toEqual([]);
  });

  it('stops after maxRecords and says the text holds more', () => {
    const text = 'h\na\nb\nc\n"unterminated';
    expect(parseCsv(text, { maxRecords: 2 })).toEqual({
      delimiter: ',',
      records: [
        { line: 1, fields: ['h'] },
        { line: 2, fields: ['a'] }
      ],
      truncated: true
    });
    expect(parseCsv('h\na\n', { maxRecords: 2 }).truncated).toBeUndefined();
    expect(parseCsv('a;b', ';').records[0]?.fields).toEqual(['a', 'b']);
  });
});
