/**
 * Only a training's trainer (or an admin who manages trainings) edits it; the work is in TrainingRules.
 */
trigger TrainingSessionTrigger on Training_Session__c(before insert, before update, before delete) {
  if (Trigger.isDelete) {
    TrainingRules.guardSessionDeletes(Trigger.old);
  } else {
    TrainingRules.guardSessions(Trigger.new, Trigger.oldMap);
  }
}
