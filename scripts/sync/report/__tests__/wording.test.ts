// The report's wording where a count is not the matter (words8): a second part of an export is a part, not
// a copy, and "both" needs two; a French object name takes no gendered adjective ("Opportunité : absent");
// French writes the first day of a month as "1er" (Intl writes "1") and keeps its spaces before ":" and "%".
import { messageOf } from '../../messages';
import { reportContext } from '../../__tests__/fixtures';
import { formatter } from '../format';
import { frenchSpacing } from '../i18n';
import { WARNING_TEXTS } from '../warnings';

const say = (lang: 'en' | 'fr', code: string, tokens: (string | number)[]): string =>
  (WARNING_TEXTS[lang][code] ?? (() => `no report text for ${code}`))(tokens, reportContext(lang));

describe('the copy-named part of an export', () => {
  const tokens = ['Opportunity (1).csv', 'Opportunity'];
  it('is a part in French, and no text says "both" of what may be one file', () => {
    expect(say('fr', 'sync.export:warning.CopyName', tokens)).toMatch(/seconde partie/);
    expect(say('fr', 'sync.export:warning.CopyName', tokens)).not.toMatch(/copie|les deux/);
    expect(say('en', 'sync.export:warning.CopyName', tokens)).not.toMatch(/\bboth\b|\bcopy\b/);
    expect(messageOf('sync.export', 'warning.CopyName', tokens)).not.toMatch(/\bboth\b/);
  });
});

describe('an object missing, in French', () => {
  // Feminine labels (Opportunité, Piste, Requête…) would need "absente": the text takes no gendered word.
  it.each(['sync.run:warning.DefaultObjectMissing', 'sync.run:warning.WaveObjectMissing'])('%s', (code) => {
    const text = say('fr', code, ['Opportunity']);
    expect(text).toContain('Opportunité');
    expect(text).not.toMatch(/\babsente?\b|\bmanquante?\b/);
  });
});

describe('French dates and numbers in the report', () => {
  const fr = formatter('fr', 'UTC');
  it('write the first day of a month as "1er", and no other day as an ordinal', () => {
    expect(fr.date('2026-12-01')).toBe('1er déc. 2026');
    expect(fr.dayMonth('2026-01-01')).toBe('1er janv.');
    expect(fr.dateTime('2026-12-01T10:00:00Z')).toMatch(/^1er déc\. 2026/);
    expect(fr.date('2026-12-11')).toBe('11 déc. 2026');
    expect(fr.date('2026-12-21')).toBe('21 déc. 2026');
    expect(formatter('en', 'UTC').date('2026-12-01')).toBe('1 Dec 2026');
  });

  it('keep the narrow no-break space of thousands and "%", and put one before ":"', () => {
    expect(fr.count(12345)).toBe('12\u202f345');
    // CLDR's French percent sign takes a no-break space (U+00A0), its grouping a narrow one (U+202F).
    expect(fr.percent(0.73)).toMatch(/^73[\u00a0\u202f]%$/);
    expect(frenchSpacing(say('fr', 'sync.run:warning.DeletedLeftOut', ['Task', 1234]))).toBe(
      'Tâches\u202f: 1\u202f234 enregistrements supprimés ne sont pas comptés.'
    );
  });
});
