/* eslint-disable @typescript-eslint/no-non-null-assertion -- assertions on a known fixture. */
// The sponsor report's rules from the UI review (issue 12): warnings in the report's language, small teams
// folded, scrollable tables that take the focus, and the typography and units of the figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messageCodeOf, messageKeysOf, messageOf } from '../../messages';
import { PROJECT_ROOT } from '../../paths';
import { MIN_TEAM_USERS } from '../aggregates';
import { buildLabels } from '../field-labels';
import { formatter, SEQUENTIAL, step } from '../format';
import { frenchSpacing } from '../i18n';
import { renderReport } from '../render-report';
import { foldSmallTeams, kpis, OTHER_TEAMS, teamRows } from '../team-summary';
import { REPORT_WARNING_BUNDLES, reportWarnings, WARNING_TEXTS } from '../warnings';
import { sampleResult, sponsorResult } from './sample-result';

const plain = (s: string): string => s.replace(/[\u202f\u00a0]/g, ' ');
/** The report's visible text (tags and the style sheet removed). */
const visible = (html: string): string =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[ \t\r\n]+/g, ' ');
const section = (html: string, heading: string): string => {
  const start = html.indexOf(heading);
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
};
/** Every `warning.` key that can reach result.warnings, as `bundle:key` (list parts excepted). */
const warningCodes = REPORT_WARNING_BUNDLES.flatMap((bundle) =>
  messageKeysOf(bundle, 'warning.')
    .filter((key) => !key.endsWith('.actions'))
    .map((key) => `${bundle}:${key}`)
);

describe('warnings in the report', () => {
  it('has an English and a French report text for every warning code of the sync', () => {
    expect(warningCodes.length).toBeGreaterThan(20);
    const missing = (lang: 'en' | 'fr'): string[] =>
      warningCodes.filter((code) => !WARNING_TEXTS[lang][code]);
    expect(missing('fr')).toEqual([]);
    expect(missing('en')).toEqual([]);
  });

  it('reads every warning made by messageOf back to its code and tokens', () => {
    for (const code of warningCodes) {
      const [bundle = '', key = ''] = code.split(':');
      const count = (messageOf(bundle, key).match(/%s/g) ?? []).length;
      const tokens = Array.from({ length: count }, (_, i) => `token ${i + 1}`);
      expect({
        code,
        read: messageCodeOf(messageOf(bundle, key, tokens), REPORT_WARNING_BUNDLES, 'warning.')
      }).toEqual({
        code,
        read: { bundle, key, tokens }
      });
    }
  });

  // The report reads a warning's tokens by position: a token added to a message (a new %s) shifts them, and
  // a text reading past the message's tokens would silently print nothing. Every text reads only tokens
  // its message has.
  it('reads only tokens its message has, in both languages', () => {
    const context = { labels: buildLabels('en'), f: formatter('en', 'UTC'), source: 'export' as const };
    for (const lang of ['en', 'fr'] as const) {
      for (const [code, text] of Object.entries(WARNING_TEXTS[lang])) {
        const [bundle = '', key = ''] = code.split(':');
        const count = (messageOf(bundle, key).match(/%s/g) ?? []).length;
        const read: number[] = [];
        const tokens = new Proxy(
          Array.from({ length: count }, () => '2026-11-09'),
          {
            get(target, property, receiver): unknown {
              if (typeof property === 'string' && /^\d+$/.test(property)) read.push(Number(property));
              return Reflect.get(target, property, receiver) as unknown;
            }
          }
        );
        text(tokens, context);
        expect({ lang, code, beyond: read.filter((i) => i >= count) }).toEqual({ lang, code, beyond: [] });
      }
    }
  });

  it('says each warning in French, with labels and French dates, and no path, flag or API name', () => {
    const html = renderReport(sponsorResult(), [], 'fr', { timeZone: 'Europe/Paris' });
    const warnings = plain(visible(section(html, 'Ce qui n’a pas pu être mesuré')));
    expect(warnings).toContain(
      'L’export date du 20 nov. 2026 : les chiffres portent sur la période du 9 nov. 2026 au 15 nov. 2026'
    );
    expect(warnings).toContain('L’export ne contient pas de vague de déploiement');
    expect(warnings).toContain('Opportunités · Étape suivante : cette règle de complétude n’est pas mesurée');
    expect(warnings).toContain('Pistes : 1 234 enregistrements supprimés ne sont pas comptés.');
    expect(warnings).not.toMatch(/\/home\/|--[a-z]|__c|_[A-Z]|\d{4}-\d{2}-\d{2}|Pass |The export|NextStep/);
  });

  it('says each warning in English for an English report, without the operator’s detail', () => {
    const html = renderReport(sponsorResult(), [], 'en', { timeZone: 'UTC' });
    const warnings = visible(section(html, 'What could not be measured'));
    expect(warnings).toContain(
      'The export was taken on 20 Nov 2026: the figures cover 9 Nov 2026 – 15 Nov 2026'
    );
    expect(warnings).toContain('Opportunities · Next Step: this completeness rule is not measured');
    expect(warnings).not.toMatch(/\/home\/|--[a-z]|__c|\d{4}-\d{2}-\d{2}|Pass --|Rollout_Wave/);
  });

  it('summarises a warning no code matches instead of printing it', () => {
    const context = { labels: buildLabels('fr'), f: formatter('fr', 'UTC'), source: 'export' as const };
    const lines = reportWarnings(['Something new in /home/operator: pass --foo'], 'fr', context);
    expect(lines).toEqual([
      'Une autre limite de cette mesure est décrite dans la sortie de la synchronisation.'
    ]);
  });
});

