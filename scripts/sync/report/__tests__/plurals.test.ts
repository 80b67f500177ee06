// Counts agree with their nouns, in the console's English (messages/*.md, plural blocks `{one|other}`
// filled by messages.ts) and in the report's English and French (report/warnings.ts said, i18n.ts
// fillCounts, format.ts points), through one helper (messages.ts plural: Intl.PluralRules, CLDR).
// CLDR's integer rules, written here on their own so the test does not trust the helper: English takes
// the singular for 1 only, French for 0 and 1 ("0 équipe sur 1").
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { messageOf, parseMessages, PLURAL_BLOCK, type WarningToken } from '../../messages';
import { reportContext } from '../../__tests__/fixtures';
import { formatter } from '../format';
import { dictionary, fillCounts } from '../i18n';
import { WARNING_TEXTS } from '../warnings';

const ROOT = join(__dirname, '..', '..', '..', '..');
const COUNTS = [0, 1, 2] as const;
const singular = { en: (n: number) => n === 1, fr: (n: number) => n === 0 || n === 1 };

/** A console message: its tokens for count n, and the words it must hold (`one`: the singular is due). */
type ConsoleRow = [
  id: string,
  tokens: (n: number) => unknown[],
  expected: (n: number, one: boolean) => string
];

const CONSOLE: ConsoleRow[] = [
  [
    'adoption.sync:warning.RecordsRefused',
    (n) => [n, 'x'],
    (n, one) => `${n} snapshot ${one ? 'record was' : 'records were'} not written`
  ],
  [
    'sync.export:csv.TooManyFields',
    (n) => [n],
    (n, one) => `the ${n} ${one ? 'column' : 'columns'} of the header`
  ],
  [
    'sync.export:error.SameObjectTwice',
    (n) => ['e.zip', n, 'a, b'],
    (n, one) => `holds ${n} ${one ? 'file' : 'files'} for`
  ],
  [
    'sync.export:warning.EncodingBomFiles',
    (n) => [n, 'a.csv', 'UTF-8', 'UTF-8', 'x'],
    (n, one) =>
      `${n} ${one ? 'file (a.csv) starts' : 'files (a.csv) start'} with a byte order mark that says ${one ? 'it is' : 'they are'} UTF-8`
  ],
  [
    'sync.export:warning.EncodingNulsFiles',
    (n) => [n, 'a.csv', 'UTF-16', 'UTF-16', 'x'],
    (n, one) =>
      `${n} ${one ? 'file (a.csv) has' : 'files (a.csv) have'} a NUL in every other byte of ${one ? 'its' : 'their'} header`
  ],
  [
    'sync.export:warning.LooksUtf8Files',
    (n) => [n, 'a.csv', 'latin1'],
    (n, one) =>
      `${n} ${one ? 'file (a.csv) holds' : 'files (a.csv) hold'} multi-byte UTF-8 characters but ${one ? 'is' : 'are'} read`
  ],
  [
    'sync.export:warning.NotEncodingFiles',
    (n) => [n, 'a.csv', 'UTF-8'],
    (n, one) => `${n} ${one ? 'file (a.csv) holds' : 'files (a.csv) hold'} bytes`
  ],
  [
    'sync.export:warning.NoUserIsActive',
    (n) => ['User.csv', n],
    (n, one) => `its ${n} ${one ? 'user is' : 'users are'} taken as active`
  ],
  [
    'sync.export:warning.NoUserType',
    (n) => ['User.csv', n],
    (n, one) => `its ${n} ${one ? 'user is' : 'users are'} taken as standard users`
  ],
  [
    'sync.export:warning.PartLacksColumns',
    (n) => ['p.csv', 'Amount', 'Opportunity', n],
    (n, one) => `its ${n} ${one ? 'record, which is' : 'records, which are'} left out`
  ],
  [
    'sync.export:warning.PartLacksKeyColumns',
    (n) => ['p.csv', 'OwnerId', 'Opportunity', n, 'Opportunity'],
    (n, one) => `its ${n} ${one ? 'record is' : 'records are'} measured without them`
  ],
  [
    'sync.export:warning.UnreadableCheckbox',
    (n) => ['User.csv', 'IsActive', n, 'x', 'true'],
    (n, one) => `holds ${n} ${one ? 'value' : 'values'} read as neither`
  ],
  [
    'sync.export:warning.UnreadableLastLogin',
    (n) => ['User.csv', n, 'x'],
    (n, one) =>
      `${n} ${one ? 'user has' : 'users have'} a last login that could not be read (e.g. "x"): it is taken as no login, so ${one ? 'that user gets' : 'those users get'} no credit`
  ],
  [
    'sync.export:warning.UnreadableUserCreated',
    (n) => ['User.csv', n, 'x'],
    (n, one) =>
      `${n} ${one ? 'user has' : 'users have'} a creation date that could not be read (e.g. "x"): ${one ? 'that user is' : 'they are'} kept`
  ],
  [
    'sync.export:warning.UnreadableStampDates',
    (n) => ['User.csv', 'LastLoginDate', n, 'x'],
    (n, one) =>
      `${n} ${one ? 'date' : 'dates'} could not be read (e.g. "x"), so ${one ? 'it is' : 'they are'} not used`
  ],
  [
    'sync.export:zip.PastDeclaredSize',
    (n) => [n],
    (n, one) => `declared size of ${n} ${one ? 'byte' : 'bytes'}:`
  ],
  [
    'sync.export:zip.SizeMismatch',
    (n) => [n, 9],
    (n, one) => `${n} ${one ? 'byte' : 'bytes'} instead of the declared 9`
  ],
  [
    'sync.org:error.RetriesExhausted',
    (n) => ['timeout', n, 3],
    (n, one) => `after ${n} ${one ? 'attempt' : 'attempts'} in 3 s`
  ],
  ['sync.org:page.Count', (n) => ['page', n, 9], (n, one) => `holds ${n} ${one ? 'record' : 'records'}, its`],
  [
    'sync.run:warning.BlankRows',
    (n) => ['Opportunity', n],
    (n, one) =>
      `${n} ${one ? 'row' : 'rows'} with every cell empty (${one ? 'a line' : 'lines'} left by a spreadsheet) ${one ? 'is not a record' : 'are not records'}`
  ],
  [
    'sync.run:warning.DeletedLeftOut',
    (n) => ['Task', n],
    (n, one) => `${n} deleted ${one ? 'record' : 'records'} (`
  ],
  [
    'sync.run:warning.FoundTwice',
    (n) => ['Task', n, 2],
    (n, one) => `${n} ${one ? 'record' : 'records'} found twice`
  ],
  [
    'sync.run:warning.HeaderRows',
    (n) => ['Task', n],
    (n, one) =>
      `${n} ${one ? 'line repeats' : 'lines repeat'} the header (files joined end to end) and ${one ? 'is not a record' : 'are not records'}`
  ],
  [
    'sync.run:warning.NoStageColumn',
    (n) => ['Lead', n, 'Lead'],
    (n, one) => `its ${n} ${one ? 'rule' : 'rules'} limited to some stages never ${one ? 'applies' : 'apply'}`
  ],
  [
    'sync.run:warning.SeriesUnsure',
    (n) => ['Event', n, 'Event'],
    (n, one) => `${n} ${one ? 'row has' : 'rows have'} IsRecurrence2`
  ],
  [
    'sync.run:warning.UnknownOwners',
    (n) => ['Lead', n, n, 'x'],
    (n, one) =>
      `${n} ${one ? 'record is' : 'records are'} owned by ${n} ${one ? 'Id' : 'Ids'} that neither User.csv nor Group.csv holds (x): ${one ? 'it counts' : 'they count'}`
  ],
  [
    'sync.run:warning.UnreadableDates',
    (n) => ['Task', 'CreatedDate', n, 'x'],
    (n, one) =>
      `${n} ${one ? 'date' : 'dates'} could not be read (e.g. "x"), so ${one ? "that record's" : "those records'"} activity`
  ],
  [
    'sync.run:warning.UnreadableDeleted',
    (n) => ['Task', n, 'x'],
    (n, one) =>
      `${n} IsDeleted ${one ? 'value is' : 'values are'} read as neither true nor false (x): ${one ? 'that record is' : 'those records are'} counted`
  ],
  [
    'sync.run:warning.UnreadableSponsorDates',
    (n) => ['Sponsor_Message__c', 'Published_On__c', n, 'x'],
    (n, one) =>
      `${n} ${one ? 'date' : 'dates'} could not be read (e.g. "x"), so ${one ? 'that message is' : 'those messages are'} taken as not published and the users ${one ? 'it names' : 'they name'}`
  ],
  [
    'sync.run:warning.UnreadableWaveDates',
    (n) => ['Rollout_Wave__c', 'Go_Live_Date__c', n, 'x'],
    (n, one) =>
      `${n} ${one ? 'date' : 'dates'} could not be read (e.g. "x"), so ${one ? 'it is' : 'they are'} read as no date`
  ],
  [
    'sync.run:warning.UsersAfterPeriod',
    (n) => [n, '2026-11-16', '2026-11-22'],
    (n, one) => `${n} ${one ? 'user was' : 'users were'} created after`
  ]
];

