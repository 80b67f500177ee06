import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_NODE_MAJOR, nodeVersionError } from '../node-version';
import { PROJECT_ROOT } from '../paths';

describe('the Node.js version check (review 6.6)', () => {
  it('stops on Node 20 with the version, the one needed and what to run', () => {
    const error = nodeVersionError({ node: '20.20.2' });
    expect(error?.name).toBe('NodeTooOldError');
    expect(error?.message).toContain('This is Node.js 20.20.2: the sync needs Node.js 22 or later');
    expect(error?.hint).toContain('npm run sync -- <flags>');
  });

  it('lets Node 22 and later run', () => {
    expect(nodeVersionError({ node: '22.0.0' })).toBeUndefined();
    expect(nodeVersionError({ node: '24.3.1' })).toBeUndefined();
    expect(nodeVersionError({ node: 'v21.9.9' })).toBeDefined();
  });

  it('needs what package.json engines says', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toBe(`>=${MIN_NODE_MAJOR}`);
  });
});
