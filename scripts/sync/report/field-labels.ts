// Human names for objects and fields in the report: sponsors read "Next step", not "NextStep".
// Where a name comes from, first found wins:
//   1. the org's describe (live runs: labels in the sync user's language, custom labels included);
//   2. force-app metadata: a custom field's <label>, its French <label> in objectTranslations;
//   3. the standard fields and objects the shipped completeness rules and the report use, with the
//      labels Salesforce gives them in English and French (Setup → Object Manager, standard fields);
//   4. a name made from the API name: "Lead_Score__c" → "Lead score".

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SyncResult } from '../engine/result';
import { PROJECT_ROOT } from '../paths';
import type { RecordSource } from '../sources/record-source';
import type { ReportLanguage } from './format';

/** The project's metadata (custom objects and their French translations). */
export const METADATA_DIR = resolve(PROJECT_ROOT, 'force-app/main/default');

/** Labels by `Object` and `Object.Field` API name (case as in the result). */
export type LabelMap = ReadonlyMap<string, string>;

/** Standard labels of the objects and fields the shipped rules name (Salesforce's own, en and fr). */
const STANDARD: Record<string, { en: string; fr: string }> = {
  Account: { en: 'Accounts', fr: 'Comptes' },
  Contact: { en: 'Contacts', fr: 'Contacts' },
  Lead: { en: 'Leads', fr: 'Pistes' },
  Opportunity: { en: 'Opportunities', fr: 'Opportunités' },
  Task: { en: 'Tasks', fr: 'Tâches' },
  Event: { en: 'Events', fr: 'Événements' },
  'Account.BillingCity': { en: 'Billing City', fr: 'Ville de facturation' },
  'Account.Industry': { en: 'Industry', fr: "Secteur d'activité" },
  'Account.Phone': { en: 'Phone', fr: 'Téléphone' },
  'Account.Type': { en: 'Type', fr: 'Type' },
  'Account.Website': { en: 'Website', fr: 'Site Web' },
  'Contact.Email': { en: 'Email', fr: 'E-mail' },
  'Contact.Phone': { en: 'Business Phone', fr: 'Téléphone professionnel' },
  'Contact.Title': { en: 'Title', fr: 'Titre' },
  'Lead.Company': { en: 'Company', fr: 'Société' },
  'Lead.Email': { en: 'Email', fr: 'E-mail' },
  'Lead.Industry': { en: 'Industry', fr: "Secteur d'activité" },
  'Lead.LeadSource': { en: 'Lead Source', fr: 'Origine de la piste' },
  'Lead.Phone': { en: 'Phone', fr: 'Téléphone' },
  'Opportunity.Amount': { en: 'Amount', fr: 'Montant' },
  'Opportunity.CloseDate': { en: 'Close Date', fr: 'Date de clôture' },
  'Opportunity.Description': { en: 'Description', fr: 'Description' },
  'Opportunity.LeadSource': { en: 'Lead Source', fr: 'Origine de la piste' },
  'Opportunity.NextStep': { en: 'Next Step', fr: 'Étape suivante' },
  'User.LastLoginDate': { en: 'Last Login', fr: 'Dernière connexion' },
  // Fields every object of the measure has (the key columns a file may lack): `*.<field>`, any object's
  // own label first. Salesforce's standard field labels, en and fr.
  '*.OwnerId': { en: 'Owner', fr: 'Propriétaire' },
  '*.CreatedById': { en: 'Created By', fr: 'Créé par' },
  '*.CreatedDate': { en: 'Created Date', fr: 'Date de création' },
  '*.LastModifiedById': { en: 'Last Modified By', fr: 'Dernière modification par' },
  '*.LastModifiedDate': { en: 'Last Modified Date', fr: 'Date de dernière modification' },
  '*.StageName': { en: 'Stage', fr: 'Étape' },
  '*.Status': { en: 'Status', fr: 'Statut' }
};

/** "NextStep" → "Next step", "Lead_Score__c" → "Lead score", "BillingCity" → "Billing city". */
export function humanise(apiName: string): string {
  const words = apiName
    .replace(/__[a-z]+$/i, '')
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return words
    .map((word, i) => (i === 0 || /^[A-Z0-9]+$/.test(word) ? word : word.toLowerCase()))
    .join(' ')
    .replace(/^./, (c) => c.toUpperCase());
}

