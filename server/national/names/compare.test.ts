import { describe, expect, it } from 'vitest';
import { compareNames, nameKeys, normaliseName } from './index.ts';

const same = (kind: Parameters<typeof compareNames>[0], a: string, b: string, reason?: string) => {
  const r = compareNames(kind, a, b);
  expect(r.match, `${a} ~ ${b}: ${JSON.stringify(r)}`).toBe(true);
  if (reason) expect(r.reasons).toContain(reason);
  return r;
};
const different = (kind: Parameters<typeof compareNames>[0], a: string, b: string) => {
  const r = compareNames(kind, a, b);
  expect(r.match, `${a} !~ ${b}: ${JSON.stringify(r)}`).toBe(false);
  return r;
};

describe('normaliseName', () => {
  it('folds case and diacritics, drops punctuation and titles', () => {
    expect(normaliseName('person', 'Dr. José  Núñez-García').tokens).toEqual(['jose', 'nunez', 'garcia']);
    expect(normaliseName('person', 'Sheikh Hajji Omar').tokens).toEqual(['umar']);
  });
  it('transliterates Cyrillic, Greek, Arabic and Persian to Latin', () => {
    expect(normaliseName('person', 'Щербаков Юрий').tokens).toEqual(['shcherbakov', 'yury']);
    expect(normaliseName('person', 'Σωκράτης').tokens).toEqual(['sokratis']);
    expect(normaliseName('person', 'محمد').tokens).toEqual(['mhmd']);
    expect(normaliseName('person', 'پرویز').tokens).toEqual(['prvyz']);
    // ض is d in Arabic and z in Persian: رضا is Riḍā in Arabic, Reza in Persian.
    expect(normaliseName('person', 'رضا').tokens).toEqual(['rda']);
    expect(normaliseName('person', 'رضا احمدی').tokens).toEqual(['rza', 'ahmdi']);
  });
  it('removes legal forms from companies and says which', () => {
    const n = normaliseName('company', 'ООО «Ромашка»');
    expect(n.tokens).toEqual(['romashka']);
    expect(n.legalForms).toEqual(['llc']);
    expect(normaliseName('company', 'Acme Joint Stock Company').legalForms).toEqual(['jsc']);
  });
});

describe('compareNames: one rule each', () => {
  it('transliteration across scripts', () => {
    same('person', 'Александр Петров', 'Aleksandr Petrov', 'transliteration');
    same('person', 'محمد الرشيد', 'Mohamed Rashid', 'transliteration');
    same('person', 'حسن روحانی', 'Hassan Rouhani', 'transliteration');
  });
  it('Latin spelling variants of one name', () => {
    same('person', 'Mohammed Ali', 'Muhammad Ali', 'transliteration');
    same('person', 'Alexander Popov', 'Aleksandr Popov');
    same('person', 'Yusuf Haddad', 'Youssef Haddad');
  });
  it('pinyin and Wade-Giles', () => {
    same('person', 'Mao Zedong', 'Mao Tse-tung');
    same('person', 'Zhou Enlai', 'Chou En-lai');
  });
  it('word order', () => same('person', 'Petrov Ivan', 'Ivan Petrov', 'word order'));
  it('initials, but not initials alone', () => {
    same('person', 'J. Smith', 'John Smith', 'initial');
    different('person', 'J. Smith', 'Peter Smith');
    expect(compareNames('person', 'J. K.', 'John Kennedy').match).toBe(false);
  });
  it('joined and split words', () => {
    same('person', 'Abdul Rahman Khan', 'Abdulrahman Khan');
    same('vessel', 'Ocean Star', 'OCEANSTAR', 'joined words');
  });
  it('typos', () => {
    same('person', 'Elizabeth Fitzgerald', 'Elizabeth Fitzgeralt', 'typo');
    same('company', 'Falcon Shipping Co.', 'Faclon Shipping Co.', 'typo');
  });
  it('titles', () => same('person', 'Sheikh Hamid Nouri', 'Hamid Noori', 'title'));
  it('legal forms are equivalences', () => {
    same('company', 'Gazprom JSC', 'АО Газпром', 'legal form');
    same('company', 'Baikal Trading LLC', 'Baikal Trading Limited Liability Company', 'legal form');
    same('company', 'Acme Ltd', 'ACME LIMITED', 'legal form');
  });
  it('hard negatives: same surname, same generic company words, other number', () => {
    different('person', 'John Smith', 'Peter Smith');
    different('person', 'Hassan Ali', 'Hussein Ali');
    different('person', 'Aleksandr Ivanov', 'Aleksandra Ivanova');
    different('person', 'Jean Martin', 'Jeanne Martin');
    different('person', 'Jamal Haddad', 'Kamal Haddad');
    different('company', 'Alpha Trading LLC', 'Beta Trading LLC');
    different('company', 'Orion Shipping Ltd', 'Orion Textiles Ltd');
    different('vessel', 'Ocean Star II', 'Ocean Star III');
  });
  it('scores are in 0..1 and an empty name matches nothing', () => {
    expect(compareNames('person', 'Ivan Petrov', 'Ivan Petrov').score).toBe(1);
    expect(compareNames('person', '...', 'Ivan')).toEqual({ score: 0, match: false, reasons: ['empty name'] });
  });
});

describe('nameKeys', () => {
  it('gives two spellings of one name a key in common', () => {
    const shared = (kind: Parameters<typeof nameKeys>[0], a: string, b: string) => nameKeys(kind, a).some((k) => nameKeys(kind, b).includes(k));
    expect(shared('person', 'محمد', 'Mohammed')).toBe(true);
    expect(shared('person', 'Abdul Rahman', 'Abdulrahman')).toBe(true);
    expect(shared('company', 'ООО Байкал', 'Baikal LLC')).toBe(true);
    expect(shared('person', 'Ivan Petrov', 'Oleg Sidorov')).toBe(false);
  });
  it('does not key generic company words nor single letters', () => {
    const keys = nameKeys('company', 'Orion Trading LLC');
    expect(keys.some((k) => k.includes('trading'))).toBe(false);
    expect(nameKeys('person', 'J. Smith').some((k) => k === 't:j')).toBe(false);
  });
});
