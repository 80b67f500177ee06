/**
 * Only a nudge's recipient marks it opened, once, at the org's time, and the recipient never changes once set;
 * the work is in NudgeOpenRules.
 */
trigger NudgeTrigger on Nudge__c(before insert, before update) {
  if (Trigger.isInsert) {
    NudgeOpenRules.guardNewOpens(Trigger.new);
  } else {
    NudgeOpenRules.guardOpens(Trigger.new, Trigger.oldMap);
  }
}
