import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filterCases, foldText, matchesQuery, nextNotRun, segments, type QueueCase } from '../caseQueue';
import { resultForKey } from '../acceptanceConsole';

const cases: QueueCase[] = [
  {
    id: '1',
    name: 'TC-0001',
    scenario: 'Créer une opportunité',
    assignee: 'Élise Dupont',
    result: 'Passed',
    mine: true
  },
  {
    id: '2',
    name: 'TC-0002',
    scenario: 'Clôturer une affaire',
    assignee: 'Louis',
    result: 'Failed',
    mine: false
  },
  { id: '3', name: 'TC-0003', scenario: 'Journaliser un appel', result: null, mine: true },
  {
    id: '4',
    name: 'TC-0004',
    scenario: 'Convertir une piste',
    defect: 'JIRA-42',
    result: 'Not_Run',
    mine: false
  }
];

describe('acceptanceConsole caseQueue', () => {
  it('folds case and accents for search', () => {
    expect(foldText('Élise CRÉER')).toBe('elise creer');
    expect(matchesQuery(cases[0]!, 'creer elise')).toBe(true);
    expect(matchesQuery(cases[0]!, 'creer louis')).toBe(false);
    expect(matchesQuery(cases[3]!, 'jira-42')).toBe(true);
    expect(matchesQuery(cases[3]!, '   ')).toBe(true);
  });

  it('filters by result (blank counts as not run), mine and search together', () => {
    const ids = (list: QueueCase[]) => list.map((testCase) => testCase.id);
    expect(ids(filterCases(cases, { result: 'Not_Run', mineOnly: false, query: '' }))).toEqual(['3', '4']);
    expect(ids(filterCases(cases, { result: 'Not_Run', mineOnly: true, query: '' }))).toEqual(['3']);
    expect(ids(filterCases(cases, { result: 'all', mineOnly: false, query: 'TC-0002' }))).toEqual(['2']);
    expect(ids(filterCases(cases, { result: 'Blocked', mineOnly: false, query: '' }))).toEqual([]);
  });

  it('finds the next test case not run after one, wrapping round, and none when all were run', () => {
    expect(nextNotRun(cases)).toBe('3');
    expect(nextNotRun(cases, '3')).toBe('4');
    expect(nextNotRun(cases, '4')).toBe('3');
    expect(nextNotRun(cases, 'unknown')).toBe('3');
    expect(nextNotRun(cases.slice(0, 2))).toBeUndefined();
    // the only one not run, asked after itself: nothing else to go to
    expect(nextNotRun([cases[2]!], '3')).toBeUndefined();
  });

  it('splits the progress bar by result, failures included, leaving out empty results', () => {
    expect(segments({ total: 64, passed: 40, failed: 6, blocked: 0, notRun: 18, executed: 46 })).toEqual([
      { result: 'Passed', count: 40, percent: 62.5 },
      { result: 'Failed', count: 6, percent: 9.4 },
      { result: 'Not_Run', count: 18, percent: 28.1 }
    ]);
    expect(segments({ total: 0, passed: 0, failed: 0, blocked: 0, notRun: 0, executed: 0 })).toEqual([]);
  });
});

/** Label values by name, in English and in French, from the project's metadata. */
function labelValues(): { en: Record<string, string>; fr: Record<string, string> } {
  const root = path.resolve(__dirname, '../../..');
  const en = readFileSync(path.join(root, 'labels/CustomLabels.labels-meta.xml'), 'utf8');
  const fr = readFileSync(path.join(root, 'translations/fr.translation-meta.xml'), 'utf8');
  const enValues: Record<string, string> = {};
  for (const [, body] of en.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
    const name = /<fullName>([^<]+)<\/fullName>/.exec(body ?? '')?.[1];
    const value = /<value\s*>([\s\S]*?)<\/value>/.exec(body ?? '')?.[1];
    if (name && value !== undefined) enValues[name] = value;
  }
  const frValues: Record<string, string> = {};
  for (const [, body] of fr.matchAll(/<customLabels>([\s\S]*?)<\/customLabels>/g)) {
    const name = /<name>([^<]+)<\/name>/.exec(body ?? '')?.[1];
    const value = /<label\s*>([\s\S]*?)<\/label>/.exec(body ?? '')?.[1];
    if (name && value !== undefined) frValues[name] = value;
  }
  return { en: enValues, fr: frValues };
}

describe('acceptanceConsole shortcut keys', () => {
  const initial = (word: string) => foldText(word).charAt(0);
  it.each(['en', 'fr'] as const)('are the initials of the result names in %s, all different', (language) => {
    const labels = labelValues()[language];
    const key = (name: string) => foldText(labels[`acceptanceConsole_${name}`]).trim();
    const keys = ['KeyPassed', 'KeyFailed', 'KeyBlocked', 'KeyNext'].map(key);
    expect(keys.every((k) => /^[a-z]$/.test(k))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect(key('KeyPassed')).toBe(initial(labels.acceptanceConsole_Passed ?? ''));
    expect(key('KeyFailed')).toBe(initial(labels.acceptanceConsole_Failed ?? ''));
    expect(key('KeyBlocked')).toBe(initial(labels.acceptanceConsole_Blocked ?? ''));
    // the help names the keys through placeholders, so it cannot say other letters than the keys
    expect(labels.acceptanceConsole_Shortcuts).toMatch(/\{0\}[\s\S]*\{1\}[\s\S]*\{2\}[\s\S]*\{3\}/);
  });
});

describe('acceptanceConsole resultForKey', () => {
  it.each([
    ['&', 'Digit1', 'Passed'],
    ['é', 'Digit2', 'Failed'],
    ['"', 'Digit3', 'Blocked'],
    ['1', 'Numpad1', 'Passed'],
    ['3', 'Numpad3', 'Blocked'],
    ['2', '', 'Failed']
  ])('maps key %p with code %p to %p, whatever the layout', (key, code, result) => {
    expect(resultForKey(key, code)).toBe(result);
  });

  it('ignores other keys', () => {
    expect(resultForKey('x', 'KeyX')).toBeUndefined();
    expect(resultForKey('(', 'Digit5')).toBeUndefined();
  });
});
