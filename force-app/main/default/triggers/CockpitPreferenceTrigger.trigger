/**
 * Only the user themself writes their reminder preferences; the work is in PreferenceRules.
 */
trigger CockpitPreferenceTrigger on Cockpit_Preference__c(before insert, before update, before delete) {
  PreferenceRules.ownOnly(Trigger.isDelete ? Trigger.old : Trigger.new, Trigger.oldMap, Trigger.isDelete);
}
