import {
  completenessScore,
  decileOf,
  isFilled,
  missingFields,
  ruleApplies,
  scoreRecord,
  splitList
} from 'c/completenessScoring';
import type { CompletenessRule } from 'c/completenessScoring';

const rule = (field: string, weight: number, extra: Partial<CompletenessRule> = {}): CompletenessRule => ({
  object: 'Opportunity',
  field,
  weight,
  recordTypes: [],
  stages: [],
  active: true,
  ...extra
});

describe('completenessScoring', () => {
  const rules = [
    rule('Amount', 3),
    rule('NextStep', 2, { stages: ['Prospecting', 'Negotiation/Review'] }),
    rule('Description', 1, { recordTypes: ['Renewal'] }),
    rule('LeadSource', 5, { active: false }),
    rule('Industry', 4, { object: 'Account' })
  ];

  it('applies rules by object, record type, stage and active flag', () => {
    const ctx = { object: 'Opportunity', recordType: 'New_Business', stage: 'Prospecting' };
    expect(rules.filter((r) => ruleApplies(r, ctx)).map((r) => r.field)).toEqual(['Amount', 'NextStep']);
    expect(ruleApplies(rules[2]!, { object: 'opportunity', recordType: 'renewal', stage: null })).toBe(true);
    expect(ruleApplies(rules[1]!, { object: 'Opportunity', stage: null })).toBe(false);
  });

  it('counts null and empty string as empty, 0 as filled, checkboxes only when true', () => {
    expect(isFilled(null)).toBe(false);
    expect(isFilled(undefined)).toBe(false);
    expect(isFilled('')).toBe(false);
    expect(isFilled(0)).toBe(true);
    expect(isFilled('false')).toBe(true);
    expect(isFilled(false, 'boolean')).toBe(false);
    expect(isFilled('false', 'boolean')).toBe(false);
    expect(isFilled('true', 'boolean')).toBe(true);
    expect(isFilled(true, 'boolean')).toBe(true);
  });

  it('scores filled weights over applicable weights', () => {
    const ctx = { object: 'Opportunity', recordType: 'Renewal', stage: 'Prospecting' };
    const s = scoreRecord({ Amount: 100, NextStep: '', Description: 'x' }, ctx, rules);
    expect(s.applicableWeight).toBe(6);
    expect(s.filledWeight).toBe(4);
    expect(s.score).toBeCloseTo(4 / 6);
    expect(s.missing.map((r) => r.field)).toEqual(['NextStep']);
  });

  it('returns null when no rule applies', () => {
    expect(completenessScore({}, { object: 'Lead' }, rules)).toBeNull();
  });

  it('lists missing fields heaviest first, once each, reading field names case-insensitively', () => {
    const ctx = { object: 'Opportunity', stage: 'Prospecting' };
    expect(missingFields({ amount: null }, ctx, rules)).toEqual(['Amount', 'NextStep']);
  });

  it('splits metadata lists and buckets deciles', () => {
    expect(splitList(' A, B,,C ')).toEqual(['A', 'B', 'C']);
    expect(splitList(null)).toEqual([]);
    expect([0, 0.05, 0.1, 0.55, 0.99, 1].map(decileOf)).toEqual([0, 0, 1, 5, 9, 9]);
  });
});
