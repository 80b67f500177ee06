// Keeps the nudge's Apex categories (classes/NudgeRules.cls) in step with the daily action list's reasons
// (lwc/actionRanking/actionRanking.ts): every reason the list ranks is either counted by a nudge category
// or listed below as not nudged, and NudgeRules.CATEGORY_ORDER follows the list's REASON_WEIGHT. A new
// reason in the component, or a reordered weight, fails here until NudgeRules says how it is counted.
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../../force-app/main/default');
const RANKING = path.join(SRC, 'lwc/actionRanking/actionRanking.ts');
const RULES = path.join(SRC, 'classes/NudgeRules.cls');

/** Reasons of the list a weekly nudge does not count, and why (say so in NudgeRules' header too). */
export const NOT_NUDGED: Readonly<Record<string, string>> = {
  today: "today's events are not work left undone",
  dueToday: 'due today is not late yet',
  unread: 'sponsor messages reach the rep in the list itself'
};

/** REASON_WEIGHT of actionRanking.ts: reason => weight. */
export function reasonWeights(ranking: string): Map<string, number> {
  const body = /REASON_WEIGHT[^{]*\{([^}]*)\}/.exec(ranking)?.[1] ?? '';
  return new Map([...body.matchAll(/(\w+):\s*(\d+)/g)].map((m) => [m[1] ?? '', Number(m[2])]));
}

/** The header table of NudgeRules.cls: category key => component reason. */
export function categoryReasons(rules: string): Map<string, string> {
  const rows = [...rules.matchAll(/^\s*\*\s*\|\s*([\w:<>.]+)\s*\|\s*(\w+)\s*\|/gm)];
  return new Map(rows.filter((m) => m[1] !== 'category').map((m) => [m[1] ?? '', m[2] ?? '']));
}

/** NudgeRules.CATEGORY_ORDER, as category keys. */
export function categoryOrder(rules: string): string[] {
  const constants = new Map(
    [...rules.matchAll(/static final String (\w+) = '([^']*)'/g)].map((m) => [m[1] ?? '', m[2] ?? ''])
  );
  const body = /CATEGORY_ORDER = new List<String>\{([^}]*)\}/.exec(rules)?.[1] ?? '';
  return body
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => constants.get(name) ?? name);
}

/**
 * Disagreements between the list's reasons and the nudge's categories.
 * @param ranking text of actionRanking.ts
 * @param rules text of NudgeRules.cls
 * @param file path named in the messages
 * @returns one message per problem, naming the file, the element and the rule
 */
export function nudgeCategoryProblems(ranking: string, rules: string, file = RULES): string[] {
  const weights = reasonWeights(ranking);
  const table = categoryReasons(rules);
  const problems: string[] = [];
  if (weights.size === 0) problems.push(`${RANKING}: REASON_WEIGHT not found`);
  const tableKey = (key: string) => (key.startsWith('missing:') ? 'missing:<Object>.<Field>' : key);
  const counted = new Set(table.values());
  for (const reason of weights.keys()) {
    if (!counted.has(reason) && !(reason in NOT_NUDGED)) {
      problems.push(
        `${file}: reason '${reason}' of the daily action list has no nudge category (rule: every ranked reason is counted by NudgeRules or listed in NOT_NUDGED with why)`
      );
    }
  }
  for (const [key, reason] of table) {
    if (!weights.has(reason)) {
      problems.push(
        `${file}: category '${key}' names reason '${reason}', which the daily action list no longer has`
      );
    }
  }
  const order = categoryOrder(rules);
  for (let i = 1; i < order.length; i += 1) {
    const previous = weights.get(table.get(tableKey(order[i - 1] ?? '')) ?? '') ?? -1;
    const current = weights.get(table.get(tableKey(order[i] ?? '')) ?? '') ?? -1;
    if (current > previous) {
      problems.push(
        `${file}: CATEGORY_ORDER puts '${order[i - 1]}' before '${order[i]}' (rule: most urgent first, as REASON_WEIGHT ranks them)`
      );
    }
  }
  return problems;
}

describe('nudge categories follow the daily action list', () => {
  const ranking = fs.readFileSync(RANKING, 'utf8');
  const rules = fs.readFileSync(RULES, 'utf8');

  it('reads the reasons, the table and the order', () => {
    expect(reasonWeights(ranking).get('overdue')).toBeGreaterThan(0);
    expect(categoryReasons(rules).get('overdueTasks')).toBe('overdue');
    expect(categoryOrder(rules)[0]).toBe('overdueTasks');
  });

  it('agrees today', () => {
    expect(nudgeCategoryProblems(ranking, rules)).toEqual([]);
  });

  it('fails on a new reason in the component that the nudge does not count', () => {
    const withNewReason = ranking.replace('missingFields: 20', 'missingFields: 20,\n  staleQuote: 40');
    expect(nudgeCategoryProblems(withNewReason, rules)).toEqual([
      expect.stringMatching(/NudgeRules\.cls: reason 'staleQuote' .* no nudge category/)
    ]);
  });

  it('fails when the nudge ranks categories differently from the list', () => {
    const swapped = rules.replace(
      '    OVERDUE_TASKS,\n    PAST_CLOSE,',
      '    PAST_CLOSE,\n    OVERDUE_TASKS,'
    );
    expect(swapped).not.toBe(rules);
    expect(nudgeCategoryProblems(ranking, swapped)).toEqual([
      expect.stringMatching(/CATEGORY_ORDER puts 'pastCloseOpportunities' before 'overdueTasks'/)
    ]);
  });

  it('fails when a category names a reason the list dropped', () => {
    const dropped = ranking.replace('  untouched: 36,\n', '');
    expect(nudgeCategoryProblems(dropped, rules)).toEqual(
      expect.arrayContaining([expect.stringMatching(/category 'untouchedLeads' names reason 'untouched'/)])
    );
  });
});