describe('small teams in the report', () => {
  it('folds teams under MIN_TEAM_USERS into one "Other teams" row, last, in the table and the tiles', () => {
    const folded = foldSmallTeams(sponsorResult());
    const rows = teamRows(folded);
    const small = sponsorResult().teams.filter((t) => t.users < MIN_TEAM_USERS);
    expect(small.map((t) => t.team)).toEqual(['Bourgogne-Franche-Comté', 'Corse']);
    expect(rows.at(-1)).toMatchObject({
      team: OTHER_TEAMS,
      users: 3,
      keyUsers: small.reduce((n, t) => n + t.keyUsers, 0),
      minutesSaved: small.reduce((n, t) => n + t.minutesSaved, 0)
    });
    expect(rows.filter((r) => r.team !== OTHER_TEAMS).every((r) => r.users >= MIN_TEAM_USERS)).toBe(true);
    const k = kpis(folded);
    expect(k.users).toBe(kpis(sponsorResult()).users);
    expect(k.teams).toBe(23); // 24 named + "(no team)" − Corse − Bourgogne-Franche-Comté
    const html = renderReport(sponsorResult(), [], 'fr');
    expect(html).toContain('>Autres équipes<');
    expect(html).not.toMatch(/>Corse<|>Bourgogne-Franche-Comté</);
    expect(html).toContain('20 équipes sur 23'); // the tile: named teams with a key user
  });

  it('never shows the small teams when together they are still under the threshold', () => {
    const html = renderReport(sampleResult(), [], 'en');
    expect(html).not.toMatch(/>Corse<|>Other teams</);
    expect(html).toContain('their users (1) count in the figures at a glance only');
  });

  it('translates the engine’s "(no team)" and "(queue)"', () => {
    const fr = renderReport(sponsorResult(), [], 'fr');
    expect(fr).toContain('>Sans équipe<');
    expect(fr).toContain('>Files d’attente<');
    expect(fr).not.toMatch(/\(no team\)|\(queue\)/);
    expect(renderReport(sponsorResult(), [], 'en')).toContain('>No team<');
  });

  it('states the rule in README’s report section', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(new RegExp(`fewer than ${MIN_TEAM_USERS} users[^\\n]*Other teams`));
  });
});

