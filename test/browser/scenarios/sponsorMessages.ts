// sponsorMessages on the rep's home page: messages from sponsors, their own usage, "got it".
import { jestData, label, text, type Fixture, type Scenario } from '../scenario.ts';

const MESSAGES = '@salesforce/apex/SponsorMessageController.getMyMessages';
const ACKNOWLEDGE = '@salesforce/apex/SponsorMessageController.acknowledge';
const messages: Fixture = { data: jestData('sponsorMessages', 'myMessages.json') };

export const scenarios: Scenario[] = [
  {
    name: 'sponsorMessages-data',
    component: 'sponsorMessages',
    description: 'two messages, one sponsor with usage figures',
    regions: ['homeSidebar', 'homeMain', 'phone'],
    fixtures: { [MESSAGES]: messages, [ACKNOWLEDGE]: { data: null } },
    shows: [
      label('sponsorMessages_Title'),
      text('Log every customer call this week'),
      text('Sales West: pipeline review on Friday'),
      text('Claire Martin'),
      label('sponsorMessages_SponsorUsage'),
      label('sponsorMessages_ActiveThisWeek'),
      label('sponsorMessages_NoUsage')
    ],
    hides: [label('sponsorMessages_Empty')],
    actions: [
      { role: 'link', name: text('Guide') },
      // each "Got it" is named after its message
      {
        role: 'button',
        name: text('Got it: Sales West: pipeline review on Friday'),
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
      [ACKNOWLEDGE]: { error: { status: 400, body: { message: 'Insufficient access' } } }
    },
    shows: [text('Log every customer call this week')],
    actions: [
      {
        role: 'button',
        name: label('sponsorMessages_Acknowledge'),
        activate: { call: ACKNOWLEDGE, shows: label('sponsorMessages_AcknowledgeFailed') }
      }
    ]
  },
  {
    name: 'sponsorMessages-empty',
    component: 'sponsorMessages',
    description: 'no new message',
    regions: ['homeSidebar', 'homeMain', 'phone'],
    fixtures: { [MESSAGES]: { data: [] } },
    shows: [label('sponsorMessages_Title'), label('sponsorMessages_Empty')]
  },
  {
    name: 'sponsorMessages-sidebar-none',
    component: 'sponsorMessages',
    description: 'Home sidebar with nothing pending: no card at all (hideWhenEmpty)',
    regions: ['homeSidebar'],
    props: { hideWhenEmpty: true },
    fixtures: { [MESSAGES]: { data: [] } },
    shows: [],
    hides: [label('sponsorMessages_Title'), label('sponsorMessages_Empty')]
  },
  {
    name: 'sponsorMessages-error',
    component: 'sponsorMessages',
    description: 'the messages could not be loaded',
    regions: ['homeSidebar', 'homeMain', 'phone'],
    fixtures: { [MESSAGES]: { error: { status: 500, body: { message: 'Query failed' } } } },
    shows: [label('sponsorMessages_ErrorTitle'), text('Query failed')],
    actions: [
      { role: 'button', name: label('common_Retry'), activate: { call: '@salesforce/apex.refreshApex' } }
    ]
  },
  {
    name: 'sponsorMessages-fr',
    component: 'sponsorMessages',
    language: 'fr',
    description: 'two messages, in French',
    regions: ['homeSidebar', 'homeMain', 'phone'],
    fixtures: { [MESSAGES]: messages },
    shows: [
      label('sponsorMessages_Title'),
      label('sponsorMessages_SponsorUsage'),
      label('sponsorMessages_Acknowledge'),
      text('Log every customer call this week')
    ]
  }
];
