// The report's strings (the report lives outside Salesforce, so custom labels do not apply here).
// Written for sponsors: no API names, no flags, no file paths. A count beside a noun is a plural block
// `{one|other}` filled by fillCounts.

import { agreeTokens } from '../messages';
import type { Formatter } from './format';

const en = {
  title: 'Adoption Cockpit — adoption and completeness',
  period: 'Period',
  colon: ': ',
  periodTypes: { Day: 'Day', Week: 'Week', Month: 'Month' } as Record<string, string>,
  generated: 'Generated',
  sourceExport: 'Salesforce Data Export',
  sourceOrg: 'Salesforce org',
  kpis: 'At a glance',
  kpiUsers: 'Users measured',
  kpiActive: 'Active this period',
  kpiActiveDetail: '{0} of {1} {user|users}',
  kpiCompleteness: 'Average completeness',
  kpiCoverage: 'Teams with a key user',
  kpiCoverageDetail: '{0} of {1} {team|teams}',
  kpiTimeSaved: 'Time saved this period',
  teams: 'Teams',
  teamsNote:
    'Teams without a key user first. Trend: records created in the last period against the one before.',
  team: 'Team',
  users: 'Users',
  active: 'Active',
  trend: 'Trend',
  completeness: 'Completeness',
  keyUsers: 'Key users',
  none: 'none',
  otherTeams: 'Other teams',
  otherTeamsNote:
    'Teams of fewer than {0} {user|users} are shown together as “Other teams”: a team of one or two is a person.',
  smallTeamsHidden:
    'Teams of fewer than {0} {user|users} are not shown (a team of one or two is a person); their users ({1}) count in the figures at a glance only.',
  noTeamName: 'No team',
  queueName: 'Queues',
  scrollTable: '{0} (scrolls sideways)',
  uninformativeNone:
    'No filled value of a rule field was found to say nothing (default, placeholder or one dominating value).',
  noTeam: 'No team was measured.',
  summary: 'Completeness by object',
  object: 'Object',
  records: 'Records',
  excluded: 'Not counted',
  excludedNote: 'Records owned by integration, automated or inactive users are not counted.',
  completeRecords: 'Complete records',
  heatmap: 'Fill rate by field and team',
  heatmapNote:
    'Share of the team’s records that have the field filled, among the records the field’s completeness rules apply to (by record type and stage). A dash: no rule on that field applies to the team’s records. Objects without rules: the first fields, all the team’s records.',
  distribution: 'Completeness distribution',
  distributionNote: 'Share of each team’s records by completeness score.',
  legend: 'Legend',
  noRecord: 'no record',
  completenessTrend: 'Average completeness over time',
  oneRun: 'The trend appears from the second measurement on.',
  people: 'Activity by person',
  peopleNote:
    'Shared on request only, by team then name: figures per person are for coaching, never a ranking.',
  teamsOnly: 'This report shows teams only: figures per person are not included.',
  champions: 'Champion candidates',
  championsNote:
    'Users with an engagement of 60 or more who are not key users yet, by team then name: people to ask, not a ranking.',
  noChampions: 'No candidate this period (engagement 60 or more needed).',
  user: 'User',
  created: 'Created',
  updated: 'Updated',
  tasks: 'Tasks',
  events: 'Events',
  activeDays: 'Active days',
  lastLogin: 'Last login',
  engagement: 'Engagement',
  timeSaved: 'Time saved',
  keyUser: 'key user',
  notCounted: 'Not counted: {0} inactive {user|users}, {1} integration or automated {user|users}.',
  warnings: 'What could not be measured',
  warningsNote: 'The figures below leave these out. Whoever runs the sync has the details and what to fix.',
  notices: 'About these figures',
  noticesNote: 'How the figures above were taken.',
  uninformative: 'Filled, but not informative',
  uninformativeNote:
    'Share of the filled values of each rule field that say nothing: the field’s default, a placeholder (TBD, -, n/a, x, .) or one value covering most of an owner’s records while rare elsewhere.',
  uninformativeScored:
    'The Cockpit setting scores placeholders as empty; defaults and dominating values count as filled.',
  uninformativeNotScored: 'They count as filled in the scores (Cockpit setting off).',
  uninformativeDefaults: 'Default values are known on live runs only: a Data Export does not say them.',
  uninformativePeople: 'Dominating values by person',
  dominantValue: 'Value',
  ownerShare: 'Of their values',
  field: 'Field',
  filledValues: 'Filled',
  defaults: 'Default',
  placeholders: 'Placeholder',
  dominant: 'One value',
  share: 'Not informative'
};

