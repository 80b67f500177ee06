import recordOpened from '@salesforce/apex/NudgeController.recordOpened';
import { nudgeKeyFrom, recordNudgeOpen, resetRecorded } from 'c/nudgeTracking';

jest.mock('@salesforce/apex/NudgeController.recordOpened', () => ({ default: jest.fn() }), { virtual: true });
const recordOpenedMock = recordOpened as unknown as jest.Mock;
const KEY = 'R-005000000000001AAA-2026-03-02';

describe('c/nudgeTracking', () => {
  afterEach(() => {
    resetRecorded();
    jest.clearAllMocks();
  });

  it('reads the nudge key from the page state, and nothing else', () => {
    expect(nudgeKeyFrom({ state: { c__nudge: KEY } })).toBe(KEY);
    expect(nudgeKeyFrom({ state: { c__nudge: 'D-005000000000001AAA-2026-03-02' } })).toBe(
      'D-005000000000001AAA-2026-03-02'
    );
    expect(nudgeKeyFrom(undefined)).toBeNull();
    expect(nudgeKeyFrom({ state: {} })).toBeNull();
    expect(nudgeKeyFrom({ state: { c__nudge: 'x'.repeat(41) } })).toBeNull();
    expect(nudgeKeyFrom({ state: { c__nudge: '<script>' } })).toBeNull();
  });

  it('records the open once per key', async () => {
    recordOpenedMock.mockResolvedValue(true);
    await expect(recordNudgeOpen({ state: { c__nudge: KEY } })).resolves.toBe(true);
    await expect(recordNudgeOpen({ state: { c__nudge: KEY } })).resolves.toBe(false);
    expect(recordOpenedMock).toHaveBeenCalledTimes(1);
    expect(recordOpenedMock).toHaveBeenCalledWith({ nudgeKey: KEY });
  });

  it('does nothing without a key and never throws when the server fails', async () => {
    await expect(recordNudgeOpen({ state: {} })).resolves.toBe(false);
    expect(recordOpenedMock).not.toHaveBeenCalled();
    recordOpenedMock.mockRejectedValue({ body: { message: 'no access' } });
    await expect(recordNudgeOpen({ state: { c__nudge: KEY } })).resolves.toBe(false);
  });
});
