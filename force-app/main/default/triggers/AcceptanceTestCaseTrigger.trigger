/**
 * The results of a completed acceptance session are final (undelete included), and who ran a test case and
 * when are the org's; the work is in AcceptanceResultRules.
 */
trigger AcceptanceTestCaseTrigger on Acceptance_Test_Case__c(
  before insert,
  before update,
  before delete,
  after undelete
) {
  AcceptanceResultRules.lockCompletedSessions(Trigger.isDelete ? Trigger.old : Trigger.new);
  if (Trigger.isBefore && !Trigger.isDelete) {
    AcceptanceResultRules.stampExecutedBy(Trigger.new, Trigger.oldMap);
  }
}
