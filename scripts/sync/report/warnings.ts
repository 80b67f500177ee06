// The run's warnings as a sponsor reads them. The sync makes each warning with warningOf from
// messages/<bundle>.md: an English text for the operator (console, --json, result.json: a local path, a flag
// to pass, API names) and its code and tokens (SyncResult.warningCodes). The report says each again here,
// from its code and tokens, in the report's language: human labels, dates by Intl, and no path, flag or
// what-to-run (that stays on the operator's console). A code with no text here is summarised, never
// printed raw. Every warning key of messages.ts WARNING_BUNDLES has a text here (sponsor-rules.test.ts).

import type { SyncResult } from '../engine/result';
import { agreeBlocks, type WarningCode, type WarningToken } from '../messages';
import { copyBase } from '../sources/export-source';
import { humanise, labelOf, type LabelMap } from './field-labels';
import type { Formatter, ReportLanguage } from './format';

/** What a warning's text may use: the report's labels and formats, and where the figures came from. */
export interface WarningContext {
  labels: LabelMap;
  f: Formatter;
  source: SyncResult['source']['kind'];
}

/** A report text: the warning's tokens (WarningCode.tokens, in its message's order) said in one language. */
type Text = (tokens: readonly WarningToken[], c: WarningContext) => string;

const tok = (tokens: readonly WarningToken[], i: number): string => String(tokens[i] ?? '');
/** An object's label from a token holding its API name. */
const obj = (tokens: readonly WarningToken[], i: number, c: WarningContext): string =>
  labelOf(c.labels, tok(tokens, i));
/** The label of the object a file token names (a path or zip:entry: "…/Opportunity (1).csv" is Opportunity). */
const fileObj = (tokens: readonly WarningToken[], i: number, c: WarningContext): string =>
  labelOf(
    c.labels,
    copyBase(
      tok(tokens, i)
        .replace(/^.*[/\\:]/, '')
        .replace(/\.csv$/i, '')
    )
  );
/** A count token as a number (a result.json may hold it as text), or its text when it is no number. */
const n = (tokens: readonly WarningToken[], i: number): number | string => {
  const value = tokens[i];
  const text = tok(tokens, i);
  return typeof value === 'number' ? value : /^\d+$/.test(text) ? Number(text) : text;
};
/**
 * A report text with counts: each number interpolated is a count, written in the report's number format,
 * and each plural block `{one form|other form}` after it agrees with it (messages.ts agreeBlocks: the CLDR
 * plural rules of the report's language, as the console's texts). `said(c)\`${n(t, 2)} {date|dates} …\``.
 */
const said =
  (c: WarningContext) =>
  (strings: TemplateStringsArray, ...values: (string | number)[]): string => {
    let count: number | undefined;
    return strings
      .map((chunk, i) => {
        // A block after no count (a token that is no number) takes the plural: the form no count makes wrong.
        const text = agreeBlocks(chunk, c.f.locale, count ?? Number.POSITIVE_INFINITY);
        const value = values[i];
        if (value === undefined) return text;
        if (typeof value === 'number') count = value;
        return text + (typeof value === 'number' ? c.f.count(value) : value);
      })
      .join('');
  };
/** A yyyy-mm-dd token as a date in the report's language; other text is left as it is. */
const day = (tokens: readonly WarningToken[], i: number, c: WarningContext): string => {
  const value = tok(tokens, i);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? c.f.date(value) : value;
};
/** The team field's label: "Department" or a lookup path "Account.Region__c". */
const teamField = (tokens: readonly WarningToken[], i: number, c: WarningContext): string => {
  const [first = '', second] = tok(tokens, i).split('.');
  return second === undefined ? labelOf(c.labels, 'User', first) : labelOf(c.labels, first, second);
};

/**
 * The column of a date warning (tokens [object or file, column, count, example]) as its field's label: two
 * columns of one object are two lines of the report, not one merged line.
 */
const column = (tokens: readonly WarningToken[], c: WarningContext): string =>
  labelOf(c.labels, tok(tokens, 0).replace(/\.csv$/i, ''), tok(tokens, 1));

/** A list token of API names ("OwnerId, CreatedDate") as the object's field labels, in the token's order. */
const fieldsOf = (tokens: readonly WarningToken[], i: number, object: string, c: WarningContext): string =>
  tok(tokens, i)
    .split(',')
    .map((field) => field.trim())
    .filter(Boolean)
    .map((field) => labelOf(c.labels, object, field))
    .join(', ');
