import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeCsv, planCsvImport } from '@shared/backup/csv';
import { applyCsvPlan, existingForCsv } from '../../renderer/src/db/safety/backupCsv';
import { AppDb } from '../../renderer/src/db/schema';

let db: AppDb;
beforeEach(() => {
  db = new AppDb('test-' + crypto.randomUUID());
});
afterEach(async () => {
  await db.delete();
});

const PEOPLE = `Titul;Jméno;Příjmení;E-mail;Telefon;Role v triádě;Organizace
Mgr.;Jana;Nováková;novakova@charita.cz;577 111 222;poskytovatel;Charita Vizovice
;Karel;Svoboda;;;zadavatel;Město Vizovice
;Jiří;Dvořák;;;Uživatel;`;

describe('CSV import of people and organizations', () => {
  it('imports organizations, then people with their organizations, all at once', async () => {
    const orgs = planCsvImport(
      'Název,IČO,Druh\nMěsto Vizovice,00284653,obec\nCharita Vizovice,,NNO',
      await existingForCsv(db),
    );
    expect(orgs.kind).toBe('organizations');
    expect(orgs.valid).toBe(true);
    expect(await applyCsvPlan(db, orgs)).toEqual({ people: 0, organizations: 2 });

    const plan = planCsvImport(PEOPLE, await existingForCsv(db));
    expect(plan.kind).toBe('people');
    expect(plan.valid).toBe(true);
    expect(plan.newOrganizations).toEqual([]);
    expect(await applyCsvPlan(db, plan)).toEqual({ people: 3, organizations: 0 });
    const jana = (await db.people.where('lastName').equals('Nováková').first())!;
    expect(jana).toMatchObject({
      title: 'Mgr.',
      email: 'novakova@charita.cz',
      triadRole: 'provider',
    });
    expect((await db.organizations.get(jana.organizationId!))!.name).toBe('Charita Vizovice');
    expect((await db.people.where('lastName').equals('Dvořák').first())!.triadRole).toBe('user');
  });

  it('creates organizations a people list names but the database lacks', async () => {
    const plan = planCsvImport(PEOPLE, await existingForCsv(db));
    expect(plan.newOrganizations).toEqual(['Charita Vizovice', 'Město Vizovice']);
    expect(plan.people[0]!.newOrganization).toBe('Charita Vizovice');
    await applyCsvPlan(db, plan);
    expect(await db.organizations.count()).toBe(2);
    expect(await db.people.count()).toBe(3);
  });

  it('reports per-row errors and writes nothing when any row is wrong', async () => {
    const bad = `Jméno;Příjmení;E-mail;Role
Jana;Nováková;novakova@charita.cz;poskytovatel
Karel;;karel@;zadavatel
Eva;Černá;;král
Jana;Nováková;;poskytovatel`;
    const plan = planCsvImport(bad, await existingForCsv(db));
    expect(plan.valid).toBe(false);
    expect(plan.people[0]!.errors).toEqual([]);
    expect(plan.people[1]!.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'lastName:errors.required',
      'email:errors.email',
    ]);
    expect(plan.people[2]!.errors[0]).toMatchObject({
      field: 'triadRole',
      code: 'safety.csv.unknownRole',
      params: { value: 'král' },
    });
    expect(plan.people[3]!.errors[0]).toMatchObject({ code: 'safety.csv.duplicateRow' });
    expect(plan.people.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    await expect(applyCsvPlan(db, plan)).rejects.toThrow();
    expect(await db.people.count()).toBe(0);
  });

  it('refuses files it cannot read as a list and reads Excel windows-1250 CSV', async () => {
    expect(planCsvImport('', await existingForCsv(db)).fileError).toBe('safety.csv.noRows');
    expect(planCsvImport('a;b\n1;2', await existingForCsv(db)).fileError).toBe(
      'safety.csv.unknownColumns',
    );
    const cp1250 = new Uint8Array([0x50, 0xf8, 0xed, 0x6a, 0x6d, 0x65, 0x6e, 0xed]); // "Příjmení"
    expect(decodeCsv(cp1250)).toBe('Příjmení');
    const bad = planCsvImport(
      'Název;IČO;Druh\nObec X;12345678;obec\nMěsto Y;;hrad',
      await existingForCsv(db),
    );
    expect(bad.organizations[0]!.errors[0]!.code).toBe('errors.ico');
    expect(bad.organizations[1]!.errors[0]!.code).toBe('safety.csv.unknownKind');
  });
});