describe('tables on a phone', () => {
  const html = renderReport(sponsorResult(), [], 'en', { people: true });

  it('makes every scrolling table a named, focusable region', () => {
    const scrolls = [...html.matchAll(/<div class="scroll"([^>]*)>/g)].map((m) => m[1]!);
    expect(scrolls.length).toBeGreaterThan(5);
    for (const attributes of scrolls) {
      expect(attributes).toMatch(/ tabindex="0" role="region" aria-label="[^"]+"/);
    }
  });

  it('gives every heat map a header cell for its team column', () => {
    const corners = [...html.matchAll(/<table class="heatmap"><thead><tr>(<th[^>]*>.*?<\/th>)/g)].map(
      (m) => m[1]!
    );
    expect(corners.length).toBe(3);
    for (const corner of corners)
      expect(corner).toBe('<th scope="col"><span class="visually-hidden">Team</span></th>');
  });

  it('keeps the first column in view while a table scrolls', () => {
    expect(html).toMatch(/\.scroll th\[scope=row\],\.scroll thead th:first-child\{position:sticky;left:0/);
  });
});

describe('figures and typography', () => {
  it('uses the width of a 1440 px screen', () => {
    const max = /main\{[^}]*max-width:(\d+)px/.exec(renderReport(sampleResult(), [], 'en'))?.[1];
    expect(Number(max)).toBeGreaterThanOrEqual(1400);
  });

  it('separates fill rates 10 points apart, with a legend entry per colour', () => {
    expect(SEQUENTIAL).toHaveLength(10);
    expect(SEQUENTIAL[step(0.62)]).not.toBe(SEQUENTIAL[step(0.78)]);
    const legend =
      /<ul class="legend" aria-label="Legend">(.*?)<\/ul>/.exec(
        renderReport(sampleResult(), [], 'en')
      )?.[1] ?? '';
    expect(legend.match(/<li>/g)).toHaveLength(SEQUENTIAL.length + 1);
  });

  it('gives "Time saved" in hours only', () => {
    const result = sampleResult();
    result.teams[0]!.minutesSaved = 45;
    const table = section(renderReport(result, [], 'fr'), '<h2>Équipes');
    const times = [...table.matchAll(/<td>([^<]*)<\/td><\/tr>/g)].map((m) => plain(m[1]!));
    expect(times.length).toBeGreaterThan(10);
    for (const time of times) expect(time).toMatch(/^\d[\d ]*(,\d)? h$/);
    expect(times).toContain('0,8 h');
  });

  it('writes a fall with a true minus sign', () => {
    const result = sampleResult();
    result.activityTrend.teams[0]!.created = [25, 24];
    expect(plain(renderReport(result, [], 'fr'))).toContain('→ \u22124 %');
    expect(plain(formatter('en').points(-0.02))).toBe('\u22122 pts');
  });

  it('puts a narrow no-break space before a French colon, in text and tooltips', () => {
    const html = renderReport(sampleResult(), [], 'fr');
    expect(html).toMatch(/title="[^"]+ · [^"]+\u202f: \d/);
    expect(visible(html)).not.toMatch(/[^\u202f\d]:/);
    expect(frenchSpacing('Période : 12:30 « x »')).toBe('Période\u202f: 12:30 «\u202fx\u202f»');
  });

  it('gives the time of day in the run’s time zone and names the zone', () => {
    const header = (zone: string): string =>
      /<header>.*?<\/header>/.exec(renderReport(sampleResult(), [], 'en', { timeZone: zone }))?.[0] ?? '';
    expect(header('Europe/Paris')).toContain('23 Nov 2026, 05:30 CET');
    expect(header('UTC')).toContain('23 Nov 2026, 04:30 UTC');
  });

  it('summarises "Filled, but not informative" in one line when every count is zero', () => {
    const result = sampleResult();
    result.objects[0]!.notInformative = [
      {
        field: 'NextStep',
        filled: 40,
        defaultValues: 0,
        placeholders: 0,
        dominant: 0,
        defaultValue: null,
        owners: []
      }
    ];
    const part = section(renderReport(result, [], 'en'), 'Filled, but not informative');
    expect(part).toContain('No filled value of a rule field was found to say nothing');
    expect(part).not.toContain('<table');
  });
});
