/**
 * Keeps Sponsor_Message__c.Audience_Size__c up to date; the work is in SponsorMessageAudience.
 */
trigger SponsorMessageTrigger on Sponsor_Message__c(before insert, before update) {
  SponsorMessageAudience.assignAudienceSize(Trigger.new, Trigger.oldMap);
}
