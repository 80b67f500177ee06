// The run's warnings as a sponsor reads them. The sync makes each warning with messageOf from
// messages/<bundle>.md, in English for the operator (console, --json, result.json: a local path, a flag to
// pass, API names). The report reads each back to its stable code and tokens (messages.ts messageCodeOf)
// and says it again here, in the report's language: human labels, dates by Intl, and no path, flag or
// what-to-run (that stays on the operator's console). A warning no code matches is summarised, never
// printed raw. Every `warning.` key of REPORT_WARNING_BUNDLES has a text here (report.test.ts checks it).

import { messageCodeOf } from '../messages';
import type { SyncResult } from '../engine/result';
import { labelOf, type LabelMap } from './field-labels';
import type { Formatter, ReportLanguage } from './format';

/** The message bundles whose `warning.` keys can reach result.warnings (hence the report). */
export const REPORT_WARNING_BUNDLES = [
  'sync.export',
  'sync.org',
  'sync.rules',
  'sync.run',
  'adoption.sync'
] as const;

/** What a warning's text may use: the report's labels and formats, and where the figures came from. */
export interface WarningContext {
  labels: LabelMap;
  f: Formatter;
  source: SyncResult['source']['kind'];
}

type Text = (tokens: readonly string[], c: WarningContext) => string;

const tok = (tokens: readonly string[], i: number): string => tokens[i] ?? '';
/** An object's label from a token holding its API name. */
const obj = (tokens: readonly string[], i: number, c: WarningContext): string =>
  labelOf(c.labels, tok(tokens, i));
/** A count token ("12", "1,234") in the report's number format. */
const num = (tokens: readonly string[], i: number, c: WarningContext): string =>
  c.f.count(Number(tok(tokens, i).replace(/[^0-9]/g, '')));
/** A yyyy-mm-dd token as a date in the report's language; other text is left as it is. */
const day = (tokens: readonly string[], i: number, c: WarningContext): string => {
  const value = tok(tokens, i);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? c.f.date(value) : value;
};
/** The team field's label: "Department" or a lookup path "Account.Region__c". */
const teamField = (tokens: readonly string[], i: number, c: WarningContext): string => {
  const [first = '', second] = tok(tokens, i).split('.');
  return second === undefined ? labelOf(c.labels, 'User', first) : labelOf(c.labels, first, second);
};

const en: Record<string, Text> = {
  'sync.export:warning.EncodingBom': () =>
    'A file of the export was read in the encoding its own first bytes state; its figures are complete.',
  'sync.export:warning.EncodingNuls': () =>
    'A file of the export was read as UTF-16 text, as its bytes show; its figures are complete.',
  'sync.export:warning.LooksUtf8': () =>
    'Some names in the export may show garbled accents (file encoding); the figures are not affected.',
  'sync.export:warning.PartLacksColumns': (t, c) =>
    `${obj(t, 2, c)}: ${num(t, 3, c)} records come from a file without some of the measured fields; those fields are measured on the other records only.`,
  'sync.run:warning.NoExportDay': (t, c) =>
    `The day the export was taken is unknown: the figures cover ${day(t, 2, c)} – ${day(t, 3, c)}, the last complete period before the report was made, and may hold no data.`,
  'sync.run:warning.PeriodPastExport': (t, c) =>
    `The figures cover ${day(t, 0, c)} – ${day(t, 1, c)}, past the day the export was taken (${day(t, 3, c)}): activity is counted in part only.`,
  'sync.run:warning.PeriodAfterExport': (t, c) =>
    `The figures cover ${day(t, 0, c)} – ${day(t, 1, c)}, after the day the export was taken (${day(t, 3, c)}): that period holds no data, so every activity figure is 0.`,
  'sync.run:warning.SeriesUnsure': (t, c) =>
    `${obj(t, 0, c)}: ${num(t, 1, c)} meetings of recurring series may be counted once per occurrence.`,
  'sync.export:warning.CopyName': (t, c) =>
    `${obj(t, 1, c)}: a second copy of a file of the export was read; records found in both are counted once.`,
  'sync.export:warning.EmptyFile': (t, c) =>
    `${obj(t, 1, c)}: the export’s file is empty, so no record is counted.`,
  'sync.export:warning.EmptyFiles': () =>
    'Some files of the export are empty: their records are not counted.',
  'sync.export:warning.NotEncoding': (t, c) =>
    `${obj(t, 0, c)}: some characters could not be read (file encoding); a few values may be misspelt.`,
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
  'sync.run:warning.DeletedLeftOut': (t, c) =>
    `${obj(t, 0, c)}: ${num(t, 1, c)} deleted records are not counted.`,
  'sync.run:warning.FoundTwice': (t, c) =>
    `${obj(t, 0, c)}: ${num(t, 1, c)} records were found twice in the export and counted once.`,
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
    `${num(t, 0, c)} figures were not saved to Salesforce; this report is complete.`,
  'adoption.sync:warning.RetentionStopped': () =>
    'Old figures could not be cleared from Salesforce this time; this report is complete.'
};

