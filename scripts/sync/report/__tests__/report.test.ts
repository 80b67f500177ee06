/* eslint-disable @typescript-eslint/no-non-null-assertion -- assertions on a known fixture. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLabels, humanise, labelOf, metadataLabels, METADATA_DIR, reportLabels } from '../field-labels';
import { contrast, formatter, SEQUENTIAL, step, textOn } from '../format';
import { renderReport } from '../render-report';
import { kpis, teamRows } from '../team-summary';
import { previousResult, sampleResult } from './sample-result';

// Intl output uses narrow no-break spaces (U+202F) in French; compare on plain spaces.
const plain = (s: string): string => s.replace(/[\u202f\u00a0]/g, ' ');

describe('report formatting (Intl)', () => {
  it('formats counts, percentages, hours and dates in English', () => {
    const f = formatter('en');
    expect(f.count(12345)).toBe('12,345');
    expect(f.percent(0.734)).toBe('73%');
    expect(f.percent(null)).toBe('–');
    expect(plain(f.hours(3830))).toBe('64 h');
    expect(plain(f.hours(45))).toBe('0.8 h');
    expect(plain(f.hours(0))).toBe('0 h');
    expect(f.date('2026-11-16')).toBe('16 Nov 2026');
    expect(formatter('en', 'UTC').dateTime('2026-11-23T04:30:00.000Z')).toBe('23 Nov 2026, 04:30 UTC');
  });

  it('formats counts, percentages, hours and dates in French', () => {
    const f = formatter('fr');
    expect(plain(f.count(12345))).toBe('12 345');
    expect(plain(f.percent(0.734))).toBe('73 %');
    expect(plain(f.hours(383000))).toBe('6 383 h');
    expect(f.date('2026-11-16')).toBe('16 nov. 2026');
  });

  it('never shows minutes by the thousand: 3,830 minutes are 64 hours', () => {
    for (const lang of ['en', 'fr'] as const) {
      expect(plain(formatter(lang).hours(3830))).toBe('64 h');
    }
  });
});

describe('report palette', () => {
  it('maps ratios to ten 10-point steps, 1 included', () => {
    expect([0, 0.09, 0.1, 0.19, 0.5, 0.62, 0.78, 0.99, 1].map(step)).toEqual([0, 0, 1, 1, 5, 6, 7, 9, 9]);
  });

  it('gives every palette step a text colour with at least 4.5:1 contrast (WCAG AA)', () => {
    for (const colour of SEQUENTIAL) {
      expect(contrast(textOn(colour), colour)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('is sequential: each step darker than the one before', () => {
    const lum = SEQUENTIAL.map((c) => contrast(c, '#ffffff'));
    expect([...lum].sort((a, b) => a - b)).toEqual(lum);
  });
});

describe('field labels', () => {
  it('humanises API names', () => {
    expect(humanise('NextStep')).toBe('Next step');
    expect(humanise('Lead_Score__c')).toBe('Lead score');
    expect(humanise('BillingCity')).toBe('Billing city');
    expect(humanise('SLAExpirationDate__c')).toBe('SLA expiration date');
  });

  it('takes standard labels in the report language, then humanises the rest', () => {
    expect(labelOf(buildLabels('fr'), 'Opportunity', 'NextStep')).toBe('Étape suivante');
    expect(labelOf(buildLabels('en'), 'Opportunity', 'NextStep')).toBe('Next Step');
    expect(labelOf(buildLabels('en'), 'Lead', 'Lead_Score__c')).toBe('Lead score');
  });

  it('reads custom field labels and their French translations from force-app', () => {
    expect(metadataLabels(METADATA_DIR, 'en').get('Team_Adoption_Snapshot__c.Adoption_Rate__c')).toBe(
      'Adoption Rate'
    );
    expect(metadataLabels(METADATA_DIR, 'fr').get('Team_Adoption_Snapshot__c.Adoption_Rate__c')).not.toBe(
      'Adoption Rate'
    );
  });

  it('reads a custom field label from a metadata folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'labels-'));
    mkdirSync(join(dir, 'objects/Lead/fields'), { recursive: true });
    writeFileSync(
      join(dir, 'objects/Lead/fields/Lead_Score__c.field-meta.xml'),
      '<CustomField><fullName>Lead_Score__c</fullName><label>Score de la piste</label></CustomField>'
    );
    expect(labelOf(buildLabels('en', { metadataDir: dir }), 'Lead', 'Lead_Score__c')).toBe(
      'Score de la piste'
    );
  });

  it('prefers describe labels (live runs)', async () => {
    const source = {
      describe: (name: string) =>
        Promise.resolve({
          name,
          fields: [{ name: 'NextStep', label: 'Prochaine action', type: 'string' }],
          recordTypes: []
        })
    };
    const labels = await reportLabels(source, { objects: [sampleResult().objects[0]!] }, 'en');
    expect(labelOf(labels, 'Opportunity', 'NextStep')).toBe('Prochaine action');
  });
});

describe('team summary', () => {
  it('lists teams without a key user first, with users, active share, completeness and trend', () => {
    const rows = teamRows(sampleResult());
    expect(rows).toHaveLength(24);
    expect(rows.slice(0, 2).map((r) => r.keyUsers)).toEqual([0, 0]);
    expect(rows.slice(2).every((r) => r.keyUsers > 0)).toBe(true);
    const corse = rows.find((r) => r.team === 'Corse')!;
    expect(corse).toMatchObject({ users: 1, activeUsers: 1, activeRate: 1 });
    expect(corse.completeness).toBeGreaterThan(0);
    expect(corse.trend).not.toBeNull();
  });

  it('gives no trend when the previous period had no record created', () => {
    const result = sampleResult();
    result.activityTrend.teams[0]!.created = [0, 4];
    expect(teamRows(result).find((r) => r.team === result.teams[0]!.team)!.trend).toBeNull();
  });

  it('sums the KPI tiles over teams', () => {
    const k = kpis(sampleResult());
    expect(k.teams).toBe(24);
    expect(k.coveredTeams).toBe(22);
    expect(k.activeRate).toBeCloseTo(k.activeUsers / k.users);
  });
});

describe('HTML report', () => {
  it('opens with KPI tiles and the team table, before any chart', () => {
    const html = renderReport(sampleResult(), [], 'en');
    const tiles = html.indexOf('class="tiles"');
    const teams = html.indexOf('Teams without a key user first');
    const heat = html.indexOf('class="heatmap"');
    expect(tiles).toBeGreaterThan(0);
    expect(teams).toBeGreaterThan(tiles);
    expect(heat).toBeGreaterThan(teams);
  });

  it('shows human field labels, never API names', () => {
    const html = renderReport(sampleResult(), [], 'fr');
    expect(html).toContain('Étape suivante');
    expect(html).toContain('Opportunités');
    expect(html).not.toMatch(/>NextStep<|>Lead_Score__c<|>BillingCity</);
  });

  it('leaves out people by default and includes them with people: true', () => {
    const without = renderReport(sampleResult(), [], 'en');
    expect(without).not.toContain('Marie-Dominique Lefèvre-Castelnau');
    expect(without).not.toContain('Champion candidates');
    expect(without).toContain('figures per person are not included');
    const withPeople = renderReport(sampleResult(), [], 'en', { people: true });
    expect(withPeople).toContain('Marie-Dominique Lefèvre-Castelnau');
    expect(withPeople).toContain('Champion candidates');
  });

  it('lists people and champion candidates by team then name, never by score, and gives no candidate score', () => {
    const result = sampleResult();
    // scores rising through the sample, so an order by score is the sample's reverse, not team then name
    result.users.forEach((u, i) => {
      u.engagementScore = 60 + (i % 40);
      u.championCandidate = i < 6;
    });
    const collator = new Intl.Collator('fr');
    const byTeamThenName = (a: { team: string; name: string }, b: { team: string; name: string }) =>
      collator.compare(a.team, b.team) || collator.compare(a.name, b.name);
    const expected = [...result.users].sort(byTeamThenName).map((u) => u.name);
    const byScore = [...result.users]
      .sort((a, b) => b.engagementScore - a.engagementScore)
      .map((u) => u.name);
    expect(byScore).not.toEqual(expected);
    const html = renderReport(result, [], 'fr', { people: true });

    const table = html.slice(html.indexOf('Activité par personne'));
    const rows = [...table.matchAll(/<tr><th scope="row">([^<]+)/g)].map((m) => m[1]);
    expect(rows).toEqual(expected);

    const champions = html.slice(html.indexOf('Champions potentiels'), html.indexOf('Activité par personne'));
    const listed = [...champions.matchAll(/<li><strong>([^<]+)<\/strong> — ([^<]+)<\/li>/g)].map((m) => m[1]);
    const candidates = result.users.filter((u) => u.championCandidate);
    expect(listed).toEqual([...candidates].sort(byTeamThenName).map((u) => u.name));
    expect(listed).not.toEqual(
      [...candidates].sort((a, b) => b.engagementScore - a.engagementScore).map((u) => u.name)
    );
    expect(champions).not.toContain('<ol>');
    expect(champions).not.toMatch(/Engagement \d/);
  });

  it('shows no local path, flag or operator jargon', () => {
    const html = renderReport(sampleResult(), [previousResult(), sampleResult()], 'en', { people: true });
    expect(html).not.toMatch(/\/home\/|Downloads|\.zip|--[a-z]|history\/|UserRole|AutomatedProcess/);
    expect(html).toContain('Salesforce Data Export');
  });

  it('writes numbers and dates in the report language', () => {
    const html = plain(renderReport(sampleResult(), [], 'fr'));
    expect(html).toContain('Semaine 16 nov. 2026 – 22 nov. 2026');
    expect(html).toMatch(/\d+ h</);
    expect(html).not.toMatch(/\d{4,} min/);
  });

  it('gives the heat map a legend and readable cell text', () => {
    const html = renderReport(sampleResult(), [], 'en');
    expect(html).toContain('class="legend"');
    for (const [, bg, fg] of html.matchAll(
      /class="heat" style="background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})"/g
    )) {
      expect(contrast(bg!, fg!)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('draws the completeness trend once there are two runs', () => {
    expect(renderReport(sampleResult(), [sampleResult()], 'en')).toContain('from the second measurement on');
    expect(renderReport(sampleResult(), [previousResult(), sampleResult()], 'en')).toContain('<polyline');
  });
});
