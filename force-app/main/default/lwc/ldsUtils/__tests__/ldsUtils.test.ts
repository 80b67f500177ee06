import { reduceErrors, reloading, wireState } from 'c/ldsUtils';

describe('c/ldsUtils reduceErrors', () => {
  it('returns an empty list for nothing', () => {
    expect(reduceErrors(undefined)).toEqual([]);
    expect(reduceErrors(null)).toEqual([]);
    expect(reduceErrors([])).toEqual([]);
  });

  it('keeps a string as it is', () => {
    expect(reduceErrors('Boom')).toEqual(['Boom']);
  });

  it('reads a JavaScript Error', () => {
    expect(reduceErrors(new TypeError('x is undefined'))).toEqual(['x is undefined']);
    expect(reduceErrors(new Error(''))).toEqual([]);
  });

  it('reads a UI API error with an array body', () => {
    expect(reduceErrors({ body: [{ message: 'First' }, { message: 'Second' }] })).toEqual([
      'First',
      'Second'
    ]);
  });

  it('reads page errors and field errors of a DML failure', () => {
    const error = {
      body: {
        pageErrors: [{ message: 'Page problem' }],
        fieldErrors: { Role__c: [{ message: 'Role is required' }] }
      }
    };
    expect(reduceErrors(error)).toEqual(['Page problem', 'Role is required']);
  });

  it('reads the output errors of a UI API record failure', () => {
    const error = {
      body: {
        message: 'An error occurred while trying to update the record.',
        output: {
          errors: [{ message: 'Record is locked' }],
          fieldErrors: { Name: [{ message: 'Name is too long' }] }
        }
      }
    };
    expect(reduceErrors(error)).toEqual(['Record is locked', 'Name is too long']);
  });

  it('falls back to the body message, then the error message, then the status text', () => {
    expect(reduceErrors({ body: { message: 'Apex said no' } })).toEqual(['Apex said no']);
    expect(reduceErrors({ body: null, message: 'Plain message' })).toEqual(['Plain message']);
    expect(reduceErrors({ body: {}, statusText: 'Bad Request' })).toEqual(['Bad Request']);
    expect(reduceErrors({ body: {} })).toEqual([]);
  });

  it('flattens several errors and removes duplicates and blanks', () => {
    expect(reduceErrors(['Same', { body: { message: 'Same' } }, ' ', new Error('Other')])).toEqual([
      'Same',
      'Other'
    ]);
  });

  it('ignores entries without a message', () => {
    expect(reduceErrors({ body: { pageErrors: [{}], fieldErrors: { A: [{}] } } })).toEqual([]);
  });
});

describe('c/ldsUtils wireState', () => {
  it('starts loading, then shows data', () => {
    const start = reloading<{ n: number }>();
    expect(start).toEqual({ isLoading: true, hasError: false, hasData: false });
    const state = wireState({ data: { n: 1 } }, start);
    expect(state).toEqual({ data: { n: 1 }, isLoading: false, hasError: false, hasData: true });
  });

  it('keeps the state on the first, empty call of a wire', () => {
    const start = reloading<number>();
    expect(wireState({ data: undefined, error: undefined }, start)).toBe(start);
    expect(wireState(undefined, start)).toBe(start);
    const loaded = wireState({ data: 3 }, start);
    expect(wireState({}, loaded)).toBe(loaded);
  });

  it('shows an error and keeps the last data, then clears the error on new data', () => {
    const loaded = wireState({ data: 'first' }, reloading<string>());
    const failed = wireState({ error: { body: { message: 'Boom' } } }, loaded);
    expect(failed).toEqual({
      data: 'first',
      error: { body: { message: 'Boom' } },
      isLoading: false,
      hasError: true,
      hasData: false
    });
    expect(wireState({ data: 'second' }, failed)).toEqual({
      data: 'second',
      isLoading: false,
      hasError: false,
      hasData: true
    });
  });

  it('treats data of 0 or an empty list as data', () => {
    expect(wireState({ data: 0 }, reloading<number>()).hasData).toBe(true);
    expect(wireState({ data: [] }, reloading<number[]>()).hasData).toBe(true);
  });
});
