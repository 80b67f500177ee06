/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../engine/measure';
import { dayOf } from '../../../force-app/main/default/lwc/waveReadiness/waveReadiness.ts';
import { trainingEffect, weekOf } from '../engine/waves';
import { buildSnapshots } from '../snapshots/build-snapshots';
import { ExportSource } from '../sources/export-source';
import { U1, U2, makeFixture } from './fixtures';

// Real Ids: the suffix is the letter-case checksum of the first 15 characters (W is upper case: E).
const W1 = 'a0W000000000001EAA';
const W2 = 'a0W000000000002EAA';
const csv = (rows: string[][]): string => rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\n') + '\n';

/** The engine fixture plus two waves: W1 live since 2026-10-01 (D+28 missed), W2 live since 2026-11-18. */
function waveFixture(withSnapshots = true): { exportDir: string; rulesDir: string } {
  const fixture = makeFixture();
  const at = (file: string, rows: string[][]): void => {
    writeFileSync(join(fixture.exportDir, file), csv(rows));
  };
  at('Rollout_Wave__c.csv', [
    [
      'Id',
      'Name',
      'Process__c',
      'Teams__c',
      'Go_Live_Date__c',
      'Hypercare_End_Date__c',
      'Active_Target__c',
      'Completeness_Target__c',
      'Rule_Names__c'
    ],
    [
      W1,
      'Wave 1',
      'Pipeline',
      'Team A\nTeam B',
      '2026-10-01',
      '2026-10-31',
      '95',
      '80',
      'Opp_Amount, Opp_NextStep, Opp_Missing'
    ],
    [W2, 'Wave 2', 'Next steps', 'Team A', '2026-11-18', '2026-12-31', '', '', 'Opp_NextStep']
  ]);
  at('Acceptance_Session__c.csv', [
    ['Id', 'Name', 'Wave__c', 'Go_No_Go_Threshold__c'],
    ['a0S1', 'Pipeline acceptance', W1, '90'],
    ['a0S2', 'Next steps acceptance', W2.slice(0, 15), '']
  ]);
  at('Acceptance_Test_Case__c.csv', [
    ['Id', 'Name', 'Session__c', 'Scenario__c', 'Result__c', 'Severity__c'],
    ['c1', 'TC-0001', 'a0S1', 'Create', 'Passed', ''],
    ['c2', 'TC-0002', 'a0S1', 'Close', 'Passed', 'Blocking'],
    ['c3', 'TC-0003', 'a0S2', 'Next step', 'Passed', '']
  ]);
  at('Training_Session__c.csv', [
    ['Id', 'Name', 'Wave__c', 'Audience__c', 'Training_Date__c', 'Status__c'],
    ['t1', 'Key users W1', W1, 'Key_Users', '2026-09-16', 'Held'],
    ['t2', 'Key users W2', W2, 'Key_Users', '2026-11-10', 'Held'],
    ['t3', 'Late group', W2, 'Team_Group', '2026-11-25', 'Planned']
  ]);
  at('Training_Attendance__c.csv', [
    ['Training__c', 'User__c', 'Attended__c', 'Followed_Up_On__c'],
    ['t1', U1, 'true', ''],
    ['t1', U2, 'true', '2026-10-20'],
    ['t2', U1, 'true', '']
  ]);
  at('Key_User__c.csv', [
    ['Name', 'User__c', 'Team__c'],
    ['Ana', U1, 'Team A'],
    ['Ben', U2, 'team b']
  ]);
  if (withSnapshots) {
    at('User_Adoption_Snapshot__c.csv', [
      ['User__c', 'Period_Type__c', 'Period_Start__c', 'Active__c', 'Completeness__c'],
      [U1, 'Week', '2026-09-07', 'false', '50'],
      [U1, 'Week', '2026-09-28', 'true', '70'],
      [U1, 'Day', '2026-09-28', 'false', '0']
    ]);
  }
  return fixture;
}

async function run(fixture: { exportDir: string; rulesDir: string }) {
  const source = new ExportSource({ paths: [fixture.exportDir], rulesDir: fixture.rulesDir });
  // Waves are a stage of the measurement: measure() returns them with the rest.
  return measure(source, { objects: ['Opportunity'], asOf: '2026-11-20' });
}

