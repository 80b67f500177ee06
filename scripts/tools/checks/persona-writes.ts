// The product's intended writes per persona, in one place (README "What each persona can and cannot
// do"). The personas check compares every persona permission set with this, both ways: a permission the
// product does not intend is a hole, an intended write the set does not grant is a broken feature.
// Personas that extend another are built from it by spread, so a write added to the base cannot be
// forgotten in the sets that extend it. The Apex persona tests (classes/PersonaWritesTest.cls) try every
// write each set grants, as that persona, in an org; the gate checks that they name every writable field.

/** What one persona may write: objects it creates, edits, deletes, and the fields it may set. */
export interface PersonaWrites {
  create: readonly string[];
  edit: readonly string[];
  delete: readonly string[];
  /** `Object.Field` of every field the persona may set (on create or edit), permissionable fields only. */
  fields: readonly string[];
}

// A reader of sponsor messages (the app's Home): acknowledges as themself (the trigger sets the user, key
// and date). Help and Ideas (HelpRequestController, NudgeController: DML as user): asks for help or
// proposes an idea (the trigger sets team, routing and status), votes once per idea, saves their own
// reminder preferences (one record, every field in one DML). This is the Manager's whole write set.
const READER: PersonaWrites = {
  create: ['Cockpit_Preference__c', 'Help_Request__c', 'Idea_Vote__c', 'Message_Acknowledgement__c'],
  edit: ['Cockpit_Preference__c'],
  delete: [],
  fields: [
    'Cockpit_Preference__c.Digest_Opt_Out__c',
    'Cockpit_Preference__c.Nudges_Opt_Out__c',
    'Cockpit_Preference__c.Preference_Key__c',
    'Cockpit_Preference__c.User__c',
    'Cockpit_Preference__c.Working_Days__c',
    'Help_Request__c.Details__c',
    'Help_Request__c.Type__c',
    'Idea_Vote__c.User__c',
    'Idea_Vote__c.Vote_Key__c'
  ]
};

// A rep also records the first open of their own nudge.
const REP: PersonaWrites = {
  ...READER,
  edit: [...READER.edit, 'Nudge__c'],
  fields: [...READER.fields, 'Nudge__c.Opened_On__c']
};

// Moving the backlog of help requests: the key user a request is routed to (edit shared by the trigger)
// and the admin as product owner answer it or escalate it with the process and the wave concerned.
const BACKLOG_FIELDS = [
  'Help_Request__c.Answer__c',
  'Help_Request__c.Process__c',
  'Help_Request__c.Status__c',
  'Help_Request__c.Wave__c'
] as const;

// Recording a result on a test case (key users on open sessions; admins).
const RESULT_FIELDS = [
  'Acceptance_Test_Case__c.Comment__c',
  'Acceptance_Test_Case__c.Defect_Reference__c',
  'Acceptance_Test_Case__c.Result__c',
  'Acceptance_Test_Case__c.Severity__c'
] as const;

// Recording attendance and follow-ups of a training (key users as trainers; admins). TrainingRules refuses
// them from anyone but the training's trainer (follow-ups: or the attendee's key user) and sets Team__c,
// Attendance_Key__c and the follow-up date itself, whatever the client sends.
const ATTENDANCE_FIELDS = [
  'Training_Attendance__c.Attendance_Key__c',
  'Training_Attendance__c.Attended__c',
  'Training_Attendance__c.Followed_Up_On__c',
  'Training_Attendance__c.Team__c',
  'Training_Attendance__c.User__c'
] as const;

// Nominating a key user (sponsors; admins): at stage Nominated only, and for the user the key names,
// unless Adoption_Cockpit_Manage_Key_Users (admins) — KeyUserRules.
const NOMINATION_FIELDS = [
  'Key_User__c.Lifecycle_Status__c',
  'Key_User__c.Nominated_On__c',
  'Key_User__c.Team__c',
  'Key_User__c.User__c',
  'Key_User__c.User_Key__c'
] as const;

// A message's content and publication. Sponsor__c is set by the trigger (the author) and never changes;
// once released, only the author changes the words, the audience and the start (SponsorMessageRules).
const MESSAGE_FIELDS = [
  'Sponsor_Message__c.Audience_Type__c',
  'Sponsor_Message__c.Audience_Value__c',
  'Sponsor_Message__c.Body__c',
  'Sponsor_Message__c.Publish_From__c',
  'Sponsor_Message__c.Publish_Until__c',
  'Sponsor_Message__c.Wave__c'
] as const;

