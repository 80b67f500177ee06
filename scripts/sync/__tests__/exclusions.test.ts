import { excludedUsers } from '../rules/exclusions';
import { DEFAULT_SETTINGS } from '../rules/metadata-rules';
import type { UserRecord } from '../sources/record-source';

const user = (id: string, extra: Partial<UserRecord>): UserRecord => ({
  id,
  name: id,
  isActive: true,
  userType: 'Standard',
  profileName: '',
  roleName: '',
  team: '',
  lastLoginDate: null,
  ...extra
});

const settings = {
  excludedUserTypes: ['AutomatedProcess'],
  excludedUserLicenses: ['PID_Chatter'],
  excludeApiOnlyUsers: true,
  excludedProfiles: ['Custom Robot']
};
const measureAll = { includeIntegrationUsers: false, includeInactiveUsers: false };

describe('exclusions (language-independent)', () => {
  it('excludes an API-only integration user whatever the profile is called in the org language', () => {
    const users = [
      user('en', { profileName: 'Minimum Access - API Only Integrations', apiOnly: true }),
      user('fr', { profileName: 'Accès minimum - Intégrations API uniquement', apiOnly: true }),
      user('rep', { profileName: 'Utilisateur standard', apiOnly: false })
    ];
    expect(excludedUsers(users, settings, measureAll).map((e) => [e.userId, e.reason])).toEqual([
      ['en', 'API only'],
      ['fr', 'API only']
    ]);
  });

  it('excludes by user type, user license key, custom profile name and inactivity, first reason wins', () => {
    const users = [
      user('auto', { userType: 'AutomatedProcess', apiOnly: true }),
      user('chatter', { licenseKey: 'pid_chatter' }),
      user('robot', { profileName: 'custom robot' }),
      user('left', { isActive: false }),
      user('unknown', { licenseKey: '', apiOnly: null })
    ];
    expect(excludedUsers(users, settings, measureAll)).toEqual([
      { userId: 'auto', name: 'auto', reason: 'user type', detail: 'AutomatedProcess' },
      { userId: 'chatter', name: 'chatter', reason: 'user license', detail: 'pid_chatter' },
      { userId: 'robot', name: 'robot', reason: 'profile', detail: 'custom robot' },
      { userId: 'left', name: 'left', reason: 'inactive', detail: 'IsActive = false' }
    ]);
  });

  it('keeps API-only users when the setting is unticked, and honours the run flags', () => {
    const users = [user('api', { apiOnly: true }), user('left', { isActive: false, apiOnly: true })];
    expect(excludedUsers(users, { ...settings, excludeApiOnlyUsers: false }, measureAll)).toEqual([
      { userId: 'left', name: 'left', reason: 'inactive', detail: 'IsActive = false' }
    ]);
    expect(
      excludedUsers(users, settings, { includeIntegrationUsers: true, includeInactiveUsers: true })
    ).toEqual([]);
  });

  it('has defaults that name no profile (standard profile names are translated)', () => {
    expect(DEFAULT_SETTINGS.excludedProfiles).toEqual([]);
    expect(DEFAULT_SETTINGS.excludeApiOnlyUsers).toBe(true);
  });
});
