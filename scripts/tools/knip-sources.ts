// npm run knip: knip on the project's sources only. After `npm run build` every component module has its
// compiled .js beside its .ts, and knip resolves `./caseQueue` to the compiled caseQueue.js before the
// source (its resolver tries the .js candidate first and no option changes that order), so on a built tree
// every bundle-local module would be reported unused. knip therefore runs on a copy of the files git
// tracks or would track (`git ls-files --cached --others --exclude-standard`: build products are
// gitignored), with node_modules linked, and its exit code is this script's.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

function sourceFiles(): string[] {
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20
  });
  if (listed.status !== 0) {
    throw new Error(`git ls-files failed: ${listed.stderr}`);
  }
  // A tracked file deleted in the work tree is not a source any more.
  return listed.stdout.split('\0').filter((file) => file && existsSync(join(root, file)));
}

function main(): number {
  const copy = mkdtempSync(join(tmpdir(), 'knip-sources-'));
  try {
    for (const file of sourceFiles()) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      copyFileSync(join(root, file), join(copy, file));
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const knip = spawnSync(
      process.execPath,
      [join(root, 'node_modules/knip/bin/knip.js'), '--no-progress', ...process.argv.slice(2)],
      { cwd: copy, stdio: 'inherit' }
    );
    return knip.status ?? 1;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

process.exitCode = main();
