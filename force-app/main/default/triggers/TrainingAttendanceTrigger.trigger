/**
 * Only the trainer records attendance, only the trainer or the attendee's key user records a follow-up, and
 * the org sets the team, the key and the follow-up date; the work is in TrainingRules.
 */
trigger TrainingAttendanceTrigger on Training_Attendance__c(before insert, before update, before delete) {
  if (Trigger.isDelete) {
    TrainingRules.guardAttendanceDeletes(Trigger.old);
  } else {
    TrainingRules.guardAttendances(Trigger.new, Trigger.oldMap);
  }
}
