import { formatDate, formatLabel, formatNumber, formatPlural } from 'c/labelUtils';

describe('c/labelUtils formatLabel', () => {
  it('replaces each placeholder with the value at its position', () => {
    expect(formatLabel('{0} of {1} shown', 10, 25)).toBe('10 of 25 shown');
    expect(formatLabel('{1}, then {0}, then {1}', 'a', 'b')).toBe('b, then a, then b');
  });

  it('keeps placeholders without a value and labels without placeholders', () => {
    expect(formatLabel('From {0} to {1}', 'Paris')).toBe('From Paris to {1}');
    expect(formatLabel('Retry')).toBe('Retry');
  });

  it('writes 0 and empty strings as they are', () => {
    expect(formatLabel('[{0}] [{1}]', 0, '')).toBe('[0] []');
  });
});

describe('c/labelUtils formatPlural', () => {
  const reports = { one: '{0} report', other: '{0} reports' };
  const cases = {
    one: 'encore {0} cas de test doit réussir',
    other: 'encore {0} cas de test doivent réussir'
  };

  it('uses the singular at 1 and the plural otherwise in English (the user locale by default)', () => {
    expect(formatPlural(1, reports)).toBe('1 report');
    expect(formatPlural(0, reports)).toBe('0 reports');
    expect(formatPlural(2, reports)).toBe('2 reports');
    expect(formatPlural(1, reports, [1], 'en-US')).toBe('1 report');
  });

  it('uses the singular at 0 and 1 in French', () => {
    expect(formatPlural(1, cases, [1], 'fr-FR')).toBe('encore 1 cas de test doit réussir');
    expect(formatPlural(0, cases, [0], 'fr-FR')).toBe('encore 0 cas de test doit réussir');
    expect(formatPlural(3, cases, [3], 'fr-FR')).toBe('encore 3 cas de test doivent réussir');
  });

  it('fills every placeholder with the values given', () => {
    expect(formatPlural(1, { one: '{1}: {0} case', other: '{1}: {0} cases' }, [1, 'UAT'])).toBe(
      'UAT: 1 case'
    );
  });

  it('falls back to English rules for an unknown locale', () => {
    expect(formatPlural(1, reports, [1], 'not a locale!')).toBe('1 report');
  });

  it('writes the count in the numbers of the locale when no value is given', () => {
    expect(formatPlural(3830, reports, undefined, 'en-US')).toBe('3,830 reports');
    expect(formatPlural(3830, cases, undefined, 'fr-FR')).toBe(
      'encore 3\u202f830 cas de test doivent réussir'
    );
  });
});

describe('c/labelUtils formatNumber', () => {
  it('writes decimals and thousands as the locale does (review 2, defect 4: "84.5" on a French page)', () => {
    expect(formatNumber(84.5, 1, 'fr-FR')).toBe('84,5');
    expect(formatNumber(84.5, 1, 'en-US')).toBe('84.5');
    expect(formatNumber(1234, 1, 'fr-FR')).toBe('1\u202f234');
    expect(formatNumber(86.46)).toBe('86.5');
    expect(formatNumber(86.46, 0, 'fr-FR')).toBe('86');
  });

  it('falls back to English for an unknown locale', () => {
    expect(formatNumber(84.5, 1, 'not a locale!')).toBe('84.5');
  });
});

describe('c/labelUtils formatDate', () => {
  it('writes a date in the words of the locale, not in ISO', () => {
    expect(formatDate('2026-11-16', 'en-US')).toBe('November 16, 2026');
    expect(formatDate('2026-11-16', 'fr-FR')).toBe('16 novembre 2026');
    expect(formatDate('2026-01-05')).toBe('January 5, 2026');
  });

  it('keeps the calendar day of a date without a time in any time zone', () => {
    expect(formatDate('2026-01-01', 'en-US')).toBe('January 1, 2026');
    expect(formatDate('2026-12-31', 'fr-FR')).toBe('31 décembre 2026');
  });

  it('writes the first of a month as an ordinal in French ("1er") and as a number in English', () => {
    expect(formatDate('2026-01-01', 'fr-FR')).toBe('1er janvier 2026');
    expect(formatDate('2026-09-01', 'fr-CA')).toBe('1er septembre 2026');
    expect(formatDate('2026-09-01T10:00:00.000Z', 'fr-FR')).toBe('1er septembre 2026');
    expect(formatDate('2026-09-01', 'en-US')).toBe('September 1, 2026');
    // only the day: neither the 11th nor the 21st, nor a year ending in 1
    expect(formatDate('2026-09-11', 'fr-FR')).toBe('11 septembre 2026');
    expect(formatDate('2026-09-21', 'fr-FR')).toBe('21 septembre 2026');
    expect(formatDate('2031-09-02', 'fr-FR')).toBe('2 septembre 2031');
  });

  it('formats a date-time and leaves what is not a date as it is', () => {
    expect(formatDate('2026-11-16T12:00:00.000Z', 'en-US')).toBe('November 16, 2026');
    expect(formatDate('soon', 'en-US')).toBe('soon');
    // a day the calendar has not is no date (the shared rule), not rolled into the next month
    expect(formatDate('2026-02-30', 'en-US')).toBe('2026-02-30');
    expect(formatDate('2026-11-31', 'fr-FR')).toBe('2026-11-31');
    expect(formatDate('', 'en-US')).toBe('');
    expect(formatDate(null)).toBe('');
  });
});
