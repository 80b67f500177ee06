// waveBoard for the adoption lead, sponsors and trainers: roll-out waves side by side with their gates,
// at the real widths of the cockpit page (main column ~920 px), a sidebar (~400 px) and a phone (390 px).
import { jestData, label, text, type Fixture, type Scenario } from '../scenario.ts';

const BOARD = '@salesforce/apex/RolloutWaveController.getBoard';
const TRAINING = '@salesforce/apex/RolloutWaveController.getTraining';
const OBJECT_INFO = 'lightning/uiObjectInfoApi.getObjectInfo';
const board: Fixture = { data: jestData('waveBoard', 'getBoard.json') };
const training: Fixture = { data: jestData('waveBoard', 'getTraining.json') };
const trainer: Fixture = {
  data: { createable: true, updateable: true, fields: { Attended__c: { updateable: true } } }
};
const NOW = '2026-11-20T09:00:00.000Z';
const LONG_WAVE = "Vague 2 — Devis et commandes, Provence-Alpes-Côte d'Azur et Nouvelle-Aquitaine";

function dataScenario(width: number, language: 'en' | 'fr'): Scenario {
  return {
    name: `waveBoard-data-${width}${language === 'fr' ? '-fr' : ''}`,
    component: 'waveBoard',
    language,
    description: `two waves, one live and green, one in hypercare and amber, at ${width} px`,
    now: NOW,
    width,
    fixtures: { [BOARD]: board, [TRAINING]: training, [OBJECT_INFO]: trainer },
    shows: [
      label('waveBoard_Title'),
      text(LONG_WAVE),
      text('Vague 1 — Pipeline des opportunités, Lyon et Lille'),
      label('waveBoard_StatusGreen'),
      label('waveBoard_StatusAmber'),
      label('waveBoard_GateGoLive'),
      label('waveBoard_GateDay28'),
      label('waveBoard_PhaseHypercare'),
      label('waveBoard_History'),
      text(language === 'fr' ? 'Complétude 71,5 %, cible 80 %.' : 'Completeness 71.5%, target 80%.'),
      // the first of the month is "1er" in French; a count agrees with its noun (0 and 1 are singular)
      text(language === 'fr' ? 'Mise en service le 1er septembre 2026' : 'Go-live on September 1, 2026'),
      text(language === 'fr' ? '0 présent sur 0' : '0 of 0 attended'),
      text(language === 'fr' ? '2 présents sur 2' : '2 of 2 attended')
    ],
    hides: [label('waveBoard_Empty'), text('2026-11-10'), text('0 présents'), text('1 septembre')],
    actions: [
      {
        role: 'button',
        name: text('Groupe Nouvelle-Aquitaine'),
        activate: { call: TRAINING, shows: text('Émilie Fontaine') }
      }
    ]
  };
}

export const scenarios: Scenario[] = [
  dataScenario(920, 'en'),
  dataScenario(400, 'en'),
  dataScenario(390, 'en'),
  dataScenario(920, 'fr'),
  dataScenario(400, 'fr'),
  dataScenario(390, 'fr'),
  {
    name: 'waveBoard-empty',
    component: 'waveBoard',
    description: 'no roll-out wave yet',
    now: NOW,
    width: 920,
    fixtures: { [BOARD]: { data: { waves: [], keyUsers: [], rules: [] } }, [OBJECT_INFO]: trainer },
    shows: [label('waveBoard_Title'), label('waveBoard_Empty')]
  },
  {
    name: 'waveBoard-error',
    component: 'waveBoard',
    description: 'the waves could not be loaded',
    now: NOW,
    width: 400,
    fixtures: {
      [BOARD]: { error: { status: 500, body: { message: 'Roll-out waves are not readable' } } },
      [OBJECT_INFO]: trainer
    },
    shows: [label('waveBoard_ErrorTitle'), text('Roll-out waves are not readable')],
    actions: [
      { role: 'button', name: label('common_Retry'), activate: { call: '@salesforce/apex.refreshApex' } }
    ]
  }
];