/** A report text: the warning's tokens for count n, and what it must say in each language. */
type ReportRow = [
  code: string,
  tokens: (n: number) => WarningToken[],
  en: (n: number, one: boolean) => string,
  fr: (n: number, one: boolean) => string
];

const REPORT: ReportRow[] = [
  [
    'sync.export:warning.EncodingBomFiles',
    (n) => [n],
    (n, o) =>
      `${n} ${o ? 'file of the export was' : 'files of the export were'} read in the encoding ${o ? 'its' : 'their'} own first bytes state; ${o ? 'its' : 'their'} figures`,
    (n, o) =>
      `${n} ${o ? 'fichier de l’export a été lu' : 'fichiers de l’export ont été lus'} dans l’encodage qu’indiquent ${o ? 'ses' : 'leurs'} premiers octets ; ${o ? 'ses' : 'leurs'} chiffres`
  ],
  [
    'sync.export:warning.EncodingNulsFiles',
    (n) => [n],
    (n, o) =>
      `${n} ${o ? 'file of the export was' : 'files of the export were'} read as UTF-16 text, as ${o ? 'its' : 'their'} bytes show`,
    (n, o) =>
      `${n} ${o ? 'fichier de l’export a été lu' : 'fichiers de l’export ont été lus'} comme du texte UTF-16, comme le montrent ${o ? 'ses' : 'leurs'} octets`
  ],
  [
    'sync.export:warning.PartLacksKeyColumns',
    (n) => ['p.csv', 'OwnerId', 'Opportunity', n],
    (n, o) => `${n} ${o ? 'record comes' : 'records come'} from a file without Owner`,
    (n, o) => `${n} ${o ? 'enregistrement vient' : 'enregistrements viennent'} d’un fichier sans`
  ],
  [
    'sync.export:warning.PartLacksColumns',
    (n) => ['p.csv', 'Amount', 'Opportunity', n],
    (n, o) => `${n} ${o ? 'record comes' : 'records come'} from a file without Amount`,
    (n, o) => `${n} ${o ? 'enregistrement vient' : 'enregistrements viennent'} d’un fichier sans Montant`
  ],
  [
    'sync.run:warning.UsersAfterPeriod',
    (n) => [n, '2026-11-16', '2026-11-22'],
    (n, o) => `${n} ${o ? 'user' : 'users'} created after 22 Nov 2026 ${o ? 'is' : 'are'} not counted`,
    (n, o) =>
      `${n} ${o ? 'utilisateur créé' : 'utilisateurs créés'} après le 22 nov. 2026 ${o ? 'n’est pas compté' : 'ne sont pas comptés'}`
  ],
  [
    'sync.run:warning.UnreadableDates',
    (n) => ['Task', 'CreatedDate', n],
    (n, o) => `${n} ${o ? 'date' : 'dates'} could not be read`,
    (n, o) => `${n} ${o ? 'date n’a pas pu être lue' : 'dates n’ont pas pu être lues'}`
  ],
  [
    'sync.run:warning.UnreadableWaveDates',
    (n) => ['Rollout_Wave__c', 'Go_Live_Date__c', n],
    (n, o) =>
      `${n} ${o ? 'date' : 'dates'} could not be read, so ${o ? 'that roll-out date is' : 'those roll-out dates are'} taken`,
    (n, o) =>
      `${n} ${o ? 'date n’a pas pu être lue, cette date de déploiement est considérée comme absente' : 'dates n’ont pas pu être lues, ces dates de déploiement sont considérées comme absentes'}`
  ],
  [
    'sync.run:warning.UnreadableSponsorDates',
    (n) => ['Sponsor_Message__c', 'Published_On__c', n],
    (n, o) =>
      `${n} publication ${o ? 'date' : 'dates'} could not be read, so ${o ? 'that message makes' : 'those messages make'} nobody`,
    (n, o) =>
      `${n} ${o ? 'date de publication n’a pas pu être lue, ce message ne fait' : 'dates de publication n’ont pas pu être lues, ces messages ne font'} de personne`
  ],
  [
    'sync.export:warning.UnreadableStampDates',
    (n) => ['User.csv', 'LastLoginDate', n],
    (n, o) => `${n} ${o ? 'date' : 'dates'} could not be read, so ${o ? 'it was' : 'they were'} not used`,
    (n, o) =>
      `${n} ${o ? 'date n’a pas pu être lue ; elle n’a' : 'dates n’ont pas pu être lues ; elles n’ont'} pas servi`
  ],
  [
    'sync.run:warning.SeriesUnsure',
    (n) => ['Event', n],
    (n, o) => `${n} ${o ? 'meeting of a recurring series' : 'meetings of recurring series'} may`,
    (n, o) =>
      `${n} ${o ? 'réunion de série récurrente peut être comptée' : 'réunions de séries récurrentes peuvent être comptées'}`
  ],
  [
    'sync.export:warning.UnreadableLastLogin',
    (n) => ['User.csv', n],
    (n, o) =>
      `${n} ${o ? 'user has' : 'users have'} a last login date that could not be read: ${o ? 'that user gets' : 'they get'} no credit`,
    (n, o) =>
      `${n} ${o ? 'utilisateur a' : 'utilisateurs ont'} une date de dernière connexion illisible ; ${o ? 'sa connexion ne lui est pas comptée' : 'leur connexion ne leur est pas comptée'}`
  ],
  [
    'sync.export:warning.UnreadableUserCreated',
    (n) => ['User.csv', n],
    (n, o) =>
      `${n} ${o ? 'user has' : 'users have'} a creation date that could not be read: ${o ? 'that user is' : 'they are'} counted in the period`,
    (n, o) =>
      `${n} ${o ? 'utilisateur a' : 'utilisateurs ont'} une date de création illisible ; ${o ? 'il est compté dans la période même s’il a été créé' : 'ils sont comptés dans la période même s’ils ont été créés'} après`
  ],
  [
    'sync.export:warning.UnreadableCheckbox',
    (n) => ['User.csv', 'IsActive', n],
    (n, o) =>
      `${n} ${o ? 'user has' : 'users have'} an active/inactive value that could not be read; ${o ? 'that user is' : 'they are'} taken`,
    (n, o) =>
      `${n} ${o ? 'utilisateur a' : 'utilisateurs ont'} une valeur actif/inactif illisible ; ${o ? 'il est compté comme actif' : 'ils sont comptés comme actifs'}`
  ],
  [
    'sync.run:warning.NoStageColumn',
    (n) => ['Lead', n],
    (n, o) => `${n} ${o ? 'rule' : 'rules'} limited to some stages ${o ? 'is' : 'are'} not measured`,
    (n, o) =>
      `${n} ${o ? 'règle limitée' : 'règles limitées'} à certaines étapes ${o ? 'n’est pas mesurée' : 'ne sont pas mesurées'}`
  ],
  [
    'sync.run:warning.UnknownOwners',
    (n) => ['Lead', n, n],
    (n, o) =>
      `${n} ${o ? 'owner' : 'owners'} missing from the users file ${o ? 'holds' : 'hold'} ${n} ${o ? 'record' : 'records'}, counted`,
    (n, o) =>
      `${n} ${o ? 'propriétaire absent' : 'propriétaires absents'} du fichier des utilisateurs ${o ? 'détient' : 'détiennent'} ${n} ${o ? 'enregistrement, compté' : 'enregistrements, comptés'}`
  ],
  [
    'sync.run:warning.BlankRows',
    (n) => ['Task', n],
    (n, o) => `${n} empty ${o ? 'row' : 'rows'} in the export ${o ? 'is' : 'are'} not counted`,
    (n, o) =>
      `${n} ${o ? 'ligne vide' : 'lignes vides'} de l’export ${o ? 'n’est pas comptée' : 'ne sont pas comptées'}`
  ],
  [
    'sync.run:warning.HeaderRows',
    (n) => ['Task', n],
    (n, o) => `${n} repeated header ${o ? 'line' : 'lines'} in the export ${o ? 'is' : 'are'} not counted`,
    (n, o) =>
      `${n} ${o ? 'ligne d’en-tête répétée' : 'lignes d’en-tête répétées'} dans l’export ${o ? 'n’est pas comptée' : 'ne sont pas comptées'}`
  ],
  [
    'sync.run:warning.UnreadableDeleted',
    (n) => ['Task', n],
    (n, o) =>
      `${n} ${o ? 'record has' : 'records have'} a “deleted” value that could not be read; ${o ? 'it is' : 'they are'} counted`,
    (n, o) =>
      `${n} ${o ? 'enregistrement a' : 'enregistrements ont'} une valeur « supprimé » illisible ; ${o ? 'il est compté comme non supprimé' : 'ils sont comptés comme non supprimés'}`
  ],
  [
    'sync.export:warning.NotEncodingFiles',
    (n) => [n],
    (n, o) => `${n} ${o ? 'file' : 'files'} of the export:`,
    (n, o) =>
      `${n} ${o ? 'fichier' : 'fichiers'} de l’export : des caractères n’ont pas pu être lus (encodage ${o ? 'du fichier' : 'des fichiers'})`
  ],
  [
    'sync.run:warning.DeletedLeftOut',
    (n) => ['Task', n],
    (n, o) => `${n} deleted ${o ? 'record is' : 'records are'} not counted`,
    (n, o) =>
      `${n} ${o ? 'enregistrement supprimé n’est pas compté' : 'enregistrements supprimés ne sont pas comptés'}`
  ],
  [
    'sync.run:warning.FoundTwice',
    (n) => ['Task', n],
    (n, o) => `${n} ${o ? 'record was' : 'records were'} found twice`,
    (n, o) =>
      `${n} ${o ? 'enregistrement trouvé deux fois dans l’export, compté' : 'enregistrements trouvés deux fois dans l’export, comptés'} une fois`
  ],
  [
    'adoption.sync:warning.RecordsRefused',
    (n) => [n],
    (n, o) => `${n} ${o ? 'figure was' : 'figures were'} not saved`,
    (n, o) => `${n} ${o ? 'chiffre n’a pas été enregistré' : 'chiffres n’ont pas été enregistrés'}`
  ]
];

