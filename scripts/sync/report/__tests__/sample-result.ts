// A sync result at real volume for the report's tests and its browser scenario: 24 teams with long
// French names (one without a key user, one with a single user), three objects with rule fields,
// 120 users, a trend over six weeks. Deterministic (no randomness): figures derive from the indexes.

import {
  withWarning,
  type ObjectResult,
  type SyncResult,
  type TeamResult,
  type UserResult
} from '../../engine/result';
import { NO_TEAM, QUEUE_TEAM } from '../../engine/stages/users';
import { warningOf } from '../../messages';

export const TEAM_NAMES = [
  'Grands comptes Île-de-France et Hauts-de-France',
  'Distribution spécialisée Auvergne-Rhône-Alpes',
  'Équipe Santé — Établissements hospitaliers',
  'PME Nouvelle-Aquitaine',
  'Collectivités territoriales Occitanie',
  'Inside sales Lyon',
  'Partenaires et revendeurs',
  'Grand Est',
  'Bretagne et Pays de la Loire',
  'Provence-Alpes-Côte d’Azur',
  'Normandie',
  'Centre-Val de Loire',
  'Bourgogne-Franche-Comté',
  'Corse',
  'Outre-mer',
  'Export Europe du Sud',
  'Export Benelux',
  'Industrie pharmaceutique',
  'Agroalimentaire',
  'Énergie et utilities',
  'Banque et assurance',
  'Secteur public national',
  'Éducation et recherche',
  'Nouveaux clients'
];

const rate = (team: number, field: number): number => ((team * 7 + field * 13) % 11) / 10;

function objectResult(name: string, fields: string[], teamOffset: number): ObjectResult {
  const teams: TeamResult[] = TEAM_NAMES.map((team, t) => {
    const records = 20 + ((t * 17) % 60);
    const scored = records;
    const deciles = Array.from({ length: 10 }, (_, d) => ((t + d + teamOffset) % 4) * 2);
    const sum = deciles.reduce((n, v) => n + v, 0);
    return {
      team,
      records,
      fields: fields.map((f, i) => ({ name: f, filled: Math.round(records * rate(t, i)) })),
      completeness: {
        scored: sum,
        average: sum === 0 ? null : 0.35 + ((t * 3 + teamOffset) % 12) / 20,
        complete: Math.round(scored / 4),
        deciles
      },
      ruleFields: fields.map((f, i) => ({
        field: f,
        records: i === 2 && t === 3 ? 0 : records,
        filled: i === 2 && t === 3 ? 0 : Math.round(records * rate(t, i))
      }))
    };
  });
  const records = teams.reduce((n, t) => n + t.records, 0);
  return {
    name,
    records,
    excludedRecords: 12,
    stageField: null,
    fields: fields.map((f) => ({ name: f, type: 'string', filled: Math.round(records / 2), fillRate: 0.5 })),
    owners: [],
    teams,
    recordTypes: [],
    stages: [],
    completeness: { scored: records, average: 0.62, complete: Math.round(records / 3), deciles: [] },
    ruleFields: fields.map((f) => ({ field: f, records, filled: Math.round(records / 2) }))
  };
}

function users(): UserResult[] {
  return Array.from({ length: 120 }, (_, i) => ({
    userId: `005${String(i).padStart(15, '0')}`,
    name: i === 0 ? 'Marie-Dominique Lefèvre-Castelnau' : `Commercial ${i + 1}`,
    team: TEAM_NAMES[i % TEAM_NAMES.length] ?? '',
    recordsCreated: i % 9,
    recordsUpdated: i % 13,
    tasksLogged: i % 7,
    eventsLogged: i % 3,
    recordsOwned: 10,
    activeDays: i % 6,
    lastLogin: '2026-11-20T08:30:00.000Z',
    active: i % 4 !== 0,
    engagementScore: 100 - (i % 50),
    completeness: 0.5,
    minutesSaved: 30 + i,
    isKeyUser: i % 24 === 1,
    isSponsor: false,
    championCandidate: i < 3
  }));
}

