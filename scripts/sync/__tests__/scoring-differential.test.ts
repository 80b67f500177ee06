/* eslint-disable @typescript-eslint/no-non-null-assertion -- indexes into arrays built in this file. */
// Differential test of the scoring kernel (lwc/completenessScoring): for random field kinds, rule sets and
// records (seeded), the component's score (scoreRecord on the record's values) equals the sync's on every
// path it has: FillCounter's byte path and decoded path (bits in, scoreBits out, row by row), the groups'
// filled-pattern counts, and measure() end to end (per-record and pattern scoring, bytes and decoded rows).

import {
  FIELD_KINDS,
  PLACEHOLDERS,
  compilePlan,
  isPlaceholder,
  scoringTest,
  decileOf,
  isComplete,
  scoreBits,
  scoreRecord
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import type {
  CompletenessRule,
  FieldKind,
  ScoringOptions
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { prng } from '../../demo/generate-sample-export';
import { ArrayRowBatch, readCsv } from '../csv/csv-reader';
import type { RowBatch } from '../csv/csv-reader';
import { FillCounter } from '../engine/fill-rate';
import { measure } from '../engine/measure';
import type { CompletenessSummary } from '../engine/result';
import { DEFAULT_SETTINGS } from '../rules/metadata-rules';
import type { ObjectDescribe, RecordSource, RuleSet, UserRecord } from '../sources/record-source';

const OBJECT = 'Opportunity';
const OWNERS = ['005000000000001AAA', '005000000000002AAA', '005000000000003AAA'];
const RECORD_TYPES = [
  { id: '012000000000001AAA', developerName: 'Renewal' },
  { id: '012000000000002AAA', developerName: 'New_Business' }
];
const STAGES = ['Prospecting', 'Closed Won', 'Closed Lost'];
const VALUES: Record<FieldKind, readonly string[]> = {
  other: [
    '',
    'x',
    '0',
    'false',
    'a,b',
    'q"q',
    'line\nbreak',
    ' ',
    'é€',
    '""',
    // placeholders (scored empty with placeholdersAsEmpty) and real values that look like them
    'TBD',
    ' n / A ',
    'À DÉFINIR',
    'a\u0300 de\u0301finir',
    'néant',
    '-',
    '?',
    'TBD2',
    'n/a yet',
    'Call'
  ],
  boolean: ['', 'true', 'TRUE', 'True ', ' 1', '1', '0', 'false', 'yes', '\ttrue\t', 't"rue']
};

interface Case {
  /** Cockpit_Setting__mdt.Score_Placeholders_As_Empty__c of the case. */
  options: ScoringOptions;
  fieldNames: string[];
  kinds: FieldKind[];
  rules: CompletenessRule[];
  header: string[];
  rows: string[][];
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** Random letter case: API names are case-insensitive. */
function anyCase(rand: () => number, name: string): string {
  const r = rand();
  return r < 0.6 ? name : r < 0.8 ? name.toUpperCase() : name.toLowerCase();
}

function randomCase(seed: number): Case {
  const rand = prng(seed);
  // Mostly few fields (pattern counting), sometimes more than 31 rule fields (two words of bits).
  const nFields = rand() < 0.15 ? 33 + Math.floor(rand() * 8) : 1 + Math.floor(rand() * 10);
  const fieldNames = Array.from({ length: nFields }, (_, i) => `Field_${i}__c`);
  const kinds = fieldNames.map((): FieldKind => (rand() < 0.3 ? 'boolean' : 'other'));
  const nRules = nFields > 31 ? nFields + 2 : 1 + Math.floor(rand() * 12);
  const rules: CompletenessRule[] = [];
  for (let i = 0; i < nRules; i++) {
    const field = nFields > 31 && i < nFields ? fieldNames[i]! : pick(rand, fieldNames);
    rules.push({
      name: `R${i}`,
      object: rand() < 0.1 ? 'Account' : anyCase(rand, OBJECT),
      field: anyCase(rand, field),
      weight: Math.floor(rand() * 7) - 1,
      recordTypes:
        rand() < 0.6
          ? []
          : RECORD_TYPES.filter(() => rand() < 0.5).map((rt) => anyCase(rand, rt.developerName)),
      stages: rand() < 0.5 ? [] : STAGES.filter(() => rand() < 0.5).map((s) => anyCase(rand, s)),
      active: rand() < 0.9
    });
  }
  const header = ['Id', 'OwnerId', 'RecordTypeId', 'StageName', ...fieldNames];
  const rows: string[][] = [];
  const nRows = 50 + Math.floor(rand() * 400);
  for (let r = 0; r < nRows; r++) {
    rows.push([
      `006${String(r).padStart(15, '0')}`,
      pick(rand, OWNERS),
      rand() < 0.3 ? '' : pick(rand, RECORD_TYPES).id,
      rand() < 0.1 ? '' : pick(rand, STAGES),
      ...kinds.map((kind) => pick(rand, VALUES[kind]))
    ]);
  }
  return { options: { placeholdersAsEmpty: seed % 2 === 0 }, fieldNames, kinds, rules, header, rows };
}

function toCsv(c: Case, rand: () => number): string {
  const quote = (v: string): string =>
    /[",\r\n]/.test(v) || rand() < 0.5 ? `"${v.replace(/"/g, '""')}"` : v;
  return [c.header, ...c.rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

async function byteBatches(text: string, chunk: number): Promise<RowBatch[]> {
  const data = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunk) chunks.push(data.subarray(i, i + chunk));
  const out: RowBatch[] = [];
  for await (const b of readCsv(chunks)) out.push(b);
  return out;
}

const recordTypeName = (id: string): string | null =>
  RECORD_TYPES.find((rt) => rt.id === id)?.developerName ?? null;

/** The component's score of a row: scoreRecord on its values, as the action list scores a record. */
function componentScore(c: Case, row: readonly string[]): number | null {
  const values: Record<string, string> = {};
  const kinds: Record<string, FieldKind> = {};
  c.fieldNames.forEach((name, i) => {
    values[name] = row[4 + i]!;
    kinds[name] = c.kinds[i]!;
  });
  const context = { object: OBJECT, recordType: recordTypeName(row[2]!), stage: row[3] || null };
  return scoreRecord(values, context, c.rules, kinds, c.options).score;
}

interface Dist {
  scored: number;
  sum: number;
  complete: number;
  deciles: number[];
}

function add(d: Dist, score: number | null, n = 1): void {
  if (score === null) return;
  d.scored += n;
  d.sum += score * n;
  if (isComplete(score)) d.complete += n;
  d.deciles[decileOf(score)]! += n;
}

const newDist = (): Dist => ({ scored: 0, sum: 0, complete: 0, deciles: new Array<number>(10).fill(0) });

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

describe('scoring kernel: the component and the sync score alike (differential)', () => {
  it.each(SEEDS)('FillCounter byte path, decoded path and pattern counts (seed %i)', async (seed) => {
    const c = randomCase(seed);
    const rand = prng(seed * 7919);
    const plan = compilePlan(
      c.rules,
      OBJECT,
      c.fieldNames.map((name, i) => ({ name, kind: c.kinds[i]! })),
      c.options
    );
    const tracked = plan.fields.map((f) => c.fieldNames.indexOf(f.name));
    const expected = c.rows.map((row) => componentScore(c, row));
    const rowScore = (counter: FillCounter, r: number, row: readonly string[]): number | null =>
      scoreBits(
        plan.applicable(recordTypeName(row[2]!), row[3] || null),
        counter.rowBits,
        r * counter.wordCount
      );

    // Byte path, in random chunk sizes.
    const fromBytes = new FillCounter(
      c.fieldNames,
      ['OwnerId', 'RecordTypeId', 'StageName'],
      c.kinds,
      tracked,
      undefined,
      plan.options
    );
    const bytesScores: (number | null)[] = [];
    for (const b of await byteBatches(toCsv(c, rand), 1 + Math.floor(rand() * 3000))) {
      expect(typeof b.raw).toBe('function');
      fromBytes.add(b);
      for (let r = 0; r < b.length; r++)
        bytesScores.push(rowScore(fromBytes, r, c.rows[bytesScores.length]!));
    }
    expect(bytesScores).toEqual(expected);

    // Decoded path.
    const decoded = new FillCounter(
      c.fieldNames,
      ['OwnerId', 'RecordTypeId', 'StageName'],
      c.kinds,
      tracked,
      undefined,
      plan.options
    );
    const batch = new ArrayRowBatch(c.header, c.rows);
    decoded.add(batch);
    expect(c.rows.map((row, r) => rowScore(decoded, r, row))).toEqual(expected);

    // Grouped pattern counts: each group's score distribution equals its records' component scores.
    for (const counter of [fromBytes, decoded]) {
      expect(counter.hasPatterns).toBe(plan.fields.length > 0 && plan.fields.length <= 8);
      if (!counter.hasPatterns) continue;
      for (const g of counter.groups) {
        const a = plan.applicable(recordTypeName(g.keys[1]!), g.keys[2] || null);
        const fromPatterns = newDist();
        g.patterns!.forEach((n, p) => {
          if (n > 0) add(fromPatterns, scoreBits(a, [p]), n);
        });
        const fromComponent = newDist();
        c.rows.forEach((row, r) => {
          if (row[1] === g.keys[0] && row[2] === g.keys[1] && row[3] === g.keys[2])
            add(fromComponent, expected[r]!);
        });
        expect({ ...fromPatterns, sum: 0 }).toEqual({ ...fromComponent, sum: 0 });
        expect(fromPatterns.sum).toBeCloseTo(fromComponent.sum, 9);
      }
    }
  });

  it.each(SEEDS.slice(0, 12))('measure() per owner, every scoring path (seed %i)', async (seed) => {
    const c = randomCase(seed);
    const expected = new Map(OWNERS.map((o) => [o, newDist()]));
    for (const row of c.rows) add(expected.get(row[1]!)!, componentScore(c, row));
    const text = toCsv(c, prng(seed));
    for (const bytes of [true, false]) {
      for (const scoreEachRecord of [true, false]) {
        const result = await measure(memorySource(c, text, bytes), {
          objects: [OBJECT],
          asOf: '2026-11-20',
          scoreEachRecord
        });
        const owners = result.objects[0]!.owners;
        for (const owner of OWNERS) {
          const got: CompletenessSummary | undefined = owners.find((o) => o.ownerId === owner)?.completeness;
          const want = expected.get(owner)!;
          if (!got) {
            expect(c.rows.some((row) => row[1] === owner)).toBe(false);
            continue;
          }
          expect({ scored: got.scored, complete: got.complete, deciles: got.deciles }).toEqual({
            scored: want.scored,
            complete: want.complete,
            deciles: want.deciles
          });
          if (want.scored === 0) expect(got.average).toBeNull();
          else expect(Math.abs(got.average! - want.sum / want.scored)).toBeLessThanOrEqual(0.00005 + 1e-12);
        }
      }
    }
  });

  it('defines placeholders once: the byte test agrees with the value test (UTF-8 and Windows-1252)', () => {
    const samples = [
      ...VALUES.other,
      ...PLACEHOLDERS,
      ...PLACEHOLDERS.map((p) => ` ${p.toUpperCase()}\u00a0`),
      'Send brochure',
      'n/a!',
      'ñ',
      'Æ',
      '×',
      'TBD\u2009',
      'TB\u0301D'
    ];
    for (const options of [{}, { placeholdersAsEmpty: true }]) {
      const test = scoringTest('other', options);
      for (const value of samples) {
        const want = [value, test.filled(value)];
        for (const encoding of ['utf8', 'latin1'] as const) {
          if (encoding === 'latin1' && /[^\u0000-\u00ff]/.test(value)) continue;
          const bytes = Buffer.from(value.replace(/"/g, '""'), encoding);
          expect([value, test.filledBytes(bytes, 0, bytes.length)]).toEqual(want);
        }
      }
    }
    // Every listed placeholder, in any case, spacing and accents; real values are not.
    for (const p of PLACEHOLDERS)
      expect([p, isPlaceholder(p), isPlaceholder(` ${p.toUpperCase()} `)]).toEqual([p, true, true]);
    for (const v of ['Call', 'TBD2', 'n/a yet', '0', 'xx-large', 'Définir le budget', 'nada', ' '])
      expect([v, isPlaceholder(v)]).toEqual([v, false]);
    expect(isPlaceholder('A  DÉFINIR')).toBe(true);
    expect(isPlaceholder(0)).toBe(false);
  });

  it('defines each field kind once: the byte test agrees with the value test on every sample cell', () => {
    for (const kind of Object.keys(FIELD_KINDS) as FieldKind[]) {
      for (const value of [...VALUES.other, ...VALUES.boolean]) {
        // A cell's bytes as the CSV reader gives them: inside the quotes, "" escapes kept.
        const bytes = Buffer.from(value.replace(/"/g, '""'), 'utf8');
        expect([kind, value, FIELD_KINDS[kind].filledBytes(bytes, 0, bytes.length)]).toEqual([
          kind,
          value,
          FIELD_KINDS[kind].filled(value)
        ]);
      }
    }
  });
});

/** An in-memory source of one object: rows parsed from CSV bytes, or already decoded. */
function memorySource(c: Case, text: string, bytes: boolean): RecordSource {
  const users: UserRecord[] = OWNERS.map((id, i) => ({
    id,
    name: `User ${i}`,
    isActive: true,
    userType: 'Standard',
    profileName: 'Standard User',
    roleName: 'Team',
    team: 'Team',
    lastLoginDate: null
  }));
  const describe: ObjectDescribe = {
    name: OBJECT,
    fields: c.header.map((name, i) => ({
      name,
      type: i < 4 ? 'string' : c.kinds[i - 4]! === 'boolean' ? 'boolean' : 'string'
    })),
    recordTypes: RECORD_TYPES
  };
  const rules: RuleSet = {
    completeness: c.rules,
    benefits: [],
    settings: { ...DEFAULT_SETTINGS, placeholdersAsEmpty: c.options.placeholdersAsEmpty },
    origin: 'test'
  };
  return {
    kind: 'export',
    description: 'memory',
    listObjects: () => Promise.resolve([OBJECT]),
    describe: (name) => Promise.resolve(name.toLowerCase() === OBJECT.toLowerCase() ? describe : undefined),
    async *streamRecords() {
      if (bytes) yield* await byteBatches(text, 997);
      else yield new ArrayRowBatch(c.header, c.rows);
    },
    readUsers: () => Promise.resolve(users),
    loadRules: () => Promise.resolve(rules),
    close: () => Promise.resolve()
  };
}
