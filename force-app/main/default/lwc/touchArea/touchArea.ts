// Touch areas of 44 × 44 px (WCAG 2.5.5, Target Size (Enhanced)) around base components whose own
// control is smaller and cannot be styled from outside (lightning-input: a 16 px checkbox, a 32 px text
// field): the `.touch-target` wrapper is the area, and a tap on its padding is passed on to the control.

/**
 * Whether a click landed on the touch area's own padding, not on the control inside it (which handles
 * its own clicks: passing those on too would act twice).
 * @param event a click heard on the `.touch-target` wrapper (its `currentTarget`)
 * @returns true when the wrapper itself was clicked
 */
export function isAreaTap(event: Event): boolean {
  return event.target === event.currentTarget;
}

/**
 * A tap on the padding of a text field's touch area focuses the field, as a tap on the field would.
 * Nothing happens for a tap on the field itself, or when the area holds no lightning-input.
 * @param event a click heard on a `.touch-target` wrapper holding one lightning-input
 *   (`<div class="touch-target" onclick={handleFieldArea}>`)
 */
export function focusFieldOnAreaTap(event: Event): void {
  if (isAreaTap(event)) {
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>('lightning-input')?.focus();
  }
}
