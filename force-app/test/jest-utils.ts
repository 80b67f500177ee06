// Helpers shared by the component tests (force-app/main/default/lwc/*/__tests__).

/** Lets pending promises and the re-render they cause settle. */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Removes every component a test appended to the document (for afterEach). */
export function resetDom(): void {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
}

/** The shadow root of a component (or of a child component); fails when there is none. */
export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) {
    throw new Error(`${element.tagName.toLowerCase()} has no shadow root`);
  }
  return element.shadowRoot;
}

/** The first element matching the selector in a component's shadow root. */
export function $(element: Element, selector: string): HTMLElement | null {
  return shadow(element).querySelector<HTMLElement>(selector);
}

/** Every element matching the selector in a component's shadow root. */
export function $$(element: Element, selector: string): HTMLElement[] {
  return Array.from(shadow(element).querySelectorAll<HTMLElement>(selector));
}

/** The text of an element with white space collapsed. */
export function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** axe needs real timers: a component under fake timers has already read the clock. */
export async function expectAccessible(element: Element): Promise<void> {
  jest.useRealTimers();
  await expect(element).toBeAccessible();
}

/** The shadow root of the c-error-panel child of a component; fails when there is none. */
export function errorPanel(element: Element): ShadowRoot {
  const panel = shadow(element).querySelector('c-error-panel');
  if (!panel) {
    throw new Error('no c-error-panel in the component');
  }
  return shadow(panel);
}

/**
 * Registers, in the calling describe block, the set-up the list components' tests share: before each
 * test a fake clock frozen at `now` (setTimeout, setImmediate and nextTick stay real, so that
 * flushPromises works); after each, the DOM emptied, mocks cleared and real timers back.
 */
export function freezeClockPerTest(now: Date): void {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'setImmediate', 'nextTick'] });
    jest.setSystemTime(now);
  });
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
    jest.useRealTimers();
  });
}

/** The action button of a c-follow-up-row (null when there is no row, or the row has no button). */
export function rowAction(row: Element | null): HTMLButtonElement | null {
  return row?.shadowRoot?.querySelector<HTMLButtonElement>('button.row-action') ?? null;
}
