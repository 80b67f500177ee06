/**
 * The results of a completed acceptance session are final, and who ran a test case is who recorded its
 * result; the work is in AcceptanceResultRules.
 */
trigger AcceptanceTestCaseTrigger on Acceptance_Test_Case__c(before insert, before update, before delete) {
  AcceptanceResultRules.lockCompletedSessions(Trigger.isDelete ? Trigger.old : Trigger.new);
  if (!Trigger.isDelete) {
    AcceptanceResultRules.stampExecutedBy(Trigger.new, Trigger.oldMap);
  }
}
