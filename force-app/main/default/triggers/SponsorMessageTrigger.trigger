/**
 * Signs new messages with their author and keeps the words the sponsor's (SponsorMessageRules), keeps
 * Sponsor_Message__c.Audience_Size__c up to date (SponsorMessageAudience), and shares released messages
 * with their audience (SponsorMessageSharing).
 */
trigger SponsorMessageTrigger on Sponsor_Message__c(
  before insert,
  before update,
  after insert,
  after update
) {
  if (Trigger.isBefore) {
    if (Trigger.isInsert) {
      SponsorMessageRules.assignAuthor(Trigger.new);
    } else {
      SponsorMessageRules.enforceAuthorship(Trigger.new, Trigger.oldMap);
    }
    SponsorMessageAudience.assignAudienceSize(Trigger.new, Trigger.oldMap);
  } else {
    SponsorMessageSharing.shareChanged(Trigger.new, Trigger.oldMap);
  }
}
