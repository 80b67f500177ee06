import { checkFileSize, normaliseHeader, parseTestCaseCsv, MAX_FILE_BYTES, MAX_ROWS } from '../testCaseCsv';

describe('testCaseCsv', () => {
  it('normalises headers: case, accents, spaces and underscores', () => {
    expect(normaliseHeader('Résultat attendu')).toBe('resultatattendu');
    expect(normaliseHeader('Expected_Result__c')).toBe('expectedresultc');
    expect(normaliseHeader(' Scénario ')).toBe('scenario');
  });

  it('maps English headers in any order and trims values', () => {
    const result = parseTestCaseCsv(
      'Steps,Scenario,Expected Result,Sort Order\n"Open, then save", Create an account ,Saved,10\n,Log a call,,'
    );
    expect(result.fileError).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        rowNumber: 2,
        scenario: 'Create an account',
        steps: 'Open, then save',
        expectedResult: 'Saved',
        sortOrder: 10
      },
      { rowNumber: 3, scenario: 'Log a call', steps: null, expectedResult: null, sortOrder: null }
    ]);
  });

  it('maps French headers with semicolons and API names', () => {
    expect(
      parseTestCaseCsv('Scénario;Étapes;Résultat attendu;Ordre\nCréer un compte;Ouvrir;Créé;1').rows
    ).toEqual([
      { rowNumber: 2, scenario: 'Créer un compte', steps: 'Ouvrir', expectedResult: 'Créé', sortOrder: 1 }
    ]);
    expect(parseTestCaseCsv('Scenario__c,Steps__c\nA,B').rows[0]).toEqual(
      expect.objectContaining({ scenario: 'A', steps: 'B' })
    );
  });

  it('reports file-level errors', () => {
    expect(parseTestCaseCsv('').fileError).toBe('empty');
    expect(parseTestCaseCsv('Scenario\n').fileError).toBe('empty');
    expect(parseTestCaseCsv('Title,Steps\nA,B').fileError).toBe('noScenarioColumn');
    const tooMany = ['Scenario', ...Array.from({ length: MAX_ROWS + 1 }, (_, i) => `S${i}`)].join('\n');
    expect(parseTestCaseCsv(tooMany).fileError).toBe('tooManyRows');
  });

  it('stops parsing at the row limit, and refuses a file over the size limit before reading', () => {
    // 200,000 rows, then a quote that is never closed: the limit is reached long before either.
    // The characters the parser reads are counted (not timed: a timing fails on a loaded machine and
    // passes on a fast one whatever the code does): it must stop within the first MAX_ROWS + 2 records.
    const rows = Array.from({ length: 200_000 }, (_, i) => `S${i},step`).join('\n');
    const text = `Scenario,Steps\n${rows}\n"never closed`;
    let furthest = -1;
    const counted = new Proxy(Object(text) as object, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) furthest = Math.max(furthest, Number(key));
        const value: unknown = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
    }) as unknown as string;
    expect(parseTestCaseCsv(counted).fileError).toBe('tooManyRows');
    const limitEnd = text
      .split('\n')
      .slice(0, MAX_ROWS + 3)
      .join('\n').length;
    expect(furthest).toBeGreaterThan(0);
    expect(furthest).toBeLessThanOrEqual(limitEnd);
    expect(checkFileSize(MAX_FILE_BYTES)).toBeUndefined();
    expect(checkFileSize(MAX_FILE_BYTES + 1)).toBe('tooLarge');
  });

  it('reports one error per bad row with its line number, and keeps the good rows', () => {
    const long = 'x'.repeat(256);
    const result = parseTestCaseCsv(
      [
        'Scenario,Sort Order',
        'Good one,1',
        ',2',
        `${long},3`,
        'Bad order,abc',
        'good ONE,4',
        '"ab"c,5',
        'Decimal order,2.5',
        'Comma order,"7,0"'
      ].join('\n')
    );
    expect(result.rows.map((row) => row.scenario)).toEqual(['Good one', 'Comma order']);
    expect(result.rows[1]?.sortOrder).toBe(7);
    expect(result.errors).toEqual([
      { rowNumber: 3, code: 'scenarioMissing' },
      { rowNumber: 4, code: 'scenarioTooLong' },
      { rowNumber: 5, code: 'sortOrderInvalid' },
      { rowNumber: 6, code: 'duplicateInFile', firstRowNumber: 2 },
      { rowNumber: 7, code: 'textAfterQuote' },
      { rowNumber: 8, code: 'sortOrderInvalid' }
    ]);
  });

  it('numbers rows by the line where they start when a field spans lines', () => {
    const result = parseTestCaseCsv('Scenario,Steps\nFirst,"line 1\nline 2"\nSecond,');
    expect(result.rows.map((row) => row.rowNumber)).toEqual([2, 4]);
  });
});