const fr: Record<string, Text> = {
  'sync.export:warning.EncodingBom': () =>
    'Un fichier de l’export a été lu dans l’encodage qu’indiquent ses premiers octets ; ses chiffres sont complets.',
  'sync.export:warning.EncodingNuls': () =>
    'Un fichier de l’export a été lu comme du texte UTF-16, comme le montrent ses octets ; ses chiffres sont complets.',
  'sync.export:warning.LooksUtf8': () =>
    'Certains noms de l’export peuvent afficher des accents illisibles (encodage du fichier) ; les chiffres ne sont pas touchés.',
  'sync.export:warning.PartLacksColumns': (t, c) =>
    `${obj(t, 2, c)} : ${num(t, 3, c)} enregistrements viennent d’un fichier sans certains des champs mesurés ; ces champs ne sont mesurés que sur les autres enregistrements.`,
  'sync.run:warning.NoExportDay': (t, c) =>
    `Le jour de l’export est inconnu : les chiffres portent sur la période du ${day(t, 2, c)} au ${day(t, 3, c)}, la dernière complète avant la création du rapport, et peuvent ne contenir aucune donnée.`,
  'sync.run:warning.PeriodPastExport': (t, c) =>
    `Les chiffres portent sur la période du ${day(t, 0, c)} au ${day(t, 1, c)}, qui dépasse le jour de l’export (${day(t, 3, c)}) : l’activité n’y est comptée qu’en partie.`,
  'sync.run:warning.PeriodAfterExport': (t, c) =>
    `Les chiffres portent sur la période du ${day(t, 0, c)} au ${day(t, 1, c)}, après le jour de l’export (${day(t, 3, c)}) : elle ne contient aucune donnée, chaque chiffre d’activité vaut 0.`,
  'sync.run:warning.SeriesUnsure': (t, c) =>
    `${obj(t, 0, c)} : ${num(t, 1, c)} réunions de séries récurrentes peuvent être comptées une fois par occurrence.`,
  'sync.export:warning.CopyName': (t, c) =>
    `${obj(t, 1, c)} : une seconde copie d’un fichier de l’export a été lue ; les enregistrements présents dans les deux sont comptés une fois.`,
  'sync.export:warning.EmptyFile': (t, c) =>
    `${obj(t, 1, c)} : le fichier de l’export est vide, aucun enregistrement n’est compté.`,
  'sync.export:warning.EmptyFiles': () =>
    'Des fichiers de l’export sont vides : leurs enregistrements ne sont pas comptés.',
  'sync.export:warning.NotEncoding': (t, c) =>
    `${obj(t, 0, c)} : des caractères n’ont pas pu être lus (encodage du fichier) ; quelques valeurs peuvent être mal orthographiées.`,
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
    `${obj(t, 0, c)} : absent ${c.source === 'org' ? 'de l’org' : 'de l’export'}, non mesuré.`,
  'sync.run:warning.RuleSkippedOffline': (t, c) =>
    `${obj(t, 1, c)} · ${labelOf(c.labels, tok(t, 1), tok(t, 2))} : cette règle de complétude n’est pas mesurée à partir d’un export (le champ n’y figure pas).`,
  'sync.run:warning.NoRecordTypes': (t, c) =>
    `${obj(t, 0, c)} : les règles de complétude par type d’enregistrement ne s’appliquent pas, l’export ne contient pas les types d’enregistrement.`,
  'sync.run:warning.QueuesUnnamed': (t, c) =>
    `${obj(t, 0, c)} : les enregistrements détenus par des files d’attente ne sont pas nommés.`,
  'sync.run:warning.DeletedLeftOut': (t, c) =>
    `${obj(t, 0, c)} : ${num(t, 1, c)} enregistrements supprimés ne sont pas comptés.`,
  'sync.run:warning.FoundTwice': (t, c) =>
    `${obj(t, 0, c)} : ${num(t, 1, c)} enregistrements trouvés deux fois dans l’export, comptés une fois.`,
  'sync.run:warning.NoWavesInExport': () =>
    'L’export ne contient pas de vague de déploiement : pas de chiffres par vague.',
  'sync.run:warning.NoWavesInOrg': () =>
    'L’org ne contient pas de vague de déploiement : pas de chiffres par vague.',
  'sync.run:warning.WaveObjectMissing': (t, c) =>
    `${obj(t, 0, c)} : absent, une partie des chiffres des vagues n’est pas mesurée.`,
  'sync.run:warning.WaveUnknownRules': (t) =>
    `Vague ${tok(t, 0)} : certaines de ses règles de complétude ne correspondent à aucune règle active et ne sont pas mesurées.`,
  'sync.run:warning.NoTrainingEffect': () =>
    'L’effet des formations des vagues n’est pas mesuré : aucun instantané d’adoption dans la source.',
  'adoption.sync:warning.WriteStopped': () =>
    'Les chiffres n’ont pas tous pu être enregistrés dans Salesforce ; ce rapport est complet.',
  'adoption.sync:warning.RecordsRefused': (t, c) =>
    `${num(t, 0, c)} chiffres n’ont pas été enregistrés dans Salesforce ; ce rapport est complet.`,
  'adoption.sync:warning.RetentionStopped': () =>
    'Les anciens chiffres n’ont pas pu être effacés de Salesforce cette fois ; ce rapport est complet.'
};

const OTHER: Record<ReportLanguage, string> = {
  en: 'Another limit of this measurement is described in the sync’s own output.',
  fr: 'Une autre limite de cette mesure est décrite dans la sortie de la synchronisation.'
};

/** The report's text of each warning code (`bundle:key`), by language; exported for the coverage test. */
export const WARNING_TEXTS: Record<ReportLanguage, Record<string, Text>> = { en, fr };

/**
 * The lines of the report's warnings section, in `lang`: one per warning of `warnings` (identical lines
 * once). A warning whose code has no text, or that no code matches, gives one line saying the sync's
 * output has it (never the operator's text).
 */
export function reportWarnings(
  warnings: readonly string[],
  lang: ReportLanguage,
  context: WarningContext
): string[] {
  const lines = warnings.map((warning) => {
    const code = messageCodeOf(warning, REPORT_WARNING_BUNDLES, 'warning.');
    const text = code ? WARNING_TEXTS[lang][`${code.bundle}:${code.key}`] : undefined;
    return text && code ? text(code.tokens, context) : OTHER[lang];
  });
  return [...new Set(lines)];
}
