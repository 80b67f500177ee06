// Self-test of the Personas gate: the project passes, and each fault reintroduced into a copy of its
// sources (in memory) fails with a message naming the persona, the component, the object.field and
// the missing permission.
import path from 'node:path';
import { readSources } from '../../validate-metadata';
import type { SourceFile } from '../../metadata-checks';
import { checkPersonas, formatPersonaMatrix } from '../personas';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const project = readSources(ROOT);

/** A copy of the sources with one file's text changed; fails when the text to change is not there. */
function withFault(file: string, from: string | RegExp, to: string): SourceFile[] {
  return project.map((f) => {
    if (!f.path.endsWith(file)) return f;
    const text = f.text.replace(from, to);
    if (text === f.text) throw new Error(`fault not applied to ${file}: ${String(from)}`);
    return { ...f, text };
  });
}

const messages = (files: SourceFile[]): string[] =>
  checkPersonas(files).map((p) => `${p.file}: ${p.message}`);

describe('personas gate', () => {
  it('passes on the project, and prints a matrix with every persona', () => {
    expect(messages(project)).toEqual([]);
    const matrix = formatPersonaMatrix(project);
    for (const persona of [
      'Adoption_Cockpit_Rep',
      'Adoption_Cockpit_Key_User',
      'Adoption_Cockpit_Sponsor',
      'Adoption_Cockpit_Admin',
      'Adoption_Cockpit_Manager'
    ]) {
      expect(matrix).toContain(persona);
    }
    expect(matrix).toMatch(
      /keyUserNetwork \| lds createRecord \| create Key_User__c .*hidden from this persona/
    );
  });

  it('fails when key users meet a Nominate button they cannot use', () => {
    const found = messages(
      withFault('lwc/keyUserNetwork/keyUserNetwork.ts', 'canCreate(data, NOMINATE_FIELDS)', 'true')
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /keyUserNetwork\.ts: Persona Adoption_Cockpit_Key_User reaches keyUserNetwork .*lds createRecord .*Key_User__c Create.*Key_User__c\.User__c Edit/
      )
    );
  });

  it('fails when sponsors and key users meet a Followed up button they cannot use', () => {
    const found = messages(
      withFault('lwc/keyUserNetwork/keyUserNetwork.ts', "canUpdate(data, ['Last_Follow_Up__c'])", 'true')
    );
    for (const persona of ['Adoption_Cockpit_Sponsor', 'Adoption_Cockpit_Key_User']) {
      expect(found).toContainEqual(
        expect.stringMatching(
          new RegExp(`Persona ${persona} reaches keyUserNetwork .*Key_User__c\\.Last_Follow_Up__c Edit`)
        )
      );
    }
  });

  it('fails when sponsors meet acceptance result buttons they cannot use', () => {
    const found = messages(
      withFault('lwc/acceptanceConsole/acceptanceConsole.ts', 'canUpdate(data, RESULT_FIELDS)', 'true')
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /Persona Adoption_Cockpit_Sponsor reaches acceptanceConsole .*Acceptance_Test_Case__c\.Result__c Edit/
      )
    );
  });

  it('reads getObjectInfos over a constant list as a gate, and fails when Help and Ideas stops gating', () => {
    const matrix = formatPersonaMatrix(project);
    expect(matrix).toMatch(
      /helpRequest \| apex HelpRequestController\.submit \| create Help_Request__c .*hidden from this persona/
    );
    const found = messages(
      withFault(
        'lwc/helpRequest/helpRequest.ts',
        '@wire(getObjectInfos, { objectApiNames: OBJECTS })',
        "@wire(getObjectInfos, { objectApiNames: ['Help_Request__c'] })"
      )
    );
    for (const [persona, write] of [
      ['Adoption_Cockpit_Sponsor', 'Idea_Vote__c Create'],
      ['Adoption_Cockpit_Admin', 'Cockpit_Preference__c Create']
    ]) {
      expect(found).toContainEqual(
        expect.stringMatching(
          new RegExp(`helpRequest\\.ts: Persona ${persona} reaches helpRequest .*${write}`)
        )
      );
    }
    expect(found.join('\n')).not.toMatch(/needs Help_Request__c Create/);
  });

  it('fails when a field a completeness rule names is not readable by the Sync set', () => {
    const found = messages(
      withFault(
        'permissionsets/Adoption_Cockpit_Sync.permissionset-meta.xml',
        /<fieldPermissions>\s*<editable>false<\/editable>\s*<field>Opportunity\.NextStep<\/field>\s*<readable>true<\/readable>\s*<\/fieldPermissions>\s*/,
        ''
      )
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /Adoption_Cockpit_Sync\.permissionset-meta\.xml: Adoption_Cockpit_Sync has no read access to Opportunity\.NextStep, which the completeness rule Completeness_Rule\.Opportunity_NextStep/
      )
    );
  });

  it('reads a rule on a compound address through the compound (its components are secured by it)', () => {
    const onCompound = (field: string): string[] =>
      messages(
        withFault(
          'customMetadata/Completeness_Rule.Account_BillingCity.md-meta.xml',
          '<value xsi:type="xsd:string">BillingCity</value>',
          `<value xsi:type="xsd:string">${field}</value>`
        )
      ).filter((m) => m.includes('Account_BillingCity'));
    expect(onCompound('BillingAddress')).toEqual([]);
    expect(onCompound('ShippingAddress')).toContainEqual(
      expect.stringMatching(/Adoption_Cockpit_Sync has no read access to Account\.ShippingAddress/)
    );
  });

  it('maps an address component to its compound field, and refuses a field that is not permissionable', () => {
    const billing = messages(
      withFault(
        'permissionsets/Adoption_Cockpit_Sync.permissionset-meta.xml',
        '<field>Account.BillingAddress</field>',
        '<field>Account.BillingCity</field>'
      )
    );
    expect(billing).toContainEqual(expect.stringMatching(/no read access to Account\.BillingCity/));
    expect(billing).toContainEqual(
      expect.stringMatching(/fieldPermissions Account\.BillingCity: the field is not permissionable/)
    );
    const closeDate = messages(
      withFault(
        'permissionsets/Adoption_Cockpit_Sync.permissionset-meta.xml',
        '<field>Opportunity.Amount</field>',
        '<field>Opportunity.CloseDate</field>'
      )
    );
    expect(closeDate).toContainEqual(
      expect.stringMatching(/fieldPermissions Opportunity\.CloseDate: the field is not permissionable/)
    );
  });

  it('fails both ways against the intended write set of a persona', () => {
    const extra = messages(
      withFault(
        'permissionsets/Adoption_Cockpit_Sponsor.permissionset-meta.xml',
        /<editable>false<\/editable>(\s*<field>Sponsor_Message__c\.Sponsor__c<\/field>)/,
        '<editable>true</editable>$1'
      )
    );
    expect(extra).toContainEqual(
      expect.stringMatching(
        /Persona Adoption_Cockpit_Sponsor grants edit Sponsor_Message__c\.Sponsor__c: the product does not let/
      )
    );
    const lacking = messages(
      withFault(
        'permissionsets/Adoption_Cockpit_Key_User.permissionset-meta.xml',
        /<editable>true<\/editable>(\s*<field>Acceptance_Test_Case__c\.Result__c<\/field>)/,
        '<editable>false</editable>$1'
      )
    );
    expect(lacking).toContainEqual(
      expect.stringMatching(
        /Persona Adoption_Cockpit_Key_User lacks edit Acceptance_Test_Case__c\.Result__c: the product needs it/
      )
    );
  });
});
