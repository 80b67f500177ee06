// Tab motifs: CustomTab.motif is a plain string in the Metadata API WSDL, but the platform only knows
// its tab styles `CustomNN: Name` (NN from 1 to 100, each number one icon), and a motif whose number
// and name disagree does not name a style.
//
// Source of the list: the tab styles as the Setup "New Custom Object Tab" picker names them, published
// in mshanemc/shane-sfdx-plugins (src/commands/shane/object/tab.ts, the `tabDefs` list used to write
// CustomTab files), which matches the numbering of the Lightning Design System's custom icons
// (https://www.lightningdesignsystem.com/icons/#custom: custom1 heart … custom100 tv widescreen).
// The CustomTab documentation gives the format with one example, "Custom70: Handsaw"
// (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_tab.htm).
import { XMLParser } from 'fast-xml-parser';
import type { Problem } from '../metadata-checks.ts';

/** Tab style names by number (`Custom<number>: <name>`). */
export const TAB_MOTIFS: Readonly<Record<number, string>> = {
  1: 'Heart',
  2: 'Fan',
  3: 'Sun',
  4: 'Hexagon',
  5: 'Leaf',
  6: 'Triangle',
  7: 'Square',
  8: 'Diamond',
  9: 'Lightning',
  10: 'Moon',
  11: 'Star',
  12: 'Circle',
  13: 'Box',
  14: 'Hands',
  15: 'People',
  16: 'Bank',
  17: 'Sack',
  18: 'Form',
  19: 'Wrench',
  20: 'Airplane',
  21: 'Computer',
  22: 'Telephone',
  23: 'Envelope',
  24: 'Building',
  25: 'Alarm clock',
  26: 'Flag',
  27: 'Laptop',
  28: 'Cell phone',
  29: 'PDA',
  30: 'Radar dish',
  31: 'Car',
  32: 'Factory',
  33: 'Desk',
  34: 'Insect',
  35: 'Microphone',
  36: 'Train',
  37: 'Bridge',
  38: 'Camera',
  39: 'Telescope',
  40: 'Credit card',
  41: 'Cash',
  42: 'Treasure chest',
  43: 'Jewel',
  44: 'Hammer',
  45: 'Ticket',
  46: 'Stamp',
  47: 'Knight',
  48: 'Trophy',
  49: 'CD/DVD',
  50: 'Big top',
  51: 'Apple',
  52: 'Balls',
  53: 'Bell',
  54: 'Boat',
  55: 'Books',
  56: 'Bottle',
  57: 'Building Block',
  58: 'Caduceus',
  59: 'Can',
  60: 'Umbrella',
  61: 'Castle',
  62: 'Chalkboard',
  63: 'Chip',
  64: 'Compass',
  65: 'Cup',
  66: 'Dice',
  67: 'Gears',
  68: 'Globe',
  69: 'Guitar',
  70: 'Handsaw',
  71: 'Headset',
  72: 'Helicopter',
  73: 'Highway Sign',
  74: 'Hot Air Balloon',
  75: 'IP Phone',
  76: 'Keys',
  77: 'Locked',
  78: 'Map',
  79: 'Measuring Tape',
  80: 'Motorcycle',
  81: 'Musical Note',
  82: 'Whistle',
  83: 'Pencil',
  84: 'Presenter',
  85: 'Real Estate Sign',
  86: 'Red Cross',
  87: 'Safe',
  88: 'Sailboat',
  89: 'Saxophone',
  90: 'Scales',
  91: 'Shield',
  92: 'Ship',
  93: 'Shopping Cart',
  94: 'Stethoscope',
  95: 'Stopwatch',
  96: 'Street Sign',
  97: 'Thermometer',
  98: 'Truck',
  99: 'TV CRT',
  100: 'TV Widescreen'
};

const normalize = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Checks one motif value.
 * @param motif the text of `<motif>`
 * @returns undefined when it names a tab style, else what is wrong and the motif(s) meant
 */
export function motifProblem(motif: string): { message: string; fix: string } | undefined {
  const m = /^Custom(\d+): (.+)$/.exec(motif.trim());
  const rule = 'a tab style is `CustomNN: Name` with the number and name of one published style';
  if (!m) {
    return {
      message: `\`motif\` value \`${motif}\` is not a tab style: ${rule}`,
      fix: 'Write a motif such as `Custom70: Handsaw` (see TAB_MOTIFS in scripts/tools/checks/tab-motifs.ts).'
    };
  }
  const number = Number(m[1]);
  const name = m[2] ?? '';
  const expected = TAB_MOTIFS[number];
  if (expected !== undefined && normalize(expected) === normalize(name)) {
    return undefined;
  }
  const byName = Object.entries(TAB_MOTIFS).find(([, n]) => normalize(n) === normalize(name));
  const candidates = [
    ...(byName ? [`Custom${byName[0]}: ${byName[1]}`] : []),
    ...(expected !== undefined ? [`Custom${number}: ${expected}`] : [])
  ];
  return {
    message:
      expected === undefined
        ? `\`motif\` value \`${motif}\`: there is no tab style number ${number} (1 to 100); ${rule}`
        : `\`motif\` value \`${motif}\`: number ${number} is the style \`Custom${number}: ${expected}\`, not ${name}; ${rule}`,
    fix:
      candidates.length > 0
        ? `Use ${candidates.map((c) => `\`${c}\``).join(' or ')}.`
        : 'Pick a style from TAB_MOTIFS.'
  };
}

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

/**
 * Every tab's motif names a real tab style.
 * @param files source files (path relative to the project, text); only `*.tab-meta.xml` are read
 */
export function checkTabMotifs(files: Array<{ path: string; text: string }>): Problem[] {
  const problems: Problem[] = [];
  for (const file of files.filter((f) => f.path.endsWith('.tab-meta.xml'))) {
    let motif: unknown;
    try {
      motif = (parser.parse(file.text) as { CustomTab?: { motif?: unknown } }).CustomTab?.motif;
    } catch {
      continue; // not well formed: reported by the xml check
    }
    if (typeof motif !== 'string') {
      continue;
    }
    const problem = motifProblem(motif);
    if (problem) {
      problems.push({
        check: 'tab-motif',
        file: file.path,
        message: `${problem.message} (CustomTab.motif)`,
        fix: problem.fix
      });
    }
  }
  return problems;
}
