/* eslint-disable @typescript-eslint/no-non-null-assertion -- assertions on a known fixture. */
// The sponsor report's rules from the UI review (issue 12): warnings in the report's language, small teams
// folded, scrollable tables that take the focus, and the typography and units of the figures.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, sep } from 'node:path';
import {
  isWarningKey,
  MESSAGES_DIR,
  messageKeysOf,
  messageOf,
  parseMessages,
  WARNING_BUNDLES,
  warningOf,
  type WarningBundle
} from '../../messages';
import { PROJECT_ROOT } from '../../paths';
import { MIN_TEAM_USERS } from '../aggregates';
import { formatter, SEQUENTIAL, step } from '../format';
import { frenchSpacing } from '../i18n';
import { renderReport } from '../render-report';
import { foldSmallTeams, kpis, OTHER_TEAMS, teamRows } from '../team-summary';
import { reportWarnings, WARNING_TEXTS, warningTextKey } from '../warnings';
import { sampleResult, sponsorResult } from './sample-result';
import { reportContext } from '../../__tests__/fixtures';

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
const context = reportContext;
/** A warning's report line, as the report says it from the code and tokens a producer gave. */
const said = (lang: 'en' | 'fr', ...args: Parameters<typeof warningOf>): string =>
  plain(reportWarnings([warningOf(...args)], lang, context(lang)).join('\n'));

/**
 * Every warning code of the message files under `dir` (messages/ or a copy) without an English or a French
 * report text, as "file: bundle:code has no <lang> report text" (the rule: report/warnings.ts WARNING_TEXTS).
 */
function codesWithoutReportText(dir: string): string[] {
  const out: string[] = [];
  for (const bundle of WARNING_BUNDLES) {
    const file = join(dir, `${bundle}.md`);
    for (const code of [...parseMessages(readFileSync(file, 'utf8'), file).keys()].filter(isWarningKey)) {
      for (const lang of ['en', 'fr'] as const) {
        if (!WARNING_TEXTS[lang][warningTextKey({ bundle, code })]) {
          out.push(
            `${basename(file)}: ${bundle}:${code} has no ${lang} report text (report/warnings.ts WARNING_TEXTS)`
          );
        }
      }
    }
  }
  return out;
}

/** The sync's source files (tests aside), path relative to the project and text. */
function producerFiles(): { file: string; text: string }[] {
  const root = join(PROJECT_ROOT, 'scripts', 'sync');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.split(sep).includes('__tests__'))
    .map((f) => ({ file: join('scripts', 'sync', f), text: readFileSync(join(root, f), 'utf8') }));
}

/**
 * Where a producer raises a warning the report cannot say: every `warningOf(` call must name its bundle as
 * a literal, and every `'warning.…'` literal of a file that raises warnings must have an English and a
 * French report text in one of the bundles that file raises from (a key chosen at run time, as
 * `cond ? 'warning.A' : 'warning.B'`, is a literal of its file too). Found as "file:line: rule".
 */
