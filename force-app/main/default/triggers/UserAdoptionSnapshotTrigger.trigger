/**
 * Shares each user snapshot read-only with the user it measures; the work is in UserSnapshotSharing.
 */
trigger UserAdoptionSnapshotTrigger on User_Adoption_Snapshot__c(after insert, after update) {
  UserSnapshotSharing.shareWithMeasuredUsers(Trigger.new, Trigger.oldMap);
}
