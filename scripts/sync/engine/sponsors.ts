// Who counts as a sponsor (User_Adoption_Snapshot__c.Is_Sponsor__c): a user named as Sponsor__c on a
// message that was published by the end of the measured period (Publish_From__c set and on or before it).
// Drafts (no Publish_From__c) and messages scheduled later make nobody a sponsor (issue 9, item 1).

import {
  idKey,
  sameName
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { findColumn } from '../csv/cells';
import type { RecordSource } from '../sources/record-source';
import { warningOf, type SyncWarning } from '../messages';
import { DateReader } from './periods';

/**
 * The ids of the users named on published sponsor messages.
 * @param source the org or export being measured
 * @param objectName the org's spelling of Sponsor_Message__c, or undefined when the object is absent
 * @param periodEnd first day after the measured period (days since 1970-01-01, UTC)
 * @param warn receives warning.UnreadableSponsorDates when Publish_From__c values are not ISO 8601 dates
 *   (those messages make nobody a sponsor: a date is never guessed)
 * @returns user ids; empty when the object or its Publish_From__c field is absent
 */
export async function publishedSponsorIds(
  source: RecordSource,
  objectName: string | undefined,
  periodEnd: number,
  warn: (warning: SyncWarning) => void
): Promise<Set<string>> {
  const ids = new Set<string>();
  if (!objectName) return ids;
  const d = await source.describe(objectName);
  const has = (field: string): boolean => Boolean(d?.fields.some((f) => sameName(f.name, field)));
  if (!has('Sponsor__c') || !has('Publish_From__c')) return ids;
  const dates = new DateReader();
  for await (const batch of source.streamRecords(objectName, ['Sponsor__c', 'Publish_From__c'])) {
    const sponsor = findColumn(batch.columns, 'Sponsor__c');
    const from = findColumn(batch.columns, 'Publish_From__c');
    if (sponsor < 0 || from < 0) continue;
    for (let r = 0; r < batch.length; r++) {
      if (batch.isEmpty(r, sponsor) || batch.isEmpty(r, from)) continue;
      const day = dates.day(batch.value(r, from), 'Publish_From__c');
      if (day < periodEnd) ids.add(idKey(batch.value(r, sponsor)));
    }
  }
  for (const u of dates.take())
    warn(warningOf('sync.run', 'warning.UnreadableSponsorDates', [objectName, u.column, u.count, u.example]));
  return ids;
}