/** The report's own counted texts (i18n.ts through fillCounts, format.ts points), for count n. */
const REPORT_TEXTS: [
  name: string,
  text: (lang: 'en' | 'fr', n: number) => string,
  en: (n: number, one: boolean) => string,
  fr: (n: number, one: boolean) => string
][] = [
  [
    'kpiActiveDetail',
    (l, n) => fillCounts(dictionary(l).kpiActiveDetail, formatter(l, 'UTC'), n, n),
    (n, o) => `${n} of ${n} ${o ? 'user' : 'users'}`,
    (n, o) => `${n} ${o ? 'utilisateur' : 'utilisateurs'} sur ${n}`
  ],
  [
    'kpiCoverageDetail',
    (l, n) => fillCounts(dictionary(l).kpiCoverageDetail, formatter(l, 'UTC'), n, n),
    (n, o) => `${n} of ${n} ${o ? 'team' : 'teams'}`,
    (n, o) => `${n} ${o ? 'équipe' : 'équipes'} sur ${n}`
  ],
  [
    'otherTeamsNote',
    (l, n) => fillCounts(dictionary(l).otherTeamsNote, formatter(l, 'UTC'), n),
    (n, o) => `fewer than ${n} ${o ? 'user' : 'users'} are`,
    (n, o) => `moins de ${n} ${o ? 'utilisateur' : 'utilisateurs'} sont`
  ],
  [
    'smallTeamsHidden',
    (l, n) => fillCounts(dictionary(l).smallTeamsHidden, formatter(l, 'UTC'), n, n),
    (n, o) => `fewer than ${n} ${o ? 'user' : 'users'} are`,
    (n, o) => `moins de ${n} ${o ? 'utilisateur' : 'utilisateurs'} ne`
  ],
  [
    'notCounted',
    (l, n) => fillCounts(dictionary(l).notCounted, formatter(l, 'UTC'), n, n),
    (n, o) => `${n} inactive ${o ? 'user' : 'users'}, ${n} integration or automated ${o ? 'user' : 'users'}.`,
    (n, o) =>
      `${n} ${o ? 'utilisateur inactif' : 'utilisateurs inactifs'}, ${n} ${o ? 'utilisateur d’intégration ou automatisé' : 'utilisateurs d’intégration ou automatisés'}.`
  ],
  [
    'points',
    (l, n) => formatter(l, 'UTC').points(n / 100),
    (n, o) => `${n === 0 ? '0' : `+${n}`}\u00a0${o ? 'pt' : 'pts'}`,
    (n, o) => `${n === 0 ? '0' : `+${n}`}\u00a0${o ? 'pt' : 'pts'}`
  ]
];

