import { formatLabel } from 'c/labelUtils';

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
