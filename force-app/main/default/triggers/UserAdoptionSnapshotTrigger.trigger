/**
 * Shares each user snapshot read-only with the user it measures (UserSnapshotSharing), and an opted-in
 * sponsor's with every internal user while they show their usage on a published message (SponsorUsageSharing).
 */
trigger UserAdoptionSnapshotTrigger on User_Adoption_Snapshot__c(after insert, after update) {
  UserSnapshotSharing.shareWithMeasuredUsers(Trigger.new, Trigger.oldMap);
  SponsorUsageSharing.shareNewSnapshots(Trigger.new, Datetime.now());
}