/** The sample result; `period` Week of 16 November 2026, generated on 23 November 2026 at 04:30 UTC. */
export function sampleResult(): SyncResult {
  const periodStarts = ['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'];
  return {
    schemaVersion: 1,
    generatedAt: '2026-11-23T04:30:00.000Z',
    asOf: '2026-11-22',
    source: { kind: 'export', description: 'export /home/operator/Downloads/WE_00D5g_1.zip' },
    period: { type: 'Week', start: '2026-11-16', end: '2026-11-22' },
    teamField: 'UserRole.Name',
    objects: [
      objectResult('Opportunity', ['NextStep', 'Amount', 'CloseDate', 'LeadSource'], 0),
      objectResult('Account', ['Industry', 'BillingCity', 'Website', 'Phone'], 3),
      objectResult('Lead', ['Company', 'LeadSource', 'Email', 'Lead_Score__c'], 5)
    ],
    users: users(),
    teams: TEAM_NAMES.map((team, t) => ({
      team,
      users: t === 13 ? 1 : 5 + (t % 4),
      activeUsers: t === 13 ? 1 : 3 + (t % 3),
      keyUsers: t === 7 || t === 0 ? 0 : 1 + (t % 2),
      averageEngagement: 60,
      minutesSaved: 3830 + t * 120,
      recordsCreated: 40,
      recordsUpdated: 80
    })),
    championCandidates: [],
    excludedUsers: [
      { userId: '005x1', name: 'Intégration ERP', reason: 'user type', detail: 'AutomatedProcess' },
      { userId: '005x2', name: 'Ancien commercial', reason: 'inactive', detail: 'IsActive = false' }
    ],
    activityTrend: {
      periodStarts,
      teams: TEAM_NAMES.map((team, t) => ({
        team,
        created: periodStarts.map((_, p) => 10 + ((t + p * 3) % 9)),
        tasks: periodStarts.map(() => 5),
        events: periodStarts.map(() => 2)
      }))
    },
    snapshots: { user: 120, team: 24, completeness: 300 },
    warnings: [],
    warningCodes: [],
    elapsedMs: 1200
  };
}

/** The same result a week earlier, for a trend with two runs. */
export function previousResult(): SyncResult {
  const result = sampleResult();
  result.period = { type: 'Week', start: '2026-11-09', end: '2026-11-15' };
  result.generatedAt = '2026-11-16T04:30:00.000Z';
  for (const o of result.objects) o.completeness.average = 0.55;
  return result;
}

/**
 * The sample as a sponsor gets it from a real run: two small teams (Corse: 1 user, Bourgogne-Franche-Comté:
 * 2) folded into "Other teams", a "(no team)" team of 4 and a queue, and the warnings an export run makes
 * (made with warningOf, as the engine does: a local path, a flag, API names, ISO dates).
 */
export function sponsorResult(): SyncResult {
  const result = sampleResult();
  const bfc = result.teams.find((t) => t.team === 'Bourgogne-Franche-Comté');
  if (bfc) Object.assign(bfc, { users: 2, activeUsers: 1, keyUsers: 0 });
  result.teams.push({
    team: NO_TEAM,
    users: 4,
    activeUsers: 2,
    keyUsers: 0,
    averageEngagement: 40,
    minutesSaved: 20,
    recordsCreated: 3,
    recordsUpdated: 4
  });
  const opportunity = result.objects[0];
  const first = opportunity?.teams[0];
  if (opportunity && first) opportunity.teams.push({ ...first, team: QUEUE_TEAM, records: 7 });
  return [
    warningOf('sync.run', 'warning.ExportTakenBefore', [
      'export /home/operator/Downloads/WE_00D5g_1.zip',
      '2026-11-20',
      'its latest user login or change',
      'week',
      '2026-11-09',
      '2026-11-15',
      '2026-11-30'
    ]),
    warningOf('sync.run', 'warning.NoWavesInExport'),
    warningOf('sync.run', 'warning.RuleSkippedOffline', ['Opportunity_NextStep', 'Opportunity', 'NextStep']),
    warningOf('sync.run', 'warning.DeletedLeftOut', ['Lead', 1234])
  ].reduce(withWarning, result);
}
