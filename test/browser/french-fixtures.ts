// A French scenario shows what a French user sees: the UI API gives picklist values their translated
// label in `displayValue`. A fixture of a French scenario whose displayValue is still a picklist's English
// label (translated in objectTranslations/*-fr) shows English text the platform would never show.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const TRANSLATIONS_DIR = path.resolve(__dirname, '../../force-app/main/default/objectTranslations');

/** English picklist label → its French translation, from every `*-fr` field translation. */
export function frenchPicklistLabels(dir: string = TRANSLATIONS_DIR): Map<string, string> {
  const labels = new Map<string, string>();
  for (const folder of readdirSync(dir).filter((name) => name.endsWith('-fr'))) {
    for (const file of readdirSync(path.join(dir, folder)).filter((f) =>
      f.endsWith('.fieldTranslation-meta.xml')
    )) {
      const xml = readFileSync(path.join(dir, folder, file), 'utf8');
      for (const [, master, translation] of xml.matchAll(
        /<picklistValues>\s*<masterLabel>([^<]+)<\/masterLabel>\s*<translation>([^<]+)<\/translation>/g
      )) {
        if (master && translation && master !== translation) labels.set(master, translation);
      }
    }
  }
  return labels;
}

/**
 * Where a fixture gives an English picklist label as `displayValue`.
 * @param fixtures a scenario's fixtures (any JSON)
 * @param french English label → French label
 * @returns one message per English displayValue: its path in the fixtures, the value and its French label
 */
export function englishDisplayValues(fixtures: unknown, french: Map<string, string>): string[] {
  const found: string[] = [];
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        walk(item, `${at}[${index}]`);
      });
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'displayValue' && typeof value === 'string' && french.has(value)) {
          found.push(`${at}.displayValue "${value}" is the English label (French: "${french.get(value)}")`);
        } else {
          walk(value, at ? `${at}.${key}` : key);
        }
      }
    }
  };
  walk(fixtures, '');
  return found;
}
