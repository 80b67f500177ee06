// A Lightning page as the browser gate composes it: the regions of its template, in the columns Lightning
// gives that template in a 1440×900 window, and the components its flexipage places in each region, in
// order, with their properties. Read from the page's .flexipage-meta.xml (never copied), so a change of the
// page is what the gate renders.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** One component the flexipage places: `<componentInstance>` inside a region's `<itemInstances>`. */
export interface Placement {
  /** `componentName`: a project Lightning web component (`dailyActionList` or `c:dailyActionList`). */
  component: string;
  identifier: string;
  /** `componentInstanceProperties`, typed by the component's js-meta.xml (Integer, Boolean, String). */
  props: Record<string, string | number | boolean>;
}

export interface PageRegion {
  name: string;
  placements: Placement[];
}

/** A column of a template: rows of regions side by side (`[['top'], ['bottomLeft', 'bottomRight']]`). */
interface TemplateColumn {
  /** Share of the page width (flex-grow). */
  grow: number;
  rows: string[][];
}

interface TemplateLayout {
  columns: TemplateColumn[];
  /** Lightning App Builder's name of the template, for messages. */
  label: string;
}

/**
 * The templates the project's pages use, as column and row layouts. Widths are shares of the content
 * area, separated by 12 px (SLDS spacing "small", 0.75rem) inside a 12 px page margin. Salesforce does not
 * publish the standard templates' pixel widths; they are laid out on the SLDS 12-column grid, and the
 * Aura Components Developer Guide ("Create a Custom Lightning Page Template Component",
 * developer.salesforce.com) builds its main-column-and-right-sidebar example the same way: on desktop the
 * sidebar takes 4 of the 12 columns, the main column the other 8. The region names are the template's
 * (`top`, `bottomLeft`, `bottomRight`, `sidebar`: Lightning App Builder's "Standard Home Page"). In a
 * 1440 px window (scrollbars hidden, as on a Mac) the Home main column is 936 px and its sidebar 468 px; a
 * Windows scrollbar takes about 15 px more from both.
 */
const TEMPLATES: Record<string, TemplateLayout> = {
  // "Standard Home Page": a header region over two half columns, on the left 2/3; a sidebar on the right 1/3.
  'home:desktopTemplate': {
    label: 'Standard Home Page',
    columns: [
      { grow: 2, rows: [['top'], ['bottomLeft', 'bottomRight']] },
      { grow: 1, rows: [['sidebar']] }
    ]
  },
  // App page "Two Columns": two equal columns.
  'flexipage:appHomeTemplateTwoColumns': {
    label: 'Two Columns',
    columns: [
      { grow: 1, rows: [['column1']] },
      { grow: 1, rows: [['column2']] }
    ]
  }
};

/** Lightning's page margin and the gap between columns, rows and regions, in CSS px (SLDS spacing "small"). */
export const PAGE_GAP = 12;
/** The desktop window pages are composed in, in CSS px. */
export const DESKTOP_WIDTH = 1440;

/**
 * Width in CSS px of one column of a template in a window: its flex-grow share of the content area left
 * by the page margins and the gaps between columns (what `pageMarkup` lays out).
 * @throws Error when the template or the column is not one of TEMPLATES
 */
export function columnWidth(template: string, column: number, window: number = DESKTOP_WIDTH): number {
  const columns = TEMPLATES[template]?.columns;
  const grow = columns?.[column]?.grow;
  if (!columns || grow === undefined) {
    throw new Error(`flexipage.ts: no column ${column} in template "${template}"; add it to TEMPLATES`);
  }
  const content = window - 2 * PAGE_GAP - (columns.length - 1) * PAGE_GAP;
  return (content * grow) / columns.reduce((sum, c) => sum + c.grow, 0);
}

/** The Standard Home Page's sidebar in the desktop window (468 px): the gate's "homeSidebar" region. */
export const HOME_SIDEBAR_WIDTH = columnWidth('home:desktopTemplate', 1);

export interface ComposedPage {
  /** Project-relative path of the .flexipage-meta.xml. */
  file: string;
  template: string;
  regions: PageRegion[];
  /** What cannot be composed, each naming the file, the element and the rule; empty when it can. */
  problems: string[];
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

interface RawProperty {
  name?: string;
  value?: string | number | boolean;
}
interface RawRegion {
  name?: string;
  itemInstances?: { componentInstance?: RawInstance } | { componentInstance?: RawInstance }[];
}
interface RawInstance {
  componentName?: string;
  identifier?: string;
  componentInstanceProperties?: RawProperty | RawProperty[];
}

/** Property types declared in `<property name type>` of a component's js-meta.xml. */
function propertyTypes(metaFile: string): Map<string, string> {
  const types = new Map<string, string>();
  if (!existsSync(metaFile)) return types;
  const text = readFileSync(metaFile, 'utf8');
  for (const match of text.matchAll(/<property\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(match[0])?.[1];
    const type = /\btype="([^"]+)"/.exec(match[0])?.[1];
    if (name && type) types.set(name, type);
  }
  return types;
}

function typed(value: string, type: string | undefined): string | number | boolean {
  if (type === 'Boolean') return value === 'true';
  if (type === 'Integer') return Number(value);
  return value;
}

