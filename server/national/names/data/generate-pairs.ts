/**
 * Writes pairs.csv, the labelled set of name pairs (kind,a,b,label) the benchmark and the quality test
 * read. Deterministic (seeded). Run: npx tsx server/national/names/data/generate-pairs.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

let seed = 20261206;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

type Kind = 'person' | 'company' | 'organization' | 'vessel';
const rows: [Kind, string, string, 0 | 1, string][] = [];
const seen = new Set<string>();
function add(kind: Kind, a: string, b: string, label: 0 | 1, why: string) {
  const key = `${kind}|${a}|${b}`;
  if (a === b || seen.has(key)) return;
  seen.add(key);
  rows.push([kind, a, b, label, why]);
}

/** A keyboard typo in a word of six letters or more: swap, drop, double or replace one letter. */
function typo(word: string): string {
  if (word.length < 6) return word;
  const i = 1 + Math.floor(rnd() * (word.length - 2));
  const op = Math.floor(rnd() * 4);
  if (op === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (op === 1) return word.slice(0, i) + word.slice(i + 1);
  if (op === 2) return word.slice(0, i) + word[i] + word.slice(i);
  const near: Record<string, string> = { a: 's', e: 'r', i: 'o', o: 'i', u: 'y', n: 'm', m: 'n', r: 't', s: 'a', t: 'r', l: 'k', k: 'l', d: 's', h: 'j' };
  return word.slice(0, i) + (near[word[i]!.toLowerCase()] ?? 'e') + word.slice(i + 1);
}

// Russian and Ukrainian names: Cyrillic, then Latin spellings seen in passports and lists.
const RU_GIVEN: [string, string[]][] = [
  ['Александр', ['Aleksandr', 'Alexander', 'Alexandr']], ['Дмитрий', ['Dmitriy', 'Dmitry', 'Dmitri']], ['Сергей', ['Sergey', 'Sergei']],
  ['Николай', ['Nikolay', 'Nikolai']], ['Михаил', ['Mikhail', 'Michail']], ['Владимир', ['Vladimir', 'Wladimir']], ['Андрей', ['Andrey', 'Andrei']],
  ['Юрий', ['Yuriy', 'Yuri', 'Iurii']], ['Ольга', ['Olga']], ['Татьяна', ['Tatyana', 'Tatiana']], ['Наталья', ['Natalya', 'Natalia']],
  ['Елена', ['Elena', 'Yelena']], ['Екатерина', ['Ekaterina', 'Yekaterina']], ['Иван', ['Ivan']], ['Павел', ['Pavel']], ['Борис', ['Boris']],
  ['Игорь', ['Igor']], ['Олег', ['Oleg']], ['Виктор', ['Viktor', 'Victor']], ['Евгений', ['Evgeniy', 'Yevgeny', 'Evgeny']],
  ['Алексей', ['Aleksey', 'Alexei', 'Alexey']], ['Ирина', ['Irina']], ['Светлана', ['Svetlana']], ['Максим', ['Maksim', 'Maxim']],
  ['Артём', ['Artyom', 'Artem']], ['Кирилл', ['Kirill', 'Kiril']], ['Фёдор', ['Fyodor', 'Fedor']], ['Пётр', ['Pyotr', 'Petr']],
];
const RU_FAMILY: [string, string[]][] = [
  ['Иванов', ['Ivanov']], ['Смирнов', ['Smirnov']], ['Кузнецов', ['Kuznetsov', 'Kouznetsov']], ['Попов', ['Popov']], ['Соколов', ['Sokolov']],
  ['Лебедев', ['Lebedev']], ['Козлов', ['Kozlov']], ['Новиков', ['Novikov']], ['Морозов', ['Morozov']], ['Волков', ['Volkov']],
  ['Васильев', ['Vasilyev', 'Vasiliev']], ['Зайцев', ['Zaytsev', 'Zaitsev']], ['Семёнов', ['Semenov', 'Semyonov']], ['Воробьёв', ['Vorobyov', 'Vorobiev']],
  ['Фёдоров', ['Fyodorov', 'Fedorov']], ['Михайлов', ['Mikhaylov', 'Mikhailov']], ['Беляев', ['Belyaev', 'Beliaev']], ['Киселёв', ['Kiselyov', 'Kiselev']],
  ['Андреев', ['Andreyev', 'Andreev']], ['Ковалёв', ['Kovalyov', 'Kovalev']], ['Ильин', ['Ilyin', 'Iljin']], ['Кудрявцев', ['Kudryavtsev']],
  ['Алексеев', ['Alekseyev', 'Alekseev']], ['Яковлев', ['Yakovlev', 'Iakovlev']], ['Григорьев', ['Grigoryev', 'Grigoriev']], ['Ершов', ['Yershov', 'Ershov']],
  ['Цветков', ['Tsvetkov', 'Zvetkov']], ['Жуков', ['Zhukov']], ['Журавлёв', ['Zhuravlyov', 'Zhuravlev']], ['Шевченко', ['Shevchenko']],
  ['Щербаков', ['Shcherbakov', 'Scherbakov']], ['Хабибуллин', ['Khabibullin', 'Habibullin']], ['Бондаренко', ['Bondarenko']], ['Ткаченко', ['Tkachenko']],
];
// Arabic names and their common Latin spellings.
const AR_GIVEN: [string, string[]][] = [
  ['محمد', ['Mohammed', 'Muhammad', 'Mohamed', 'Mohammad']], ['أحمد', ['Ahmed', 'Ahmad']], ['علي', ['Ali']], ['حسن', ['Hassan', 'Hasan']],
  ['حسين', ['Hussein', 'Husain', 'Hussain']], ['عمر', ['Omar', 'Umar']], ['خالد', ['Khalid', 'Khaled']], ['يوسف', ['Yusuf', 'Youssef', 'Yousef']],
  ['إبراهيم', ['Ibrahim', 'Ebrahim']], ['عبد الله', ['Abdullah', 'Abdallah', 'Abdulla']], ['عبد الرحمن', ['Abdul Rahman', 'Abdulrahman', 'Abd al-Rahman', 'Abdelrahman']],
  ['سعيد', ['Saeed', 'Said']], ['مصطفى', ['Mustafa', 'Moustafa', 'Mostafa']], ['فاطمة', ['Fatima', 'Fatma']], ['زينب', ['Zainab', 'Zeinab']],
  ['جمال', ['Jamal', 'Gamal']], ['طارق', ['Tariq', 'Tarek', 'Tareq']], ['كريم', ['Karim', 'Kareem']], ['ناصر', ['Nasser', 'Nasir']],
  ['سليمان', ['Suleiman', 'Sulayman']], ['إسماعيل', ['Ismail', 'Ismael']], ['عادل', ['Adel', 'Adil']], ['منصور', ['Mansour', 'Mansur']],
  ['وليد', ['Walid', 'Waleed']], ['فيصل', ['Faisal', 'Faysal', 'Feisal']], ['حمزة', ['Hamza', 'Hamzah']], ['ياسين', ['Yassin', 'Yasin']],
];
const AR_FAMILY: [string, string[]][] = [
  ['الرشيد', ['al-Rashid', 'Al Rasheed', 'Alrashid']], ['المنصوري', ['al-Mansouri', 'Almansoori']], ['الزهراني', ['al-Zahrani', 'Alzahrani']],
  ['حداد', ['Haddad']], ['خوري', ['Khoury', 'Khouri']], ['عباس', ['Abbas']], ['سالم', ['Salem', 'Salim']], ['الخطيب', ['al-Khatib', 'El Khatib']],
  ['شاكر', ['Shaker', 'Shakir']], ['العمري', ['al-Omari', 'Alamri']], ['الهاشمي', ['al-Hashimi', 'Al Hashemi']], ['حمدان', ['Hamdan']],
  ['درويش', ['Darwish', 'Darwich']], ['يعقوب', ['Yacoub', 'Yaqub']], ['النجار', ['al-Najjar', 'Elnaggar']], ['القحطاني', ['al-Qahtani', 'Alkahtani']],
];
// Persian and Dari full names.
const FA_FULL: [string, string[]][] = [
  ['حسن روحانی', ['Hassan Rouhani', 'Hasan Rohani']], ['علی رضایی', ['Ali Rezaei', 'Ali Rezayi']], ['محمد جواد ظریف', ['Mohammad Javad Zarif', 'Mohamad Jawad Zarif']],
  ['فاطمه حسینی', ['Fatemeh Hosseini', 'Fatima Husseini']], ['رضا احمدی', ['Reza Ahmadi']], ['مهدی کریمی', ['Mehdi Karimi', 'Mahdi Karimi']],
  ['زهرا محمدی', ['Zahra Mohammadi', 'Zahra Mohamadi']], ['امیر حسین موسوی', ['Amir Hossein Mousavi', 'Amirhossein Musavi']],
  ['سعید جعفری', ['Saeed Jafari', 'Said Jafari']], ['مریم صادقی', ['Maryam Sadeghi', 'Mariam Sadeqi']], ['حمید نوری', ['Hamid Nouri', 'Hamid Noori']],
  ['محسن رحیمی', ['Mohsen Rahimi']], ['ابراهیم رئیسی', ['Ebrahim Raisi', 'Ibrahim Raeesi']], ['غلامرضا تهرانی', ['Gholamreza Tehrani', 'Gholam Reza Tehrani']],
  ['احمد شاه مسعود', ['Ahmad Shah Massoud', 'Ahmad Shah Masood']], ['گلبدین حکمتیار', ['Gulbuddin Hekmatyar', 'Golbuddin Hikmatyar']],
  ['عبدالله عبدالله', ['Abdullah Abdullah']], ['اشرف غنی', ['Ashraf Ghani']], ['حامد کرزی', ['Hamid Karzai', 'Hamed Karzai']],
  ['نرگس محمدی', ['Narges Mohammadi']], ['پرویز ناصری', ['Parviz Naseri', 'Parvez Nasseri']], ['شیرین عبادی', ['Shirin Ebadi']],
];
// Chinese names: pinyin and Wade-Giles.
const ZH: [string, string][] = [
  ['Zhang Wei', 'Chang Wei'], ['Zhou Enlai', 'Chou En-lai'], ['Deng Xiaoping', 'Teng Hsiao-ping'], ['Mao Zedong', 'Mao Tse-tung'],
  ['Xu Zhimo', 'Hsu Chih-mo'], ['Zhao Ziyang', 'Chao Tzu-yang'], ['Liu Shaoqi', 'Liu Shao-chi'], ['Wang Jingwei', 'Wang Ching-wei'],
  ['Guo Moruo', 'Kuo Mo-jo'], ['Zhu De', 'Chu Te'], ['Cai Yuanpei', 'Tsai Yuan-pei'], ['Gao Gang', 'Kao Kang'], ['Lin Biao', 'Lin Piao'],
  ['Zeng Guofan', 'Tseng Kuo-fan'], ['Huang Xing', 'Huang Hsing'], ['Dong Biwu', 'Tung Pi-wu'], ['Qiu Jin', 'Chiu Chin'],
  ['Xiang Ying', 'Hsiang Ying'], ['Jiang Qing', 'Chiang Ching'], ['Zheng He', 'Cheng Ho'], ['Li Peng', 'Li P\'eng'], ['Xie Jin', 'Hsieh Chin'],
  ['Zhang Xueliang', 'Chang Hsueh-liang'], ['Guan Yu', 'Kuan Yu'], ['Cao Cao', 'Ts\'ao Ts\'ao'], ['Sun Zhongshan', 'Sun Chung-shan'],
];
const CN_SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin'];
const CN_GIVEN = ['Wei', 'Fang', 'Min', 'Jing', 'Lei', 'Jun', 'Yang', 'Yong', 'Jie', 'Tao', 'Ming', 'Chao', 'Xiuying', 'Guiying', 'Xiaoming', 'Haiyan'];

// Latin-script names of many countries for word order, initials, typos, titles, diacritics and joined words.
const LATIN: [string[], string[]][] = [
  [['José', 'María', 'Juan', 'Carlos', 'Lucía', 'Javier', 'Álvaro', 'Inés'], ['García López', 'Fernández', 'Martínez', 'Rodríguez', 'Sánchez', 'Gómez Ruiz', 'Núñez']],
  [['João', 'Antônio', 'Francisca', 'Luís', 'Gonçalo', 'Conceição'], ['Gonçalves', 'Araújo', 'Magalhães', 'Pereira da Silva', 'Conceição', 'Simões']],
  [['François', 'Hélène', 'Jérôme', 'Benoît', 'Amélie', 'Stéphane'], ['Lefèvre', 'Dubois', 'Rousseau', 'Girard', 'Mercier', 'Chevalier']],
  [['Jürgen', 'Günther', 'Käthe', 'Björn', 'Matthias', 'Ursula'], ['Müller', 'Schröder', 'Weißmann', 'Schneider', 'Hoffmann', 'Krüger']],
  [['Giuseppe', 'Francesca', 'Alessandra', 'Lorenzo', 'Giovanni'], ['Esposito', 'Romano', 'Colombo', 'Ricci', 'Marchetti']],
  [['Mehmet', 'Ayşe', 'Mustafa', 'Emine', 'Hüseyin', 'Çağlar'], ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk']],
  [['Chukwuemeka', 'Oluwaseun', 'Ngozi', 'Babatunde', 'Adebayo', 'Chiamaka'], ['Okonkwo', 'Adeyemi', 'Oyelaran', 'Nwachukwu', 'Ogunleye', 'Eze']],
  [['Wanjiru', 'Kamau', 'Otieno', 'Achieng', 'Mwangi', 'Njeri'], ['Kiprotich', 'Odhiambo', 'Wekesa', 'Mutua', 'Chebet', 'Kariuki']],
  [['Rajesh', 'Priyanka', 'Venkatesh', 'Lakshmi', 'Suresh', 'Anand'], ['Krishnamurthy', 'Subramanian', 'Venkataraman', 'Chatterjee', 'Bhattacharya', 'Iyer']],
  [['Nguyen', 'Thanh', 'Minh', 'Huong', 'Tuan'], ['Nguyễn Văn', 'Trần', 'Phạm', 'Lê Thị', 'Hoàng']],
  [['Siti', 'Budi', 'Agus', 'Dewi', 'Wahyu'], ['Setiawan', 'Rahmawati', 'Kusumawati', 'Prasetyo', 'Hidayat']],
  [['William', 'Elizabeth', 'Jonathan', 'Margaret', 'Christopher', 'Patricia'], ['Thompson', 'Richardson', 'Fitzgerald', 'Henderson', 'McAllister', 'Blackwood']],
  [['Jan', 'Katarzyna', 'Wojciech', 'Małgorzata', 'Krzysztof'], ['Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski']],
];
const TITLE_PREFIX = ['Mr', 'Mrs', 'Dr', 'Dr.', 'Sheikh', 'Hajji', 'Prof.', 'Mme', 'Sr.', 'Alhaji'];

const strip = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/ł/g, 'l').replace(/ı/g, 'i');

// ---- persons: true pairs
for (let n = 0; n < 70; n++) {
  const [gc, gl] = pick(RU_GIVEN);
  const [fc, fl] = pick(RU_FAMILY);
  const v = Math.floor(rnd() * 4);
  if (v === 0) add('person', `${gc} ${fc}`, `${pick(gl)} ${pick(fl)}`, 1, 'cyrillic');
  else if (v === 1) add('person', `${fc} ${gc}`, `${pick(gl)} ${pick(fl)}`, 1, 'cyrillic word order');
  else if (v === 2) add('person', `${pick(gl)} ${pick(fl)}`, `${pick(gl)} ${pick(fl)}`, 1, 'latin spellings');
  else add('person', `${fc.toUpperCase()} ${gc.toUpperCase()}`, `${pick(gl)[0]}. ${pick(fl)}`, 1, 'cyrillic initial');
}
for (let n = 0; n < 70; n++) {
  const [ga, gl] = pick(AR_GIVEN);
  const [fa, fl] = pick(AR_FAMILY);
  const v = Math.floor(rnd() * 3);
  if (v === 0) add('person', `${ga} ${fa}`, `${pick(gl)} ${pick(fl)}`, 1, 'arabic');
  else if (v === 1) add('person', `${pick(gl)} ${pick(fl)}`, `${pick(gl)} ${pick(fl)}`, 1, 'arabic latin spellings');
  else add('person', `${pick(TITLE_PREFIX)} ${pick(gl)} ${pick(fl)}`, `${pick(fl)}, ${pick(gl)}`, 1, 'title word order');
}
for (const [fa, lat] of FA_FULL) for (const l of lat) add('person', fa, l, 1, 'persian');
for (const [, lat] of FA_FULL) if (lat.length > 1) add('person', lat[0]!, lat[1]!, 1, 'persian latin spellings');
for (const [p, w] of ZH) add('person', p, w, 1, 'pinyin wade-giles');
for (let n = 0; n < 20; n++) {
  const s = pick(CN_SURNAMES);
  const g = pick(CN_GIVEN);
  add('person', `${s} ${g}`, `${g.toUpperCase()} ${s.toUpperCase()}`, 1, 'chinese order');
}
for (let n = 0; n < 150; n++) {
  const [given, family] = pick(LATIN);
  const g = pick(given);
  const f = pick(family);
  const g2 = pick(given.filter((x) => x !== g));
  const v = Math.floor(rnd() * 7);
  const name = `${g} ${f}`;
  if (v === 0) add('person', name, `${f} ${g}`, 1, 'word order');
  else if (v === 1) add('person', name, `${g[0]}. ${f}`, 1, 'initial');
  else if (v === 2) add('person', name, `${g} ${f.split(' ').map((w) => (w.length >= 6 ? typo(w) : w)).join(' ')}`, 1, 'typo');
  else if (v === 3) add('person', name, strip(name).toUpperCase(), 1, 'diacritics');
  else if (v === 4) add('person', name, `${pick(TITLE_PREFIX)} ${strip(g)} ${strip(f)}`, 1, 'title');
  else if (v === 5) add('person', `${g} ${g2} ${f}`, `${g} ${f}`, 1, 'middle name');
  else add('person', name, `${g} ${f.replace(' ', '-')}`.replace(/\s+/g, ' ').replace(/(\S+) (\S+)$/, f.includes(' ') ? '$1$2' : '$1 $2'), 1, 'joined words');
}
// ---- persons: hard negatives
for (let n = 0; n < 45; n++) {
  const [given, family] = pick(LATIN);
  const f = pick(family);
  const [g1, g2] = [pick(given), pick(given)];
  if (g1 !== g2) add('person', `${g1} ${f}`, `${g2} ${f}`, 0, 'same surname');
  const [f1, f2] = [pick(family), pick(family)];
  if (f1 !== f2) add('person', `${g1} ${f1}`, `${g1} ${f2}`, 0, 'same given name');
}
for (let n = 0; n < 40; n++) {
  const [ga, gla] = pick(AR_GIVEN);
  const [gb, glb] = pick(AR_GIVEN);
  const [, fl] = pick(AR_FAMILY);
  if (ga !== gb) add('person', `${pick(gla)} ${pick(fl)}`, `${pick(glb)} ${pick(fl)}`, 0, 'arabic same family');
  const [ra, rla] = pick(RU_GIVEN);
  const [rb, rlb] = pick(RU_GIVEN);
  const [fc, ff] = pick(RU_FAMILY);
  if (ra !== rb) add('person', `${ra} ${fc}`, `${pick(rlb)} ${pick(ff)}`, 0, 'russian same family');
  void rla;
}
for (let n = 0; n < 20; n++) {
  const s = pick(CN_SURNAMES);
  const [g1, g2] = [pick(CN_GIVEN), pick(CN_GIVEN)];
  if (g1 !== g2) add('person', `${s} ${g1}`, `${s} ${g2}`, 0, 'chinese same surname');
}
for (const [a, b] of [
  ['Hassan Ali', 'Hussein Ali'], ['Aleksandr Ivanov', 'Aleksandra Ivanova'], ['Mohammed Khan', 'Mahmoud Khan'], ['Ahmed Hassan', 'Hamed Hassan'],
  ['John Smith', 'Joan Smith'], ['Jean Martin', 'Jeanne Martin'], ['Ali Reza', 'Ali Rezaei'], ['Omar Farouk', 'Amer Farouk'],
  ['Yusuf Ibrahim', 'Yunus Ibrahim'], ['Karim Benzema', 'Karima Benzema'], ['Sergey Petrov', 'Sergey Petrenko'], ['Ivan Popov', 'Ivan Popovic'],
  ['Maria Gonzalez', 'Mario Gonzalez'], ['Daniel Cohen', 'Danielle Cohen'], ['Wang Wei', 'Wang Hui'], ['Kim Min-jun', 'Kim Min-seo'],
  ['Michael Brown', 'Michelle Brown'], ['Abdul Karim', 'Abdul Rahim'], ['Fatima Zahra', 'Fatima Zohra Benali'], ['Nikolai Smirnov', 'Nikita Smirnov'],
  ['Jamal Haddad', 'Kamal Haddad'], ['Said Salem', 'Saad Salem'], ['Reza Ahmadi', 'Reza Mohammadi'], ['Hamid Karzai', 'Hamid Karimi'],
] as const) add('person', a, b, 0, 'near name');

// ---- companies
const DISTINCT = ['Orion', 'Baikal', 'Sakura', 'Kilimanjaro', 'Andes', 'Sahara', 'Danube', 'Nordic', 'Al Noor', 'Zenith', 'Meridian', 'Falcon', 'Lotus', 'Atlas', 'Phoenix', 'Cedar', 'Everest', 'Mekong', 'Zagros', 'Caspian', 'Savanna', 'Pioneer', 'Horizon', 'Aurora', 'Sirius', 'Tigris', 'Volga', 'Amazonas', 'Tian Shan', 'Hindu Kush'];
const DISTINCT_CYR: Record<string, string> = { Baikal: 'Байкал', Volga: 'Волга', Orion: 'Орион', Atlas: 'Атлас', Zenith: 'Зенит', Aurora: 'Аврора', Falcon: 'Фалькон', Pioneer: 'Пионер', Horizon: 'Горизонт', Caspian: 'Каспий' };
const GENERIC = ['Trading', 'Logistics', 'Shipping', 'Import Export', 'Holding', 'Chemicals', 'Textiles', 'Industries', 'Freight', 'Group'];
const GENERIC_CYR: Record<string, string> = { Trading: 'Трейдинг', Logistics: 'Логистик', Group: 'Групп', Holding: 'Холдинг' };
const FORMS_EQ: string[][] = [
  ['LLC', 'Limited Liability Company', 'L.L.C.'], ['JSC', 'Joint Stock Company', 'AO', 'OAO'], ['Ltd', 'Limited', 'Ltd.'], ['Inc', 'Incorporated', 'Inc.'],
  ['Corp', 'Corporation', 'Corp.'], ['GmbH'], ['SARL', 'S.A.R.L.'], ['SA', 'S.A.'], ['BV', 'B.V.'], ['FZE', 'Free Zone Establishment'], ['LLP'], ['Co.', 'Company'], ['SAS', 'S.A.S.'],
];
for (let n = 0; n < 150; n++) {
  const d = pick(DISTINCT);
  const g = pick(GENERIC);
  const forms = pick(FORMS_EQ);
  const f1 = pick(forms);
  const f2 = pick(forms);
  const v = Math.floor(rnd() * 7);
  const base = `${d} ${g}`;
  if (v === 0) add('company', `${base} ${f1}`, `${base.toUpperCase()} ${f2}`, 1, 'legal form');
  else if (v === 1) add('company', `${base} ${f1}`, base, 1, 'legal form dropped');
  else if (v === 2 && DISTINCT_CYR[d]) {
    const gc = GENERIC_CYR[g];
    add('company', `${gc ? `${d} ${g}` : d} LLC`, `ООО «${DISTINCT_CYR[d]}${gc ? ` ${gc}` : ''}»`, 1, 'cyrillic legal form');
  } else if (v === 3 && DISTINCT_CYR[d]) add('company', `JSC ${d}`, `АО "${DISTINCT_CYR[d]}"`, 1, 'cyrillic jsc');
  else if (v === 4) add('company', `${base} ${f1}`, `${d.split(' ').map(typo).join(' ')} ${g} ${f1}`, 1, 'typo');
  else if (v === 5) add('company', `${d} & Sons ${f1}`, `${d} and Sons ${f2}`, 1, 'ampersand');
  else add('company', `The ${base} Company ${f1}`, `${base} Co`, 1, 'article and company');
}
for (let n = 0; n < 90; n++) {
  const [d1, d2] = [pick(DISTINCT), pick(DISTINCT)];
  const g = pick(GENERIC);
  const f = pick(pick(FORMS_EQ));
  if (d1 !== d2) add('company', `${d1} ${g} ${f}`, `${d2} ${g} ${f}`, 0, 'same generic words');
  const [g1, g2] = [pick(GENERIC), pick(GENERIC)];
  if (g1 !== g2 && n % 2) add('company', `${d1} ${g1} ${f}`, `${d1} ${g2} ${f}`, 0, 'same name other trade');
}
for (const [a, b] of [
  ['Orion Trading LLC', 'Orient Trading LLC'], ['Sirius Shipping Ltd', 'Cirrus Shipping Ltd'], ['Atlas Freight SA', 'Atlantis Freight SA'],
  ['Falcon Logistics FZE', 'Falcon Logistics 2 FZE'], ['Global Star Trading Co', 'Global Sun Trading Co'], ['Lotus Chemicals GmbH', 'Lotos Chemie GmbH'],
  ['Nordic Textiles AB', 'Nordica Textiles AB'], ['Zenith Holding BV', 'Zenit Holding BV'], ['Phoenix Industries Inc', 'Phoenicia Industries Inc'],
  ['Al Amal General Trading', 'Al Aman General Trading'], ['Horizon Marine Services', 'Horizons Marine Services'],
] as const) add('company', a, b, 0, 'near name');
// Company spellings a naive matcher gets wrong: acronyms and translations are left unmatched on purpose.
add('company', 'International Business Machines Corporation', 'IBM Corp', 1, 'acronym');
add('company', 'Compagnie Maritime d\'Affrètement', 'CMA', 1, 'acronym');

// ---- organizations
const ORG_TRUE: [string, string][] = [
  ['Ministry of Finance', 'MINISTRY OF FINANCE'], ['Customs Administration of the Republic of Kenya', 'Kenya Customs Administration'],
  ['Islamic Revolutionary Guard Corps', 'Islamic Revolutionary Guards Corps'], ['Hezbollah', 'Hizballah'], ['Hizb ut-Tahrir', 'Hizb-ut-Tahrir'],
  ['World Customs Organization', 'World Customs Organisation'], ['Al-Shabaab', 'Al Shabab'], ['Lashkar-e-Taiba', 'Lashkar e Tayyiba'],
  ['Tehrik-i-Taliban Pakistan', 'Tehrik e Taliban Pakistan'], ['Boko Haram', 'Boko-Haram'], ['Revolutionary Armed Forces of Colombia', 'Revolutionary Armed Forces of Columbia'],
  ['Federal Customs Service', 'Федеральная таможенная служба'], ['Wagner Group', 'Группа Вагнера'], ['Sinaloa Cartel', 'Cartel de Sinaloa'],
  ['Jaish-e-Mohammed', 'Jaish-e-Muhammad'], ['Harakat al-Shabaab al-Mujahideen', 'Harakat Shabab al-Mujahidin'], ['Ansar al-Islam', 'Ansar al Islam'],
  ['Kurdistan Workers Party', 'Kurdistan Workers\' Party'], ['Liberation Tigers of Tamil Eelam', 'Liberation Tigers of Tamil Elam'],
  ['Islamic State of Iraq and the Levant', 'ISIL'], ['Euskadi Ta Askatasuna', 'ETA'],
];
for (const [a, b] of ORG_TRUE) add('organization', a, b, 1, 'organisation variant');
for (const [a, b] of [
  ['Ministry of Finance', 'Ministry of Defence'], ['Customs Administration of Kenya', 'Revenue Administration of Kenya'], ['Sinaloa Cartel', 'Medellin Cartel'],
  ['Islamic Jihad', 'Islamic Army'], ['Ansar al-Islam', 'Ansar al-Sharia'], ['Jaish-e-Mohammed', 'Jaish al-Adl'], ['Federal Customs Service', 'Federal Security Service'],
  ['Red Army Faction', 'Red Brigades'], ['Gulf Cartel', 'Juarez Cartel'], ['World Customs Organization', 'World Trade Organization'],
  ['National Liberation Army', 'National Liberation Front'], ['Revolutionary Armed Forces of Colombia', 'Revolutionary Armed Forces of Cuba'],
  ['Popular Front for the Liberation of Palestine', 'Democratic Front for the Liberation of Palestine'], ['Lashkar-e-Taiba', 'Lashkar-e-Jhangvi'],
] as const) add('organization', a, b, 0, 'near organisation');

// ---- vessels
const VESSEL_WORDS = ['Ocean', 'Star', 'Pearl', 'Sea', 'Northern', 'Eagle', 'Spirit', 'Princess', 'Glory', 'Fortune', 'Blue', 'Wave', 'Crystal', 'Harmony', 'Pacific', 'Baltic', 'Aegean', 'Coral', 'Emerald', 'Majesty'];
const PREFIX = ['MV', 'M/V', 'MT', 'M.V.', 'SS'];
for (let n = 0; n < 45; n++) {
  const [w1, w2] = [pick(VESSEL_WORDS), pick(VESSEL_WORDS)];
  if (w1 === w2) continue;
  const v = Math.floor(rnd() * 4);
  const name = `${w1} ${w2}`;
  if (v === 0) add('vessel', `${pick(PREFIX)} ${name}`, name.toUpperCase(), 1, 'prefix');
  else if (v === 1) add('vessel', name, `${typo(w1)} ${w2}`, 1, 'typo');
  else if (v === 2) add('vessel', `${name} II`, `${pick(PREFIX)} ${name} 2`, 1, 'numeral');
  else add('vessel', `${name}`, `${w1}${w2}`.toUpperCase(), 1, 'joined');
}
for (let n = 0; n < 35; n++) {
  const [w1, w2, w3] = [pick(VESSEL_WORDS), pick(VESSEL_WORDS), pick(VESSEL_WORDS)];
  if (w1 === w2 || w2 === w3) continue;
  if (n % 3 === 0) add('vessel', `${w1} ${w2} ${1 + (n % 5)}`, `${w1} ${w2} ${2 + (n % 5)}`, 0, 'different number');
  else add('vessel', `MV ${w1} ${w2}`, `MV ${w1} ${w3}`, 0, 'different word');
}

const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const out = ['kind,a,b,label,phenomenon', ...rows.map((r) => r.map((c) => esc(String(c))).join(','))].join('\n') + '\n';
writeFileSync(join(import.meta.dirname, 'pairs.csv'), out);
const pos = rows.filter((r) => r[3] === 1).length;
console.log(`${rows.length} pairs (${pos} true, ${rows.length - pos} false)`);