export type Dictionary = typeof en;

const fr: Dictionary = {
  title: 'Adoption Cockpit — adoption et complétude',
  period: 'Période',
  colon: '\u202f: ',
  periodTypes: { Day: 'Jour', Week: 'Semaine', Month: 'Mois' },
  generated: 'Généré le',
  sourceExport: 'Export de données Salesforce',
  sourceOrg: 'Organisation Salesforce',
  kpis: 'En bref',
  kpiUsers: 'Utilisateurs mesurés',
  kpiActive: 'Actifs sur la période',
  kpiActiveDetail: '{0} {utilisateur|utilisateurs} sur {1}',
  kpiCompleteness: 'Complétude moyenne',
  kpiCoverage: 'Équipes avec un utilisateur clé',
  kpiCoverageDetail: '{0} {équipe|équipes} sur {1}',
  kpiTimeSaved: 'Temps gagné sur la période',
  teams: 'Équipes',
  teamsNote:
    'Les équipes sans utilisateur clé d’abord. Tendance : enregistrements créés sur la dernière période par rapport à la précédente.',
  team: 'Équipe',
  users: 'Utilisateurs',
  active: 'Actifs',
  trend: 'Tendance',
  completeness: 'Complétude',
  keyUsers: 'Utilisateurs clés',
  none: 'aucun',
  otherTeams: 'Autres équipes',
  otherTeamsNote:
    'Les équipes de moins de {0} {utilisateur|utilisateurs} sont regroupées dans « Autres équipes » : une équipe d’une ou deux personnes, c’est une personne.',
  smallTeamsHidden:
    'Les équipes de moins de {0} {utilisateur|utilisateurs} ne sont pas montrées (une équipe d’une ou deux personnes, c’est une personne) ; leurs utilisateurs ({1}) ne comptent que dans les chiffres en bref.',
  noTeamName: 'Sans équipe',
  queueName: 'Files d’attente',
  scrollTable: '{0} (défile horizontalement)',
  uninformativeNone:
    'Aucune valeur remplie d’un champ de règle ne s’est révélée sans information (valeur par défaut, bouche-trou ou valeur dominante).',
  noTeam: 'Aucune équipe mesurée.',
  summary: 'Complétude par objet',
  object: 'Objet',
  records: 'Enregistrements',
  excluded: 'Non comptés',
  excludedNote:
    'Les enregistrements des utilisateurs d’intégration, automatisés ou inactifs ne sont pas comptés.',
  completeRecords: 'Enregistrements complets',
  heatmap: 'Taux de remplissage par champ et par équipe',
  heatmapNote:
    'Part des enregistrements de l’équipe où le champ est renseigné, parmi ceux auxquels s’appliquent les règles de complétude du champ (selon le type d’enregistrement et l’étape). Un tiret : aucune règle du champ ne s’applique aux enregistrements de l’équipe. Objets sans règle : les premiers champs, tous les enregistrements de l’équipe.',
  distribution: 'Répartition de la complétude',
  distributionNote: 'Part des enregistrements de chaque équipe par score de complétude.',
  legend: 'Légende',
  noRecord: 'aucun enregistrement',
  completenessTrend: 'Complétude moyenne dans le temps',
  oneRun: 'La tendance apparaît à partir de la deuxième mesure.',
  people: 'Activité par personne',
  peopleNote:
    'Partagé sur demande uniquement, par équipe puis par nom : les chiffres par personne servent l’accompagnement, jamais un classement.',
  teamsOnly: 'Ce rapport présente les équipes uniquement : aucun chiffre par personne.',
  champions: 'Champions potentiels',
  championsNote:
    'Utilisateurs avec un engagement de 60 ou plus qui ne sont pas encore utilisateurs clés, par équipe puis par nom : des personnes à solliciter, pas un classement.',
  noChampions: 'Aucun candidat sur la période (engagement de 60 ou plus requis).',
  user: 'Utilisateur',
  created: 'Créés',
  updated: 'Modifiés',
  tasks: 'Tâches',
  events: 'Événements',
  activeDays: 'Jours actifs',
  lastLogin: 'Dernière connexion',
  engagement: 'Engagement',
  timeSaved: 'Temps gagné',
  keyUser: 'utilisateur clé',
  notCounted:
    'Non comptés : {0} {utilisateur inactif|utilisateurs inactifs}, {1} {utilisateur d’intégration ou automatisé|utilisateurs d’intégration ou automatisés}.',
  warnings: 'Ce qui n’a pas pu être mesuré',
  warningsNote:
    'Les chiffres ci-dessous n’en tiennent pas compte. La personne qui lance la synchronisation a le détail et sait quoi corriger.',
  notices: 'À propos de ces chiffres',
  noticesNote: 'Comment les chiffres ci-dessus ont été établis.',
  uninformative: 'Rempli, mais sans information',
  uninformativeNote:
    'Part des valeurs remplies de chaque champ de règle qui ne disent rien : la valeur par défaut du champ, un bouche-trou (TBD, -, n/a, x, .) ou une même valeur sur la plupart des enregistrements d’un propriétaire, rare ailleurs.',
  uninformativeScored:
    'Le paramètre du Cockpit compte les bouche-trous comme vides ; valeurs par défaut et valeurs dominantes comptent comme remplies.',
  uninformativeNotScored: 'Elles comptent comme remplies dans les scores (paramètre du Cockpit désactivé).',
  uninformativeDefaults:
    'Les valeurs par défaut ne sont connues que lors d’une mesure sur l’org : un export de données ne les donne pas.',
  uninformativePeople: 'Valeurs dominantes par personne',
  dominantValue: 'Valeur',
  ownerShare: 'De ses valeurs',
  field: 'Champ',
  filledValues: 'Remplis',
  defaults: 'Défaut',
  placeholders: 'Bouche-trou',
  dominant: 'Valeur unique',
  share: 'Sans information'
};

