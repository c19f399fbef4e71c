import { describe, expect, it } from 'vitest';
import { geotag } from './geotag.ts';
import { evaluate, labelledItems } from './evaluate.ts';

const tag = (title: string, text = '', language = 'en') => geotag({ title, text, language });

describe('geotagger: homographs', () => {
  it('Jordan the country, the basketball player and the footballer', () => {
    expect(tag('Customs in Jordan seize captagon', 'Jordanian officers found the pills.').countries).toEqual(['JO']);
    expect(tag('Michael Jordan shoes seized', 'Counterfeit Michael Jordan shoes were seized in Rotterdam. Jordan said nothing.').countries).toEqual(['NL']);
    expect(tag('Stolen car of Jordan Henderson found', 'The car of Jordan Henderson was found at Felixstowe.').countries).toEqual(['GB']);
  });

  it('Chad the given name and the country; Georgia the state and the country', () => {
    expect(tag('Chad Smith convicted in Texas').countries).toEqual(['US']);
    expect(tag('Fuel smuggling from Nigeria into Chad').countries.sort()).toEqual(['NG', 'TD']);
    expect(tag('Heroin found at Georgia border', 'Georgian customs at Sarpi found heroin in a truck from Turkey.').focus).toBe('GE');
    expect(tag('Guns found at Georgia port', 'Officers in Savannah, Georgia, found rifles bound for Haiti.').focus).toBe('US');
  });

  it('Niger the river, Turkey the bird, China the porcelain, guinea pigs and the Gulf of Guinea', () => {
    expect(tag('Boats on the Niger River carried fuel').countries).toEqual([]);
    expect(tag('Customs in Niger seize cannabis').countries).toEqual(['NE']);
    expect(tag('Cigarettes hidden in frozen turkey legs').countries).toEqual([]);
    expect(tag('Turkey seizes methamphetamine').countries).toEqual(['TR']);
    expect(tag('Smugglers hid fine china in crates').countries).toEqual([]);
    expect(tag('Lizards found among guinea pigs at Lima airport').countries).toEqual(['PE']);
    expect(tag('Tanker attacked in the Gulf of Guinea').countries).toEqual([]);
  });

  it('Nice the city and the adjective; Congo with and without Brazzaville', () => {
    expect(tag('A nice haul for Kenyan rangers').countries).toEqual(['KE']);
    expect(tag('Cocaine found at Nice airport').countries).toEqual(['FR']);
    expect(tag('Nice : saisie de cocaïne à l’aéroport', '', 'fr').countries).toEqual(['FR']);
    expect(tag('Timber seized in Congo').countries).toEqual(['CD']);
    expect(tag('Ivory seized in Congo', 'Officers in Brazzaville found the tusks.').countries).toEqual(['CG']);
  });

  it('abbreviations keep their case; French demonyms may be lower case', () => {
    expect(tag('Let us look at the seizures').countries).toEqual([]);
    expect(tag('US customs seize fentanyl').countries).toEqual(['US']);
    expect(geotag({ title: 'Saisie', text: 'La douane marocaine a saisi du cannabis.', language: 'fr' }).countries).toEqual(['MA']);
  });

  it('the title counts more for the focus, and an origin less', () => {
    const r = tag('Belgian customs seize cocaine at Antwerp', 'The container came from Ecuador and was bound for the Netherlands. Ecuador is a transit country.');
    expect(r.focus).toBe('BE');
    expect(r.countries.sort()).toEqual(['BE', 'EC', 'NL']);
  });

  it('gives each place with its offsets in the field it was found in', () => {
    const r = geotag({ title: 'Saisie au Havre', text: 'Cocaïne venue de Côte d’Ivoire.', language: 'fr' });
    for (const p of r.places) expect((p.field === 'title' ? 'Saisie au Havre' : 'Cocaïne venue de Côte d’Ivoire.').slice(p.start, p.end)).toBe(p.name);
    expect(r.places.map((p) => p.country)).toEqual(['FR', 'CI']);
  });

  it('Russian names in their case endings, Arabic-script and Chinese names', () => {
    expect(geotag({ title: 'Таможня России изъяла кокаин из Эквадора', text: '', language: 'ru' }).countries.sort()).toEqual(['EC', 'RU']);
    expect(geotag({ title: 'گمرک پاکستان', text: '', language: 'ur' }).countries).toEqual(['PK']);
    expect(geotag({ title: '中国海关查获象牙', text: '', language: 'zh' }).countries).toEqual(['CN']);
  });
});

describe('geotagger on the labelled set', () => {
  it('reaches the goals on the development part (the test part is measured by the benchmark)', () => {
    const s = evaluate(labelledItems().filter((i) => i.split === 'dev'));
    expect(s.items).toBeGreaterThan(75);
    expect(s.f1).toBeGreaterThanOrEqual(0.82);
    expect(s.focusAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.languageAccuracy).toBeGreaterThanOrEqual(0.97);
  });

  it('holds at least 150 items, 60 or more in each of English and French', () => {
    const items = labelledItems();
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect(items.filter((i) => i.language === 'en').length).toBeGreaterThanOrEqual(60);
    expect(items.filter((i) => i.language === 'fr').length).toBeGreaterThanOrEqual(60);
  });
});