/** French spacing aside (a narrow no-break space before ";" and ":" is the renderer's), text as written. */
const plain = (text: string): string => text.replace(/[\u202f\u00a0](?=[;:!?»])|(?<=«)[\u202f\u00a0]/g, ' ');

const [bundleOf, keyOf] = [(id: string) => id.split(':')[0] ?? '', (id: string) => id.split(':')[1] ?? ''];

describe('counts agree with their nouns (CLDR: en singular for 1, fr for 0 and 1)', () => {
  it.each(CONSOLE.flatMap(([id, tokens, expected]) => COUNTS.map((n) => [id, n, tokens, expected] as const)))(
    'console %s with %d',
    (id, n, tokens, expected) => {
      expect(messageOf(bundleOf(id), keyOf(id), tokens(n))).toContain(expected(n, singular.en(n)));
    }
  );

  it.each(
    REPORT.flatMap(([code, tokens, en, fr]) =>
      COUNTS.flatMap((n) => [[code, 'en', n, tokens, en] as const, [code, 'fr', n, tokens, fr] as const])
    )
  )('report %s in %s with %d', (code, lang, n, tokens, expected) => {
    const text = WARNING_TEXTS[lang][code] ?? (() => `no report text for ${code}`);
    expect(plain(text(tokens(n), reportContext(lang)))).toContain(expected(n, singular[lang](n)));
  });

  it.each(
    REPORT_TEXTS.flatMap(([name, text, en, fr]) =>
      COUNTS.flatMap((n) => [[name, 'en', n, text, en] as const, [name, 'fr', n, text, fr] as const])
    )
  )('report text %s in %s with %d', (_, lang, n, text, expected) => {
    expect(plain(text(lang, n))).toContain(expected(n, singular[lang](n)));
  });
});

