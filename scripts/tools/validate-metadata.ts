// npm run validate: offline checks of the metadata under force-app.
// 1. The pure checks of metadata-checks.ts (well-formed XML, references, labels, Apex -meta.xml,
//    permission set order).
// 2. A conversion to metadata format with @salesforce/source-deploy-retrieve, comparing what went in
//    with what came out: the converter drops files it does not recognise, without an error.
// 3. The schema gate (checks/metadata-schema.ts): every metadata file against the Metadata API types of
//    @salesforce/types, each file's type given by source-deploy-retrieve's registry; rules the WSDL
//    leaves to the platform (tab motifs).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ComponentSet, ForceIgnore, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import type { SourceComponent } from '@salesforce/source-deploy-retrieve';
import { runChecks } from './metadata-checks.ts';
import { checkLanguage } from './checks/language.ts';
import type { Problem, SourceFile } from './metadata-checks.ts';
import { checkSchema, loadSchema } from './checks/metadata-schema.ts';
import type { TypedSourceFile } from './checks/metadata-schema.ts';
import { checkTabMotifs } from './checks/tab-motifs.ts';
import { checkBundleConfigs, checkBundleFiles, checkConvertedBundles } from './checks/lwc-bundles.ts';
import { checkPersonas, formatPersonaMatrix } from './checks/personas.ts';
import { checkPersonaTests } from './checks/persona-tests.ts';

const ROOT = path.resolve(__dirname, '..', '..');