/**
 * French typography: a narrow no-break space (U+202F) before « ; », « : », « ! », « ? » and inside
 * guillemets, where a plain space or none was typed (Imprimerie nationale's rules, as Intl writes "73 %").
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/[ \u00a0\u202f]?([;:!?»])/g, (match, mark: string, offset: number, whole: string) =>
      // Not in "12:30", "http:" or after a space-less token such as a URL: only after a word or space.
      offset > 0 && /[\d/]/.test(whole[offset - 1] ?? '') && match.length === 1 ? match : `\u202f${mark}`
    )
    .replace(/«[ \u00a0\u202f]?/g, '«\u202f');
}

const frSpaced = Object.fromEntries(
  Object.entries(fr).map(([key, value]) => [
    key,
    typeof value === 'string'
      ? frenchSpacing(value)
      : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frenchSpacing(v)]))
  ])
) as Dictionary;

/** The report's strings in `lang` (French with its typographic spaces). */
export function dictionary(lang: 'en' | 'fr'): Dictionary {
  return lang === 'fr' ? frSpaced : en;
}

/** Replaces {0}, {1}… with the values given. */
export function fill(template: string, ...values: string[]): string {
  return template.replace(/\{(\d+)\}/g, (match, i: string) => values[Number(i)] ?? match);
}

/**
 * Replaces {0}, {1}… with the values given, a number being a count in `f`'s number format; each plural block
 * `{one form|other form}` of the template agrees with the nearest count to its left (messages.ts
 * agreeTokens: the CLDR plural rules of `f`'s language, as every counted text of the sync).
 */
export function fillCounts(template: string, f: Formatter, ...values: (string | number)[]): string {
  const agreed = agreeTokens(template, f.locale, /\{(\d+)\}/, (match) => {
    const value = values[Number(match[1])];
    return typeof value === 'number' ? value : undefined;
  });
  return fill(agreed, ...values.map((v) => (typeof v === 'number' ? f.count(v) : v)));
}
