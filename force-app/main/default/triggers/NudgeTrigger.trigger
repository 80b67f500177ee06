/**
 * Only a nudge's recipient marks it opened, once, at the org's time; the work is in NudgeOpenRules.
 */
trigger NudgeTrigger on Nudge__c(before update) {
  NudgeOpenRules.guardOpens(Trigger.new, Trigger.oldMap);
}
