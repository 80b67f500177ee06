// Every custom label that counts something has its singular form ("1 row", "1 week", "1 jour"): a label
// whose value puts a plural noun after a {n} placeholder needs a sibling `<name>One` (or `<base>One` for
// `<base>Many`), picked by labelUtils.formatPlural. Issue 12: "Singular and plural labels everywhere".
// The French values are read too: a French count agrees where the English one does not ("{0} of {1}
// attended", "{0} présents sur {1}"; CLDR: 0 and 1 are singular in French).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const LABELS = path.join(__dirname, '../../force-app/main/default/labels/CustomLabels.labels-meta.xml');
const FRENCH = path.join(__dirname, '../../force-app/main/default/translations/fr.translation-meta.xml');

/** Labels whose count is never 1, each with the reason (checked when the label is used). */
const NEVER_ONE: Record<string, string> = {
  acceptanceConsole_ErrorTooManyRows: 'the import limit (500)',
  acceptanceCaseForm_FileTooLarge: 'the import limit (500)',
  acceptanceCaseForm_FileTooManyRows: 'the import limit (MAX_ROWS, 500)',
  acceptanceCaseForm_ErrorScenarioTooLong: 'the field length (255)',
  keyUserNetwork_ShowAllTeams: 'shown only when there are more teams than one page',
  keyUserNetwork_FollowedUpMany: 'one follow-up uses keyUserNetwork_FollowedUp, with the name',
  trainingFollowUps_OldestListed: 'shown only when the server listed its limit (MAX_ROWS, 200) of more',
  // The manager digest e-mail (Apex, ManagerDigestBatch): not a component; left for its own change.
  digest_WeakestLine: 'known gap: Apex e-mail, not a component',
  digest_WeakestLineNew: 'known gap: Apex e-mail, not a component'
};

/** Words ending in "s" that are not plural nouns. */
const NOT_PLURAL = new Set([
  'is',
  'was',
  'has',
  'this',
  'its',
  'as',
  'less',
  'across',
  'does',
  'needs',
  'asks',
  'proposes'
]);

/** French words ending in "s" or "x" that are not plural nouns or adjectives ("{0} de plus"). */
const NOT_PLURAL_FR = new Set([
  'plus',
  'moins',
  'depuis',
  'sans',
  'dans',
  'vers',
  'après',
  'très',
  'mois',
  'fois'
]);

/** Labels whose placeholder before a plural word is not a count, each with the reason. */
const NOT_COUNTED: Record<string, string> = {
  waveBoard_AttendanceSaved: '{0} is the training\'s name ("Présences de {0} enregistrées.")'
};

interface Label {
  name: string;
  value: string;
}

/** English labels: `<fullName>` and `<value>` (prettier may break a long value's tag: `<value\n>`). */
function englishLabels(xml: string): Label[] {
  return [...xml.matchAll(/<fullName>(\w+)<\/fullName>[\s\S]*?<value\s*>([\s\S]*?)<\/value>/g)].map(
    ([, name, value]) => ({ name: name ?? '', value: value ?? '' })
  );
}

/** French translations: `<label>` then `<name>`, in each `<customLabels>`. */
function frenchLabels(xml: string): Label[] {
  return [...xml.matchAll(/<label\s*>([\s\S]*?)<\/label>\s*<name>(\w+)<\/name>/g)].map(([, value, name]) => ({
    name: name ?? '',
    value: value ?? ''
  }));
}

/**
 * Names of the labels that count a plural word and have no singular form.
 * @param xml the English labels file
 * @param frenchXml the French translations file; none when omitted
 */
function missingSingulars(xml: string, frenchXml = ''): string[] {
  const english = englishLabels(xml);
  const names = new Set(english.map((label) => label.name));
  const counted = (labels: Label[], of: string, plural: RegExp, notPlural: Set<string>): string[] =>
    labels
      .filter(({ name }) => !name.endsWith('One') && !(name in NEVER_ONE) && !(name in NOT_COUNTED))
      .filter(({ name }) => !names.has(`${name.replace(/Many$/, '')}One`))
      .filter(({ value }) =>
        [
          ...value.matchAll(
            new RegExp(`\\{\\d\\}((?:\\s+${of}\\s+\\{\\d\\})?(?:\\s+[\\p{L}’-]+){1,2})`, 'gu')
          )
        ].some(([, after]) =>
          (after ?? '').split(/\s+/).some((word) => plural.test(word) && !notPlural.has(word.toLowerCase()))
        )
      )
      .map(({ name }) => name);
  return [
    ...new Set([
      ...counted(english, 'of', /^[a-z-]+s$/i, NOT_PLURAL),
      ...counted(frenchLabels(frenchXml), 'sur', /^[\p{L}-]+[sx]$/iu, NOT_PLURAL_FR)
    ])
  ];
}

describe('counted custom labels', () => {
  it('finds a counted label without its singular form (the check can fail)', () => {
    const xml = `<labels><fullName>a_Rows</fullName><value>{0} rows ready; {1} of {2} teams</value></labels>
      <labels><fullName>a_Days</fullName><value>Overdue by {0} days</value></labels>
      <labels><fullName>a_DaysOne</fullName><value>Overdue by {0} day</value></labels>
      <labels><fullName>a_TeamsMany</fullName><value>{0} of {1} teams</value></labels>
      <labels><fullName>a_Name</fullName><value>{0} is a key user</value></labels>`;
    expect(missingSingulars(xml)).toEqual(['a_Rows', 'a_TeamsMany']);
  });

  it('reads a value whose tag prettier broke over two lines (the check can fail)', () => {
    const xml = `<labels><fullName>a_Size</fullName><value\n>Larger than {0} MB.</value></labels>
      <labels><fullName>a_Rows</fullName><value>More than {0} rows.</value></labels>`;
    expect(missingSingulars(xml)).toEqual(['a_Rows']);
  });

  it('finds a French count that agrees where the English one does not (the check can fail)', () => {
    const xml = `<labels><fullName>a_Attended</fullName><value>{0} of {1} attended</value></labels>
      <labels><fullName>a_More</fullName><value>{0} more</value></labels>`;
    const french = `<customLabels><label>{0} présents sur {1}</label><name>a_Attended</name></customLabels>
      <customLabels><label\n>{0} de plus</label><name>a_More</name></customLabels>`;
    expect(missingSingulars(xml)).toEqual([]);
    expect(missingSingulars(xml, french)).toEqual(['a_Attended']);
  });

  it('have a singular form in the project, or a reason why the count is never 1', () => {
    expect(missingSingulars(readFileSync(LABELS, 'utf8'), readFileSync(FRENCH, 'utf8'))).toEqual([]);
  });
});
