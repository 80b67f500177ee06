/**
 * A nomination is dated and placed in the nominee's team by the org; the work is in KeyUserRules.
 */
trigger KeyUserTrigger on Key_User__c(before insert) {
  KeyUserRules.placeNominations(Trigger.new);
}
