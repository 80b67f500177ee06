// Completeness scoring: the only definition of the rule model, shared by the Lightning components (the
// rep's action list) and the sync (whose hot loop reads CSV bytes). Pure TypeScript, no imports: the same
// file compiles for LWC (ESNext) and for Node.
//
// A completeness rule (Completeness_Rule__mdt) says that a field of an object matters, with a weight,
// for some record types and some stage/status values (blank = all), when active.
// A record's score = sum of the weights of its applicable rules whose field is filled
//                  / sum of the weights of its applicable rules, in [0, 1]; null when no rule applies.
//
// compilePlan() turns the rules of one object (and, when known, the object's fields) into a ScoringPlan:
// the distinct rule fields in bit order, each with its field kind, and the rules applicable to each
// record type × stage, memoised. Both programs score from a plan: a record's filled rule fields become
// bits (filledBits() from values, or the sync's FillCounter from CSV bytes with FIELD_KINDS' byte test),
// and scoreBits() turns the bits into the score. "Filled" is defined once per field kind, in FIELD_KINDS.

/** One active or inactive Completeness_Rule__mdt record. */
export interface CompletenessRule {
  /** DeveloperName of the metadata record, for messages. */
  name?: string;
  /** Object API name (Object__c), e.g. "Opportunity". */
  object: string;
  /** Field API name (Field__c), e.g. "NextStep". */
  field: string;
  /** Weight__c; a rule with weight 0 (or negative) never changes a score. */
  weight: number;
  /** Record type developer names (Record_Types__c); empty = every record type. */
  recordTypes: readonly string[];
  /** Stage or status values (Stages__c); empty = every stage. */
  stages: readonly string[];
  /** Active__c. */
  active: boolean;
}

/** What the scoring needs to know about a record besides its field values. */
export interface RecordContext {
  /** Object API name. */
  object: string;
  /** Record type developer name, or null/undefined when the object has none. */
  recordType?: string | null;
  /** StageName for opportunities, Status for leads/cases…; null/undefined when none. */
  stage?: string | null;
}

/** Field value as found in a record: a CSV/Bulk string, a UI API value, a number or a boolean. */
export type FieldValue = string | number | boolean | null | undefined;

/** How one kind of field counts as filled: from a value, and from the bytes of a CSV cell. */
export interface FieldKindRule {
  /** Salesforce field types (describe `type`, lower case) of this kind. */
  readonly types: readonly string[];
  /** Filled, from a value as a record holds it (UI API, REST, a decoded CSV cell). */
  filled(value: FieldValue): boolean;
  /**
   * Filled, from the bytes start..end of a CSV cell (inside its quotes; "" escapes left as they are;
   * an ASCII-compatible encoding). Must agree with filled() on the decoded text: the differential test
   * (scripts/sync/__tests__/scoring-differential.test.ts) checks it on random cells.
   */
  filledBytes(bytes: Uint8Array, start: number, end: number): boolean;
}

/**
 * Words a checkbox cell reads as checked, and as unchecked (after trimming, any letter case): what Data
 * Loader and the API write (true/false), reports and some tools (1/0), and Excel's boolean in the languages
 * it localises TRUE/FALSE into when a file is re-saved (French VRAI/FAUX; German WAHR/FALSCH; Spanish
 * VERDADERO/FALSO; Italian VERO/FALSO; Portuguese VERDADEIRO/FALSO; Dutch WAAR/ONWAAR). Source: Excel's
 * localised names of the TRUE and FALSE functions.
 */
const CHECKED = ['true', '1', 'vrai', 'wahr', 'verdadero', 'vero', 'verdadeiro', 'waar'];
const UNCHECKED = ['false', '0', 'faux', 'falsch', 'falso', 'onwaar'];

/**
 * A checkbox cell's value: true, false, or null when it is blank or reads as neither (a value the sync
 * cannot read and warns about, naming file, column and count).
 */
export function readCheckbox(text: string): boolean | null {
  const word = trimBlank(text).toLowerCase();
  if (CHECKED.includes(word)) return true;
  if (UNCHECKED.includes(word)) return false;
  return null;
}

/** Whether a UTF-16 code unit or a byte is trimmed around a checkbox value (ASCII space and controls). */
function isBlank(code: number): boolean {
  return code <= 0x20;
}

function trimBlank(text: string): string {
  let s = 0;
  let e = text.length;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  return text.slice(s, e);
}

