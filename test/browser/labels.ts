// Custom labels as a person sees them: English from labels/CustomLabels.labels-meta.xml, French from
// translations/fr.translation-meta.xml. A label that is not there resolves to its placeholder `c.Name`,
// which the browser gate then finds on the page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export type Language = 'en' | 'fr';

const DEFAULT = path.resolve(__dirname, '../../force-app/main/default');

export interface LabelCatalog {
  /** The value shown in `language`, or undefined when the label (or its translation) is missing. */
  lookup(name: string, language: Language): string | undefined;
  /** The value shown in `language`, or the placeholder `c.<name>` when it is missing. */
  text(name: string, language: Language): string;
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function readMap(file: string, root: string, list: string, key: string, value: string) {
  const parser = new XMLParser({ parseTagValue: false, trimValues: true });
  const map = new Map<string, string>();
  let xml: string;
  try {
    xml = readFileSync(file, 'utf8');
  } catch {
    return map;
  }
  const doc = parser.parse(xml) as Record<string, Record<string, unknown> | undefined>;
  const entries = asArray(doc[root]?.[list] as Record<string, unknown> | Record<string, unknown>[]);
  for (const entry of entries) {
    const name = entry[key];
    const text = entry[value];
    if (typeof name === 'string' && (typeof text === 'string' || typeof text === 'number')) {
      map.set(name, String(text));
    }
  }
  return map;
}

export function loadLabels(defaultDir: string = DEFAULT): LabelCatalog {
  const english = readMap(
    path.join(defaultDir, 'labels/CustomLabels.labels-meta.xml'),
    'CustomLabels',
    'labels',
    'fullName',
    'value'
  );
  const french = readMap(
    path.join(defaultDir, 'translations/fr.translation-meta.xml'),
    'Translations',
    'customLabels',
    'name',
    'label'
  );
  const lookup = (name: string, language: Language) =>
    language === 'fr' ? (english.has(name) ? french.get(name) : undefined) : english.get(name);
  return {
    lookup,
    text: (name, language) => lookup(name, language) ?? `c.${name}`
  };
}