/**
 * A completeness rule as an admin knows it, from a StageNotInData warning's tokens [object, rule name, stage
 * field, stages, stage field, rule field]: the label of the field it checks (Completeness_Rule__mdt has no
 * label of its own the report could translate; its DeveloperName is an API name). A warning without the
 * field token (a result.json of an older run) gives the rule name as written (`Object.Field`: that field's
 * label; a DeveloperName: made readable).
 */
const ruleName = (tokens: readonly WarningToken[], c: WarningContext): string => {
  const object = tok(tokens, 0);
  const field = tok(tokens, 5);
  if (field !== '') return labelOf(c.labels, object, field);
  const [name = '', named] = tok(tokens, 1).split('.');
  return named === undefined ? humanise(name) : labelOf(c.labels, name, named);
};

/**
 * What a warning is to a sponsor, declared per code (the keys of the en and fr texts below):
 * - `limit`: something the figures could not measure or measured wrongly; shown in the report's "What could
 *   not be measured" box.
 * - `notice`: how the figures were taken, nothing missing from them (the export's day, records counted once,
 *   no roll-out wave defined…); shown apart, under "About these figures".
 * The console and warnings[] carry both alike. sponsor-rules.test.ts checks every code has a kind.
 */
export type WarningKind = 'limit' | 'notice';

export const WARNING_KINDS: Record<string, WarningKind> = {
  'sync.export:warning.EncodingBom': 'notice',
  'sync.export:warning.EncodingBomFiles': 'notice',
  'sync.export:warning.EncodingNuls': 'notice',
  'sync.export:warning.EncodingNulsFiles': 'notice',
  'sync.export:warning.LooksUtf8': 'notice',
  'sync.export:warning.LooksUtf8Files': 'notice',
  'sync.export:warning.PartLacksKeyColumns': 'limit',
  'sync.export:warning.PartLacksColumns': 'limit',
  'sync.run:warning.NoExportDay': 'limit',
  'sync.run:warning.PeriodPastExport': 'limit',
  'sync.run:warning.PeriodAfterExport': 'limit',
  'sync.run:warning.UsersAfterPeriod': 'notice',
  'sync.run:warning.PeriodBeforeUsers': 'limit',
  'sync.run:warning.UnreadableDates': 'limit',
  'sync.export:warning.UnreadableStampDates': 'limit',
  'sync.run:warning.UnreadableWaveDates': 'limit',
  'sync.run:warning.UnreadableSponsorDates': 'limit',
  'sync.run:warning.SeriesUnsure': 'limit',
  'sync.export:warning.DuplicateColumn': 'limit',
  'sync.export:warning.HeaderOnly': 'limit',
  'sync.export:warning.NoUserIsActive': 'limit',
  'sync.export:warning.NoUserType': 'limit',
  'sync.export:warning.UnreadableCheckbox': 'limit',
  'sync.export:warning.UnreadableLastLogin': 'limit',
  'sync.export:warning.UnreadableUserCreated': 'limit',
  'sync.run:warning.NoOwnerColumn': 'limit',
  'sync.run:warning.NoCreatedColumns': 'limit',
  'sync.run:warning.NoModifiedColumns': 'limit',
  'sync.run:warning.NoStageColumn': 'limit',
  'sync.run:warning.UnknownOwners': 'limit',
  'sync.run:warning.BlankRows': 'notice',
  'sync.run:warning.HeaderRows': 'notice',
  'sync.run:warning.UnreadableDeleted': 'limit',
  'sync.export:warning.CopyName': 'notice',
  'sync.export:warning.EmptyFile': 'limit',
  'sync.export:warning.EmptyFiles': 'limit',
  'sync.export:warning.NotEncoding': 'limit',
  'sync.export:warning.NotEncodingFiles': 'limit',
  'sync.export:warning.TeamFieldFile': 'limit',
  'sync.export:warning.NoProfile': 'limit',
  'sync.rules:warning.NoRules': 'limit',
  'sync.rules:warning.NoRulesDidYouMean': 'limit',
  'sync.run:warning.ExportTakenBefore': 'notice',
  'sync.run:warning.DefaultObjectMissing': 'limit',
  'sync.run:warning.RuleSkippedOffline': 'limit',
  'sync.run:warning.NoRecordTypes': 'limit',
  'sync.run:warning.QueuesUnnamed': 'limit',
  'sync.run:warning.StageNotInData': 'limit',
  'sync.run:warning.DeletedLeftOut': 'notice',
  'sync.run:warning.FoundTwice': 'notice',
  'sync.run:warning.NoWavesInExport': 'notice',
  'sync.run:warning.NoWavesInOrg': 'notice',
  'sync.run:warning.WaveObjectMissing': 'limit',
  'sync.run:warning.WaveUnknownRules': 'limit',
  'sync.run:warning.NoTrainingEffect': 'limit',
  'adoption.sync:warning.WriteStopped': 'notice',
  'adoption.sync:warning.RecordsRefused': 'notice',
  'adoption.sync:warning.RetentionStopped': 'notice'
};

