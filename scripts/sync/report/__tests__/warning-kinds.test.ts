// Review 7: the report's "What could not be measured" box holds only what could not be measured. Informative
// warnings (the export's day, records counted once, no roll-out wave) are declared `notice` per code
// (warnings.ts WARNING_KINDS) and shown apart, under "About these figures". The report's lines carry what
// tells two warnings of one code apart: the rule of a stage typo, the columns a file lacks.
import { isWarningKey, messageKeysOf, WARNING_BUNDLES, warningOf, type WarningCode } from '../../messages';
import { renderReport } from '../render-report';
import { reportWarnings, WARNING_KINDS, WARNING_TEXTS, warningTextKey } from '../warnings';
import { sponsorResult } from './sample-result';
import { reportContext } from '../../__tests__/fixtures';

/** A section's visible text, from its heading to its end ('' when the report has no such heading). */
function sectionText(html: string, heading: string): string {
  const start = html.indexOf(`<h2>${heading}</h2>`);
  if (start < 0) return '';
  return html
    .slice(start, html.indexOf('</section>', start))
    .replace(/<[^>]+>/g, ' ')
    .replace(/[\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ');
}

const context = reportContext;
const lines = (lang: 'en' | 'fr', codes: readonly WarningCode[]): string[] =>
  reportWarnings(codes, lang, context(lang)).map((l) => l.replace(/[\u202f\u00a0]/g, ' '));

describe('warning kinds in the report', () => {
  it('declares a kind for every warning code of the sync, and none for a code that does not exist', () => {
    const codes = WARNING_BUNDLES.flatMap((bundle) =>
      messageKeysOf(bundle, 'warning.')
        .filter(isWarningKey)
        .map((code) => warningTextKey({ bundle, code }))
    );
    expect(codes.filter((code) => WARNING_KINDS[code] === undefined)).toEqual([]);
    expect(Object.keys(WARNING_KINDS).filter((code) => !codes.includes(code))).toEqual([]);
    expect(Object.keys(WARNING_TEXTS.en).sort()).toEqual(Object.keys(WARNING_KINDS).sort());
  });

  it.each([
    [
      'en',
      'What could not be measured',
      'About these figures',
      'The export was taken on',
      'no figures by wave'
    ],
    [
      'fr',
      'Ce qui n’a pas pu être mesuré',
      'À propos de ces chiffres',
      'L’export date du',
      'pas de chiffres par vague'
    ]
  ] as const)(
    '%s: says the export’s day, no waves and deleted records apart from what could not be measured',
    (lang, limitsHeading, noticesHeading, exportDay, noWaves) => {
      // sponsorResult's warnings: ExportTakenBefore, NoWavesInExport, DeletedLeftOut (notices) and a rule
      // skipped offline (a limit).
      const html = renderReport(sponsorResult(), [], lang, { timeZone: 'UTC' });
      const limits = sectionText(html, limitsHeading);
      const notices = sectionText(html, noticesHeading);
      expect(limits).toContain(lang === 'en' ? 'completeness rule is not measured' : 'n’est pas mesurée');
      for (const notice of [exportDay, noWaves, '1,234', '1 234']) expect(limits).not.toContain(notice);
      expect(notices).toContain(exportDay);
      expect(notices).toContain(noWaves);
      expect(notices).toContain(lang === 'en' ? '1,234 deleted records' : '1 234 enregistrements supprimés');
      // The notices are not an alert; the limits are.
      expect(html).toMatch(/<section class="warnings" role="alert">/);
      expect(html).toMatch(/<section class="notices"><h2>/);
    }
  );

  it('has no "could not be measured" box when every warning is a notice', () => {
    const result = sponsorResult();
    const notices = result.warningCodes.filter((w) => WARNING_KINDS[warningTextKey(w)] === 'notice');
    expect(notices.length).toBeGreaterThan(0);
    const html = renderReport({ ...result, warningCodes: notices }, [], 'en', { timeZone: 'UTC' });
    expect(html).not.toContain('What could not be measured');
    expect(sectionText(html, 'About these figures')).toContain('The export was taken on');
  });

  it.each(['en', 'fr'] as const)('%s: two stage-typo warnings name their rules and stages', (lang) => {
    const [a, b] = lines(lang, [
      warningOf('sync.run', 'warning.StageNotInData', [
        'Opportunity',
        'Opp_Amount',
        'StageName',
        'Prospectin',
        'StageName'
      ]),
      warningOf('sync.run', 'warning.StageNotInData', [
        'Opportunity',
        'Opp_Next_Step',
        'StageName',
        'Prospectin',
        'StageName'
      ])
    ]);
    expect(a).not.toEqual(b);
    expect(a).toContain('Opp amount');
    expect(b).toContain('Opp next step');
    expect(`${a} ${b}`).not.toMatch(/Opp_|StageName/);
    for (const line of [a, b]) expect(line).toContain('Prospectin');
  });

  it.each([
    ['en', 'Owner', 'Created Date'],
    ['fr', 'Propriétaire', 'Date de création']
  ] as const)(
    '%s: a file lacking columns names them by their labels, not their API names',
    (lang, owner, created) => {
      const [key, other] = lines(lang, [
        warningOf('sync.export', 'warning.PartLacksKeyColumns', [
          'Opportunity_2.csv',
          'OwnerId, CreatedDate',
          'Opportunity',
          3,
          'Opportunity'
        ]),
        warningOf('sync.export', 'warning.PartLacksColumns', [
          'Opportunity_2.csv',
          'NextStep',
          'Opportunity',
          3
        ])
      ]);
      expect(key).toContain(owner);
      expect(key).toContain(created);
      expect(other).toContain(lang === 'en' ? 'Next Step' : 'Étape suivante');
      expect(`${key} ${other}`).not.toMatch(/OwnerId|CreatedDate|NextStep/);
    }
  );
});