/** Per byte, 1 when some CHECKED word starts with it (either letter case): most cells fail on it. */
const CHECKED_FIRST = new Uint8Array(256);
for (const word of CHECKED) {
  CHECKED_FIRST[word.charCodeAt(0)] = 1;
  CHECKED_FIRST[word.toUpperCase().charCodeAt(0)] = 1;
}

/** Bytes start..end, trimmed, equal one of CHECKED ignoring ASCII letter case. */
function checkedBytes(bytes: Uint8Array, start: number, end: number): boolean {
  let s = start;
  let e = end;
  while (s < e && isBlank(bytes[s] as number)) s++;
  if (s === e || CHECKED_FIRST[bytes[s] as number] === 0) return false;
  while (e > s && isBlank(bytes[e - 1] as number)) e--;
  for (const word of CHECKED) {
    if (e - s !== word.length) continue;
    let same = true;
    for (let k = 0; k < word.length && same; k++)
      same = ((bytes[s + k] as number) | 0x20) === word.charCodeAt(k);
    if (same) return true;
  }
  return false;
}

/**
 * The field kinds: the one definition of "filled". To add a kind, add an entry (its types and both tests);
 * every other type is 'other'.
 * - other: null, undefined and "" are empty; every other value is filled (0 and false are values).
 * - boolean (checkbox): never null in Salesforce and false by default, so filled only when checked:
 *   true, or a text in CHECKED (trimmed, any case: true, 1, Excel's VRAI…), or a non-zero number.
 */
export const FIELD_KINDS = {
  other: {
    types: [],
    filled: (value: FieldValue): boolean => value !== null && value !== undefined && value !== '',
    filledBytes: (_bytes: Uint8Array, start: number, end: number): boolean => start !== end
  },
  boolean: {
    types: ['boolean', 'checkbox'],
    filled: (value: FieldValue): boolean => {
      if (value === null || value === undefined) return false;
      if (typeof value === 'boolean') return value;
      if (typeof value === 'number') return value !== 0;
      return CHECKED.includes(trimBlank(value).toLowerCase());
    },
    filledBytes: checkedBytes
  }
} as const satisfies Record<string, FieldKindRule>;

/** A field kind: a key of FIELD_KINDS. */
export type FieldKind = keyof typeof FIELD_KINDS;

/** Every field kind, in FIELD_KINDS order. */
const FIELD_KIND_NAMES = Object.keys(FIELD_KINDS) as FieldKind[];

/** The kind of a Salesforce field type (describe `type`, e.g. "boolean"); 'other' when no kind lists it. */
export function fieldKindOf(type: string): FieldKind {
  const lower = type.toLowerCase();
  for (const kind of FIELD_KIND_NAMES) {
    if ((FIELD_KINDS[kind].types as readonly string[]).includes(lower)) return kind;
  }
  return 'other';
}

/** True when a value counts as filled for its field kind (FIELD_KINDS). */
export function isFilled(value: FieldValue, kind: FieldKind = 'other'): boolean {
  return FIELD_KINDS[kind].filled(value);
}

// Filled, but not informative. A value can be filled and still say nothing: the field's default value
// (kept because nobody changed it) or a placeholder typed to get past a required field. PLACEHOLDERS is the
// one list of the latter; placeholderKey() the one way a text is compared with it, and placeholderBytes()
// the same comparison on a CSV cell's bytes (the sync's hot loop: no string is made per cell).

/**
 * Texts typed to fill a field without information (English and French), compared after placeholderKey():
 * letter case, spaces and accents do not matter ("N / A" = "n/a", "A DEFINIR" = "à définir"). A real value
 * that merely recurs ("Call", "Demo") is not a placeholder: that is for the dominance measure of the sync.
 */
export const PLACEHOLDERS: readonly string[] = [
  'TBD',
  'TBC',
  'TBA',
  'to be defined',
  '-',
  '--',
  '---',
  '/',
  '_',
  '*',
  '.',
  '..',
  '...',
  '?',
  '??',
  '???',
  'x',
  'xx',
  'xxx',
  'n/a',
  'NA',
  'N.A.',
  'none',
  'null',
  'nil',
  'unknown',
  'à définir',
  'à compléter',
  'à remplir',
  'néant',
  'inconnu',
  'aucun',
  'aucune',
  'NC',
  'N/C',
  'NR',
  'sans objet',
  'S/O'
];

/**
 * Base letter of U+00C0..U+00FF (Latin-1 letters with accents), '*' when none (Æ, Ð, ×, Þ, ß…): only these
 * accented letters are folded, the same way in placeholderKey() and placeholderBytes().
 */