const en: Record<string, Text> = {
  'sync.export:warning.EncodingBom': () =>
    'A file of the export was read in the encoding its own first bytes state; its figures are complete.',
  'sync.export:warning.EncodingBomFiles': (t, c) =>
    said(
      c
    )`${n(t, 0)} {file|files} of the export {was|were} read in the encoding {its|their} own first bytes state; {its|their} figures are complete.`,
  'sync.export:warning.EncodingNuls': () =>
    'A file of the export was read as UTF-16 text, as its bytes show; its figures are complete.',
  'sync.export:warning.EncodingNulsFiles': (t, c) =>
    said(
      c
    )`${n(t, 0)} {file|files} of the export {was|were} read as UTF-16 text, as {its|their} bytes show; {its|their} figures are complete.`,
  'sync.export:warning.LooksUtf8': () =>
    'Some names in the export may show garbled accents (file encoding); the figures are not affected.',
  'sync.export:warning.LooksUtf8Files': () =>
    'Some names in the export may show garbled accents (file encoding); the figures are not affected.',
  'sync.export:warning.PartLacksKeyColumns': (t, c) =>
    said(
      c
    )`${obj(t, 2, c)}: ${n(t, 3)} {record comes|records come} from a file without ${fieldsOf(t, 1, tok(t, 2), c)}: {its|their} figures are not reliable (owner, exclusions, activity credit or stage rules).`,
  'sync.export:warning.PartLacksColumns': (t, c) =>
    said(
      c
    )`${obj(t, 2, c)}: ${n(t, 3)} {record comes|records come} from a file without ${fieldsOf(t, 1, tok(t, 2), c)}; those fields are measured on the other records only.`,
  'sync.run:warning.NoExportDay': (t, c) =>
    `The day the export was taken is unknown: the figures cover ${day(t, 2, c)} – ${day(t, 3, c)}, the last complete period before the report was made, and may hold no data.`,
  'sync.run:warning.PeriodPastExport': (t, c) =>
    `The figures cover ${day(t, 0, c)} – ${day(t, 1, c)}, past the day the export was taken (${day(t, 3, c)}): activity is counted in part only.`,
  'sync.run:warning.PeriodAfterExport': (t, c) =>
    `The figures cover ${day(t, 0, c)} – ${day(t, 1, c)}, after the day the export was taken (${day(t, 3, c)}): that period holds no data, so every activity figure is 0.`,
  'sync.run:warning.UsersAfterPeriod': (t, c) =>
    said(
      c
    )`${n(t, 0)} {user|users} created after ${day(t, 2, c)} {is|are} not counted in the period ${day(t, 1, c)} – ${day(t, 2, c)}.`,
  'sync.run:warning.PeriodBeforeUsers': (t, c) =>
    `The figures cover ${day(t, 0, c)} – ${day(t, 1, c)}, before any user was created (the first on ${day(t, 2, c)}): nobody is measured.`,
  'sync.run:warning.UnreadableDates': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)}, ${column(t, c)}: ${n(t, 2)} {date|dates} could not be read, so that activity is not counted.`,
  'sync.run:warning.UnreadableWaveDates': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)}, ${column(t, c)}: ${n(t, 2)} {date|dates} could not be read, so {that roll-out date is|those roll-out dates are} taken as missing.`,
  'sync.run:warning.UnreadableSponsorDates': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)}, ${column(t, c)}: ${n(t, 2)} publication {date|dates} could not be read, so {that message makes|those messages make} nobody a sponsor.`,
  'sync.export:warning.UnreadableStampDates': (t, c) =>
    said(
      c
    )`${tok(t, 0)}, ${column(t, c)}: ${n(t, 2)} {date|dates} could not be read, so {it was|they were} not used to date the export.`,
  'sync.run:warning.SeriesUnsure': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)}: ${n(t, 1)} {meeting of a recurring series|meetings of recurring series} may be counted once per occurrence.`,
  'sync.export:warning.DuplicateColumn': (t, c) =>
    `${obj(t, 4, c)}: a column appears twice in the export file; the first is read.`,
  'sync.export:warning.HeaderOnly': (t, c) =>
    `${obj(t, 1, c)}: the export file holds no record; it is measured as having none.`,
  'sync.export:warning.NoUserIsActive': () =>
    'The users file has no active/inactive column: every user is taken as active, deactivated ones included.',
  'sync.export:warning.NoUserType': () =>
    'The users file has no user type column: automated and integration users may be measured as people.',
  'sync.export:warning.UnreadableCheckbox': (t, c) =>
    said(
      c
    )`${n(t, 2)} {user has|users have} an active/inactive value that could not be read; {that user is|they are} taken as active.`,
  'sync.export:warning.UnreadableLastLogin': (t, c) =>
    said(
      c
    )`${n(t, 1)} {user has|users have} a last login date that could not be read: {that user gets|they get} no credit for logging in.`,
  'sync.export:warning.UnreadableUserCreated': (t, c) =>
    said(
      c
    )`${n(t, 1)} {user has|users have} a creation date that could not be read: {that user is|they are} counted in the period even if created after it.`,
  'sync.run:warning.NoOwnerColumn': (t, c) =>
    `${obj(t, 0, c)}: the export has no owner column; these records are credited to no one.`,
  'sync.run:warning.NoCreatedColumns': (t, c) =>
    `${obj(t, 0, c)}: the export lacks the creator or creation date; nobody is credited with creating these records.`,
  'sync.run:warning.NoModifiedColumns': (t, c) =>
    `${obj(t, 0, c)}: the export lacks the last modifier or date; nobody is credited with updating these records.`,
  'sync.run:warning.NoStageColumn': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)}: the export has no stage or status; ${n(t, 1)} {rule|rules} limited to some stages {is|are} not measured.`,
  'sync.run:warning.UnknownOwners': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)}: ${n(t, 2)} {owner|owners} missing from the users file {holds|hold} ${n(t, 1)} {record|records}, counted under “No team”.`,
  'sync.run:warning.BlankRows': (t, c) =>
    said(c)`${obj(t, 0, c)}: ${n(t, 1)} empty {row|rows} in the export {is|are} not counted.`,
  'sync.run:warning.HeaderRows': (t, c) =>
    said(c)`${obj(t, 0, c)}: ${n(t, 1)} repeated header {line|lines} in the export {is|are} not counted.`,
  'sync.run:warning.UnreadableDeleted': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)}: ${n(t, 1)} {record has|records have} a “deleted” value that could not be read; {it is|they are} counted as not deleted.`,
  'sync.export:warning.CopyName': (t, c) =>
    `${obj(t, 1, c)}: a second part of a file of the export was read; a record found in more than one part is counted once.`,
  'sync.export:warning.EmptyFile': (t, c) =>
    `${obj(t, 1, c)}: the export’s file is empty, so no record is counted.`,
  'sync.export:warning.EmptyFiles': () =>
    'Some files of the export are empty: their records are not counted.',
  'sync.export:warning.NotEncoding': (t, c) =>
    `${fileObj(t, 0, c)}: some characters could not be read (file encoding); a few values may be misspelt.`,
  'sync.export:warning.NotEncodingFiles': (t, c) =>
    said(
      c
    )`${n(t, 0)} {file|files} of the export: some characters could not be read (file encoding); a few values may be misspelt.`,
  'sync.export:warning.TeamFieldFile': (t, c) =>
    `Teams could not be known (the export lacks ${teamField(t, 0, c)}): every user is counted without a team.`,
  'sync.export:warning.NoProfile': () =>
    'The export has no user profiles: a few integration users may be counted as sales reps.',
  'sync.rules:warning.NoRules': () =>
    'No completeness or benefit rule was found: completeness is not scored and no time saved is counted.',
  'sync.rules:warning.NoRulesDidYouMean': () =>
    'No completeness or benefit rule was found: completeness is not scored and no time saved is counted.',
  'sync.run:warning.ExportTakenBefore': (t, c) =>
    `The export was taken on ${day(t, 1, c)}: the figures cover ${day(t, 4, c)} – ${day(t, 5, c)}, the last complete period before that day.`,
  'sync.run:warning.DefaultObjectMissing': (t, c) =>
    `${obj(t, 0, c)}: not in the ${c.source === 'org' ? 'org' : 'export'}, not measured.`,
  'sync.run:warning.RuleSkippedOffline': (t, c) =>
    `${obj(t, 1, c)} · ${labelOf(c.labels, tok(t, 1), tok(t, 2))}: this completeness rule is not measured from an export (the field is not in it).`,
  'sync.run:warning.NoRecordTypes': (t, c) =>
    `${obj(t, 0, c)}: completeness rules by record type do not apply, the export lacks the record types.`,
  'sync.run:warning.QueuesUnnamed': (t, c) => `${obj(t, 0, c)}: records owned by queues are not named.`,
  'sync.run:warning.StageNotInData': (t, c) =>
    `${obj(t, 0, c)}: the completeness rule on “${ruleName(t, c)}” names stages no record has (${tok(t, 3)}); it applies to none of them.`,
  'sync.run:warning.DeletedLeftOut': (t, c) =>
    said(c)`${obj(t, 0, c)}: ${n(t, 1)} deleted {record is|records are} not counted.`,
  'sync.run:warning.FoundTwice': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)}: ${n(t, 1)} {record was|records were} found twice in the export and counted once.`,
  'sync.run:warning.NoWavesInExport': () => 'The export has no roll-out wave: no figures by wave.',
  'sync.run:warning.NoWavesInOrg': () => 'The org has no roll-out wave: no figures by wave.',
  'sync.run:warning.WaveObjectMissing': (t, c) =>
    `${obj(t, 0, c)}: missing, so part of the roll-out wave figures is not measured.`,
  'sync.run:warning.WaveUnknownRules': (t) =>
    `Wave ${tok(t, 0)}: some of its completeness rules match no active rule and are not measured.`,
  'sync.run:warning.NoTrainingEffect': () =>
    'The effect of the waves’ trainings is not measured: no adoption snapshot in the source.',
  'adoption.sync:warning.WriteStopped': () =>
    'The figures could not all be saved to Salesforce; this report is complete.',
  'adoption.sync:warning.RecordsRefused': (t, c) =>
    said(c)`${n(t, 0)} {figure was|figures were} not saved to Salesforce; this report is complete.`,
  'adoption.sync:warning.RetentionStopped': () =>
    'Old figures could not be cleared from Salesforce this time; this report is complete.'
};

