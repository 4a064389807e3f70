import { describe, expect, it } from 'vitest';
import { excuseDeadline } from './deadlines';
import { guessGender } from './gender';
import { isWorkingDay } from '../domain/leadTime';

// Gender only picks verb and role endings ("Zapsala", "zástupkyně vedoucího", "odešla"):
// names themselves are never declined. Real Czech names of both genders, incl. -ová, -ská,
// -cká, -ý, -ek, -el, indeclinable -ů and foreign names.
const WOMEN = [
  'Jana Nováková',
  'Petra Dvořáková',
  'Eva Černá',
  'Marie Horáková',
  'Lucie Šimková',
  'Šárka Řeháková',
  'Hana Vlčková',
  'Věra Pospíšilová',
  'Kateřina Machalová',
  'Ludmila Křížová',
  'Alena Fojtíková',
  'Michaela Kovářová',
  'Barbora Zálešáková',
  'Ivana Slováková',
  'Radka Bednaříková',
  'Tereza Vaculíková',
  'Lenka Chmelařová',
  'Dana Orságová',
  'Veronika Navrátilová',
  'Simona Pavelková',
  'Renata Ševčíková',
  'Zuzana Matušů',
  'Anna Tomšů',
  'Olga Juráňová',
  'Irena Zlámalová',
  'Gabriela Uhlířová',
  'Nikola Pešková',
  'Alžběta Malá',
  'Jitka Veselá',
  'Markéta Dlouhá',
  'Monika Zelená',
  'Kristýna Nová',
  'Helena Krátká',
  'Vlasta Šťastná',
  'Jarmila Hrubá',
  'Martina Procházková',
  'Klára Kučerová',
  'Adéla Pokorná',
  'Denisa Marková',
  'Pavla Benešová',
  'Ivona Jelínková',
  'Romana Růžičková',
  'Blanka Doležalová',
  'Soňa Fialová',
  'Zdeňka Sedláčková',
  'Dagmar Zemanová',
  'Ester Kolářová',
  'Marie Novotná',
  'Lucie Vondráčková',
  'Natálie Kopecká',
  'Julie Černá',
  'Sylvie Janská',
  'Andrea Hradecká',
  'Karin Lipská',
  'Miriam Boháčová',
  'Ingrid Wagnerová',
  'Sarah Thompson',
  'Alice Brown',
];
const MEN = [
  'Karel Svoboda',
  'Josef Kučera',
  'Pavel Malý',
  'Roman Bartoš',
  'Tomáš Zedník',
  'Zdeněk Čech',
  'Jiří Hájek',
  'Martin Ondráček',
  'Ondřej Mikeska',
  'David Jurčík',
  'Petr Gajdošík',
  'Miroslav Šustek',
  'Stanislav Běhal',
  'Jaroslav Vrba',
  'Kamil Holub',
  'Filip Dohnal',
  'Milan Fusek',
  'Vladimír Trčka',
  'Jan Novák',
  'Lukáš Dvořák',
  'Jakub Veselý',
  'Vojtěch Černý',
  'Michal Šťastný',
  'Radek Horký',
  'Aleš Hrubý',
  'Marek Beneš',
  'Libor Pavel',
  'Vít Havel',
  'Václav Hrabal',
  'Ladislav Kozel',
  'Antonín Dvořáček',
  'František Šimek',
  'Bohumil Hrášek',
  'Luboš Pešek',
  'Daniel Bureš',
  'Richard Matušů',
  'Emil Tomšů',
  'Viktor Kafka',
  'Jindřich Skála',
  'Matěj Procházka',
  'Nikola Pavlović',
  'Ilja Hurník',
  'Saša Rašilov',
  'Honza Svěrák',
  'Jiří Kolda',
  'John Smith',
  'Michael Müller',
  'Pierre Dubois',
  'Mustafa Yilmaz',
  'Thomas Wagner',
];

describe('guessGender', () => {
  it('has at least 100 real names to prove itself on', () => {
    expect(WOMEN.length + MEN.length).toBeGreaterThanOrEqual(100);
  });
  it.each(WOMEN)('%s is a woman', (n) => {
    const [first, ...last] = n.split(' ');
    expect(guessGender(first!, last.join(' '))).toBe('f');
  });
  it.each(MEN)('%s is a man', (n) => {
    const [first, ...last] = n.split(' ');
    expect(guessGender(first!, last.join(' '))).toBe('m');
  });
});

describe('excuseDeadline', () => {
  it('falls on a working day: a Sunday or a holiday moves back to the working day before', () => {
    // Meeting Wed 2026-07-08: 3 days before is Sunday 5 July → Friday 3 July.
    expect(excuseDeadline('2026-07-08', 3)).toBe('2026-07-03');
    expect(excuseDeadline('2026-06-30', 3)).toBe('2026-06-26');
    expect(excuseDeadline('2026-06-25', 3)).toBe('2026-06-22');
    for (let d = 1; d <= 28; d++) {
      const day = `2026-12-${String(d).padStart(2, '0')}`;
      expect(isWorkingDay(excuseDeadline(day, 3)), day).toBe(true);
    }
  });
});
