// Only published messages make a sponsor (issue 9, item 1): drafts and messages scheduled after the
// period make nobody a sponsor.
import { publishedSponsorIds } from '../engine/sponsors';
import { dayNumber } from '../engine/periods';
import type { SyncWarning } from '../messages';
import type { RecordSource } from '../sources/record-source';

function sourceOf(rows: [string, string][], fields = ['Sponsor__c', 'Publish_From__c']): RecordSource {
  const batch = {
    columns: ['Sponsor__c', 'Publish_From__c'],
    length: rows.length,
    isEmpty: (r: number, c: number) => (rows[r]?.[c] ?? '') === '',
    value: (r: number, c: number) => rows[r]?.[c] ?? ''
  };
  return {
    describe: () =>
      Promise.resolve({
        name: 'Sponsor_Message__c',
        label: 'm',
        fields: fields.map((name) => ({ name, label: name, type: 'string' })),
        recordTypes: []
      }),
    streamRecords: async function* () {
      yield await Promise.resolve(batch);
    }
  } as unknown as RecordSource;
}

describe('publishedSponsorIds', () => {
  const periodEnd = dayNumber('2026-11-30');

  it('names the sponsors of published messages only, not of drafts or later ones', async () => {
    const ids = await publishedSponsorIds(
      sourceOf([
        ['005A', '2026-11-02T08:00:00.000Z'],
        ['005B', ''],
        ['005C', '2026-12-01T08:00:00.000Z'],
        ['', '2026-11-01T08:00:00.000Z']
      ]),
      'Sponsor_Message__c',
      periodEnd,
      () => undefined
    );
    expect([...ids]).toEqual(['005A']);
  });

  it('says how many publication dates could not be read (not ISO 8601), not skipping them silently', async () => {
    const warnings: SyncWarning[] = [];
    const ids = await publishedSponsorIds(
      sourceOf([
        ['005A', '2026-11-02T08:00:00.000Z'],
        ['005B', '02/11/2026 08:00'], // Excel's local form: 2 November or 11 February, never guessed
        ['005C', '11/02/2026'],
        ['005D', '']
      ]),
      'Sponsor_Message__c',
      periodEnd,
      (w) => warnings.push(w)
    );
    expect([...ids]).toEqual(['005A']);
    expect(warnings.map((w) => [w.code, ...w.tokens])).toEqual([
      ['warning.UnreadableSponsorDates', 'Sponsor_Message__c', 'Publish_From__c', 2, '02/11/2026 08:00']
    ]);
    expect(warnings[0]?.text).toContain(
      'Sponsor_Message__c.csv, column Publish_From__c: 2 dates could not be read (e.g. "02/11/2026 08:00")'
    );
  });

  it('makes nobody a sponsor when the object or its publication field is absent', async () => {
    expect(
      (await publishedSponsorIds(sourceOf([['005A', '2026-11-02']]), undefined, periodEnd, () => undefined))
        .size
    ).toBe(0);
    expect(
      (
        await publishedSponsorIds(
          sourceOf([['005A', '2026-11-02']], ['Sponsor__c']),
          'Sponsor_Message__c',
          periodEnd,
          () => undefined
        )
      ).size
    ).toBe(0);
  });
});