const LATIN1_FOLD = 'aaaaaa*ceeeeiiii*nooooo*ouuuuy**aaaaaa*ceeeeiiii*nooooo*ouuuuy*y';

/** Code of the folded character, 0 to skip it (space, no-break space, combining accent), -1 if no key. */
function foldCode(c: number): number {
  if (c <= 0x20 || c === 0xa0 || (c >= 0x300 && c <= 0x36f)) return 0;
  if (c >= 65 && c <= 90) return c + 32;
  if (c === 34) return -1; // a quote: in no placeholder (and escaped as "" in a CSV cell's bytes)
  if (c < 0x80) return c;
  if (c >= 0xc0 && c <= 0xff) {
    const base = LATIN1_FOLD.charCodeAt(c - 0xc0);
    return base === 42 ? -1 : base;
  }
  return -1;
}

/**
 * The key under which a text is compared with PLACEHOLDERS: lower case, without spaces (ASCII blanks and
 * no-break space) nor accents (Latin-1 letters and combining accents); null when the text has a character
 * no placeholder has (it is then not one).
 */
export function placeholderKey(text: string): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = foldCode(text.charCodeAt(i));
    if (c < 0) return null;
    if (c > 0) out += String.fromCharCode(c);
  }
  return out;
}

const PLACEHOLDER_KEYS = new Set(PLACEHOLDERS.map((p) => placeholderKey(p) as string));
/** Placeholder keys as bytes (ASCII), by length. */
const PLACEHOLDER_BYTES: Uint8Array[][] = [];
for (const key of PLACEHOLDER_KEYS) {
  (PLACEHOLDER_BYTES[key.length] ??= []).push(Uint8Array.from(key, (ch) => ch.charCodeAt(0)));
}
/**
 * Bytes a cell's first non-blank byte may be, for it to be a placeholder: the first characters of the keys
 * in both letter cases, and every byte ≥ 0x80 (accented letters, no-break space). Others (digits, most
 * letters) are rejected after one byte: most cells are.
 */
const PLACEHOLDER_FIRST = new Uint8Array(256).fill(1, 0x80);
for (const key of PLACEHOLDER_KEYS) {
  const c = key.charCodeAt(0);
  PLACEHOLDER_FIRST[c] = 1;
  if (c >= 97 && c <= 122) PLACEHOLDER_FIRST[c - 32] = 1;
}
/** Longest placeholder key: a cell is given up on as soon as its key is longer. */
const PLACEHOLDER_MAX = PLACEHOLDER_BYTES.length - 1;
const keyScratch = new Uint8Array(PLACEHOLDER_MAX + 1);

/** Whether a value is one of PLACEHOLDERS (any letter case, spaces and accents); only text can be. */
export function isPlaceholder(value: FieldValue): boolean {
  if (typeof value !== 'string') return false;
  const key = placeholderKey(value);
  return key !== null && key !== '' && PLACEHOLDER_KEYS.has(key);
}

/**
 * isPlaceholder() on the bytes start..end of a CSV cell, without making a string: UTF-8, or a single-byte
 * Latin-1/Windows-1252 letter where the bytes are not a UTF-8 sequence (an export in windows-1252).
 * Stops after PLACEHOLDER_MAX + 1 key characters, so a long cell costs a few bytes' reading.
 */
export function placeholderBytes(bytes: Uint8Array, start: number, end: number): boolean {
  let first = start;
  while (first < end && (bytes[first] as number) <= 0x20) first++;
  if (first === end || PLACEHOLDER_FIRST[bytes[first] as number] === 0) return false;
  let n = 0;
  for (let p = first; p < end; p++) {
    const b = bytes[p] as number;
    let c = b;
    if (b >= 0x80) {
      const next = p + 1 < end ? (bytes[p + 1] as number) : 0;
      const continuation = next >= 0x80 && next <= 0xbf;
      let pair = true;
      if (b === 0xc2 && continuation)
        c = next; // U+0080..U+00BF (no-break space: skipped)
      else if (b === 0xc3 && continuation)
        c = next + 0x40; // U+00C0..U+00FF
      else if (b === 0xcc && continuation)
        c = 0x300; // combining accents U+0300..U+033F
      else if (b === 0xcd && continuation && next <= 0xaf)
        c = 0x300; // U+0340..U+036F
      else if (b < 0xc0 || !continuation)
        pair = false; // one Latin-1 / Windows-1252 byte
      else return false; // another UTF-8 character: in no placeholder
      if (pair) p++;
    }
    const k = foldCode(c);
    if (k < 0) return false;
    if (k === 0) continue;
    if (n === PLACEHOLDER_MAX) return false;
    keyScratch[n++] = k;
  }
  const candidates = PLACEHOLDER_BYTES[n];
  if (!candidates) return false;
  for (const key of candidates) {
    let same = true;
    for (let i = 0; i < n && same; i++) same = key[i] === keyScratch[i];
    if (same) return true;
  }
  return false;
}