describe('roll-out waves measured by the sync', () => {
  it('measures each wave on its users and rule fields and states its gates and status', async () => {
    const result = await run(waveFixture());
    const [w1, w2] = [
      result.waves!.find((w) => w.waveId === W1)!,
      result.waves!.find((w) => w.waveId === W2)!
    ];
    // Team A: Amount 2/2, NextStep 1/2; Team B: Amount 0/2, NextStep 1/1 → 4/7
    expect(w1).toMatchObject({
      teams: ['Team A', 'Team B'],
      users: 2,
      activeUsers: 2,
      activeShare: 100,
      completeness: 57.1,
      unknownRules: ['Opp_Missing'],
      teamsTrainedKeyUser: 2,
      teamsWithoutActiveKeyUser: [],
      trainedUsers: 2,
      phase: 'Live',
      day: 50,
      status: 'Red'
    });
    expect(w1.gates.map((g) => [g.id, g.state])).toEqual([
      ['goLive', 'met'],
      ['day5', 'met'],
      ['day28', 'notMet']
    ]);
    expect(w1.gates[2]!.blockers).toEqual([
      { kind: 'completenessBelowTarget', completeness: 57.1, target: 80 }
    ]);
    // Ana trained 2026-09-16, not followed up after 4 weeks; Ben was followed up.
    expect(w1.followUpsDue).toBe(1);
    expect(result.warnings).toContain(
      "Wave Wave 1: Rule_Names__c lists Opp_Missing, which match no active completeness rule (use the rules' API names, e.g. Opportunity_NextStep)."
    );

    // W2: Team A only, NextStep 1/2 = 50 % < 80 before D+28 → amber; the planned group after go-live does not block.
    expect(w2).toMatchObject({ completeness: 50, phase: 'Hypercare', day: 2, status: 'Amber', users: 1 });
    expect(w2.gates.map((g) => [g.id, g.state])).toEqual([
      ['goLive', 'met'],
      ['day5', 'met'],
      ['day28', 'notDue']
    ]);
  });

  it('writes one compact wave snapshot per wave and period', async () => {
    const result = await run(waveFixture());
    const rows = buildSnapshots(result).wave!;
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.Wave__c === W1)).toMatchObject({
      Snapshot_Key__c: `V-${W1}-W-2026-11-16`,
      Name: `V-${W1}-W-2026-11-16`,
      Period_Type__c: 'Week',
      Period_Start__c: '2026-11-16',
      Status__c: 'Red',
      Phase__c: 'Live',
      Go_Live_Gate__c: 'Met',
      Day_5_Gate__c: 'Met',
      Day_28_Gate__c: 'Not_Met',
      Users__c: 2,
      Active_Users__c: 2,
      Active_Share__c: 100,
      Completeness__c: 57.1,
      Teams__c: 2,
      Teams_Trained_Key_User__c: 2,
      Teams_Active_Key_User__c: 2,
      Teams_Missing_Key_User__c: null,
      Trained_Users__c: 2,
      Follow_Ups_Due__c: 1,
      // both in-scope users were trained the same day: nobody is left to compare with
      Trained_Active_Before__c: 0,
      Trained_Complete_Before__c: 50,
      Trained_Active_2W__c: 100,
      Untrained_Active_Before__c: null,
      Trained_Active_8W__c: null
    });
    // every column is a field of Wave_Snapshot__c, and every field is written
    const fields = readdirSync('force-app/main/default/objects/Wave_Snapshot__c/fields').map((f) =>
      f.replace('.field-meta.xml', '')
    );
    expect(Object.keys(rows[0]!).sort()).toEqual(['Name', ...fields].sort());
  });

  it('gives no wave figures and a warning when the export has no Rollout_Wave__c', async () => {
    const fixture = makeFixture();
    const result = await run(fixture);
    expect(result.waves).toEqual([]);
    expect(buildSnapshots(result).wave).toEqual([]);
    expect(
      result.warnings.some((w) => w.startsWith('No Rollout_Wave__c in the export: no wave figures.'))
    ).toBe(true);
  });

  it('says the wave dates it cannot read (not ISO 8601), per object and column, instead of skipping them', async () => {
    const fixture = waveFixture();
    // Excel's local forms, which are never guessed: W2's go-live, W1's training date, one snapshot week.
    const rewrite = (file: string, from: string[], to: string[]): void => {
      const path = join(fixture.exportDir, file);
      let text = readFileSync(path, 'utf8');
      from.forEach((f, i) => {
        expect(text).toContain(`"${f}"`);
        text = text.replace(`"${f}"`, `"${to[i]}"`);
      });
      writeFileSync(path, text);
    };
    rewrite('Rollout_Wave__c.csv', ['2026-11-18'], ['18/11/2026']);
    rewrite('Training_Session__c.csv', ['2026-09-16'], ['16/09/2026']);
    rewrite('User_Adoption_Snapshot__c.csv', ['2026-09-07'], ['07/09/2026']);
    const result = await run(fixture);
    const said = result.warnings.filter((w) => w.includes('could not be read'));
    expect(said).toEqual([
      expect.stringMatching(
        /^Rollout_Wave__c\.csv, column Go_Live_Date__c: 1 date could not be read \(e\.g\. "18\/11\/2026"\), so it is read as no date/
      ),
      expect.stringMatching(
        /^Training_Session__c\.csv, column Training_Date__c: 1 date could not be read \(e\.g\. "16\/09\/2026"\)/
      ),
      expect.stringMatching(
        /^User_Adoption_Snapshot__c\.csv, column Period_Start__c: 1 date could not be read \(e\.g\. "07\/09\/2026"\)/
      )
    ]);
    // Read as no date, as before: W2 has no go-live date, nobody is trained on a date.
    expect(result.waves!.find((w) => w.waveId === W2)!.goLiveDate).toBe('18/11/2026');
    expect(result.waves!.find((w) => w.waveId === W1)!.trainedUsers).toBe(0);
  });

  it('warns, and measures no training effect, without user snapshot history', async () => {
    const result = await run(waveFixture(false));
    expect(result.waves!.every((w) => w.trainingEffect === null)).toBe(true);
    expect(result.warnings).toContain(
      'No User_Adoption_Snapshot__c in the export: the training effect of the waves is not measured.'
    );
  });
});