/** Permission set API name → intended writes. Fields set by the system (triggers) are not listed. */
export const PERSONA_WRITES: Readonly<Record<string, PersonaWrites>> = {
  Adoption_Cockpit_Rep: REP,
  Adoption_Cockpit_Key_User: {
    // Records results; as trainer, marks a training held and records attendance (waveBoard). The rep's
    // writes, plus answering or escalating the help requests routed to them.
    create: [...REP.create, 'Training_Attendance__c'],
    edit: [
      ...REP.edit,
      'Acceptance_Test_Case__c',
      'Help_Request__c',
      'Training_Attendance__c',
      'Training_Session__c'
    ],
    delete: [],
    fields: [
      ...REP.fields,
      ...RESULT_FIELDS,
      ...BACKLOG_FIELDS,
      ...ATTENDANCE_FIELDS,
      'Training_Session__c.Status__c'
    ]
  },
  Adoption_Cockpit_Manager: READER,
  Adoption_Cockpit_Sponsor: {
    // Nominates key users and writes their own messages; ticks Show My Usage on their own only.
    create: ['Key_User__c', 'Message_Acknowledgement__c', 'Sponsor_Message__c'],
    edit: ['Sponsor_Message__c'],
    delete: ['Sponsor_Message__c'],
    fields: [...NOMINATION_FIELDS, ...MESSAGE_FIELDS, 'Sponsor_Message__c.Show_Sponsor_Usage__c']
  },
  Adoption_Cockpit_Admin: {
    // Also runs the nudge and digest jobs (scheduled by the admin; NudgeService and ManagerDigestBatch
    // write Nudge__c in user mode: upsert, measure, delete expired; NudgeService.summarize upserts and
    // prunes the per-team Nudge_Summary__c counts sponsors read) and, as product owner, moves the
    // backlog of help requests (answer, status, process, wave). Never asks, votes or records an open.
    create: [
      'Acceptance_Session__c',
      'Acceptance_Test_Case__c',
      'Key_User__c',
      'Message_Acknowledgement__c',
      'Nudge__c',
      'Nudge_Summary__c',
      'Rollout_Wave__c',
      'Sponsor_Message__c',
      'Training_Attendance__c',
      'Training_Session__c'
    ],
    edit: [
      'Acceptance_Session__c',
      'Acceptance_Test_Case__c',
      'Help_Request__c',
      'Key_User__c',
      'Nudge__c',
      'Nudge_Summary__c',
      'Rollout_Wave__c',
      'Sponsor_Message__c',
      'Training_Attendance__c',
      'Training_Session__c'
    ],
    delete: [
      'Acceptance_Session__c',
      'Acceptance_Test_Case__c',
      'Key_User__c',
      'Nudge__c',
      'Nudge_Summary__c',
      'Rollout_Wave__c',
      'Sponsor_Message__c',
      'Training_Attendance__c',
      'Training_Session__c'
    ],
    fields: [
      'Acceptance_Session__c.Decision__c',
      'Acceptance_Session__c.End_Date__c',
      'Acceptance_Session__c.Go_No_Go_Threshold__c',
      'Acceptance_Session__c.Process__c',
      'Acceptance_Session__c.Start_Date__c',
      'Acceptance_Session__c.Status__c',
      'Acceptance_Session__c.Wave__c',
      ...RESULT_FIELDS,
      'Acceptance_Test_Case__c.Assigned_Key_User__c',
      'Acceptance_Test_Case__c.Expected_Result__c',
      'Acceptance_Test_Case__c.Sort_Order__c',
      'Acceptance_Test_Case__c.Steps__c',
      ...BACKLOG_FIELDS,
      ...NOMINATION_FIELDS,
      'Key_User__c.Admin_Rights_Granted__c',
      'Key_User__c.Admin_Rights_Granted_On__c',
      'Key_User__c.Last_Follow_Up__c',
      'Key_User__c.Next_Follow_Up__c',
      'Key_User__c.Role__c',
      'Key_User__c.Trained_On__c',
      'Nudge__c.Fixed_Measured_On__c',
      'Nudge__c.Items__c',
      'Nudge__c.Items_By_Category__c',
      'Nudge__c.Items_Fixed__c',
      'Nudge__c.Message__c',
      'Nudge__c.Nudge_Key__c',
      'Nudge__c.Sent_On__c',
      'Nudge__c.Team__c',
      'Nudge__c.Type__c',
      'Nudge__c.User__c',
      'Nudge__c.Week_Start__c',
      ...MESSAGE_FIELDS,
      'Nudge_Summary__c.Items__c',
      'Nudge_Summary__c.Items_Fixed__c',
      'Nudge_Summary__c.Nudges_Opened__c',
      'Nudge_Summary__c.Nudges_Sent__c',
      'Nudge_Summary__c.Reps_Checked__c',
      'Nudge_Summary__c.Summary_Key__c',
      'Nudge_Summary__c.Team__c',
      'Nudge_Summary__c.Week_Start__c',
      'Rollout_Wave__c.Active_Target__c',
      'Rollout_Wave__c.Completeness_Target__c',
      'Rollout_Wave__c.Go_Live_Date__c',
      'Rollout_Wave__c.Hypercare_End_Date__c',
      'Rollout_Wave__c.Process__c',
      'Rollout_Wave__c.Rule_Names__c',
      'Rollout_Wave__c.Teams__c',
      ...ATTENDANCE_FIELDS,
      'Training_Session__c.Audience__c',
      'Training_Session__c.Status__c',
      'Training_Session__c.Team__c',
      'Training_Session__c.Trainer__c',
      'Training_Session__c.Training_Date__c',
      'Training_Session__c.Wave__c'
    ]
  }
};
