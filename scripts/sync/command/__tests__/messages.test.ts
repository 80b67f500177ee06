// messages/adoption.sync.md is read by two readers: @salesforce/core's Messages (the sf command: help,
// flag summaries) and command/messages.ts (the launcher, which must not load @salesforce/core). They must
// agree on every key; every flag has its summary; every error the code raises has its text and actions.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Messages } from '@salesforce/core';
import { FLAGS } from '../flags';
import { MESSAGES_FILE, inputError, message, messageList, parseMessages } from '../messages';

const ROOT = join(__dirname, '..', '..', '..', '..');
const FILE = join(ROOT, MESSAGES_FILE);
const text = readFileSync(FILE, 'utf8');

Messages.importMessageFile('adoption-cockpit-test', FILE);
const sf = Messages.loadMessages('adoption-cockpit-test', 'adoption.sync');

/** Every .ts/.mts file under scripts/sync outside the tests. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sources(path);
    return /\.m?ts$/.test(entry.name) ? [path] : [];
  });
}

describe('the messages file', () => {
  const keys = [...parseMessages(text, FILE).keys()];

  it('reads the same with both readers, key by key (tokens filled the same way)', () => {
    expect(keys.length).toBeGreaterThan(30);
    for (const key of keys) {
      expect(messageList(key, ['A', 'B', 'C'])).toEqual(sf.getMessages(key, ['A', 'B', 'C']));
      expect(message(key, ['A', 'B'])).toBe(sf.getMessage(key, ['A', 'B']));
    }
  });

  it('has a summary for every flag of FLAGS', () => {
    for (const name of Object.keys(FLAGS)) expect(keys).toContain(`flags.${name}.summary`);
  });

  it('has the text and the actions of every error the code raises', () => {
    const raised = new Set<string>();
    for (const file of sources(join(ROOT, 'scripts', 'sync'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/inputError\('(\w+)'/g)) raised.add(m[1] ?? '');
    }
    expect(raised.size).toBeGreaterThan(5);
    for (const name of raised) {
      expect(keys).toContain(`error.${name}`);
      expect(keys).toContain(`error.${name}.actions`);
      const error = inputError(name, ['x', 'y'], ['z']);
      expect(error.name).toBe(`${name}Error`);
      expect(error.hint).not.toBe('');
    }
  });

  it('refuses a key without text, naming the file and the key (as @salesforce/core does)', () => {
    expect(() => parseMessages('# summary\n\n# error.Empty\n\n', 'broken.md')).toThrow(
      /broken\.md: "# summary" has no text/
    );
  });
});
