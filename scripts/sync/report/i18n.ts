// The report's strings (the report lives outside Salesforce, so custom labels do not apply here).

const en = {
  title: 'Adoption Cockpit — completeness and adoption',
  source: 'Source',
  period: 'Period',
  generated: 'Generated',
  summary: 'Summary',
  object: 'Object',
  records: 'Records',
  excluded: 'Excluded (integration, automated, inactive owners)',
  averageCompleteness: 'Average completeness',
  completeRecords: 'Complete records',
  heatmap: 'Fill rate by field and team',
  heatmapNote:
    'Fields with a completeness rule: share of the team’s records the field’s rules apply to (by record type and stage/status) that have it filled; – when no rule on that field applies to any of the team’s records. Objects without rules: first fields, all records of the team.',
  distribution: 'Completeness distribution',
  distributionNote: 'Records per completeness decile, per team.',
  activity: 'Activity by user this period',
  user: 'User',
  team: 'Team',
  created: 'Created',
  updated: 'Updated',
  tasks: 'Tasks',
  events: 'Events',
  activeDays: 'Active days',
  lastLogin: 'Last login',
  engagement: 'Engagement',
  completeness: 'Completeness',
  minutesSaved: 'Minutes saved',
  champions: 'Champion candidates',
  championsNote: 'Most engaged users who are not key users yet.',
  noChampions: 'No candidate this period (engagement 60 or more needed).',
  trend: 'Trend',
  activityTrend: 'Records created per period, by team (from record dates)',
  completenessTrend: 'Average completeness across runs kept in history/',
  oneRun: 'One run so far: run the sync again later to see the trend.',
  excludedUsers: 'Excluded users',
  reason: 'Reason',
  none: 'none',
  keyUser: 'key user'
};

export type Dictionary = typeof en;

const fr: Dictionary = {
  title: 'Adoption Cockpit — complétude et adoption',
  source: 'Source',
  period: 'Période',
  generated: 'Généré le',
  summary: 'Synthèse',
  object: 'Objet',
  records: 'Enregistrements',
  excluded: 'Exclus (propriétaires d’intégration, automatisés, inactifs)',
  averageCompleteness: 'Complétude moyenne',
  completeRecords: 'Enregistrements complets',
  heatmap: 'Taux de remplissage par champ et par équipe',
  heatmapNote:
    'Champs soumis à une règle de complétude : part des enregistrements de l’équipe auxquels les règles du champ s’appliquent (selon le type d’enregistrement et l’étape/le statut) où il est renseigné ; – quand aucune règle du champ ne s’applique aux enregistrements de l’équipe. Objets sans règle : premiers champs, tous les enregistrements de l’équipe.',
  distribution: 'Répartition de la complétude',
  distributionNote: 'Enregistrements par décile de complétude, par équipe.',
  activity: 'Activité par utilisateur sur la période',
  user: 'Utilisateur',
  team: 'Équipe',
  created: 'Créés',
  updated: 'Modifiés',
  tasks: 'Tâches',
  events: 'Événements',
  activeDays: 'Jours actifs',
  lastLogin: 'Dernière connexion',
  engagement: 'Engagement',
  completeness: 'Complétude',
  minutesSaved: 'Minutes gagnées',
  champions: 'Champions potentiels',
  championsNote: 'Les utilisateurs les plus engagés qui ne sont pas encore utilisateurs clés.',
  noChampions: 'Aucun candidat sur la période (engagement de 60 ou plus requis).',
  trend: 'Tendance',
  activityTrend: 'Enregistrements créés par période, par équipe (d’après les dates des enregistrements)',
  completenessTrend: 'Complétude moyenne au fil des exécutions conservées dans history/',
  oneRun: 'Une seule exécution pour l’instant : relancez la synchronisation plus tard pour voir la tendance.',
  excludedUsers: 'Utilisateurs exclus',
  reason: 'Motif',
  none: 'aucun',
  keyUser: 'utilisateur clé'
};

export function dictionary(lang: 'en' | 'fr'): Dictionary {
  return lang === 'fr' ? fr : en;
}