describe('training effect', () => {
  const week = (date: string) => dayOf(weekOf(date));
  const figure = (active: boolean, completeness: number | null) => ({ active, completeness });

  it('compares attendees with people not trained yet, the week before and 2, 4 and 8 weeks after', () => {
    // A trained Wednesday 2026-09-16 (week of 09-14); C trained 2026-10-14; B never.
    const trainedOn = new Map([
      ['A', dayOf('2026-09-16')],
      ['C', dayOf('2026-10-14')]
    ]);
    const weeks = new Map([
      [
        'A',
        new Map([
          [week('2026-09-07'), figure(false, 50)],
          [week('2026-09-28'), figure(true, 70)],
          [week('2026-10-12'), figure(true, 80)],
          [week('2026-11-09'), figure(true, 90)]
        ])
      ],
      [
        'B',
        new Map([
          [week('2026-09-07'), figure(true, 60)],
          [week('2026-09-28'), figure(false, 40)],
          [week('2026-10-12'), figure(false, 40)]
        ])
      ],
      [
        'C',
        new Map([
          [week('2026-09-07'), figure(false, 20)],
          [week('2026-09-28'), figure(true, null)]
        ])
      ]
    ]);
    const effect = trainingEffect(new Map([['A', trainedOn.get('A')!]]), new Set(['A', 'B', 'C']), weeks);
    // C is "not yet trained" only because the attendee map given here holds A alone
    expect(effect.attendees).toBe(1);
    expect(effect.offsets.before).toEqual({
      trained: { users: 1, active: 0, completeness: 50 },
      untrained: { users: 2, active: 50, completeness: 40 }
    });
    expect(effect.offsets.week2).toEqual({
      trained: { users: 1, active: 100, completeness: 70 },
      untrained: { users: 2, active: 50, completeness: 40 }
    });

    const both = trainingEffect(trainedOn, new Set(['A', 'B', 'C']), weeks);
    // week 4 of A (week of 10-12): C trained on 10-14, by the end of that week → only B compares
    expect(both.offsets.week4.untrained).toEqual({ users: 1, active: 0, completeness: 40 });
    expect(both.offsets.week8).toEqual({
      trained: { users: 1, active: 100, completeness: 90 },
      untrained: { users: 0, active: null, completeness: null }
    });
  });
});
