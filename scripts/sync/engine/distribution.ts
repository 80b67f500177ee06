/* eslint-disable @typescript-eslint/no-non-null-assertion -- fixed-size decile arrays (noUncheckedIndexedAccess). */
// Completeness score distributions of groups of records (scores from the scoring kernel), and the
// per-group counts the object measurement rolls up.

import {
  decileOf,
  isComplete,
  scoreBits
} from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import type { Applicability } from '../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import type { CompletenessSummary } from './result';

/** Scores of a group of records: count, sum, complete records, counts per decile. */
export interface Distribution {
  scored: number;
  scoreSum: number;
  complete: number;
  deciles: Int32Array;
}

export function newDistribution(): Distribution {
  return { scored: 0, scoreSum: 0, complete: 0, deciles: new Int32Array(10) };
}

export function addDistribution(into: Distribution, from: Distribution): void {
  into.scored += from.scored;
  into.scoreSum += from.scoreSum;
  into.complete += from.complete;
  for (let i = 0; i < 10; i++) into.deciles[i]! += from.deciles[i]!;
}

/** Adds `n` records scoring `score` (0–1). */
export function addScore(dist: Distribution, score: number, n: number): void {
  dist.scored += n;
  dist.scoreSum += score * n;
  if (isComplete(score)) dist.complete += n;
  dist.deciles[decileOf(score)]! += n;
}

/**
 * Adds the scores of records counted per pattern of filled rule fields (pattern p: the filled bits of the
 * plan's rule fields, at most MAX_PATTERN_FIELDS of them: one word).
 */
export function addPatternScores(patterns: Int32Array, rules: Applicability, dist: Distribution): void {
  const bits = new Int32Array(1);
  for (let p = 0; p < patterns.length; p++) {
    const n = patterns[p]!;
    if (n === 0) continue;
    bits[0] = p;
    const score = scoreBits(rules, bits);
    if (score !== null) addScore(dist, score, n);
  }
}

/**
 * The rules of `a` whose field is not in `absent` (indexes into the plan's fields): a rule on a field
 * whose column the record's file lacks does not apply to that record (its score leaves it out; a record
 * left with no applicable weight is not scored). Rule i's field is bit masks[i] of word words[i].
 */
export function withoutFields(a: Applicability, absent: ReadonlySet<number>): Applicability {
  const keep: number[] = [];
  for (let i = 0; i < a.rules.length; i++) {
    const field = a.words[i]! * 32 + 31 - Math.clz32(a.masks[i]!);
    if (!absent.has(field)) keep.push(i);
  }
  if (keep.length === a.rules.length) return a;
  const weights = Float64Array.from(keep, (i) => a.weights[i]!);
  return {
    rules: keep.map((i) => a.rules[i]!),
    words: Int32Array.from(keep, (i) => a.words[i]!),
    masks: Int32Array.from(keep, (i) => a.masks[i]!),
    weights,
    total: weights.reduce((sum, w) => sum + w, 0),
    fieldIndexes: a.fieldIndexes.filter((f) => !absent.has(f))
  };
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function summary(d: Distribution): CompletenessSummary {
  return {
    scored: d.scored,
    average: d.scored > 0 ? round(d.scoreSum / d.scored, 4) : null,
    complete: d.complete,
    deciles: [...d.deciles]
  };
}

/**
 * Counts of one group of records: records, filled per measured field, records whose file lacked each
 * field's column (not applicable: records - absent[i] is field i's denominator), score distribution.
 */
export interface Group {
  records: number;
  filled: Int32Array;
  absent: Int32Array;
  dist: Distribution;
}

export function newGroup(fields: number): Group {
  return {
    records: 0,
    filled: new Int32Array(fields),
    absent: new Int32Array(fields),
    dist: newDistribution()
  };
}

export function addGroup(into: Group, from: Group): void {
  into.records += from.records;
  for (let i = 0; i < from.filled.length; i++) into.filled[i]! += from.filled[i]!;
  for (let i = 0; i < from.absent.length; i++) into.absent[i]! += from.absent[i]!;
  addDistribution(into.dist, from.dist);
}
