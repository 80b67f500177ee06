import { focusFieldOnAreaTap, isAreaTap } from 'c/touchArea';
import { resetDom } from '../../../../../test/jest-utils';

/** A `.touch-target` wrapper around a stand-in lightning-input, listening as the templates do. */
function fieldArea(): { area: HTMLElement; field: HTMLElement; focus: jest.Mock } {
  const area = document.createElement('div');
  area.className = 'touch-target';
  const field = document.createElement('lightning-input');
  const focus = jest.fn();
  field.focus = focus;
  area.appendChild(field);
  area.addEventListener('click', focusFieldOnAreaTap);
  document.body.appendChild(area);
  return { area, field, focus };
}

describe('c/touchArea', () => {
  afterEach(resetDom);

  it('tells a tap on the area itself from a tap on the control inside it', () => {
    const taps: boolean[] = [];
    const area = document.createElement('div');
    const control = document.createElement('span');
    area.appendChild(control);
    area.addEventListener('click', (event) => taps.push(isAreaTap(event)));
    area.click();
    control.click();
    expect(taps).toEqual([true, false]);
  });

  it("focuses the area's field on a tap on its padding, once", () => {
    const { area, focus } = fieldArea();
    area.click();
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('leaves a tap on the field itself to the field', () => {
    const { field, focus } = fieldArea();
    field.click();
    expect(focus).not.toHaveBeenCalled();
  });

  it('does nothing in an area without a field', () => {
    const area = document.createElement('div');
    area.addEventListener('click', focusFieldOnAreaTap);
    document.body.appendChild(area);
    expect(() => area.click()).not.toThrow();
  });
});
