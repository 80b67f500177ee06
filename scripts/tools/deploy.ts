// npm run deploy -- --target-org <alias> [more sf flags]: deploys force-app with the sf CLI after
// npm run build has compiled the components. Flags are passed through to `sf project deploy start`.
import { spawnSync } from 'node:child_process';

/**
 * Builds the sf arguments: our defaults, unless the caller gave the same flag.
 * @param passThrough the flags given after `--`
 */
export function deployArgs(passThrough: string[]): string[] {
  const has = (flag: string): boolean => passThrough.some((a) => a === flag || a.startsWith(`${flag}=`));
  const args = ['project', 'deploy', 'start'];
  if (!has('--source-dir') && !has('-d') && !has('--manifest') && !has('-x')) {
    args.push('--source-dir', 'force-app');
  }
  if (!has('--wait') && !has('-w')) {
    args.push('--wait', '30');
  }
  return [...args, ...passThrough];
}

function main(): number {
  const passThrough = process.argv.slice(2);
  const probe = spawnSync('sf', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    console.error(
      'The Salesforce CLI (sf) did not start.\n' +
        'It is a devDependency of the project: run `npm ci`, log in with\n' +
        '`npx sf org login web --alias <alias>`, then run `npm run deploy -- --target-org <alias>`.'
    );
    return 1;
  }
  if (!passThrough.some((a) => a === '--target-org' || a === '-o' || a.startsWith('--target-org='))) {
    console.log('No --target-org given: sf uses its default org (sf config get target-org).');
  }
  const args = deployArgs(passThrough);
  console.log(`sf ${args.join(' ')}`);
  const run = spawnSync('sf', args, { stdio: 'inherit' });
  return run.status ?? 1;
}

if (require.main === module) {
  process.exitCode = main();
}
