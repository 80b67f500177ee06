// Only published messages make a sponsor (issue 9, item 1): drafts and messages scheduled after the
// period make nobody a sponsor.
import { publishedSponsorIds } from '../engine/sponsors';
import { dayNumber } from '../engine/periods';
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
      periodEnd
    );
    expect([...ids]).toEqual(['005A']);
  });

  it('makes nobody a sponsor when the object or its publication field is absent', async () => {
    expect((await publishedSponsorIds(sourceOf([['005A', '2026-11-02']]), undefined, periodEnd)).size).toBe(
      0
    );
    expect(
      (
        await publishedSponsorIds(
          sourceOf([['005A', '2026-11-02']], ['Sponsor__c']),
          'Sponsor_Message__c',
          periodEnd
        )
      ).size
    ).toBe(0);
  });
});
