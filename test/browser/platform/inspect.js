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

  /** Horizontal overflow of the component out of its region, naming the widest culprit. */
  function overflowProblem() {
    const root = document.getElementById('root');
    if (!root) return null;
    const limit = root.getBoundingClientRect().right + 1;
    let worst = null;
    for (const element of root.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      const hidden = box.width <= 1 || style.visibility === 'hidden' || style.clip !== 'auto';
      if (!hidden && box.right > limit && (!worst || box.right > worst.right)) {
        worst = { right: box.right, element };
      }
    }
    if (!worst) return null;
    const text = (worst.element.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `content overflows its ${root.clientWidth}px region by ${Math.round(worst.right - limit + 1)}px (${describe(worst.element)}: "${text}")`;
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
    focusArea,
    listen,
    recorded
  };
})();
