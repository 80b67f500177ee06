/**
 * The results of a completed acceptance session are final; the work is in AcceptanceResultRules.
 */
trigger AcceptanceTestCaseTrigger on Acceptance_Test_Case__c(before insert, before update, before delete) {
  AcceptanceResultRules.lockCompletedSessions(Trigger.isDelete ? Trigger.old : Trigger.new);
}
