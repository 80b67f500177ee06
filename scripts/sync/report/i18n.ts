// The report's strings (the report lives outside Salesforce, so custom labels do not apply here).
// Written for sponsors: no API names, no flags, no file paths.

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
  kpiActiveDetail: '{0} of {1} users',
  kpiCompleteness: 'Average completeness',
  kpiCoverage: 'Teams with a key user',
  kpiCoverageDetail: '{0} of {1} teams',
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
  peopleNote: 'Shared on request only: figures per person are for coaching, never a ranking across teams.',
  teamsOnly: 'This report shows teams only: figures per person are not included.',
  champions: 'Champion candidates',
  championsNote: 'Most engaged users who are not key users yet.',
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
  notCounted: 'Not counted: {0} inactive, {1} integration or automated users.'
};

export type Dictionary = typeof en;

const fr: Dictionary = {
  title: 'Adoption Cockpit — adoption et complétude',
  period: 'Période',
  colon: ' : ',
  periodTypes: { Day: 'Jour', Week: 'Semaine', Month: 'Mois' },
  generated: 'Généré le',
  sourceExport: 'Export de données Salesforce',
  sourceOrg: 'Organisation Salesforce',
  kpis: 'En bref',
  kpiUsers: 'Utilisateurs mesurés',
  kpiActive: 'Actifs sur la période',
  kpiActiveDetail: '{0} utilisateurs sur {1}',
  kpiCompleteness: 'Complétude moyenne',
  kpiCoverage: 'Équipes avec un utilisateur clé',
  kpiCoverageDetail: '{0} équipes sur {1}',
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
    'Partagé sur demande uniquement : les chiffres par personne servent l’accompagnement, jamais un classement entre équipes.',
  teamsOnly: 'Ce rapport présente les équipes uniquement : aucun chiffre par personne.',
  champions: 'Champions potentiels',
  championsNote: 'Les utilisateurs les plus engagés qui ne sont pas encore utilisateurs clés.',
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
  notCounted: 'Non comptés : {0} utilisateurs inactifs, {1} d’intégration ou automatisés.'
};

export function dictionary(lang: 'en' | 'fr'): Dictionary {
  return lang === 'fr' ? fr : en;
}

/** Replaces {0}, {1}… with the values given. */
export function fill(template: string, ...values: string[]): string {
  return template.replace(/\{(\d+)\}/g, (match, i: string) => values[Number(i)] ?? match);
}
