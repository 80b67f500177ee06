/**
 * Signs new messages with their author (SponsorMessageRules) and keeps Sponsor_Message__c.Audience_Size__c
 * up to date (SponsorMessageAudience).
 */
trigger SponsorMessageTrigger on Sponsor_Message__c(before insert, before update) {
  if (Trigger.isInsert) {
    SponsorMessageRules.assignAuthor(Trigger.new);
  }
  SponsorMessageAudience.assignAudienceSize(Trigger.new, Trigger.oldMap);
}