/** Why a filled value says nothing: 0 informative, or a kind of NOT_INFORMATIVE. */
export type Informativeness = 0 | 1 | 2;

/** The kinds of filled values that say nothing, tested in this order (a default that is a placeholder is a default). */
export const NOT_INFORMATIVE = {
  /** The field's default value (PlanField.defaultValue, when the program knows it). */
  defaultValue: 1,
  /** One of PLACEHOLDERS. */
  placeholder: 2
} as const;

/** Tests of one field: why a filled value (or CSV cell) says nothing. */
export interface InformativeTest {
  value(value: FieldValue): Informativeness;
  bytes(bytes: Uint8Array, start: number, end: number): Informativeness;
}

const ALWAYS_INFORMATIVE: InformativeTest = { value: () => 0, bytes: () => 0 };

/**
 * The informativeness test of a field. Only text ('other' kind) can be a default or placeholder here: a
 * checkbox is filled only when checked. The default compares the trimmed value (or cell) exactly with the
 * trimmed default; bytes as UTF-8 (what a live org's Bulk API results are: defaults are known live only).
 */
export function informativeTest(field: PlanField): InformativeTest {
  if (field.kind !== 'other') return ALWAYS_INFORMATIVE;
  const def = field.defaultValue === undefined ? '' : trimBlank(field.defaultValue);
  // The default as a CSV cell's bytes hold it (a quote doubled).
  const defBytes = new TextEncoder().encode(def.replace(/"/g, '""'));
  const isDefaultBytes = (bytes: Uint8Array, start: number, end: number): boolean => {
    let s = start;
    let e = end;
    while (s < e && isBlank(bytes[s] as number)) s++;
    while (e > s && isBlank(bytes[e - 1] as number)) e--;
    if (e - s !== defBytes.length) return false;
    for (let i = 0; i < defBytes.length; i++) if (bytes[s + i] !== defBytes[i]) return false;
    return true;
  };
  return {
    value(value) {
      if (def !== '' && value !== null && value !== undefined && trimBlank(String(value)) === def)
        return NOT_INFORMATIVE.defaultValue;
      return isPlaceholder(value) ? NOT_INFORMATIVE.placeholder : 0;
    },
    bytes(bytes, start, end) {
      if (def !== '' && isDefaultBytes(bytes, start, end)) return NOT_INFORMATIVE.defaultValue;
      return placeholderBytes(bytes, start, end) ? NOT_INFORMATIVE.placeholder : 0;
    }
  };
}

/**
 * How a plan scores. placeholdersAsEmpty (Cockpit_Setting__mdt.Score_Placeholders_As_Empty__c): a
 * placeholder counts as empty. Default values and a value dominating an owner's records are measured by the
 * sync but never scored as empty: the rep's action list cannot know them (a record does not carry its
 * field's default; dominance is a property of many records), and the same record must score alike.
 */
export interface ScoringOptions {
  placeholdersAsEmpty?: boolean;
}

/** A value (or a CSV cell's bytes) as filled for scoring: FieldKindRule's two tests, options applied. */
export type ScoringTest = Pick<FieldKindRule, 'filled' | 'filledBytes'>;

/** Filled for scoring, for a field of this kind under these options (the one place options apply). */
export function scoringTest(kind: FieldKind, options: ScoringOptions = {}): ScoringTest {
  const base = FIELD_KINDS[kind];
  if (!options.placeholdersAsEmpty || kind !== 'other') return base;
  return {
    filled: (value) => base.filled(value) && !isPlaceholder(value),
    filledBytes: (bytes, start, end) =>
      base.filledBytes(bytes, start, end) && !placeholderBytes(bytes, start, end)
  };
}

/** Splits a comma-separated metadata list ("A, B,,C") into trimmed non-empty values. */
export function splitList(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/**
 * The key under which an API name (object, field, record type, picklist value) is compared: API names are
 * case-insensitive. Every name comparison of the scoring (and of the sync, which imports it) goes through
 * this function.
 */
export function nameKey(name: string): string {
  // Trimmed: an API name never holds a space, so "OwnerId " in a hand-edited header is OwnerId.
  return name.trim().toLowerCase();
}

/** Whether two API names are the same (case-insensitive). */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** The alphabet of the 18-character Id's checksum: 5 bits per character. */
const ID_SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The key under which a record Id (owner, creator, modifier, user, record type, role, profile, queue…) is
 * compared: its canonical 18-character form, so the 15- and 18-character forms of one record meet.
 * A 15-character Id is case-sensitive; the 18-character form appends a checksum of its letter case: for
 * each 5-character chunk, bit i is set when character i is an upper-case A–Z, and the number 0–31 picks a
 * character of A–Z0–5. The suffix itself is case-insensitive, so an 18-character Id whose letters were
 * re-cased by a tool (Excel, a lower-casing script) is restored from it. Anything else (blank, not 15/18
 * alphanumeric characters) is returned unchanged. Source: Salesforce's API "ID field type" (15
 * case-sensitive, 18 case-insensitive) and the published suffix algorithm (CASESAFEID).
 */
export function idKey(id: string): string {
  const n = id.length;
  if (n !== 15 && n !== 18) {
    // An Id never holds a space: "005… " (a cell edited by hand) is the Id without it.
    const trimmed = id.trim();
    if (trimmed.length !== n) return idKey(trimmed);
  }
  if (n === 15) {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
      let bits = 0;
      for (let i = 0; i < 5; i++) {
        const c = id.charCodeAt(chunk * 5 + i);
        if (c >= 65 && c <= 90) bits |= 1 << i;
        else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return id;
      }
      suffix += ID_SUFFIX[bits] as string;
    }
    return id + suffix;
  }
  if (n !== 18) return id;
  // Canonical when each letter's case matches the suffix (upper-case suffix): checked without allocating.
  let canonical = true;
  const bitsOf: number[] = [0, 0, 0];
  for (let chunk = 0; chunk < 3; chunk++) {
    const s = id.charCodeAt(15 + chunk);
    if (s >= 97 && s <= 122) canonical = false;
    const bits = suffixBits(s);
    if (bits < 0) return id;
    bitsOf[chunk] = bits;
    for (let i = 0; i < 5; i++) {
      const c = id.charCodeAt(chunk * 5 + i);
      const upper = c >= 65 && c <= 90;
      const lower = c >= 97 && c <= 122;
      if (!upper && !lower && !(c >= 48 && c <= 57)) return id;
      if ((upper || lower) && upper !== (((bits >> i) & 1) === 1)) canonical = false;
    }
  }
  if (canonical) return id;
  let out = '';
  for (let k = 0; k < 15; k++) {
    const ch = id.charAt(k);
    out += ((bitsOf[Math.floor(k / 5)] as number) >> (k % 5)) & 1 ? ch.toUpperCase() : ch.toLowerCase();
  }
  return out + id.slice(15).toUpperCase();
}

/** The case bits (0–31) an 18-character Id's suffix character (either case) stands for, or -1. */
function suffixBits(code: number): number {
  const s = code >= 97 && code <= 122 ? code - 32 : code;
  return s >= 65 && s <= 90 ? s - 65 : s >= 48 && s <= 53 ? s - 48 + 26 : -1;
}

/**
 * Whether the 18 bytes at `buf[at..at+18)` (ASCII, as every encoding the sync parses writes an Id) are an Id
 * in idKey's canonical form, i.e. idKey(text) === text: an upper-case suffix whose bits match each
 * letter's case. Lets a reader compare the Ids of raw CSV cells without decoding them (the common case:
 * Salesforce writes Ids this way); any other cell is decoded and given to idKey.
 */
export function isCanonicalIdBytes(buf: Uint8Array, at: number): boolean {
  for (let chunk = 0; chunk < 3; chunk++) {
    const s = buf[at + 15 + chunk] as number;
    if (s >= 97 && s <= 122) return false;
    const bits = suffixBits(s);
    if (bits < 0) return false;
    for (let i = 0; i < 5; i++) {
      const c = buf[at + chunk * 5 + i] as number;
      const upper = c >= 65 && c <= 90;
      const lower = c >= 97 && c <= 122;
      if (!upper && !lower && !(c >= 48 && c <= 57)) return false;
      if ((upper || lower) && upper !== (((bits >> i) & 1) === 1)) return false;
    }
  }
  return true;
}

/** Whether two record Ids name the same record (15- or 18-character forms; idKey). */
export function sameId(a: string, b: string): boolean {
  return idKey(a) === idKey(b);
}

/** True when the rule applies to a record of this object, record type and stage. */
export function ruleApplies(rule: CompletenessRule, context: RecordContext): boolean {
  if (!rule.active) return false;
  if (!sameName(rule.object, context.object)) return false;
  if (rule.recordTypes.length > 0) {
    const recordType = context.recordType;
    if (!recordType || !rule.recordTypes.some((r) => sameName(r, recordType))) return false;
  }
  if (rule.stages.length > 0) {
    const stage = context.stage;
    if (!stage || !rule.stages.some((s) => sameName(s, stage))) return false;
  }
  return true;
}

/** The rules that apply to a record. */
export function applicableRules(
  rules: readonly CompletenessRule[],
  context: RecordContext
): CompletenessRule[] {
  return rules.filter((rule) => ruleApplies(rule, context));
}

/** Reads a field of a record: a plain object of field API name → value (case-sensitive first, then not). */
export type RecordValues = Readonly<Record<string, FieldValue>>;

function readField(record: RecordValues, field: string): FieldValue {
  if (field in record) return record[field];
  const key = nameKey(field);
  for (const name of Object.keys(record)) {
    if (nameKey(name) === key) return record[name];
  }
  return undefined;
}

/** Field kinds by field API name (any letter case); fields not listed are 'other'. */
export type FieldKinds = Readonly<Record<string, FieldKind>>;

function kindIn(kinds: FieldKinds | undefined, field: string): FieldKind {
  if (!kinds) return 'other';
  const direct = kinds[field] ?? kinds[nameKey(field)];
  if (direct) return direct;
  const key = nameKey(field);
  for (const name of Object.keys(kinds)) if (nameKey(name) === key) return kinds[name] ?? 'other';
  return 'other';
}

/**
 * The rules applicable to one record type × stage of an object, compiled for scoring bits: rule i's field
 * is bit `masks[i]` of word `words[i]` of a record's filled bits (see ScoringPlan), with weight
 * `weights[i]` (negative weights count as 0).
 */
export interface Applicability {
  readonly rules: readonly CompletenessRule[];
  readonly words: Int32Array;
  readonly masks: Int32Array;
  readonly weights: Float64Array;
  /** Sum of the weights: the record is scored only when it is > 0. */
  readonly total: number;
  /** The distinct rule fields applicable, as indexes into ScoringPlan.fields. */
  readonly fieldIndexes: Int32Array;
}

/** A field of the object as the plan knows it. */
export interface PlanField {
  name: string;
  kind: FieldKind;
  /** The field's default value (describedDefault() of a live describe), when known. */
  defaultValue?: string;
}

/**
 * The compiled rules of one object. A record's filled rule fields are bits: field k of `fields` is bit
 * (k % 32) of word floor(k / 32); a record has `wordCount` words.
 */
export interface ScoringPlan {
  readonly object: string;
  /** The active rules of the object. */
  readonly rules: readonly CompletenessRule[];
  /** Distinct rule fields, in bit order, spelled as the object's fields spell them when given. */
  readonly fields: readonly PlanField[];
  /** Words of bits per record: ceil(fields / 32), at least 1. */
  readonly wordCount: number;
  /** The rules applicable to a record type (developer name) × stage; null or "" = none. Memoised. */
  applicable(recordType: string | null | undefined, stage: string | null | undefined): Applicability;
  /** The filled bits of a record's rule fields, from its values (ScoringOptions applied). */
  filledBits(record: RecordValues, kinds?: FieldKinds): Int32Array;
  /** How the plan scores (ScoringOptions). */
  readonly options: ScoringOptions;
  /** Filled for scoring, per field of `fields` (its kind, options applied): the sync's byte tests. */
  readonly scoring: readonly ScoringTest[];
}

/**
 * Compiles the active rules of `object` into a plan.
 * @param rules every rule (other objects' and inactive rules are left out)
 * @param object object API name
 * @param objectFields the object's fields with their kinds (e.g. from a describe), when known: rule fields
 *   then take the object's spelling, kind and default; a rule field not among them keeps the rule's
 *   spelling, 'other'
 * @param options how to score (ScoringOptions; default: every filled value counts)
 */
export function compilePlan(
  rules: readonly CompletenessRule[],
  object: string,
  objectFields?: readonly PlanField[],
  options: ScoringOptions = {}
): ScoringPlan {
  const own = rules.filter((rule) => rule.active && sameName(rule.object, object));
  const byKey = new Map<string, PlanField>();
  for (const f of objectFields ?? []) if (!byKey.has(nameKey(f.name))) byKey.set(nameKey(f.name), f);
  const fields: PlanField[] = [];
  const indexOf = new Map<string, number>();
  for (const rule of own) {
    const key = nameKey(rule.field);
    if (indexOf.has(key)) continue;
    indexOf.set(key, fields.length);
    const known = byKey.get(key);
    fields.push(known ? { ...known } : { name: rule.field, kind: 'other' });
  }
  const wordCount = Math.max(1, Math.ceil(fields.length / 32));
  const memo = new Map<string, Applicability>();
  const fieldOf = (rule: CompletenessRule): number => indexOf.get(nameKey(rule.field)) as number;
  return {
    object,
    rules: own,
    fields,
    wordCount,
    options,
    scoring: fields.map((f) => scoringTest(f.kind, options)),
    applicable(recordType, stage) {
      const memoKey = `${recordType ?? ''}\u0001${stage ?? ''}`;
      let a = memo.get(memoKey);
      if (!a) {
        const list = own.filter((rule) => ruleApplies(rule, { object, recordType, stage }));
        const weights = Float64Array.from(list, (rule) => Math.max(0, rule.weight));
        a = {
          rules: list,
          words: Int32Array.from(list, (rule) => fieldOf(rule) >> 5),
          masks: Int32Array.from(list, (rule) => 1 << (fieldOf(rule) & 31)),
          weights,
          total: weights.reduce((sum, w) => sum + w, 0),
          fieldIndexes: Int32Array.from(new Set(list.map(fieldOf)))
        };
        memo.set(memoKey, a);
      }
      return a;
    },
    filledBits(record, kinds) {
      const bits = new Int32Array(wordCount);
      fields.forEach((f, k) => {
        const kind = kinds ? kindIn(kinds, f.name) : f.kind;
        if (scoringTest(kind, options).filled(readField(record, f.name)))
          bits[k >> 5] = (bits[k >> 5] as number) | (1 << (k & 31));
      });
      return bits;
    }
  };
}

/**
 * The score of a record from its filled bits: filled weight / applicable weight, in [0, 1]; null when no
 * weight applies (`a.total` is 0). The bits start at `bits[offset]` (ScoringPlan.wordCount words).
 */
export function scoreBits(a: Applicability, bits: ArrayLike<number>, offset = 0): number | null {
  if (!(a.total > 0)) return null;
  return filledWeight(a, bits, offset) / a.total;
}

function filledWeight(a: Applicability, bits: ArrayLike<number>, offset: number): number {
  let got = 0;
  const n = a.weights.length;
  for (let i = 0; i < n; i++) {
    if (((bits[offset + (a.words[i] as number)] as number) & (a.masks[i] as number)) !== 0)
      got += a.weights[i] as number;
  }
  return got;
}

/** Whether a score counts as complete (every applicable field filled). */
export function isComplete(score: number): boolean {
  return score >= 1;
}

/** Score of one record. */
export interface RecordScore {
  /** Filled weight / applicable weight in [0, 1]; null when no rule (or only zero weights) applies. */
  score: number | null;
  /** Sum of the weights of the applicable rules. */
  applicableWeight: number;
  /** Sum of the weights of the applicable rules whose field is filled. */
  filledWeight: number;
  /** The applicable rules whose field is empty, heaviest first. */
  missing: CompletenessRule[];
}

/** Scores a record against the rules (compiles a plan for its object). */
export function scoreRecord(
  record: RecordValues,
  context: RecordContext,
  rules: readonly CompletenessRule[],
  kinds?: FieldKinds,
  options?: ScoringOptions
): RecordScore {
  return scoreWithPlan(compilePlan(rules, context.object, undefined, options), record, context, kinds);
}

/** Scores a record with a compiled plan of its object. */
function scoreWithPlan(
  plan: ScoringPlan,
  record: RecordValues,
  context: RecordContext,
  kinds?: FieldKinds
): RecordScore {
  const a = plan.applicable(context.recordType, context.stage);
  const bits = plan.filledBits(record, kinds);
  const missing: CompletenessRule[] = [];
  a.rules.forEach((rule, i) => {
    if (((bits[a.words[i] as number] as number) & (a.masks[i] as number)) === 0) missing.push(rule);
  });
  missing.sort((x, y) => y.weight - x.weight || x.field.localeCompare(y.field));
  return {
    score: scoreBits(a, bits),
    applicableWeight: a.total,
    filledWeight: filledWeight(a, bits, 0),
    missing
  };
}

/** The score alone: filled weight / applicable weight, or null when no rule applies. */
export function completenessScore(
  record: RecordValues,
  context: RecordContext,
  rules: readonly CompletenessRule[],
  kinds?: FieldKinds,
  options?: ScoringOptions
): number | null {
  return scoreRecord(record, context, rules, kinds, options).score;
}

/** The fields that matter for this record and are empty, heaviest first (the action list shows them). */
export function missingFields(
  record: RecordValues,
  context: RecordContext,
  rules: readonly CompletenessRule[],
  kinds?: FieldKinds,
  options?: ScoringOptions
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const rule of scoreRecord(record, context, rules, kinds, options).missing) {
    const key = nameKey(rule.field);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(rule.field);
    }
  }
  return out;
}

