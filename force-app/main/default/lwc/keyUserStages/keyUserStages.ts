// The key-user lifecycle stages and the one badge palette for stages and admin rights, shared by every
// component that shows them (keyUserNetwork, keyUserBadge), so a stage looks the same everywhere.
// Stage API values are Key_User__c.Lifecycle_Status__c's (docs/ARCHITECTURE.md).
import STAGE_NOMINATED from '@salesforce/label/c.keyUserNetwork_StageNominated';
import STAGE_TRAINED from '@salesforce/label/c.keyUserNetwork_StageTrained';
import STAGE_ACTIVE from '@salesforce/label/c.keyUserNetwork_StageActive';
import STAGE_REFERENT from '@salesforce/label/c.keyUserNetwork_StageReferent';
import ADMIN_RIGHTS from '@salesforce/label/c.keyUserBadge_AdminRights';

/** The lifecycle, in order. */
export const STAGES = ['Nominated', 'Trained', 'Active', 'Referent'] as const;
export type Stage = (typeof STAGES)[number];

/** Lifecycle stage of a key user; blank or unknown values count as Nominated (the field's default). */
export function stageOf(value: string | null | undefined): Stage {
  return (STAGES as readonly string[]).includes(value ?? '') ? (value as Stage) : 'Nominated';
}

/** Each stage's name in the user's language (custom labels, so the component needs no describe call). */
export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  Nominated: STAGE_NOMINATED,
  Trained: STAGE_TRAINED,
  Active: STAGE_ACTIVE,
  Referent: STAGE_REFERENT
};

/**
 * SLDS badge classes by stage, light to strong as the key user progresses. Each pair of text and background
 * is at least 4.5:1 (checked by the browser gate's axe-core contrast check): the plain grey badge on a
 * grey page is not, so the first stage is the bordered white one. The highest stage is the brand's dark
 * blue (slds-theme_alt-inverse, white on #032d60): in the inverse grey it read as disabled (review 2,
 * defect 11).
 */
const STAGE_CLASSES: Readonly<Record<Stage, string>> = {
  Nominated: 'slds-badge slds-badge_lightest',
  Trained: 'slds-badge',
  Active: 'slds-badge slds-theme_success',
  Referent: 'slds-badge slds-theme_alt-inverse'
};

/** A badge to render: its text and its SLDS classes. */
export interface Badge {
  label: string;
  className: string;
}

/**
 * The badge of a stage.
 * @param value a Lifecycle_Status__c API value (blank or unknown: Nominated)
 * @param label the text to show instead of the stage's custom label (a UI API displayValue), if any
 */
export function stageBadge(value: string | null | undefined, label?: string | null): Badge {
  const stage = stageOf(value);
  return { label: label || STAGE_LABELS[stage], className: STAGE_CLASSES[stage] };
}

/**
 * The badge of a key user who was granted admin rights (Admin_Rights_Granted__c): a fact, not a warning,
 * so the neutral information theme (white on #747474, 4.6:1), not the warning orange (review 2, defect 11).
 */
export const ADMIN_RIGHTS_BADGE: Readonly<Badge> = {
  label: ADMIN_RIGHTS,
  className: 'slds-badge slds-theme_info'
};
