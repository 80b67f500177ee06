// sponsorMessages on the rep's home page: messages from sponsors, their own usage, "got it".
import { jestData, label, text, type Fixture, type Scenario } from '../scenario.ts';

const MESSAGES = '@salesforce/apex/SponsorMessageController.getMyMessages';
const ACKNOWLEDGE = '@salesforce/apex/SponsorMessageController.acknowledge';
const HISTORY = '@salesforce/apex/SponsorMessageController.getAcknowledgedMessages';
const noHistory: Fixture = { data: [] };
const messages: Fixture = { data: jestData('sponsorMessages', 'myMessages.json') };

export const scenarios: Scenario[] = [
  {
    name: 'sponsorMessages-data',
    component: 'sponsorMessages',
    description: 'a compact card: one line per message; the first opened, with its sponsor usage',
    regions: ['homeSidebar', 'homeMain', 'phone'],
    fixtures: { [MESSAGES]: messages, [ACKNOWLEDGE]: { data: null }, [HISTORY]: noHistory },
    shows: [
      label('sponsorMessages_Title'),
      text('Log every customer call this week'),
      text('Sales West: pipeline review on Friday'),
      text('Claire Martin')
    ],
    hides: [label('sponsorMessages_Empty'), label('sponsorMessages_SponsorUsage')],
    actions: [
      {
        role: 'button',
        name: text('Log every customer call this week'),
        activate: { shows: label('sponsorMessages_SponsorUsage') }
      },
      { role: 'link', name: text('Guide') },
      // each "Got it" is named after its message
      {
        role: 'button',
        name: text('Got it: Log every customer call this week'),
        exact: true,
        activate: { call: ACKNOWLEDGE }
      }
    ]
  },
  {
    name: 'sponsorMessages-ack-error',
    component: 'sponsorMessages',
    description: 'the acknowledgement fails',
    regions: ['homeSidebar', 'homeMain', 'phone'],
    fixtures: {
      [MESSAGES]: messages,
      [HISTORY]: noHistory,
      [ACKNOWLEDGE]: { error: { status: 400, body: { message: 'Insufficient access' } } }
    },
    shows: [text('Log every customer call this week')],
    actions: [
      {
        role: 'button',
        name: text('Sales West: pipeline review on Friday'),
        activate: { shows: label('sponsorMessages_Acknowledge') }
      },
      {
        role: 'button',
        name: label('sponsorMessages_Acknowledge'),
        activate: { call: ACKNOWLEDGE, shows: label('sponsorMessages_AcknowledgeFailed') }
      }
    ]
  },
  {
    name: 'sponsorMessages-history-fr',
    component: 'sponsorMessages',
    language: 'fr',
    description: 'nothing pending, the history of read messages opened, in French',
    regions: ['homeSidebar', 'homeMain', 'phone'],
    fixtures: {
      [MESSAGES]: { data: [] },
      [HISTORY]: {
        data: [
          {
            id: 'a05000000000009AAA',
            title: 'Saisissez chaque appel client : le pilotage commercial en dépend',
            body: '<p>Merci à toutes et à tous pour vos efforts.</p>',
            sponsorId: '005000000000009AAA',
            sponsorName: 'Marie-Hélène Castelnau-Delacroix',
            publishFrom: '2026-11-16T08:00:00.000Z',
            audienceType: 'Everyone',
            sponsorUsage: null,
            acknowledgedOn: '2026-11-17T09:30:00.000Z'
          }
        ]
      }
    },
    shows: [label('sponsorMessages_Empty'), text('Messages lus (1)')],
    actions: [
      {
        role: 'button',
        name: text('Messages lus (1)'),
        activate: { shows: text('Saisissez chaque appel client : le pilotage commercial en dépend') }
      },
      {
        role: 'button',
        name: text('Saisissez chaque appel client'),
        activate: { shows: text('Merci à toutes et à tous pour vos efforts.') }
      }
    ]
  },
  {
    name: 'sponsorMessages-empty',
    component: 'sponsorMessages',
    description: 'no new message',
    regions: ['homeSidebar', 'homeMain', 'phone'],
    fixtures: { [MESSAGES]: { data: [] }, [HISTORY]: noHistory },
    shows: [label('sponsorMessages_Title'), label('sponsorMessages_Empty')]
  },
  {
    name: 'sponsorMessages-sidebar-none',
    component: 'sponsorMessages',
    description: 'Home sidebar with nothing pending: no card at all (hideWhenEmpty)',
    regions: ['homeSidebar'],
    props: { hideWhenEmpty: true },
    fixtures: { [MESSAGES]: { data: [] }, [HISTORY]: noHistory },
    shows: [],
    hides: [label('sponsorMessages_Title'), label('sponsorMessages_Empty')]
  },
  {
    name: 'sponsorMessages-error',
    component: 'sponsorMessages',
    description: 'the messages could not be loaded: what to do, the detail behind Details',
    regions: ['homeSidebar', 'homeMain', 'phone'],
    fixtures: {
      [MESSAGES]: { error: { status: 500, body: { message: 'Query failed' } } },
      [HISTORY]: noHistory
    },
    shows: [label('sponsorMessages_ErrorTitle'), label('sponsorMessages_ErrorHint')],
    hides: [text('Query failed')],
    actions: [
      { role: 'button', name: label('common_Retry'), activate: { call: '@salesforce/apex.refreshApex' } }
    ]
  },
  {
    name: 'sponsorMessages-fr',
    component: 'sponsorMessages',
    language: 'fr',
    description: 'two messages, in French, the first opened (Leading by example beside it)',
    regions: ['homeSidebar', 'homeMain', 'phone'],
    fixtures: { [MESSAGES]: messages, [HISTORY]: noHistory },
    shows: [label('sponsorMessages_Title'), text('Log every customer call this week')],
    actions: [
      {
        role: 'button',
        name: text('Log every customer call this week'),
        activate: { shows: label('sponsorMessages_SponsorUsage') }
      },
      { role: 'button', name: label('sponsorMessages_Acknowledge') }
    ]
  }
];