const tag = (xml: string, name: string): string | undefined =>
  new RegExp(`<${name}>([^<]*)</${name}>`)
    .exec(xml)?.[1]
    ?.replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Labels of the custom objects and fields in `metadataDir` (force-app/main/default): the field's
 * `<label>` in English, its translation in `objectTranslations/<Object>-fr` in French.
 */
export function metadataLabels(metadataDir: string, lang: ReportLanguage): Map<string, string> {
  const labels = new Map<string, string>();
  const objects = join(metadataDir, 'objects');
  if (!existsSync(objects)) return labels;
  for (const object of readdirSync(objects)) {
    const fieldsDir = join(objects, object, 'fields');
    const translations = join(metadataDir, 'objectTranslations', `${object}-fr`);
    const objectFile = join(objects, object, `${object}.object-meta.xml`);
    if (existsSync(objectFile)) {
      const plural = tag(readFileSync(objectFile, 'utf8'), 'pluralLabel');
      const frFile = join(translations, `${object}-fr.objectTranslation-meta.xml`);
      const frPlural =
        lang === 'fr' && existsSync(frFile)
          ? /<plural>true<\/plural>\s*<value>([^<]*)<\/value>/.exec(readFileSync(frFile, 'utf8'))?.[1]
          : undefined;
      const value = frPlural ?? plural;
      if (value) labels.set(object, value.replace(/&apos;/g, "'"));
    }
    if (!existsSync(fieldsDir)) continue;
    for (const file of readdirSync(fieldsDir)) {
      const field = file.replace(/\.field-meta\.xml$/, '');
      let label = tag(readFileSync(join(fieldsDir, file), 'utf8'), 'label');
      const frFile = join(translations, `${field}.fieldTranslation-meta.xml`);
      if (lang === 'fr' && existsSync(frFile)) label = tag(readFileSync(frFile, 'utf8'), 'label') ?? label;
      if (label) labels.set(`${object}.${field}`, label);
    }
  }
  return labels;
}

/** Describe results as the sync's sources give them (live: labels; exports: none). */
export interface DescribedObject {
  name: string;
  label?: string;
  fields: { name: string; label?: string }[];
}

/**
 * The label map of a report: describe labels first (live), then force-app metadata, then the
 * standard labels above; names not in it are humanised by `labelOf`.
 */
export function buildLabels(
  lang: ReportLanguage,
  options: { described?: readonly DescribedObject[]; metadataDir?: string } = {}
): LabelMap {
  const labels = new Map<string, string>();
  for (const [name, value] of Object.entries(STANDARD)) labels.set(name, value[lang]);
  if (options.metadataDir) {
    for (const [name, value] of metadataLabels(options.metadataDir, lang)) labels.set(name, value);
  }
  for (const object of options.described ?? []) {
    if (object.label) labels.set(object.name, object.label);
    for (const field of object.fields) {
      if (field.label) labels.set(`${object.name}.${field.name}`, field.label);
    }
  }
  return labels;
}

/** The human name of an object (`Opportunity`) or a field (`Opportunity.NextStep`). */
export function labelOf(labels: LabelMap, object: string, field?: string): string {
  const key = field === undefined ? object : `${object}.${field}`;
  return (
    labels.get(key) ??
    (field === undefined ? undefined : labels.get(`*.${field}`)) ??
    humanise(field ?? object)
  );
}

/**
 * The labels of a run's report: the source's describe of each measured object (live: one cached
 * describe per object, no extra API call; exports: no labels), the project's metadata, the standard
 * labels. A describe that fails leaves that object to the other sources.
 */
export async function reportLabels(
  source: Pick<RecordSource, 'describe'>,
  result: Pick<SyncResult, 'objects'>,
  lang: ReportLanguage
): Promise<LabelMap> {
  const described: DescribedObject[] = [];
  for (const object of result.objects) {
    const describe = await source.describe(object.name).catch(() => undefined);
    if (describe) described.push(describe);
  }
  return buildLabels(lang, { described, metadataDir: METADATA_DIR });
}