/** Folders of a package directory that hold tooling, not metadata (jest setup and mocks). */
const NON_METADATA = [/^test\//];

const toPosix = (p: string): string => p.split(path.sep).join('/');

function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

function packageDirectories(projectRoot: string): string[] {
  const project = JSON.parse(readFileSync(path.join(projectRoot, 'sfdx-project.json'), 'utf8')) as {
    packageDirectories?: Array<{ path: string }>;
  };
  return (project.packageDirectories ?? []).map((d) => path.join(projectRoot, d.path));
}

/** Files of the component and of its children (decomposed fields, list views, labels…). */
function coveredFiles(component: SourceComponent): string[] {
  const files: string[] = [];
  if (component.xml) {
    files.push(component.xml);
  }
  if (component.content) {
    files.push(
      ...(statSync(component.content).isDirectory() ? component.walkContent() : [component.content])
    );
  }
  for (const childComponent of component.getChildren()) {
    files.push(...coveredFiles(childComponent));
  }
  return files;
}

/**
 * Converts each package directory to metadata format in a temporary folder and reports source files
 * that no component covers, and components missing from the output.
 * @param projectRoot folder with sfdx-project.json
 */
export async function checkConversion(projectRoot: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const forceIgnore = ForceIgnore.findAndCreate(projectRoot);
  for (const packageDir of packageDirectories(projectRoot)) {
    const inputs = walk(packageDir).filter(
      (f) =>
        !forceIgnore.denies(f) && !NON_METADATA.some((re) => re.test(toPosix(path.relative(packageDir, f))))
    );
    let components: SourceComponent[];
    let set: ComponentSet;
    try {
      set = ComponentSet.fromSource(packageDir);
      components = set.getSourceComponents().toArray();
      components.forEach((c) => c.getChildren());
    } catch (error) {
      problems.push({
        check: 'conversion',
        file: toPosix(path.relative(projectRoot, packageDir)),
        message: `The source could not be read as metadata: ${error instanceof Error ? error.message : String(error)}`,
        fix: 'Fix or move the file named in the message (a wrong suffix or folder is the usual cause).'
      });
      continue;
    }
    const covered = new Set(components.flatMap(coveredFiles).map((f) => path.resolve(f)));
    for (const input of inputs) {
      if (!covered.has(path.resolve(input))) {
        problems.push({
          check: 'conversion',
          file: toPosix(path.relative(projectRoot, input)),
          message: 'Not part of any metadata component: the deployment would leave it out without a word.',
          fix: 'Check the file name suffix and folder (e.g. a class needs its .cls-meta.xml, a field ends in .field-meta.xml), or list it in .forceignore.'
        });
      }
    }

    const outputDir = mkdtempSync(path.join(tmpdir(), 'validate-metadata-'));
    try {
      await new MetadataConverter().convert(set, 'metadata', {
        type: 'directory',
        outputDirectory: outputDir,
        genUniqueDir: false
      });
      const outputs = walk(outputDir).map((f) => toPosix(path.relative(outputDir, f)));
      const bundleFolders = new Map(
        components
          .filter((c) => c.type.name === 'LightningComponentBundle' && c.content)
          .map((c) => [c.fullName, toPosix(path.relative(projectRoot, c.content ?? ''))])
      );
      problems.push(...checkConvertedBundles(outputs, bundleFolders));
      const outputText = new Map<string, string>();
      const read = (rel: string): string => {
        let t = outputText.get(rel);
        if (t === undefined) {
          t = readFileSync(path.join(outputDir, rel), 'utf8');
          outputText.set(rel, t);
        }
        return t;
      };
      for (const component of components) {
        const prefix = `${component.type.directoryName}/${component.fullName}`;
        const out = outputs.find(
          (o) => o === prefix || o.startsWith(`${prefix}.`) || o.startsWith(`${prefix}/`)
        );
        const source = toPosix(path.relative(projectRoot, component.xml ?? component.content ?? packageDir));
        if (!out) {
          problems.push({
            check: 'conversion',
            file: source,
            message: `${component.type.name} ${component.fullName} is missing from the converted package.`,
            fix:
              component.type.name === 'LightningComponentBundle'
                ? `A component needs its .js-meta.xml and its compiled .js: run \`npm run build\` (it compiles ${component.fullName}.ts), then validate again.`
                : 'Run `sf project convert source` to see the error, then fix the source files of this component.'
          });
          continue;
        }
        for (const childComponent of component.getChildren()) {
          const name = childComponent.fullName.split('.').pop() ?? childComponent.fullName;
          // Children are keyed by <fullName> (fields, labels…) or by <name> (field translations).
          const text = read(out);
          if (!text.includes(`<fullName>${name}</fullName>`) && !text.includes(`<name>${name}</name>`)) {
            problems.push({
              check: 'conversion',
              file: toPosix(path.relative(projectRoot, childComponent.xml ?? source)),
              message: `${childComponent.type.name} ${childComponent.fullName} is missing from ${out} after conversion.`,
              fix: 'Check that the file is well formed and that its root element matches its type.'
            });
          }
        }
      }
    } finally {
      rmSync(outputDir, { recursive: true, force: true });
    }
  }
  return problems;
}

/**
 * The metadata XML files of the package directories with their Metadata API type, as
 * source-deploy-retrieve's registry resolves them: a decomposed child (a field, a list view, a field
 * translation) gets its own type (CustomField, ListView, CustomFieldTranslation); a child kept inside its
 * parent's file (CustomLabel in CustomLabels) leaves the file to the parent's type.
 * @param projectRoot folder with sfdx-project.json
 * @returns files and types; an unreadable package directory gives none (the conversion check reports it)
 */
export function typedMetadataFiles(projectRoot: string): TypedSourceFile[] {
  const types = new Map<string, string>();
  const visit = (component: SourceComponent): void => {
    if (component.xml && !types.has(component.xml)) {
      types.set(component.xml, component.type.name);
    }
    component.getChildren().forEach(visit);
  };
  for (const packageDir of packageDirectories(projectRoot)) {
    try {
      ComponentSet.fromSource(packageDir).getSourceComponents().toArray().forEach(visit);
    } catch {
      // reported by checkConversion
    }
  }
  return [...types.entries()]
    .map(([file, type]) => ({
      path: toPosix(path.relative(projectRoot, file)),
      text: readFileSync(file, 'utf8'),
      type
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Reads every non-ignored file of the package directories as text (XML, Apex, component sources). */
export function readSources(projectRoot: string): SourceFile[] {
  return packageDirectories(projectRoot)
    .flatMap(walk)
    .filter(
      (f) => /\.(xml|cls|trigger|ts|html)$/.test(f) && !f.includes(`${path.sep}node_modules${path.sep}`)
    )
    .map((f) => ({ path: toPosix(path.relative(projectRoot, f)), text: readFileSync(f, 'utf8') }));
}

/** Prints problems grouped by file. */
export function formatProblems(problems: Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) {
    byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  }
  const lines: string[] = [];
  for (const [file, list] of [...byFile.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(file);
    for (const p of list) {
      lines.push(`  [${p.check}] ${p.message}`, `      → ${p.fix}`);
    }
  }
  return lines.join('\n');
}

/**
 * Runs every check of `npm run validate` on a project.
 * @param projectRoot folder with sfdx-project.json
 * @returns the number of source files read and every problem found
 */
export async function validateProject(projectRoot: string): Promise<{ files: number; problems: Problem[] }> {
  const files = readSources(projectRoot);
  const problems = [
    ...runChecks(files),
    ...(await checkConversion(projectRoot)),
    ...checkSchema(typedMetadataFiles(projectRoot), loadSchema()),
    ...checkTabMotifs(files),
    ...checkBundleFiles(
      packageDirectories(projectRoot)
        .flatMap(walk)
        .map((f) => toPosix(path.relative(projectRoot, f)))
    ),
    ...checkBundleConfigs(files),
    ...checkLanguage(projectRoot),
    ...checkPersonas(files),
    ...checkPersonaTests(files)
  ];
  return { files: files.length, problems };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const projectRoot = path.resolve(args.find((a) => !a.startsWith('--')) ?? ROOT);
  const started = Date.now();
  const { files: fileCount, problems } = await validateProject(projectRoot);
  if (args.includes('--personas'))
    console.log(`Personas matrix:${formatPersonaMatrix(readSources(projectRoot))}\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (problems.length === 0) {
    console.log(
      `Metadata valid: ${fileCount} source file(s) checked, conversion complete, schema of every metadata file checked (${seconds}s).`
    );
    return 0;
  }
  console.log(formatProblems(problems));
  console.log(`\n${problems.length} metadata problem(s) in ${fileCount} source file(s) (${seconds}s).`);
  return 1;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    }
  );
}
