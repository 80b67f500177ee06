/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
// Issue 11 (sync review 1.4, 1.5): records the platform makes are never credited to a person (a person
// account's person contact), and an event is not dropped on a guess (IsRecurrence2 without GroupEventType).

import { measure } from '../engine/measure';
import { ExportSource } from '../sources/export-source';
import { U1, U2, makeFixture, writeCsv } from './fixtures';

const at = '2026-11-17T10:00:00.000Z'; // in the week measured, 2026-11-16..22

describe('platform-made copies', () => {
  it('credits a person account once: its person contact (IsPersonAccount = true) is the platform’s copy', async () => {
    const { exportDir, rulesDir } = makeFixture();
    writeCsv(exportDir, 'Account.csv', [
      ['Id', 'Name', 'OwnerId', 'IsPersonAccount', 'CreatedById', 'CreatedDate'],
      ['001A', 'Acme', U1, 'false', U1, at],
      ['001B', 'Globex', U1, 'false', U1, at],
      ['001P', 'Léa Martin', U1, 'true', U1, at]
    ]);
    writeCsv(exportDir, 'Contact.csv', [
      ['Id', 'LastName', 'OwnerId', 'AccountId', 'IsPersonAccount', 'CreatedById', 'CreatedDate'],
      ['003C', 'Doe', U1, '001A', 'false', U1, at],
      ['003P', 'Martin', U1, '001P', 'true', U1, at]
    ]);
    const result = await measure(new ExportSource({ paths: [exportDir], rulesDir }), {
      objects: ['Account', 'Contact'],
      asOf: '2026-11-20'
    });
    // Ana created 3 accounts (one a person account) and 1 contact; the person contact 003P is not hers.
    expect(result.users.find((u) => u.userId === U1)!.recordsCreated).toBe(4);
    // The person contact is still a Contact record measured for completeness.
    expect(result.objects.find((o) => o.name === 'Contact')!.records).toBe(2);
  });

  it('counts IsRecurrence2 events without a GroupEventType column, and says a series may count per occurrence', async () => {
    const { exportDir, rulesDir } = makeFixture();
    writeCsv(exportDir, 'Event.csv', [
      ['Id', 'Subject', 'OwnerId', 'IsRecurrence2', 'CreatedById', 'CreatedDate'],
      ['00U1', 'Demo', U2, 'true', U2, at],
      ['00U2', 'Call', U2, 'true', U2, at],
      ['00U3', 'Lunch', U2, 'false', U2, at]
    ]);
    const result = await measure(new ExportSource({ paths: [exportDir], rulesDir }), {
      objects: ['Opportunity'],
      asOf: '2026-11-20'
    });
    expect(result.users.find((u) => u.userId === U2)!.eventsLogged).toBe(3);
    expect(result.warnings.join('\n')).toMatch(
      /Event: 2 rows have IsRecurrence2 = true but the file has no GroupEventType/
    );
  });

  it('with GroupEventType, a Lightning series counts once: its record (3), not its occurrences', async () => {
    const { exportDir, rulesDir } = makeFixture();
    writeCsv(exportDir, 'Event.csv', [
      ['Id', 'Subject', 'OwnerId', 'IsRecurrence2', 'GroupEventType', 'CreatedById', 'CreatedDate'],
      ['00U1', 'Weekly', U2, 'true', '3', U2, at],
      ['00U2', 'Weekly', U2, 'true', '0', U2, at],
      ['00U3', 'Weekly', U2, 'true', '0', U2, at],
      ['00U4', 'Lunch', U2, 'false', '0', U2, at]
    ]);
    const result = await measure(new ExportSource({ paths: [exportDir], rulesDir }), {
      objects: ['Opportunity'],
      asOf: '2026-11-20'
    });
    expect(result.users.find((u) => u.userId === U2)!.eventsLogged).toBe(2);
    expect(result.warnings.join('\n')).not.toMatch(/GroupEventType/);
  });
});
