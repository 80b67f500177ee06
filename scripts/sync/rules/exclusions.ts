// Which users the sync leaves out (integration, automated and inactive users), decided from what a
// user is, never from a standard profile's name: Salesforce translates standard profile names at run
// time ("Minimum Access - API Only Integrations" reads differently in a French org), so a list of
// English names silently stops matching. The same rule as CockpitSettings / SponsorMessageAudience
// in Apex. Pure: users and settings in, exclusions out.

import type { ExcludedUser } from '../engine/result';
import type { CockpitSettings, UserRecord } from '../sources/record-source';

/** The settings the rule reads (Cockpit_Setting__mdt). */
export type ExclusionSettings = Pick<
  CockpitSettings,
  'excludedUserTypes' | 'excludedUserLicenses' | 'excludeApiOnlyUsers' | 'excludedProfiles'
>;

/** The flags of a run (`--include-integration-users`, `--include-inactive-users`). */
export interface ExclusionOptions {
  includeIntegrationUsers: boolean;
  includeInactiveUsers: boolean;
}

const lowerSet = (values: readonly string[]): Set<string> =>
  new Set(values.map((v) => v.trim().toLowerCase()).filter((v) => v !== ''));

/**
 * Builds the rule once for a run, then tells for each user whether and why they are excluded.
 * Checked in this order, the first match is the reason:
 * 1. `user type`: User.UserType in Excluded_User_Types__c (API values such as AutomatedProcess);
 * 2. `user license`: Profile.UserLicense.LicenseDefinitionKey in Excluded_User_Licenses__c;
 * 3. `API only`: the profile has PermissionsApiUserOnly and Exclude_API_Only_Users__c is ticked;
 * 4. `profile`: Profile.Name in the deprecated Excluded_Profiles__c (custom profile names only);
 * 5. `inactive`: IsActive = false.
 * 1–4 are skipped with includeIntegrationUsers, 5 with includeInactiveUsers. A user whose license or
 * API-only permission is unknown (a Data Export without those columns) is not excluded by 2 or 3.
 * @param settings the Cockpit setting's exclusion fields
 * @param options the run's flags
 * @returns a function of a user giving their exclusion, or null when the user is measured
 */
function exclusionRule(
  settings: ExclusionSettings,
  options: ExclusionOptions
): (user: UserRecord) => ExcludedUser | null {
  const types = lowerSet(settings.excludedUserTypes);
  const licenses = lowerSet(settings.excludedUserLicenses);
  const profiles = lowerSet(settings.excludedProfiles);
  return (u) => {
    const excluded = (reason: ExcludedUser['reason'], detail: string): ExcludedUser => ({
      userId: u.id,
      name: u.name,
      reason,
      detail
    });
    if (!options.includeIntegrationUsers) {
      if (types.has(u.userType.toLowerCase())) return excluded('user type', u.userType);
      const license = u.licenseKey ?? '';
      if (license !== '' && licenses.has(license.toLowerCase())) return excluded('user license', license);
      if (settings.excludeApiOnlyUsers && u.apiOnly === true)
        return excluded('API only', 'Profile.PermissionsApiUserOnly = true');
      if (profiles.has(u.profileName.toLowerCase())) return excluded('profile', u.profileName);
    }
    if (!options.includeInactiveUsers && !u.isActive) return excluded('inactive', 'IsActive = false');
    return null;
  };
}

/**
 * The excluded users of a run, in the order of `users`.
 * @param users every user of the source
 * @param settings the Cockpit setting's exclusion fields
 * @param options the run's flags
 * @returns one entry per excluded user with the reason (see exclusionRule)
 */
export function excludedUsers(
  users: readonly UserRecord[],
  settings: ExclusionSettings,
  options: ExclusionOptions
): ExcludedUser[] {
  const rule = exclusionRule(settings, options);
  return users.flatMap((u) => rule(u) ?? []);
}