/** Index of the decile bucket (0..9) of a score in [0, 1]; 1.0 falls in the last bucket. */
export function decileOf(score: number): number {
  if (!(score > 0)) return 0;
  return Math.min(9, Math.floor(score * 10));
}

// Benefit activities (Benefit_Rule__mdt.Activity__c): what a benefit rule's minutes are multiplied by.
// BENEFIT_ACTIVITIES is the only place an activity is interpreted: the sync's users stage computes
// minutes saved with minutesSaved(), the sync's rule readers accept exactly its keys, and a test checks
// that the Activity__c picklist lists the same values. Adding an activity = one entry here (plus its
// picklist value): BenefitActivity is derived from the keys, so the compiler asks for `units`.

/** A user's activity in the period, as benefit activities count it. */
export interface ActivityCounts {
  /** Records created (measured objects, not tasks or events). */
  created: number;
  /** Records updated (last modified in the period, not at creation). */
  updated: number;
  tasks: number;
  events: number;
  /** Days of the period with any of the above. */
  activeDays: number;
}

/** How one benefit activity counts units of work in a period. */
export interface BenefitActivityRule {
  /** Units in the period (minutes saved = units × Minutes_Per_Unit__c). */
  units(counts: ActivityCounts): number;
}

function anyActivity(c: ActivityCounts): boolean {
  return c.created + c.updated + c.tasks + c.events > 0;
}

