/**
 * Routes help requests to the team's key user, stamps the first answer and notifies (HelpRequests).
 */
trigger HelpRequestTrigger on Help_Request__c(before insert, after insert, before update, after update) {
  if (Trigger.isBefore && Trigger.isInsert) {
    HelpRequests.beforeInsert(Trigger.new);
  } else if (Trigger.isAfter && Trigger.isInsert) {
    HelpRequests.afterInsert(Trigger.new);
  } else if (Trigger.isBefore && Trigger.isUpdate) {
    HelpRequests.beforeUpdate(Trigger.new, Trigger.oldMap);
  } else if (Trigger.isAfter && Trigger.isUpdate) {
    HelpRequests.afterUpdate(Trigger.new, Trigger.oldMap);
  }
}