/** Every message of messages/*.md as `bundle:key` → its text (a list joined). */
function allMessages(): Map<string, string> {
  const dir = join(ROOT, 'messages');
  const out = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const path = join(dir, file);
    for (const [key, value] of parseMessages(readFileSync(path, 'utf8'), path)) {
      out.set(`${file.slice(0, -3)}:${key}`, typeof value === 'string' ? value : value.join('\n'));
    }
  }
  return out;
}

/** Nouns this project counts; a count token right before one (an adjective between allowed) must agree. */
const NOUNS =
  'records?|rows?|lines?|dates?|users?|files?|values?|rules?|Ids?|owners?|bytes?|columns?|attempts?|teams?|figures?|meetings?|failures?|fields?|days?|messages?|errors?|waves?';
const COUNT_BESIDE_NOUN = new RegExp(`%[sd] (?:[\\w-]+ )?(?:${NOUNS})\\b(?!\\|)|\\((?:s|es)\\)`, 'g');
/** Texts where the token before such a noun is no count (`bundle:key: the match`), each with why. */
const NOT_COUNTS = [
  /^sync\.export:error\.SeveralExports: %s files$/, // "their Opportunity files": an object's name
  /^sync\.export:warning\.UnreadableCheckbox: %s column$/, // "the IsActive column": a field's name
  /^sync\.export:warning\.NotEncoding: %s holds bytes$/, // "<file> holds bytes": a file's path
  /^sync\.run:warning\.StageNotInData: %s values$/, // "the StageName values": a field's name
  /^sync\.run:warning\.NoRecordTypes: %s name record$/ // "rules on Opportunity name record types": a verb
];

