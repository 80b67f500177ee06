// The "opened from a nudge" measure: a nudge's notification opens My Day with `c__nudge=<Nudge_Key__c>` in
// the page state (NudgeService.pageReference); the daily action list hands its page reference here, and
// the first open of that nudge by its recipient is recorded on the Nudge__c (NudgeController.recordOpened).
import recordOpened from '@salesforce/apex/NudgeController.recordOpened';

/** A page reference as CurrentPageReference gives it (only the state is read). */
export interface PageReferenceLike {
  state?: Record<string, unknown> | null;
}

/** Keys already sent in this page's lifetime: a re-render never records twice. */
const recorded = new Set<string>();

/** Longest Nudge_Key__c (Text 40). */
const MAX_KEY_LENGTH = 40;

/**
 * The nudge key in a page reference.
 * @param pageRef the current page reference, or undefined while it loads
 * @returns the `c__nudge` state when it is a plausible key (R-… or D-…, at most 40 characters), else null
 */
export function nudgeKeyFrom(pageRef: PageReferenceLike | null | undefined): string | null {
  const value = pageRef?.state?.c__nudge;
  if (
    typeof value !== 'string' ||
    value.length > MAX_KEY_LENGTH ||
    !/^[RD]-[A-Za-z0-9]+-\d{4}-\d{2}-\d{2}$/.test(value)
  ) {
    return null;
  }
  return value;
}

/**
 * Records the open of the nudge named by the page, once per key. Never throws: a failed measure must not
 * disturb the rep's list (the error is returned for tests and logs).
 * @param pageRef the current page reference
 * @returns whether the server recorded a first open; false when there is no key, it was sent already, or it failed
 */
export async function recordNudgeOpen(pageRef: PageReferenceLike | null | undefined): Promise<boolean> {
  const key = nudgeKeyFrom(pageRef);
  if (!key || recorded.has(key)) {
    return false;
  }
  recorded.add(key);
  try {
    return (await recordOpened({ nudgeKey: key })) === true;
  } catch {
    return false;
  }
}

/** Forgets the keys sent (tests). */
export function resetRecorded(): void {
  recorded.clear();
}