/**
 * Reads a flexipage and checks that the gate can render it: a template it knows, regions the template
 * has, and components that exist in `lwcDirs` (the project's, then the gate's fixtures).
 * @param file absolute path of a .flexipage-meta.xml
 * @param root the project root (paths in messages are relative to it)
 * @param lwcDirs folders holding `<component>/<component>.js-meta.xml` or `.ts`
 */
export function composeFlexipage(file: string, root: string, lwcDirs: string[]): ComposedPage {
  const rel = path.relative(root, file);
  const problems: string[] = [];
  if (!existsSync(file)) {
    return { file: rel, template: '', regions: [], problems: [`${rel}: no such flexipage`] };
  }
  const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });
  const doc = parser.parse(readFileSync(file, 'utf8')) as {
    FlexiPage?: { template?: { name?: string }; flexiPageRegions?: RawRegion | RawRegion[] };
  };
  const page = doc.FlexiPage;
  const template = page?.template?.name ?? '';
  const layout = TEMPLATES[template];
  if (!layout) {
    problems.push(
      `${rel}: <template><name>${template}</name>: the browser gate has no layout for this template (add its columns to TEMPLATES in test/browser/flexipage.ts)`
    );
  }
  const known = new Set(layout?.columns.flatMap((c) => c.rows.flat()) ?? []);
  const regions: PageRegion[] = [];
  for (const raw of asArray(page?.flexiPageRegions)) {
    const name = raw.name ?? '';
    if (layout && !known.has(name)) {
      problems.push(
        `${rel}: <flexiPageRegions><name>${name}</name>: template ${template} has no region ${name}`
      );
    }
    const placements: Placement[] = [];
    for (const item of asArray(raw.itemInstances)) {
      const instance = item.componentInstance;
      if (!instance) continue;
      const componentName = instance.componentName ?? '';
      const component = componentName.replace(/^c:/, '');
      const folder = lwcDirs.map((dir) => path.join(dir, component)).find((dir) => existsSync(dir));
      if (component.includes(':') || !folder) {
        problems.push(
          `${rel}: <componentName>${componentName}</componentName> (region ${name}, identifier ${instance.identifier ?? '?'}): no Lightning web component ${component} in force-app/main/default/lwc`
        );
        continue;
      }
      const types = propertyTypes(path.join(folder, `${component}.js-meta.xml`));
      const props: Placement['props'] = {};
      for (const property of asArray(instance.componentInstanceProperties)) {
        if (property.name)
          props[property.name] = typed(String(property.value ?? ''), types.get(property.name));
      }
      placements.push({ component, identifier: instance.identifier ?? component, props });
    }
    regions.push({ name, placements });
  }
  return { file: rel, template, regions, problems };
}

/**
 * The page's markup under Lightning's chrome: one `<div class="region" data-region="<name>">` per region
 * of the template, in its column. The chrome is SLDS's own global header (`.slds-global-header`,
 * 3.125rem) and navigation bar (`.slds-context-bar`, 2.5rem with its 3 px bottom border), from the
 * stylesheet on the page (@salesforce-ux/design-system), then the 12 px page margin: 102 px in all. A
 * Home page has no page header (record pages do).
 */
export function pageMarkup(page: ComposedPage): string {
  const layout = TEMPLATES[page.template];
  const region = (name: string) =>
    `<div class="region" data-region="${name}" id="region-${name}" style="flex: 1 1 0; min-width: 0"></div>`;
  // A region the flexipage does not list renders nothing in Lightning: no row for it either.
  const listed = new Set(page.regions.map((r) => r.name));
  const row = (names: string[]) =>
    names.some((name) => listed.has(name))
      ? `<div class="row" style="display: flex; gap: 12px; align-items: flex-start">${names.map(region).join('')}</div>`
      : '';
  const columns = (layout?.columns ?? [])
    .map(
      (column) =>
        `<div class="column" data-column style="flex: ${column.grow} 1 0; min-width: 0; display: flex; flex-direction: column; gap: ${PAGE_GAP}px">${column.rows
          .map(row)
          .join('')}</div>`
    )
    .join('');
  // 12 px between the components of a region that render something: a component that renders nothing
  // (the sponsor card with no message pending) must not leave a gap the harness made up.
  return `<style>.region > * { display: block; } .region > :has(*) ~ :has(*) { margin-top: 12px; }</style>
<div class="chrome" aria-hidden="true">
  <div class="slds-global-header slds-grid slds-grid_align-spread" data-chrome="global-header"></div>
  <div class="slds-context-bar" data-chrome="navigation-bar"></div>
</div>
<div id="root" style="display: flex; gap: ${PAGE_GAP}px; align-items: flex-start; padding: ${PAGE_GAP}px">${columns}</div>`;
}

/** What the page bundle mounts: each placement's tag, region and properties, in the flexipage's order. */
export function mountList(
  page: ComposedPage
): { slot: string; component: string; props: Placement['props'] }[] {
  return page.regions.flatMap((r) =>
    r.placements.map((p) => ({ slot: `region-${r.name}`, component: p.component, props: p.props }))
  );
}