describe('the scan for counts beside nouns', () => {
  it('finds no message with a count beside a noun outside a plural block, nor a "(s)"', () => {
    const found: string[] = [];
    for (const [id, text] of allMessages()) {
      const outside = text.replace(new RegExp(PLURAL_BLOCK.source, 'g'), '{…}');
      for (const m of outside.matchAll(COUNT_BESIDE_NOUN)) {
        const seen = `${id}: ${m[0]}`;
        if (!NOT_COUNTS.some((r) => r.test(seen))) found.push(seen);
      }
    }
    expect(found).toEqual([]);
  });

  it('finds the fault it is for: a count beside a plural noun, and "(s)"', () => {
    expect('%s records are left out'.match(COUNT_BESIDE_NOUN)).not.toBeNull();
    expect('%s deleted record(s) left out'.match(COUNT_BESIDE_NOUN)).not.toBeNull();
    expect(
      '%s {record is|records are} left out'
        .replace(new RegExp(PLURAL_BLOCK.source, 'g'), '{…}')
        .match(COUNT_BESIDE_NOUN)
    ).toBeNull();
  });

  /** A count interpolated in a report or console source, then a noun, outside said/fillCounts/plural. */
  const SOURCE_COUNT = new RegExp(
    `\\$\\{[^{}]*(?:\\.length|\\.size|count\\([^()]*\\)|\\bnum\\([^()]*\\)|\\.toLocaleString\\([^()]*\\))\\} (?:[\\w-]+ )?(?:${NOUNS}|enregistrements|utilisateurs|équipes|fichiers|lignes|règles|chiffres)\\b|\\{\\d\\} (?:[\\w-]+ )?(?:${NOUNS}|enregistrements|utilisateurs|équipes|fichiers|lignes|règles|chiffres)\\b`,
    'g'
  );

  it('finds no count beside a noun in the sources that bypasses the helper', () => {
    const found: string[] = [];
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? e.name === '__tests__'
            ? []
            : walk(join(dir, e.name))
          : /\.m?ts$/.test(e.name)
            ? [join(dir, e.name)]
            : []
      );
    for (const file of walk(join(ROOT, 'scripts', 'sync'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(SOURCE_COUNT)) found.push(`${relative(ROOT, file)}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('finds the fault it is for in a source', () => {
    expect('`${num(t, 2, c)} dates could not be read`'.match(SOURCE_COUNT)).not.toBeNull();
    expect("kpiActiveDetail: '{0} of {1} users'".match(SOURCE_COUNT)).not.toBeNull();
    expect("kpiCoverageDetail: '{0} équipes sur {1}'".match(SOURCE_COUNT)).not.toBeNull();
    expect('` — written, ${result.write.failures.length} failures.`'.match(SOURCE_COUNT)).not.toBeNull();
    expect("`${records.toLocaleString('en-US')} records`".match(SOURCE_COUNT)).not.toBeNull();
  });

  it('leaves no plural block where @salesforce/core reads the text (the sf command: summaries, examples)', () => {
    const readByCore = [...allMessages()].filter(([id]) =>
      /^adoption\.sync:(flags\..*\.summary|summary|description|examples)$/.test(id)
    );
    expect(readByCore.length).toBeGreaterThan(5);
    for (const [id, text] of readByCore)
      expect(`${id}: ${text}`).not.toMatch(new RegExp(PLURAL_BLOCK.source));
  });

  it('covers every console message with a plural block in the table', () => {
    const blocks = [...allMessages()]
      .filter(([, text]) => new RegExp(PLURAL_BLOCK.source).test(text))
      .map(([id]) => id);
    expect(blocks.sort()).toEqual(CONSOLE.map(([id]) => id).sort());
  });

  it('covers every report warning whose text changes with its counts in the table', () => {
    const counted = new Set(REPORT.map(([code]) => code));
    const missing: string[] = [];
    for (const lang of ['en', 'fr'] as const) {
      for (const [code, text] of Object.entries(WARNING_TEXTS[lang])) {
        // Every token a count (1 or 2): a text whose words change beyond the digits depends on a count.
        const said = (n: number) =>
          text(
            Array.from({ length: 8 }, () => n),
            reportContext(lang)
          ).replace(/\d/g, '#');
        if (said(1) !== said(2) && !counted.has(code)) missing.push(`${lang} ${code}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
