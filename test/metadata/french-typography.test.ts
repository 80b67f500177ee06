// French text in the package writes the typographic apostrophe (’, U+2019), as the sync's report does:
// "aujourd’hui", "n’a", never a straight one ('); and a date beside a person's name needs no gender
// ("Formation le 1er janvier", not "Formé le", which is wrong beside a woman's name). Issue 12, review 9.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const FRENCH = path.join(__dirname, '../../force-app/main/default/translations/fr.translation-meta.xml');

/**
 * The French texts (every element's text: labels, descriptions…) that write a straight apostrophe.
 * @param xml a translation file
 * @returns each fault as `line N: text`
 */
function straightApostrophes(xml: string): string[] {
  return xml
    .split('\n')
    .flatMap((line, index) => (/\p{L}'\p{L}/u.test(line) ? [`line ${index + 1}: ${line.trim()}`] : []));
}

/** Names of the French labels that open with a gendered participle before a date ("Formé le {0}"). */
function genderedDates(xml: string): string[] {
  return [...xml.matchAll(/<label\s*>\s*Formée?s? le [\s\S]*?<\/label>\s*<name>(\w+)<\/name>/g)].map(
    ([, name]) => name ?? ''
  );
}

describe('French typography', () => {
  it('finds a straight apostrophe (the check can fail)', () => {
    const xml = `<customLabels>\n<label>Suivi fait aujourd'hui</label>\n<name>a_Done</name>\n</customLabels>
<customLabels>\n<label>Tout est fait pour aujourd’hui !</label>\n<name>a_All</name>\n</customLabels>`;
    expect(straightApostrophes(xml)).toEqual(["line 2: <label>Suivi fait aujourd'hui</label>"]);
  });

  it('writes ’ in every French text of the package', () => {
    expect(straightApostrophes(readFileSync(FRENCH, 'utf8'))).toEqual([]);
  });

  it('finds a gendered participle before a date (the check can fail)', () => {
    const xml = `<customLabels><label>Formé le {0}, sans suivi depuis.</label><name>a_Never</name></customLabels>
<customLabels><label>Formation le {0}.</label><name>a_Ok</name></customLabels>`;
    expect(genderedDates(xml)).toEqual(['a_Never']);
  });

  it('writes the dates beside a name without a gender', () => {
    expect(genderedDates(readFileSync(FRENCH, 'utf8'))).toEqual([]);
  });
});