const fr: Record<string, Text> = {
  'sync.export:warning.EncodingBom': () =>
    'Un fichier de l’export a été lu dans l’encodage qu’indiquent ses premiers octets ; ses chiffres sont complets.',
  'sync.export:warning.EncodingBomFiles': (t, c) =>
    said(
      c
    )`${n(t, 0)} {fichier de l’export a été lu|fichiers de l’export ont été lus} dans l’encodage qu’indiquent {ses|leurs} premiers octets ; {ses|leurs} chiffres sont complets.`,
  'sync.export:warning.EncodingNuls': () =>
    'Un fichier de l’export a été lu comme du texte UTF-16, comme le montrent ses octets ; ses chiffres sont complets.',
  'sync.export:warning.EncodingNulsFiles': (t, c) =>
    said(
      c
    )`${n(t, 0)} {fichier de l’export a été lu|fichiers de l’export ont été lus} comme du texte UTF-16, comme le montrent {ses|leurs} octets ; {ses|leurs} chiffres sont complets.`,
  'sync.export:warning.LooksUtf8': () =>
    'Certains noms de l’export peuvent afficher des accents illisibles (encodage du fichier) ; les chiffres ne sont pas touchés.',
  'sync.export:warning.LooksUtf8Files': () =>
    'Certains noms de l’export peuvent afficher des accents illisibles (encodage des fichiers) ; les chiffres ne sont pas touchés.',
  'sync.export:warning.PartLacksKeyColumns': (t, c) =>
    said(
      c
    )`${obj(t, 2, c)} : ${n(t, 3)} {enregistrement vient|enregistrements viennent} d’un fichier sans ${fieldsOf(t, 1, tok(t, 2), c)} : {ses|leurs} chiffres ne sont pas fiables (propriétaire, exclusions, activité créditée ou règles par étape).`,
  'sync.export:warning.PartLacksColumns': (t, c) =>
    said(
      c
    )`${obj(t, 2, c)} : ${n(t, 3)} {enregistrement vient|enregistrements viennent} d’un fichier sans ${fieldsOf(t, 1, tok(t, 2), c)} ; ces champs ne sont mesurés que sur les autres enregistrements.`,
  'sync.run:warning.NoExportDay': (t, c) =>
    `Le jour de l’export est inconnu : les chiffres portent sur la période du ${day(t, 2, c)} au ${day(t, 3, c)}, la dernière complète avant la création du rapport, et peuvent ne contenir aucune donnée.`,
  'sync.run:warning.PeriodPastExport': (t, c) =>
    `Les chiffres portent sur la période du ${day(t, 0, c)} au ${day(t, 1, c)}, qui dépasse le jour de l’export (${day(t, 3, c)}) : l’activité n’y est comptée qu’en partie.`,
  'sync.run:warning.PeriodAfterExport': (t, c) =>
    `Les chiffres portent sur la période du ${day(t, 0, c)} au ${day(t, 1, c)}, après le jour de l’export (${day(t, 3, c)}) : elle ne contient aucune donnée, chaque chiffre d’activité vaut 0.`,
  'sync.run:warning.UsersAfterPeriod': (t, c) =>
    said(
      c
    )`${n(t, 0)} {utilisateur créé|utilisateurs créés} après le ${day(t, 2, c)} {n’est pas compté|ne sont pas comptés} dans la période du ${day(t, 1, c)} au ${day(t, 2, c)}.`,
  'sync.run:warning.PeriodBeforeUsers': (t, c) =>
    `Les chiffres portent sur la période du ${day(t, 0, c)} au ${day(t, 1, c)}, avant la création de tout utilisateur (le premier le ${day(t, 2, c)}) : personne n’est mesuré.`,
  'sync.run:warning.UnreadableDates': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)}, ${column(t, c)} : ${n(t, 2)} {date n’a pas pu être lue|dates n’ont pas pu être lues}, cette activité n’est pas comptée.`,
  'sync.run:warning.UnreadableWaveDates': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)}, ${column(t, c)} : ${n(t, 2)} {date n’a pas pu être lue, cette date de déploiement est considérée comme absente|dates n’ont pas pu être lues, ces dates de déploiement sont considérées comme absentes}.`,
  'sync.run:warning.UnreadableSponsorDates': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)}, ${column(t, c)} : ${n(t, 2)} {date de publication n’a pas pu être lue, ce message ne fait|dates de publication n’ont pas pu être lues, ces messages ne font} de personne un sponsor.`,
  'sync.export:warning.UnreadableStampDates': (t, c) =>
    said(
      c
    )`${tok(t, 0)}, ${column(t, c)} : ${n(t, 2)} {date n’a pas pu être lue ; elle n’a pas servi|dates n’ont pas pu être lues ; elles n’ont pas servi} à dater l’export.`,
  'sync.run:warning.SeriesUnsure': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)} : ${n(t, 1)} {réunion de série récurrente peut être comptée|réunions de séries récurrentes peuvent être comptées} une fois par occurrence.`,
  'sync.export:warning.DuplicateColumn': (t, c) =>
    `${obj(t, 4, c)} : une colonne figure deux fois dans le fichier d’export ; la première est lue.`,
  'sync.export:warning.HeaderOnly': (t, c) =>
    `${obj(t, 1, c)} : le fichier d’export ne contient aucun enregistrement ; il est mesuré comme vide.`,
  'sync.export:warning.NoUserIsActive': () =>
    'Le fichier des utilisateurs n’a pas de colonne actif/inactif : tous sont comptés comme actifs, y compris les désactivés.',
  'sync.export:warning.NoUserType': () =>
    'Le fichier des utilisateurs n’a pas de colonne de type : des utilisateurs automatiques ou d’intégration peuvent être mesurés comme des personnes.',
  'sync.export:warning.UnreadableCheckbox': (t, c) =>
    said(
      c
    )`${n(t, 2)} {utilisateur a|utilisateurs ont} une valeur actif/inactif illisible ; {il est compté comme actif|ils sont comptés comme actifs}.`,
  'sync.export:warning.UnreadableLastLogin': (t, c) =>
    said(
      c
    )`${n(t, 1)} {utilisateur a|utilisateurs ont} une date de dernière connexion illisible ; {sa connexion ne lui est pas comptée|leur connexion ne leur est pas comptée}.`,
  'sync.export:warning.UnreadableUserCreated': (t, c) =>
    said(
      c
    )`${n(t, 1)} {utilisateur a|utilisateurs ont} une date de création illisible ; {il est compté dans la période même s’il a été créé après|ils sont comptés dans la période même s’ils ont été créés après}.`,
  'sync.run:warning.NoOwnerColumn': (t, c) =>
    `${obj(t, 0, c)} : l’export n’a pas de colonne propriétaire ; ces enregistrements ne sont attribués à personne.`,
  'sync.run:warning.NoCreatedColumns': (t, c) =>
    `${obj(t, 0, c)} : l’export n’a pas le créateur ou la date de création ; la création de ces enregistrements n’est attribuée à personne.`,
  'sync.run:warning.NoModifiedColumns': (t, c) =>
    `${obj(t, 0, c)} : l’export n’a pas l’auteur ou la date de dernière modification ; leur mise à jour n’est attribuée à personne.`,
  'sync.run:warning.NoStageColumn': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)} : l’export n’a pas d’étape ni de statut ; ${n(t, 1)} {règle limitée|règles limitées} à certaines étapes {n’est pas mesurée|ne sont pas mesurées}.`,
  'sync.run:warning.UnknownOwners': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)} : ${n(t, 2)} {propriétaire absent|propriétaires absents} du fichier des utilisateurs {détient|détiennent} ${n(t, 1)} {enregistrement, compté|enregistrements, comptés} dans « Sans équipe ».`,
  'sync.run:warning.BlankRows': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)} : ${n(t, 1)} {ligne vide|lignes vides} de l’export {n’est pas comptée|ne sont pas comptées}.`,
  'sync.run:warning.HeaderRows': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)} : ${n(t, 1)} {ligne d’en-tête répétée|lignes d’en-tête répétées} dans l’export {n’est pas comptée|ne sont pas comptées}.`,
  'sync.run:warning.UnreadableDeleted': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)} : ${n(t, 1)} {enregistrement a|enregistrements ont} une valeur « supprimé » illisible ; {il est compté comme non supprimé|ils sont comptés comme non supprimés}.`,
  'sync.export:warning.CopyName': (t, c) =>
    `${obj(t, 1, c)} : une seconde partie d’un fichier de l’export a été lue ; un enregistrement présent dans plusieurs parties est compté une fois.`,
  'sync.export:warning.EmptyFile': (t, c) =>
    `${obj(t, 1, c)} : le fichier de l’export est vide, aucun enregistrement n’est compté.`,
  'sync.export:warning.EmptyFiles': () =>
    'Des fichiers de l’export sont vides : leurs enregistrements ne sont pas comptés.',
  'sync.export:warning.NotEncoding': (t, c) =>
    `${fileObj(t, 0, c)} : des caractères n’ont pas pu être lus (encodage du fichier) ; quelques valeurs peuvent être mal orthographiées.`,
  'sync.export:warning.NotEncodingFiles': (t, c) =>
    said(
      c
    )`${n(t, 0)} {fichier|fichiers} de l’export : des caractères n’ont pas pu être lus (encodage {du fichier|des fichiers}) ; quelques valeurs peuvent être mal orthographiées.`,
  'sync.export:warning.TeamFieldFile': (t, c) =>
    `Les équipes n’ont pas pu être connues (l’export ne contient pas ${teamField(t, 0, c)}) : chaque utilisateur est compté sans équipe.`,
  'sync.export:warning.NoProfile': () =>
    'L’export ne contient pas les profils : quelques utilisateurs d’intégration peuvent être comptés comme commerciaux.',
  'sync.rules:warning.NoRules': () =>
    'Aucune règle de complétude ni de gain n’a été trouvée : la complétude n’est pas calculée et aucun temps gagné n’est compté.',
  'sync.rules:warning.NoRulesDidYouMean': () =>
    'Aucune règle de complétude ni de gain n’a été trouvée : la complétude n’est pas calculée et aucun temps gagné n’est compté.',
  'sync.run:warning.ExportTakenBefore': (t, c) =>
    `L’export date du ${day(t, 1, c)} : les chiffres portent sur la période du ${day(t, 4, c)} au ${day(t, 5, c)}, la dernière complète avant ce jour.`,
  'sync.run:warning.DefaultObjectMissing': (t, c) =>
    `${obj(t, 0, c)} : ${c.source === 'org' ? 'l’org' : 'l’export'} ne contient pas cet objet, qui n’est donc pas mesuré.`,
  'sync.run:warning.RuleSkippedOffline': (t, c) =>
    `${obj(t, 1, c)} · ${labelOf(c.labels, tok(t, 1), tok(t, 2))} : cette règle de complétude n’est pas mesurée à partir d’un export (le champ n’y figure pas).`,
  'sync.run:warning.NoRecordTypes': (t, c) =>
    `${obj(t, 0, c)} : les règles de complétude par type d’enregistrement ne s’appliquent pas, l’export ne contient pas les types d’enregistrement.`,
  'sync.run:warning.QueuesUnnamed': (t, c) =>
    `${obj(t, 0, c)} : les enregistrements détenus par des files d’attente ne sont pas nommés.`,
  'sync.run:warning.StageNotInData': (t, c) =>
    `${obj(t, 0, c)} : la règle de complétude sur « ${ruleName(t, c)} » nomme des étapes qu’aucun enregistrement n’a (${tok(t, 3)}) ; elle ne s’applique à aucun d’eux.`,
  'sync.run:warning.DeletedLeftOut': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)} : ${n(t, 1)} {enregistrement supprimé n’est pas compté|enregistrements supprimés ne sont pas comptés}.`,
  'sync.run:warning.FoundTwice': (t, c) =>
    said(
      c
    )`${obj(t, 0, c)} : ${n(t, 1)} {enregistrement trouvé deux fois dans l’export, compté|enregistrements trouvés deux fois dans l’export, comptés} une fois.`,
  'sync.run:warning.NoWavesInExport': () =>
    'L’export ne contient pas de vague de déploiement : pas de chiffres par vague.',
  'sync.run:warning.NoWavesInOrg': () =>
    'L’org ne contient pas de vague de déploiement : pas de chiffres par vague.',
  'sync.run:warning.WaveObjectMissing': (t, c) =>
    `${obj(t, 0, c)} : cet objet manque, une partie des chiffres des vagues n’est donc pas mesurée.`,
  'sync.run:warning.WaveUnknownRules': (t) =>
    `Vague ${tok(t, 0)} : certaines de ses règles de complétude ne correspondent à aucune règle active et ne sont pas mesurées.`,
  'sync.run:warning.NoTrainingEffect': () =>
    'L’effet des formations des vagues n’est pas mesuré : aucun instantané d’adoption dans la source.',
  'adoption.sync:warning.WriteStopped': () =>
    'Les chiffres n’ont pas tous pu être enregistrés dans Salesforce ; ce rapport est complet.',
  'adoption.sync:warning.RecordsRefused': (t, c) =>
    said(
      c
    )`${n(t, 0)} {chiffre n’a pas été enregistré|chiffres n’ont pas été enregistrés} dans Salesforce ; ce rapport est complet.`,
  'adoption.sync:warning.RetentionStopped': () =>
    'Les anciens chiffres n’ont pas pu être effacés de Salesforce cette fois ; ce rapport est complet.'
};

