// Snapshot rows the sync writes into the org (docs/ARCHITECTURE.md, "Snapshots written by the sync").
// Field names are the objects' API names, so a sink can send a row as it is (upsert by Snapshot_Key__c).
// Dates are "yyyy-mm-dd", date-times ISO 8601; Percent fields hold 0–100 (Salesforce's convention).

export type PeriodType = 'Day' | 'Week' | 'Month';

export const SNAPSHOT_OBJECTS = {
  user: 'User_Adoption_Snapshot__c',
  team: 'Team_Adoption_Snapshot__c',
  completeness: 'Completeness_Snapshot__c',
  wave: 'Wave_Snapshot__c'
} as const;

/** The external ID field of every snapshot object. */
export const SNAPSHOT_KEY_FIELD = 'Snapshot_Key__c';

/** User_Adoption_Snapshot__c: one per included user per period. Key `U-<userId>-<W|D|M>-<yyyy-mm-dd>`. */
export interface UserAdoptionSnapshot {
  Snapshot_Key__c: string;
  Name: string;
  User__c: string;
  Team__c: string;
  Period_Type__c: PeriodType;
  Period_Start__c: string;
  Records_Created__c: number;
  Records_Updated__c: number;
  Tasks_Logged__c: number;
  Events_Logged__c: number;
  Records_Owned__c: number;
  Last_Login__c: string | null;
  Active__c: boolean;
  /** Days of the period with any activity: the units of the Active_Day benefit activity. */
  Active_Days__c: number;
  /** 0–100, one decimal. */
  Engagement_Score__c: number;
  /** Mean completeness of the user's records, 0–100 one decimal; null when no rule applies to any. */
  Completeness__c: number | null;
  Minutes_Saved__c: number;
  Is_Key_User__c: boolean;
  Is_Sponsor__c: boolean;
}

/** Team_Adoption_Snapshot__c: one per team per period. Key `T-<team>-<W|D|M>-<yyyy-mm-dd>` (≤ 80). */
export interface TeamAdoptionSnapshot {
  Snapshot_Key__c: string;
  Name: string;
  Team__c: string;
  Period_Type__c: PeriodType;
  Period_Start__c: string;
  Users__c: number;
  Active_Users__c: number;
  Key_Users__c: number;
  Average_Engagement__c: number;
  Minutes_Saved__c: number;
  Records_Created__c: number;
  Records_Updated__c: number;
}

/**
 * Completeness_Snapshot__c, two grains:
 * Scope Team  — one row per object × team: Records, Average_Completeness, Complete_Records.
 *               Key `C-T-<object>-<team>-<W|D|M>-<yyyy-mm-dd>` (≤ 80).
 * Scope Field — one row per object × rule field, org-wide: Records (records the rule applies to), Filled.
 *               Key `C-F-<object>-<field>-<W|D|M>-<yyyy-mm-dd>` (≤ 80).
 */
export interface CompletenessSnapshot {
  Snapshot_Key__c: string;
  Name: string;
  Scope__c: 'Team' | 'Field';
  Object_Name__c: string;
  Team__c: string | null;
  Field_Name__c: string | null;
  Period_Type__c: PeriodType;
  Period_Start__c: string;
  Records__c: number;
  Filled__c: number | null;
  Complete_Records__c: number | null;
  /** 0–100 one decimal; null on Field rows or when no rule applies. */
  Average_Completeness__c: number | null;
}

/** Gate state as Wave_Snapshot__c stores it (picklist API values). */
export type GateValue = 'Met' | 'Not_Met' | 'Not_Due' | 'Not_Measured';

/**
 * Wave_Snapshot__c: one per roll-out wave per period, the wave's status history. Key `V-<waveId>-<W|D|M>-<yyyy-mm-dd>`.
 * Training-effect fields: share active / mean completeness, 0–100, of the trained and the not-yet-trained,
 * the week before and 2, 4 and 8 weeks after the training (null when not measured).
 */
export interface WaveSnapshotFigures {
  Snapshot_Key__c: string;
  Name: string;
  Wave__c: string;
  Period_Type__c: PeriodType;
  Period_Start__c: string;
  Status__c: 'Green' | 'Amber' | 'Red';
  Phase__c: 'Preparation' | 'Hypercare' | 'Live';
  Go_Live_Gate__c: GateValue;
  Day_5_Gate__c: GateValue;
  Day_28_Gate__c: GateValue;
  Users__c: number;
  Active_Users__c: number;
  Active_Share__c: number | null;
  Completeness__c: number | null;
  Teams__c: number;
  Teams_Trained_Key_User__c: number;
  Teams_Active_Key_User__c: number;
  /** One team per line; null when every team has an active key user. */
  Teams_Missing_Key_User__c: string | null;
  Trained_Users__c: number;
  Follow_Ups_Due__c: number;
}

/** Training-effect fields of Wave_Snapshot__c. */
export type TrainingEffectField =
  `${'Trained' | 'Untrained'}_${'Active' | 'Complete'}_${'Before' | '2W' | '4W' | '8W'}__c`;

export type WaveSnapshot = WaveSnapshotFigures & Record<TrainingEffectField, number | null>;

export interface SnapshotSet {
  periodType: PeriodType;
  periodStart: string;
  user: UserAdoptionSnapshot[];
  team: TeamAdoptionSnapshot[];
  completeness: CompletenessSnapshot[];
  /** One per roll-out wave (wave-snapshots.ts); absent or empty without waves. */
  wave?: WaveSnapshot[];
}

/** One record the org refused: its key and Salesforce's reason. */
export interface SnapshotWriteFailure {
  object: string;
  key: string;
  /** e.g. "FIELD_CUSTOM_VALIDATION_EXCEPTION: ..." */
  reason: string;
  /** 'server': the request kept failing (network, 5xx, limits) after the retries: exit code 3, not 1. */
  kind?: 'server';
}

export interface SnapshotWriteResult {
  /** Per object: rows created and updated. */
  objects: { object: string; created: number; updated: number }[];
  failures: SnapshotWriteFailure[];
  /** Old user snapshots deleted by retention. */
  deleted: number;
  /** Present when retention ran: the cutoff day (today − retention weeks) and, when it stopped, why. */
  retention?: { cutoff: string; error?: string };
}

export interface SnapshotWriteOptions {
  /** Delete User_Adoption_Snapshot__c older than this many weeks (Cockpit setting, 26). */
  retentionWeeks?: number;
  /** Today (yyyy-mm-dd, UTC; default the clock): retention counts back from it, never from --as-of. */
  today?: string;
  log?: (message: string) => void;
}