/**
 * Every benefit activity. Report_Replaced: a manual report the user no longer builds, counted once per
 * period in which the user was active at all.
 */
export const BENEFIT_ACTIVITIES = {
  Task_Logged: { units: (c: ActivityCounts): number => c.tasks },
  Event_Logged: { units: (c: ActivityCounts): number => c.events },
  Record_Created: { units: (c: ActivityCounts): number => c.created },
  Record_Updated: { units: (c: ActivityCounts): number => c.updated },
  Active_Day: { units: (c: ActivityCounts): number => c.activeDays },
  Report_Replaced: { units: (c: ActivityCounts): number => (anyActivity(c) ? 1 : 0) }
} as const satisfies Record<string, BenefitActivityRule>;

/** A benefit activity: a key of BENEFIT_ACTIVITIES (= a value of the Activity__c picklist). */
export type BenefitActivity = keyof typeof BENEFIT_ACTIVITIES;

/** Every benefit activity, in registry order. */
export const BENEFIT_ACTIVITY_NAMES = Object.keys(BENEFIT_ACTIVITIES) as BenefitActivity[];

/** Whether a text names a benefit activity (exact API value, as the picklist stores it). */
export function isBenefitActivity(value: string): value is BenefitActivity {
  return Object.prototype.hasOwnProperty.call(BENEFIT_ACTIVITIES, value);
}

/** Whether the user did anything in the period (a record created or updated, a task or event logged). */
export function isActive(counts: ActivityCounts): boolean {
  return anyActivity(counts);
}

/**
 * Minutes saved in a period: Σ over active benefit rules of units(activity) × minutes per unit, unrounded.
 * @param benefits benefit rules (inactive ones are skipped)
 * @param counts the user's activity in the period
 */
export function minutesSaved(
  benefits: readonly { activity: BenefitActivity; minutesPerUnit: number; active: boolean }[],
  counts: ActivityCounts
): number {
  let minutes = 0;
  for (const b of benefits) {
    if (b.active) minutes += BENEFIT_ACTIVITIES[b.activity].units(counts) * b.minutesPerUnit;
  }
  return minutes;
}
