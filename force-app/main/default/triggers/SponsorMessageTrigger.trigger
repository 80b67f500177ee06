/**
 * Signs new messages with their author and keeps the words the sponsor's (SponsorMessageRules), keeps
 * Sponsor_Message__c.Audience_Size__c up to date (SponsorMessageAudience), shares published messages
 * with their audience (SponsorMessageSharing), and shares an opted-in sponsor's figures while they show them
 * on a published message (SponsorUsageSharing). A deleted message loses its share rows; an undeleted one is
 * reshared as a new one (Trigger.oldMap is null on undelete), so it is read again only if published.
 */
trigger SponsorMessageTrigger on Sponsor_Message__c(
  before insert,
  before update,
  before delete,
  after insert,
  after update,
  after delete,
  after undelete
) {
  if (Trigger.isBefore && Trigger.isDelete) {
    SponsorMessageRules.guardDeletes(Trigger.old);
  } else if (Trigger.isBefore) {
    if (Trigger.isInsert) {
      SponsorMessageRules.assignAuthor(Trigger.new);
    } else {
      SponsorMessageRules.enforceAuthorship(Trigger.new, Trigger.oldMap);
    }
    SponsorMessageAudience.assignAudienceSize(Trigger.new, Trigger.oldMap);
  } else if (Trigger.isDelete) {
    SponsorUsageSharing.recalculate(
      SponsorUsageSharing.sponsorsToRecalculate(Trigger.old, null),
      Datetime.now()
    );
  } else {
    // After insert, update and undelete.
    SponsorMessageSharing.shareChanged(Trigger.new, Trigger.oldMap);
    SponsorUsageSharing.recalculate(
      SponsorUsageSharing.sponsorsToRecalculate(Trigger.new, Trigger.oldMap),
      Datetime.now()
    );
  }
}
