/**
 * Only the user themself acknowledges a message; the work is in MessageAcknowledgementRules.
 */
trigger MessageAcknowledgementTrigger on Message_Acknowledgement__c(before insert, before update) {
  MessageAcknowledgementRules.enforce(Trigger.new, Trigger.oldMap);
}
