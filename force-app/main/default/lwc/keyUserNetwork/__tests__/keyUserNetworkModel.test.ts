import { addDays, localDay } from 'c/waveReadiness';
import { buildNetwork, followUpReason, pageOf, stageOf, type KeyUserRecord } from '../keyUserNetworkModel';

const TODAY = new Date(2026, 10, 16); // 16 November 2026, local time

function keyUser(fields: Partial<KeyUserRecord> & { Id: string }): KeyUserRecord {
  return { Name: fields.Id, ...fields };
}

describe('keyUserNetworkModel', () => {
  it('reads the lifecycle stage, defaulting to Nominated', () => {
    expect(stageOf(keyUser({ Id: '1', Lifecycle_Status__c: 'Referent' }))).toBe('Referent');
    expect(stageOf(keyUser({ Id: '1', Lifecycle_Status__c: null }))).toBe('Nominated');
    expect(stageOf(keyUser({ Id: '1', Lifecycle_Status__c: 'Retired' }))).toBe('Nominated');
  });

  it('formats and shifts ISO dates across month and daylight saving boundaries (the shared date rule)', () => {
    expect(localDay(TODAY)).toBe('2026-11-16');
    expect(addDays('2026-11-16', -28)).toBe('2026-10-19');
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });

  it('says when a follow-up is due', () => {
    const today = '2026-11-16';
    // trained 4 weeks ago exactly, never followed up: due
    expect(followUpReason(keyUser({ Id: '1', Trained_On__c: '2026-10-19' }), today, 4)).toBe(
      'neverFollowedUp'
    );
    // trained 3 weeks ago: not yet
    expect(followUpReason(keyUser({ Id: '1', Trained_On__c: '2026-10-26' }), today, 4)).toBeNull();
    // not trained: never due from training
    expect(followUpReason(keyUser({ Id: '1' }), today, 4)).toBeNull();
    // followed up long ago: due again
    expect(
      followUpReason(
        keyUser({ Id: '1', Trained_On__c: '2026-01-05', Last_Follow_Up__c: '2026-09-01' }),
        today,
        4
      )
    ).toBe('lastFollowUpOld');
    // followed up recently: not due
    expect(
      followUpReason(
        keyUser({ Id: '1', Trained_On__c: '2026-01-05', Last_Follow_Up__c: '2026-11-02' }),
        today,
        4
      )
    ).toBeNull();
    // a planned date that passed is due whatever the rest
    expect(followUpReason(keyUser({ Id: '1', Next_Follow_Up__c: '2026-11-16' }), today, 4)).toBe(
      'nextFollowUpPassed'
    );
    // a planned date in the future postpones it
    expect(
      followUpReason(
        keyUser({ Id: '1', Trained_On__c: '2026-01-05', Next_Follow_Up__c: '2026-12-01' }),
        today,
        4
      )
    ).toBeNull();
  });

  const keyUsers: KeyUserRecord[] = [
    keyUser({
      Id: 'b',
      Name: 'Bruno',
      Team__c: 'North',
      Lifecycle_Status__c: 'Trained',
      Trained_On__c: '2026-09-01'
    }),
    keyUser({
      Id: 'a',
      Name: 'Alice',
      Team__c: 'North',
      Lifecycle_Status__c: 'Referent',
      Admin_Rights_Granted__c: true
    }),
    keyUser({
      Id: 'c',
      Name: 'Chloé',
      Team__c: 'West',
      Lifecycle_Status__c: 'Active',
      Trained_On__c: '2026-08-01'
    }),
    keyUser({ Id: 'd', Name: 'Dan', Team__c: null, Lifecycle_Status__c: 'Nominated' })
  ];
  const teams = [
    { name: 'South', users: 8, activeUsers: 3 },
    { name: 'North', users: 12, activeUsers: 9 },
    { name: 'Est', users: 4 }
  ];

  it('groups key users by team and stage, teams without any first', () => {
    const model = buildNetwork(keyUsers, teams, { today: TODAY, followUpWeeks: 4, noTeamLabel: '(no team)' });
    expect(model.teams.map((team) => team.name)).toEqual(['Est', 'South', '(no team)', 'North', 'West']);
    const north = model.teams[3]!;
    expect(north.keyUsers.map((user) => user.Name)).toEqual(['Alice', 'Bruno']);
    expect(north.stageCounts).toEqual({ Nominated: 0, Trained: 1, Active: 0, Referent: 1 });
    expect(north.users).toBe(12);
    expect(north.activeUsers).toBe(9);
    expect(model.teams[0]!.activeUsers).toBeNull();
    expect(north.unmeasured).toBe(false);
    expect(model.teams[4]!.unmeasured).toBe(true);
    expect(model.teams[4]!.users).toBeNull();
    expect(model.uncoveredTeams).toEqual(['Est', 'South']);
    expect(model.coveredCount).toBe(3);
    expect(model.followUps.map((followUp) => followUp.keyUser.Name)).toEqual(['Chloé', 'Bruno']);
  });

  it('restricts everything to one team', () => {
    const model = buildNetwork(keyUsers, teams, {
      team: 'North',
      today: TODAY,
      followUpWeeks: 4,
      noTeamLabel: '(no team)'
    });
    expect(model.teams.map((team) => team.name)).toEqual(['North']);
    expect(model.uncoveredTeams).toEqual([]);
    expect(model.followUps.map((followUp) => followUp.keyUser.Name)).toEqual(['Bruno']);
    const south = buildNetwork(keyUsers, teams, {
      team: 'South',
      today: TODAY,
      followUpWeeks: 4,
      noTeamLabel: '-'
    });
    expect(south.uncoveredTeams).toEqual(['South']);
    expect(south.coveredCount).toBe(0);
  });

  it('is empty without key users or teams', () => {
    expect(buildNetwork([], [], { today: TODAY, followUpWeeks: 4, noTeamLabel: '-' })).toEqual({
      teams: [],
      uncoveredTeams: [],
      coveredCount: 0,
      followUps: []
    });
  });

  it('pages a list, and shows the last page that exists when a page ran out', () => {
    const items = Array.from({ length: 23 }, (_, i) => i + 1);
    expect(pageOf(items, 0, 10)).toEqual({
      items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      page: 0,
      pageCount: 3,
      first: 1,
      last: 10,
      total: 23
    });
    expect(pageOf(items, 2, 10)).toMatchObject({ items: [21, 22, 23], first: 21, last: 23 });
    // the last three were followed up and left the list: page 2 no longer exists
    expect(pageOf(items.slice(0, 20), 2, 10)).toMatchObject({ page: 1, first: 11, last: 20 });
    expect(pageOf([], 4, 10)).toEqual({ items: [], page: 0, pageCount: 1, first: 0, last: 0, total: 0 });
  });
});
