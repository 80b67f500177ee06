import { ADMIN_RIGHTS_BADGE, STAGES, stageBadge, stageOf } from 'c/keyUserStages';

describe('c/keyUserStages', () => {
  it('reads a blank or unknown stage as Nominated', () => {
    expect(stageOf(undefined)).toBe('Nominated');
    expect(stageOf('')).toBe('Nominated');
    expect(stageOf('Retired')).toBe('Nominated');
    expect(stageOf('Referent')).toBe('Referent');
  });

  it('gives each stage its own badge, and admin rights one that no stage has', () => {
    const classes = STAGES.map((stage) => stageBadge(stage).className);
    expect(new Set([...classes, ADMIN_RIGHTS_BADGE.className]).size).toBe(STAGES.length + 1);
    for (const className of classes) expect(className.split(' ')).toContain('slds-badge');
  });

  it('shows the highest stage strongly, not in the grey that reads disabled, and admin rights not as a warning', () => {
    const referent = stageBadge('Referent').className.split(' ');
    expect(referent).toContain('slds-theme_alt-inverse');
    expect(referent).not.toContain('slds-badge_inverse');
    expect(ADMIN_RIGHTS_BADGE.className.split(' ')).not.toContain('slds-theme_warning');
  });

  it('labels a stage with its custom label, or with the text given (a translated picklist value)', () => {
    expect(stageBadge('Active').label).toBe('c.keyUserNetwork_StageActive');
    expect(stageBadge('Active', 'Actif')).toEqual({
      label: 'Actif',
      className: stageBadge('Active').className
    });
    expect(ADMIN_RIGHTS_BADGE.label).toBe('c.keyUserBadge_AdminRights');
  });
});