const OTHER: Record<ReportLanguage, string> = {
  en: 'Another limit of this measurement is described in the sync’s own output.',
  fr: 'Une autre limite de cette mesure est décrite dans la sortie de la synchronisation.'
};

/** The report's text of each warning code (`bundle:key`), by language; exported for the coverage test. */
export const WARNING_TEXTS: Record<ReportLanguage, Record<string, Text>> = { en, fr };

/** The key of WARNING_TEXTS for a warning: `bundle:code`, e.g. `sync.run:warning.DeletedLeftOut`. */
export function warningTextKey({ bundle, code }: { bundle: string; code: string }): string {
  return `${bundle}:${code}`;
}

/**
 * The lines of the report's warnings, in `lang`: one per code of `warnings` (SyncResult.warningCodes;
 * identical lines once), only those of `kind` when given (WARNING_KINDS; a code without a declared kind is a
 * limit). A code with no text gives one line saying the sync's output has it (never the operator's text).
 */
export function reportWarnings(
  warnings: readonly WarningCode[],
  lang: ReportLanguage,
  context: WarningContext,
  kind?: WarningKind
): string[] {
  const chosen =
    kind === undefined
      ? warnings
      : warnings.filter((w) => (WARNING_KINDS[warningTextKey(w)] ?? 'limit') === kind);
  const lines = chosen.map((warning) => {
    const text = WARNING_TEXTS[lang][warningTextKey(warning)];
    return text ? text(warning.tokens, context) : OTHER[lang];
  });
  return [...new Set(lines)];
}