function unsaidWarnings(files: readonly { file: string; text: string }[]): string[] {
  const out: string[] = [];
  const lineOf = (text: string, at: number): number => text.slice(0, at).split('\n').length;
  for (const { file, text } of files) {
    const calls = [...text.matchAll(/\bwarningOf\(\s*(?:'([^']+)')?/g)].filter(
      (m) => !/function\s+$/.test(text.slice(0, m.index))
    );
    if (calls.length === 0) continue;
    const bundles = new Set<string>();
    for (const call of calls) {
      if (call[1] === undefined) {
        out.push(
          `${file}:${lineOf(text, call.index)}: warningOf( without a literal bundle cannot be checked`
        );
      } else bundles.add(call[1]);
    }
    for (const literal of text.matchAll(/'(warning\.[A-Za-z0-9.]+)'/g)) {
      const code = literal[1]!;
      for (const lang of ['en', 'fr'] as const) {
        if (![...bundles].some((bundle) => WARNING_TEXTS[lang][warningTextKey({ bundle, code })])) {
          out.push(
            `${file}:${lineOf(text, literal.index)}: ${code} (raised from ${[...bundles].join(', ')}) has no ${lang} report text (report/warnings.ts WARNING_TEXTS)`
          );
        }
      }
    }
  }
  return out;
}

describe('warnings in the report', () => {
  it('has an English and a French report text for every warning code of the sync', () => {
    const codes = WARNING_BUNDLES.flatMap((bundle) => messageKeysOf(bundle, 'warning.').filter(isWarningKey));
    expect(codes.length).toBeGreaterThan(20);
    expect(codesWithoutReportText(join(PROJECT_ROOT, MESSAGES_DIR))).toEqual([]);
  });

  it('fails, naming the file and the code, when a new warning message has no report text', () => {
    const copy = mkdtempSync(join(tmpdir(), 'messages-'));
    cpSync(join(PROJECT_ROOT, MESSAGES_DIR), copy, { recursive: true });
    appendFileSync(join(copy, 'sync.run.md'), '\n# warning.BrandNew\n\n%s: something new.\n');
    expect(codesWithoutReportText(copy)).toEqual([
      'sync.run.md: sync.run:warning.BrandNew has no en report text (report/warnings.ts WARNING_TEXTS)',
      'sync.run.md: sync.run:warning.BrandNew has no fr report text (report/warnings.ts WARNING_TEXTS)'
    ]);
  });

  it('has a report text for every warning a producer raises', () => {
    const files = producerFiles();
    // The scan sees the producers: the engine stages, the sources, the rules, the CSV reader, the command.
    const raising = files
      .filter((f) => /\bwarningOf\('/.test(f.text))
      .map((f) => f.file.split(sep).join('/'));
    expect(raising).toEqual(
      expect.arrayContaining([
        'scripts/sync/engine/stages/plan.ts',
        'scripts/sync/engine/stages/object-measure.ts',
        'scripts/sync/engine/waves.ts',
        'scripts/sync/sources/export-source.ts',
        'scripts/sync/rules/export-day.ts',
        'scripts/sync/rules/metadata-rules.ts',
        'scripts/sync/csv/encoding-evidence.ts',
        'scripts/sync/command/run-sync.ts'
      ])
    );
    expect(unsaidWarnings(files)).toEqual([]);
  });

  it('fails, naming the file, the line and the code, when a producer raises a code with no report text', () => {
    const measure = producerFiles().find((f) => f.file.endsWith(join('stages', 'object-measure.ts')))!;
    const faulty = measure.text.replace(
      "ctx.warn?.(warningOf('sync.run', 'warning.QueuesUnnamed', [object]));",
      "ctx.warn?.(warningOf('sync.run', 'warning.QueuesUnheard', [object]));"
    );
    expect(faulty).not.toBe(measure.text);
    const line = faulty.split('\n').findIndex((l) => l.includes('warning.QueuesUnheard')) + 1;
    expect(unsaidWarnings([{ file: measure.file, text: faulty }])).toEqual([
      `${measure.file}:${line}: warning.QueuesUnheard (raised from sync.run) has no en report text (report/warnings.ts WARNING_TEXTS)`,
      `${measure.file}:${line}: warning.QueuesUnheard (raised from sync.run) has no fr report text (report/warnings.ts WARNING_TEXTS)`
    ]);
    const computed = measure.text.replace("warningOf('sync.run',", 'warningOf(bundle,');
    expect(unsaidWarnings([{ file: measure.file, text: computed }])[0]).toMatch(
      /object-measure\.ts:\d+: warningOf\( without a literal bundle cannot be checked/
    );
  });

  it('refuses to raise a code the report cannot say: a list part, an unknown key, a bundle without texts', () => {
    expect(() => warningOf('adoption.sync', 'warning.RecordsRefused.actions')).toThrow(
      'adoption.sync:warning.RecordsRefused.actions is not a warning the report can say'
    );
    expect(() => warningOf('sync.run', 'warning.NoSuchThing')).toThrow(
      'Missing message sync.run:warning.NoSuchThing.'
    );
    expect(() => warningOf('sync.other' as WarningBundle, 'warning.NoRules')).toThrow(
      'sync.other:warning.NoRules is not a warning the report can say'
    );
  });

  it('keeps the console’s English text beside the code and tokens', () => {
    const warning = warningOf('sync.run', 'warning.DeletedLeftOut', ['Lead', 1234]);
    expect(warning).toEqual({
      bundle: 'sync.run',
      code: 'warning.DeletedLeftOut',
      tokens: ['Lead', 1234],
      text: messageOf('sync.run', 'warning.DeletedLeftOut', ['Lead', 1234])
    });
  });

  // Tokens are positions in the message's own order: a text reading past them would print nothing.
  it('reads only tokens its message has, in both languages', () => {
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
        text(tokens, context(lang));
        expect({ lang, code, beyond: read.filter((i) => i >= count) }).toEqual({ lang, code, beyond: [] });
      }
    }
  });

  // One test per kind of token a report text turns into the sponsor's words.
  it('says an object token as the object’s label', () => {
    expect(said('fr', 'sync.run', 'warning.QueuesUnnamed', ['Opportunity'])).toBe(
      'Opportunités : les enregistrements détenus par des files d’attente ne sont pas nommés.'
    );
    expect(said('en', 'sync.run', 'warning.QueuesUnnamed', ['Opportunity'])).toBe(
      'Opportunities: records owned by queues are not named.'
    );
  });

  it('says a field token as the field’s label, a lookup path included', () => {
    expect(
      said('fr', 'sync.run', 'warning.RuleSkippedOffline', [
        'Opportunity_NextStep',
        'Opportunity',
        'NextStep'
      ])
    ).toBe(
      'Opportunités · Étape suivante : cette règle de complétude n’est pas mesurée à partir d’un export (le champ n’y figure pas).'
    );
    // The team field by a lookup path: the related object's field label.
    expect(
      said('fr', 'sync.export', 'warning.TeamFieldFile', [
        'Account.Industry',
        'Account.csv',
        'x',
        'Account.csv'
      ])
    ).toBe(
      "Les équipes n’ont pas pu être connues (l’export ne contient pas Secteur d'activité) : chaque utilisateur est compté sans équipe."
    );
  });

  it('says a date token as a date of the report’s language', () => {
    const tokens = ['2026-11-23', '2026-11-29', 'export x', '2026-11-20', 'its zip entries', '2026-11-20'];
    expect(said('fr', 'sync.run', 'warning.PeriodAfterExport', tokens)).toBe(
      'Les chiffres portent sur la période du 23 nov. 2026 au 29 nov. 2026, après le jour de l’export (20 nov. 2026) : elle ne contient aucune donnée, chaque chiffre d’activité vaut 0.'
    );
    expect(said('en', 'sync.run', 'warning.PeriodAfterExport', tokens)).toContain(
      'The figures cover 23 Nov 2026 – 29 Nov 2026, after the day the export was taken (20 Nov 2026)'
    );
  });

  it('says a count token in the report’s number format', () => {
    expect(said('fr', 'sync.run', 'warning.DeletedLeftOut', ['Lead', 1234])).toBe(
      'Pistes : 1 234 enregistrements supprimés ne sont pas comptés.'
    );
    expect(said('en', 'sync.run', 'warning.FoundTwice', ['Lead', 12345, 2])).toBe(
      'Leads: 12,345 records were found twice in the export and counted once.'
    );
  });

  it('says each warning in French, with labels and French dates, and no path, flag or API name', () => {
    const html = renderReport(sponsorResult(), [], 'fr', { timeZone: 'Europe/Paris' });
    // Both boxes: what could not be measured, and the notices apart (warning-kinds.test.ts).
    const warnings = plain(
      visible(section(html, 'Ce qui n’a pas pu être mesuré') + section(html, 'À propos de ces chiffres'))
    );
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
    const warnings = visible(
      section(html, 'What could not be measured') + section(html, 'About these figures')
    );
    expect(warnings).toContain(
      'The export was taken on 20 Nov 2026: the figures cover 9 Nov 2026 – 15 Nov 2026'
    );
    expect(warnings).toContain('Opportunities · Next Step: this completeness rule is not measured');
    expect(warnings).not.toMatch(/\/home\/|--[a-z]|__c|\d{4}-\d{2}-\d{2}|Pass --|Rollout_Wave/);
  });

  it('summarises a code with no report text instead of printing its tokens', () => {
    const lines = reportWarnings(
      [{ bundle: 'sync.run', code: 'warning.SomethingNew', tokens: ['/home/operator', '--foo'] }],
      'fr',
      context('fr')
    );
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
