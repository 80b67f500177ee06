// Browser-side checks of the browser gate, injected into every page before it loads
// (page.addInitScript) and called by scripts/tools/browser-tests.ts through
// window.__browserGateInspect. Plain script (not a module): it runs before the bundle.
(function install() {
  const TEXT_CHECKS = [
    [/(^|[^\w.])c\.[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+/, 'a custom label placeholder'],
    [/\bundefined\b/, '"undefined"'],
    [/\[object Object\]/, '"[object Object]"'],
    [/\bNaN\b/, '"NaN"'],
    [/\{\d+\}/, 'an unformatted label parameter'],
    [/\bnull\b/, '"null"']
  ];
  const ATTRIBUTES = ['title', 'aria-label', 'placeholder', 'alt', 'aria-description', 'aria-valuetext'];

  function describe(element) {
    const cls =
      typeof element.className === 'string' && element.className ? ` class="${element.className}"` : '';
    return `<${element.tagName.toLowerCase()}${cls}>`;
  }

  /** Label placeholders and rendering accidents in the visible text and in accessible names. */
  function textProblems() {
    const problems = [];
    const root = document.getElementById('root');
    const toasts = document.getElementById('toasts');
    const scan = (where, value) => {
      for (const [pattern, what] of TEXT_CHECKS) {
        const match = pattern.exec(value);
        if (match) {
          const from = Math.max(0, match.index - 30);
          const excerpt = value
            .slice(from, match.index + match[0].length + 30)
            .replace(/\s+/g, ' ')
            .trim();
          problems.push(`${what} in ${where}: "…${excerpt}…"`);
        }
      }
    };
    scan('the visible text', `${root ? root.innerText : ''}\n${toasts ? toasts.innerText : ''}`);
    for (const element of root ? root.querySelectorAll('*') : []) {
      for (const name of ATTRIBUTES) {
        const value = element.getAttribute(name);
        if (value) scan(`${name}="${value}" on ${describe(element)}`, value);
      }
    }
    return problems;
  }

  /**
   * Horizontal overflow of the component out of its region (`container`, by default the region #root),
   * naming the widest culprit.
   */
  function overflowProblem(container) {
    const root = container || document.getElementById('root');
    if (!root) return null;
    const limit = root.getBoundingClientRect().right + 1;
    let worst = null;
    // Content inside a scroll or clip container (a wide table scrolling inside its card) is seen
    // through that container: only the container's own box counts.
    const clipped = (element) => {
      for (let node = element.parentElement; node && node !== root; node = node.parentElement) {
        if (getComputedStyle(node).overflowX !== 'visible' && node.getBoundingClientRect().right <= limit) {
          return true;
        }
      }
      return false;
    };
    // A fixed layer (a modal, a backdrop) is placed on the window, not in the region: it covers the
    // page wherever the component sits, so its width is the window's business, not the region's.
    // (Walks up through shadow hosts: synthetic shadow's contains() stops at a component's boundary.)
    const inFixedLayer = (element) => {
      for (let node = element; node && node !== root; node = node.parentElement || node.getRootNode().host) {
        if (getComputedStyle(node).position === 'fixed') return true;
      }
      return false;
    };
    for (const element of root.querySelectorAll('*')) {
      if (inFixedLayer(element)) continue;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      const hidden = box.width <= 1 || style.visibility === 'hidden' || style.clip !== 'auto';
      if (!hidden && box.right > limit && (!worst || box.right > worst.right) && !clipped(element)) {
        worst = { right: box.right, element };
      }
    }
    if (!worst) return null;
    const text = (worst.element.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `content overflows its ${root.clientWidth}px region by ${Math.round(worst.right - limit + 1)}px (${describe(worst.element)}: "${text}")`;
  }

  /**
   * Whether an element (or an ancestor) hides its text from sight: assistive text, hidden,
   * transparent. Memoised per check (`cache`), since every text element asks about its ancestors.
   */
  function unseen(element, cache = new Map()) {
    if (!element || element.nodeType !== 1) return false;
    if (cache.has(element)) return cache.get(element);
    const style = getComputedStyle(element);
    const absolute = style.position === 'absolute';
    const result =
      style.display === 'none' ||
      style.visibility === 'hidden' ||
      style.opacity === '0' ||
      (absolute && style.clip !== 'auto') ||
      (absolute && Boolean(style.clipPath) && style.clipPath !== 'none') ||
      unseen(element.parentElement, cache);
    cache.set(element, result);
    return result;
  }

  function snippet(value) {
    return value.replace(/\s+/g, ' ').trim().slice(0, 60);
  }

  /** Elements holding visible text of their own (a non-blank text node child), in the region. */
  function textElements() {
    const root = document.getElementById('root');
    const found = new Set();
    if (!root) return [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeValue.trim() && node.parentElement) found.add(node.parentElement);
    }
    const cache = new Map();
    return [...found].filter((element) => !unseen(element, cache));
  }

  /**
   * Text cut short: an element with text of its own, or one of its ancestors up to three levels (the
   * usual .slds-truncate wrapper), whose content is wider (or, line-clamped, taller) than its box while
   * it clips its overflow. Compares scrollWidth with clientWidth, as a person sees an ellipsis.
   */
  function truncationProblems() {
    const problems = [];
    const reported = new Set();
    for (const element of textElements()) {
      for (
        let node = element, depth = 0;
        node && node.id !== 'root' && depth < 4;
        node = node.parentElement, depth += 1
      ) {
        const style = getComputedStyle(node);
        const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
        const clamped = style.webkitLineClamp && style.webkitLineClamp !== 'none';
        const wide = clips && node.scrollWidth > node.clientWidth + 1 && node.clientWidth > 0;
        const tall = clamped && node.scrollHeight > node.clientHeight + 1;
        // A scroll container (a table that scrolls inside its card) shows its content: not a cut.
        const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
        if ((wide && !scrolls) || tall) {
          if (!reported.has(node)) {
            reported.add(node);
            problems.push(
              `truncated text: ${describe(node)} shows ${node.clientWidth}px of ${node.scrollWidth}px: "${snippet(node.textContent || '')}"`
            );
          }
          break;
        }
      }
    }
    return problems;
  }

  /** Line boxes of the visible text nodes in the region, with the text they hold. */
  function textBoxes() {
    const root = document.getElementById('root');
    const boxes = [];
    const cache = new Map();
    if (!root) return boxes;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let index = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      index += 1;
      if (!node.nodeValue.trim() || !node.parentElement || unseen(node.parentElement, cache)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width < 2 || rect.height < 2) continue;
        boxes.push({ node: index, rect, text: node.nodeValue, element: node.parentElement });
      }
    }
    return boxes;
  }

  /**
   * Text drawn over other text: two line boxes of different text nodes that intersect by more than
   * 2px each way (rounding and descenders aside). Sorted by top, so only neighbours are compared.
   */
  /**
   * Layers drawn over the page on purpose: a modal dialog, a menu, a listbox, a dropdown or a popover.
   * Text in a layer covers the text under it (the person reads the layer), so only text of the same
   * layer can overlap.
   */
  const LAYERS =
    '[aria-modal="true"], [role="dialog"], [role="menu"], [role="listbox"], .slds-dropdown, .slds-popover';

  function overlapProblems() {
    const boxes = textBoxes()
      .map((box) => ({ ...box, layer: box.element.closest(LAYERS) }))
      .sort((a, b) => a.rect.top - b.rect.top);
    const problems = [];
    const seen = new Set();
    for (let i = 0; i < boxes.length && problems.length < 5; i += 1) {
      const a = boxes[i];
      for (let j = i + 1; j < boxes.length; j += 1) {
        const b = boxes[j];
        if (b.rect.top >= a.rect.bottom - 2) break;
        if (a.node === b.node || a.layer !== b.layer) continue;
        const x = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const y = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        const key = `${a.node}:${b.node}`;
        if (x > 2 && y > 2 && !seen.has(key)) {
          seen.add(key);
          problems.push(
            `overlapping text: "${snippet(a.text)}" (${describe(a.element)}) and "${snippet(b.text)}" (${describe(b.element)})`
          );
        }
      }
    }
    return problems;
  }

  /**
   * axe-core's color-contrast rule (WCAG 2 AA: 4.5:1 for normal text) on the region. axe must be on
   * the page (the runner adds node_modules/axe-core/axe.min.js). Synthetic shadow keeps every node in
   * the document, so axe sees the rendered tree as it is.
   */
  async function contrastProblems() {
    if (!window.axe) return ['axe-core is not loaded on the page'];
    const root = document.getElementById('root');
    const result = await window.axe.run(root, {
      runOnly: { type: 'rule', values: ['color-contrast'] },
      resultTypes: ['violations']
    });
    const problems = [];
    for (const violation of result.violations) {
      for (const node of violation.nodes) {
        const data = (node.any[0] && node.any[0].data) || {};
        const words = snippet(node.html.replace(/<[^>]*>/g, ' '));
        const tag = (/^<[^>]*>/.exec(node.html) || [''])[0].replace(/\s+lwc-[\w-]+=""/g, '');
        problems.push(
          `text contrast ${data.contrastRatio}:1 under ${data.expectedContrastRatio || '4.5:1'} (${data.fgColor} on ${data.bgColor}): ${tag} "${words}"`
        );
      }
    }
    return problems;
  }

  /**
   * Violations of the axe-core rules named (e.g. scrollable-region-focusable, empty-table-header) in the
   * region, one message per element: rule, width, what axe says and the element. axe must be on the page.
   */
  async function axeProblems(rules, where) {
    if (!window.axe) return ['axe-core is not loaded on the page'];
    const result = await window.axe.run(document.getElementById('root'), {
      runOnly: { type: 'rule', values: rules },
      resultTypes: ['violations']
    });
    const problems = [];
    for (const violation of result.violations) {
      for (const node of violation.nodes) {
        const tag = (/^<[^>]*>/.exec(node.html) || [''])[0].replace(/\s+lwc-[\w-]+=""/g, '');
        problems.push(`axe ${violation.id} at ${where}: ${violation.help}: ${tag}`);
      }
    }
    return problems;
  }

  /**
   * The region's layout at its current width: overflow, truncated and overlapping text. Each message
   * is prefixed by the width so a failure says where it happens.
   */
  function layoutProblems(where) {
    const out = [...truncationProblems(), ...overlapProblems(), ...selectAllProblems()];
    const overflow = overflowProblem();
    if (overflow) out.push(overflow);
    return out.map((problem) => `at ${where}: ${problem}`);
  }

  /**
   * The box a person sees of a checkbox: SLDS hides the input itself (absolute, clipped) and draws
   * `.slds-checkbox_faux` in its label; a native checkbox is its own box. null when nothing is drawn.
   */
  function checkboxMark(input) {
    const cache = new Map();
    if (!unseen(input, cache) && input.getClientRects().length) return input;
    const holder =
      input.closest('.slds-checkbox, .slds-checkbox_standalone, .slds-form-element') || input.parentElement;
    const faux = holder && holder.querySelector('.slds-checkbox_faux');
    return faux && faux.getClientRects().length && !unseen(faux, cache) ? faux : null;
  }

  /**
   * Every list whose rows each hold a checkbox, with a select-all checkbox above it (a visible checkbox
   * drawn above the list and outside it, in the list's section: its nearest section, article, fieldset or
   * card ancestor, at most four levels up): each row's checkbox must start at the select-all's left edge
   * (±1 px), so the boxes read as one column. Measured, not declared: any component, at any width the gate
   * renders. One message per list, naming the first row out of line, its offset and the select-all's label.
   */
  function selectAllProblems() {
    // Synthetic shadow keeps contains() inside one shadow tree: a row holds its checkbox through
    // c-follow-up-row's and c-touch-checkbox's shadows, so ancestry is walked across them.
    const up = (n) => {
      const parent = n.assignedSlot || n.parentNode || n.host || null;
      return parent && parent.nodeType === 11 ? parent.host : parent;
    };
    const holds = (ancestor, node) => {
      for (let n = node; n; n = up(n)) if (n === ancestor) return true;
      return false;
    };
    const root = document.getElementById('root');
    if (!root) return [];
    const out = [];
    const boxes = [...root.querySelectorAll('input[type="checkbox"]')]
      .map((input) => ({ input, mark: checkboxMark(input) }))
      .filter((box) => box.mark);
    for (const list of root.querySelectorAll('ul, ol, [role="list"], tbody, [role="rowgroup"]')) {
      const rows = [...list.children].filter((row) => row.getClientRects().length);
      const rowBoxes = rows.map((row) => boxes.find((box) => holds(row, box.input)));
      if (rows.length < 2 || rowBoxes.some((box) => !box)) continue;
      let scope = up(list);
      let selectAll = null;
      for (let level = 0; scope && scope.nodeType === 1 && level < 4 && !selectAll; level++) {
        const top = list.getBoundingClientRect().top;
        const before = boxes.filter(
          (box) =>
            holds(scope, box.input) &&
            !holds(list, box.input) &&
            box.mark.getBoundingClientRect().bottom <= top
        );
        selectAll = before.length ? before[before.length - 1] : null;
        if (scope === root || (scope.matches && scope.matches('section, article, fieldset, .slds-card')))
          break;
        scope = up(scope);
      }
      if (!selectAll) continue;
      const left = selectAll.mark.getBoundingClientRect().left;
      const index = rowBoxes.findIndex((box) => Math.abs(box.mark.getBoundingClientRect().left - left) > 1);
      if (index < 0) continue;
      const rowLeft = rowBoxes[index].mark.getBoundingClientRect().left;
      const name =
        selectAll.input.getAttribute('aria-label') ||
        (selectAll.input.labels && selectAll.input.labels[0] ? selectAll.input.labels[0].textContent : '') ||
        '';
      out.push(
        `row checkbox not aligned with its select-all: ${describe(rows[index])} "${excerpt(rows[index])}" has its box at ${Math.round(rowLeft - left)} px from the select-all "${snippet(name)}" (${Math.round(left)} px; ±1 px allowed)`
      );
    }
    return out;
  }

  /** Visible text of an element, shortened for a failure message. */
  function excerpt(element) {
    return (element.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60);
  }

  /**
   * A scenario's layout rules (Scenario.layout in test/browser/scenario.ts) at the current width:
   * `aligned` selectors whose visible matches must share one left edge (±1 px), and `sameLine` pairs
   * whose `then` must sit beside its `first` (its vertical middle within `first`'s top and bottom) inside
   * each `within`. A rule that matches nothing fails too: a renamed class must not silence it.
   */
  function layoutRuleProblems(rules, where) {
    const root = document.getElementById('root');
    const shown = (element) => Boolean(element) && element.getClientRects().length > 0 && !unseen(element);
    const rootLeft = root.getBoundingClientRect().left;
    const out = [];
    for (const selector of rules.aligned || []) {
      const lefts = [...root.querySelectorAll(selector)]
        .filter(shown)
        .map((element) => ({ element, left: element.getBoundingClientRect().left - rootLeft }));
      if (lefts.length < 2) {
        out.push(
          `layout rule aligned "${selector}" matches ${lefts.length} visible element(s): at least 2 needed`
        );
        continue;
      }
      const [first] = lefts;
      const off = lefts.find((item) => Math.abs(item.left - first.left) > 1);
      if (off) {
        out.push(
          `not aligned (${selector}): ${describe(off.element)} "${excerpt(off.element)}" starts at ${Math.round(off.left)} px, ${describe(first.element)} "${excerpt(first.element)}" at ${Math.round(first.left)} px`
        );
      }
    }
    for (const { within, first, then } of rules.sameLine || []) {
      const pairs = [...root.querySelectorAll(within)]
        .filter(shown)
        .map((container) => [container.querySelector(first), container.querySelector(then)])
        .filter(([a, b]) => shown(a) && shown(b));
      if (!pairs.length) {
        out.push(`layout rule sameLine "${within}": no visible ${first} with a ${then} inside it`);
        continue;
      }
      for (const [a, b] of pairs) {
        const box = a.getBoundingClientRect();
        const other = b.getBoundingClientRect();
        const middle = (other.top + other.bottom) / 2;
        if (middle < box.top || middle > box.bottom) {
          out.push(
            `not on one line (${within}): ${describe(b)} "${excerpt(b)}" is pushed under ${describe(a)} "${excerpt(a)}"`
          );
        }
      }
    }
    return out.map((problem) => `at ${where}: ${problem}`);
  }

  /**
   * How many elements matching `selector` in the region are entirely inside the window with the page
   * scrolled to the top, when the region starts `offset` px from the top (what the page puts above it).
   */
  function aboveTheFold(selector, min, offset) {
    const root = document.getElementById('root');
    window.scrollTo(0, 0);
    root.style.marginTop = `${offset}px`;
    const all = [...root.querySelectorAll(selector)];
    const seen = all.filter((element) => {
      const box = element.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
    }).length;
    root.style.marginTop = '';
    return seen >= min
      ? []
      : [
          `above the fold (${window.innerWidth}×${window.innerHeight}, ${offset} px above the component): ${seen} of ${all.length} ${selector} visible without scrolling, at least ${min} needed`
        ];
  }

  /** Whether an element draws anything: a visible descendant with an area (an empty host draws nothing). */
  function rendersSomething(element) {
    const cache = new Map();
    for (const node of element.querySelectorAll('*')) {
      const box = node.getBoundingClientRect();
      if (box.width > 1 && box.height > 1 && !unseen(node, cache)) return true;
    }
    return false;
  }

  /** Whether a card shows anything besides its header: text, an image, an icon or a control. */
  function cardHasContent(card) {
    const cache = new Map();
    const inHeader = (node) =>
      Boolean(node.closest('.slds-card__header')) && card.contains(node.closest('.slds-card__header'));
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (node.nodeValue.trim() && parent && !inHeader(parent) && !unseen(parent, cache)) return true;
    }
    for (const node of card.querySelectorAll('img, svg, canvas, input, button, select, textarea')) {
      const box = node.getBoundingClientRect();
      if (!inHeader(node) && box.width > 1 && box.height > 1 && !unseen(node, cache)) return true;
    }
    return false;
  }

  function regionLabel(region) {
    return `region ${region.dataset.region} (${Math.round(region.getBoundingClientRect().width)} px)`;
  }

  /**
   * A composed page's own faults: a component wider than its region, a card with nothing but its header,
   * a region that renders nothing beside one that does (a blank half column), a column of the template
   * that renders nothing while the other does (a blank column).
   */
  function pageProblems() {
    const out = [];
    const regions = [...document.querySelectorAll('[data-region]')];
    for (const region of regions) {
      const overflow = overflowProblem(region);
      if (overflow) out.push(`${regionLabel(region)}: ${overflow}`);
      for (const card of region.querySelectorAll('.slds-card')) {
        if (card.getBoundingClientRect().height > 1 && !unseen(card) && !cardHasContent(card)) {
          const title = snippet(card.innerText || '') || describe(card);
          out.push(`${regionLabel(region)}: an empty card ("${title}"): a card with no content`);
        }
      }
    }
    for (const row of document.querySelectorAll('#root .row')) {
      const cells = [...row.querySelectorAll(':scope > [data-region]')];
      if (cells.length < 2 || !cells.some(rendersSomething)) continue;
      for (const cell of cells.filter((c) => !rendersSomething(c))) {
        out.push(`${regionLabel(cell)} renders nothing beside its neighbour: a blank column`);
      }
    }
    const columns = [...document.querySelectorAll('#root [data-column]')];
    if (columns.some(rendersSomething)) {
      for (const column of columns.filter((c) => !rendersSomething(c))) {
        const names = [...column.querySelectorAll('[data-region]')].map((r) => r.dataset.region).join(', ');
        const which = names
          ? `the column of region ${names}`
          : 'a column of the template the flexipage leaves out';
        out.push(
          `${which} (${Math.round(column.getBoundingClientRect().width)} px) renders nothing: a blank column`
        );
      }
    }
    return out;
  }

  /** The rendered width of each region, for the scenario's notes ("top 936 px, sidebar 468 px"). */
  function regionWidths() {
    return [...document.querySelectorAll('[data-region]')]
      .map((r) => `${r.dataset.region} ${Math.round(r.getBoundingClientRect().width)} px`)
      .join(', ');
  }

  const CONTROLS =
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="checkbox"], [role="link"]';

  /**
   * The area a finger can hit for a control: its own box, the box of its <label>s, or the box of its
   * nearest `.touch-target` ancestor (a wrapper that passes a tap on its padding to the control).
   */
  function hitArea(control) {
    const boxes = [control.getBoundingClientRect()];
    for (const label of control.labels || []) boxes.push(label.getBoundingClientRect());
    const wrapper = control.closest('.touch-target');
    if (wrapper && document.getElementById('root').contains(wrapper))
      boxes.push(wrapper.getBoundingClientRect());
    return {
      width: Math.max(...boxes.map((b) => b.width)),
      height: Math.max(...boxes.map((b) => b.height))
    };
  }

  /**
   * Whether a control is exempt as inline, the exception of WCAG 2.2 SC 2.5.5 Target Size (Enhanced,
   * https://www.w3.org/TR/WCAG22/#target-size-enhanced: "Inline: The target is in a sentence or block of
   * text") and SC 2.5.8 Target Size (Minimum, https://www.w3.org/TR/WCAG22/#target-size-minimum: "the
   * target is in a sentence or its size is otherwise constrained by the line-height of non-target text").
   * Modelled as: the control is laid out inline (display: inline, so its height is the line's) and its
   * nearest block container holds visible text that belongs to no control (the sentence around it). A
   * link alone in its block, or in a block of links only, is not inline text and is checked.
   */
  function inlineInText(control) {
    if (getComputedStyle(control).display !== 'inline') return false;
    let block = control.parentElement;
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    if (!block) return false;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || unseen(node.parentElement)) continue;
      const owner = node.parentElement.closest(CONTROLS);
      if (!owner || !block.contains(owner)) return true;
    }
    return false;
  }

  /**
   * Controls whose touch area is under `min` CSS pixels in either direction (WCAG 2.5.5, 44 px): checked
   * on phones, where a finger, not a pointer, hits them. Controls not rendered (display none) are skipped,
   * and so are links inside running text (the inline exception, `inlineInText`).
   */
  function touchTargetProblems(where, min) {
    const out = [];
    for (const control of document.getElementById('root').querySelectorAll(CONTROLS)) {
      if (control.closest('[hidden], .slds-hide, details:not([open]) > :not(summary)')) continue;
      if (!control.getClientRects().length) continue;
      // a visually hidden input (SLDS checkbox) is hit through its visible label
      if (unseen(control) && ![...(control.labels || [])].some((l) => !unseen(l))) continue;
      if (inlineInText(control)) continue;
      const area = hitArea(control);
      if (area.width + 0.5 < min || area.height + 0.5 < min) {
        const name = (control.getAttribute('aria-label') || control.textContent || '').trim().slice(0, 60);
        out.push(
          `at ${where}: touch target ${Math.round(area.width)}×${Math.round(area.height)} px under ${min}×${min} px: ${describe(control)} "${name}"`
        );
      }
    }
    return out;
  }

  /**
   * The viewport area around a control, or around its nearest visible ancestor (visually hidden
   * inputs), clamped to the viewport; the control is scrolled into view first.
   */
  function focusArea(element) {
    for (let node = element; node; node = node.parentElement) {
      let box = node.getBoundingClientRect();
      if (box.width >= 8 && box.height >= 8) {
        node.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        box = node.getBoundingClientRect();
        const pad = 6;
        const x = Math.max(0, box.x - pad);
        const y = Math.max(0, box.y - pad);
        const width = Math.min(window.innerWidth, box.right + pad) - x;
        const height = Math.min(window.innerHeight, box.bottom + pad) - y;
        return width > 0 && height > 0 ? { x, y, width, height } : null;
      }
    }
    return null;
  }

  function isFocused(element) {
    return element.matches(':focus');
  }

  function listen(eventName) {
    const host = document.querySelector('#root > *');
    const gate = window.__browserGate;
    if (host && !host.__browserGateListens?.[eventName]) {
      host.__browserGateListens = { ...(host.__browserGateListens || {}), [eventName]: true };
      host.addEventListener(eventName, () => gate.events.push(eventName));
    }
  }

  function recorded() {
    const gate = window.__browserGate || {};
    return {
      mounted: Boolean(gate.mounted),
      calls: (gate.calls || []).map((call) => call.id),
      navigations: (gate.navigations || []).length,
      toasts: (gate.toasts || []).length,
      events: gate.events || [],
      missingFixtures: gate.missingFixtures || []
    };
  }

  window.__browserGateInspect = {
    textProblems,
    isFocused,
    overflowProblem,
    truncationProblems,
    overlapProblems,
    contrastProblems,
    axeProblems,
    layoutProblems,
    layoutRuleProblems,
    touchTargetProblems,
    aboveTheFold,
    pageProblems,
    regionWidths,
    focusArea,
    listen,
    recorded
  };
})();
