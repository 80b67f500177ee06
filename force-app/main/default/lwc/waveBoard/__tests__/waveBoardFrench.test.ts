// The board in French: dates write the first of the month "1er", and a count agrees with its noun
// (CLDR plural rules: 0 and 1 are singular in French). Issue 12, review 9.
import { createElement } from 'lwc';
import WaveBoard from 'c/waveBoard';
import getBoard from '@salesforce/apex/RolloutWaveController.getBoard';
import { $, flushPromises, freezeClockPerTest, text } from '../../../../../test/jest-utils';

const board = require('./data/getBoard.json');

jest.mock('@salesforce/i18n/lang', () => ({ default: 'fr' }), { virtual: true });
jest.mock('@salesforce/i18n/locale', () => ({ default: 'fr-FR' }), { virtual: true });
jest.mock(
  '@salesforce/apex/RolloutWaveController.getBoard',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
// the French wording (translations/fr.translation-meta.xml)
jest.mock('@salesforce/label/c.waveBoard_GoLiveOn', () => ({ default: 'Mise en service le {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.waveBoard_TrainingAttended', () => ({ default: '{0} présents sur {1}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.waveBoard_TrainingAttendedOne', () => ({ default: '{0} présent sur {1}' }), {
  virtual: true
});

const wire = getBoard as unknown as { emit(data: unknown): void };

describe('c-wave-board in French', () => {
  freezeClockPerTest(new Date(2026, 10, 20, 10, 0, 0));

  it('writes the first of the month "1er" and agrees each count with its noun', async () => {
    const element = createElement('c-wave-board', { is: WaveBoard });
    document.body.appendChild(element);
    wire.emit(board);
    await flushPromises();

    const live = $(element, 'li.wave[data-id="a0W000000000001AAA"]');
    expect(text(live)).toContain('Mise en service le 1er septembre 2026');
    const details = [...element.shadowRoot!.querySelectorAll('li.training')].map((li) =>
      text(li.querySelectorAll('p')[1] ?? null)
    );
    expect(details.some((d) => d.endsWith('0 présent sur 0'))).toBe(true);
    expect(details.some((d) => d.endsWith('2 présents sur 2'))).toBe(true);
    expect(details.join('\n')).not.toMatch(/\b[01] présents\b/);
  });
});
