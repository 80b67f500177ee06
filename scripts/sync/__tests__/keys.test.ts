import { completenessTeamKey, teamKeyPart, teamSnapshotKey } from '../snapshots/keys';

describe('snapshot keys (Snapshot_Key__c: unique, case-insensitive, Text(80))', () => {
  const names = [
    'Sales North',
    'SALES NORTH',
    'Sales_North',
    'Sales  North',
    'sales north',
    'sales-north',
    ''
  ];

  it('gives distinct names keys that differ case-insensitively', () => {
    for (const key of [
      (t: string) => teamSnapshotKey(t, 'Week', '2026-11-23'),
      (t: string) => completenessTeamKey('Opportunity', t, 'Week', '2026-11-23')
    ]) {
      const keys = names.map((n) => key(n).toLowerCase());
      expect(new Set(keys).size).toBe(names.length);
    }
  });

  it('is stable for the same name and keeps plain names readable', () => {
    expect(teamSnapshotKey('Sales North', 'Week', '2026-11-23')).toBe(
      teamSnapshotKey('Sales North', 'Week', '2026-11-23')
    );
    expect(teamSnapshotKey('emea-north', 'Day', '2026-11-23')).toBe('T-emea-north-D-2026-11-23');
    expect(teamKeyPart('Sales North')).toMatch(/^Sales_North~[0-9a-f]{10}$/);
  });

  it('stays within 80 characters and distinct for long names sharing their first 70', () => {
    const long = 'Direction Commerciale Grands Comptes Île-de-France et Hauts-de-France — équipe ';
    const a = completenessTeamKey('Opportunity', `${long}A`, 'Month', '2026-11-01');
    const b = completenessTeamKey('Opportunity', `${long}a`, 'Month', '2026-11-01');
    expect(a.length).toBeLessThanOrEqual(80);
    expect(b.length).toBeLessThanOrEqual(80);
    expect(a.toLowerCase()).not.toBe(b.toLowerCase());
    expect(a.endsWith('-M-2026-11-01')).toBe(true);
  });
});
