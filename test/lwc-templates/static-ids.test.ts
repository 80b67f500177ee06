// No static id inside an iterator in any LWC template. The LWC compiler warns LWC1041 "Static id values are
// not allowed in iterators" (ids must be unique in a template, and LWC rewrites them, so a label for= or an
// aria-* pointing at such an id points nowhere); the local build only prints the warning. Review 2, defect 9.
// The check reads the templates itself (@lwc/template-compiler is not a direct dependency of the project).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const LWC = path.join(__dirname, '../../force-app/main/default/lwc');

/** HTML elements without a closing tag. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr'
]);

/**
 * The static ids (id="text", not id={expression}) inside a for:each or iterator:* element of a template.
 * @param file the name reported in the failures
 * @param source the template's HTML
 * @returns one failure per id, "file:line <tag id="…"> LWC1041: …"
 */
function staticIdsInIterators(file: string, source: string): string[] {
  const failures: string[] = [];
  const stack: Array<{ tag: string; iterates: boolean }> = [];
  const withoutComments = source.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  for (const match of withoutComments.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g)) {
    const [, closing, rawTag = '', attributes = ''] = match;
    const tag = rawTag.toLowerCase();
    if (closing) {
      const at = stack.map((open) => open.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
      continue;
    }
    const iterates =
      /(^|\s)(for:each|iterator:[\w]+)\s*=/.test(attributes) || stack.some((open) => open.iterates);
    const id = /(?:^|\s)id\s*=\s*("([^"]*)"|'([^']*)')/.exec(attributes);
    if (iterates && id) {
      const line = withoutComments.slice(0, match.index).split('\n').length;
      failures.push(
        `${file}:${line} <${tag} id=${id[1]}> LWC1041: a static id inside for:each/iterator; compute it ({expression}) or do without it`
      );
    }
    if (!VOID.has(tag) && !attributes.trimEnd().endsWith('/')) stack.push({ tag, iterates });
  }
  return failures;
}

const templates = readdirSync(LWC)
  .map((name) => path.join(LWC, name, `${name}.html`))
  .filter((file) => existsSync(file));

describe('LWC templates: no static id inside an iterator (LWC1041)', () => {
  it('finds the templates', () => {
    expect(templates.length).toBeGreaterThan(5);
  });

  it.each(templates.map((file) => [path.relative(LWC, file), file]))('%s', (name, file) => {
    expect(staticIdsInIterators(name, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('fails on a static id inside for:each, naming the file, line, element and rule', () => {
    const faulty = [
      '<template>',
      '  <p id="outside">fine</p>',
      '  <template for:each={rows} for:item="row">',
      '    <div key={row.id}><input id={row.id}><label for="severity">S</label>',
      '      <select id="severity"></select></div>',
      '  </template>',
      '  <p id="after">fine</p>',
      '</template>'
    ].join('\n');
    expect(staticIdsInIterators('fixture/fixture.html', faulty)).toEqual([
      'fixture/fixture.html:5 <select id="severity"> LWC1041: a static id inside for:each/iterator; compute it ({expression}) or do without it'
    ]);
  });

  it('fails on a static id inside iterator:*', () => {
    const faulty =
      '<template>\n<template iterator:it={rows}><span key={it.value.id} id="x"></span></template>\n</template>';
    expect(staticIdsInIterators('f.html', faulty)).toHaveLength(1);
  });
});
