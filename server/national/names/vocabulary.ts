/** Titles and honorifics dropped from person names (already transliterated, lower case, no dots). */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'rev', 'fr', 'hon', 'gen', 'col', 'capt',
  'maj', 'lt', 'sgt', 'mme', 'mlle', 'm', 'herr', 'frau', 'sr', 'sra', 'srta', 'dona', 'don', 'sheikh', 'shaikh', 'sheik',
  'shaykh', 'hajji', 'haji', 'hajj', 'hadji', 'alhaji', 'sayyid', 'sayed', 'syed', 'mullah', 'mulla', 'maulana', 'imam',
  'ustad', 'ustaz', 'agha', 'aga', 'bey', 'pasha', 'effendi', 'gn', 'g-n', 'gzha', 'gospodin', 'gospozha',
  'tovarishch', 'jr', 'snr', 'jnr', 'phd', 'md', 'esq', 'engineer', 'eng', 'mohandes', 'doktor',
]);

/**
 * Particles dropped from person names: Arabic article and connectors, European nobiliary particles.
 * "bin", "ibn", "ben" and "bint" stay meaningful and are read as one word "bin".
 */
export const PARTICLES = new Set(['al', 'el', 'ul', 'ad', 'ar', 'as', 'at', 'az', 'an', 'van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'y']);

/**
 * Legal forms, each read as its canonical code. Multi-word forms are matched on the token sequence.
 * Forms that mean the same thing in different jurisdictions share a code (JSC = AO = АО, LLC = OOO).
 */
export const LEGAL_FORMS: [string, string][] = [
  ['public joint stock company', 'jsc'], ['closed joint stock company', 'jsc'], ['open joint stock company', 'jsc'],
  ['joint stock company', 'jsc'], ['jsc', 'jsc'], ['ojsc', 'jsc'], ['cjsc', 'jsc'], ['pjsc', 'jsc'], ['ao', 'jsc'],
  ['oao', 'jsc'], ['zao', 'jsc'], ['pao', 'jsc'], ['aktsionernoe obshchestvo', 'jsc'], ['ag', 'jsc'], ['sa', 'jsc'],
  ['s a', 'jsc'], ['spa', 'jsc'], ['s p a', 'jsc'], ['nv', 'jsc'], ['as', 'jsc'], ['asa', 'jsc'], ['ab', 'jsc'],
  ['plc', 'plc'], ['public limited company', 'plc'],
  ['limited liability company', 'llc'], ['llc', 'llc'], ['l l c', 'llc'], ['ooo', 'llc'], ['tov', 'llc'],
  ['obshchestvo s ogranichennoy otvetstvennostyu', 'llc'], ['sarl', 'llc'], ['srl', 'llc'], ['s r l', 'llc'],
  ['gmbh', 'llc'], ['sp z o o', 'llc'], ['spzoo', 'llc'], ['ltda', 'llc'], ['bv', 'llc'], ['b v', 'llc'], ['sro', 'llc'],
  ['limited liability partnership', 'llp'], ['llp', 'llp'], ['lp', 'lp'], ['limited partnership', 'lp'],
  ['private limited company', 'ltd'], ['private limited', 'ltd'], ['pvt ltd', 'ltd'], ['pte ltd', 'ltd'], ['pty ltd', 'ltd'],
  ['limited', 'ltd'], ['ltd', 'ltd'], ['pvt', 'ltd'], ['pte', 'ltd'], ['pty', 'ltd'],
  ['sas', 'sas'], ['s a s', 'sas'], ['sasu', 'sas'], ['eurl', 'llc'], ['snc', 'partnership'], ['kg', 'partnership'],
  ['ohg', 'partnership'], ['incorporated', 'inc'], ['inc', 'inc'], ['corporation', 'corp'], ['corp', 'corp'],
  ['company', 'co'], ['co', 'co'], ['cie', 'co'], ['and co', 'co'], ['fze', 'fze'], ['free zone establishment', 'fze'],
  ['fzco', 'fze'], ['fzc', 'fze'], ['fz llc', 'fze'], ['dmcc', 'fze'], ['ip', 'sole'], ['chp', 'sole'],
  ['sole proprietorship', 'sole'], ['wll', 'llc'], ['w l l', 'llc'], ['kft', 'llc'], ['doo', 'llc'], ['d o o', 'llc'],
  ['sdn bhd', 'llc'], ['bhd', 'llc'], ['tbk', 'jsc'], ['pt', 'jsc'], ['jsc company', 'jsc'], ['group', 'group'],
];

/** Words too common in company names to identify one on their own; they weigh less in the score. */
export const GENERIC_COMPANY_WORDS = new Set([
  'trading', 'trade', 'international', 'intl', 'global', 'group', 'holding', 'holdings', 'logistics', 'import',
  'export', 'imports', 'exports', 'shipping', 'services', 'service', 'general', 'industries', 'industry', 'industrial',
  'enterprises', 'enterprise', 'investment', 'investments', 'partners', 'solutions', 'commercial', 'company', 'consulting',
  'freight', 'transport', 'marine', 'maritime', 'petroleum', 'oil', 'gas', 'energy', 'chemicals', 'chemical', 'pharma',
  'pharmaceuticals', 'metals', 'textiles', 'foods', 'food', 'agro', 'tech', 'technologies', 'technology', 'systems',
  'development', 'distribution', 'supply', 'supplies', 'east', 'west', 'north', 'south', 'middle', 'asia', 'europe',
  'africa', 'gulf', 'new', 'star', 'national', 'united', 'royal', 'first', 'best', 'golden', 'import-export', 'impex',
]);

export const COMPANY_STOPWORDS = new Set(['al', 'el', 'the', 'of', 'and', 'for', 'et', 'und', 'de', 'des', 'la', 'le', 'du', 'y', 'e', 'i']);

/** Vessel prefixes (ship type abbreviations) dropped from vessel names. */
export const VESSEL_PREFIXES = new Set(['mv', 'mt', 'ms', 'ss', 'mts', 'fv', 'lng', 'lpg', 'rv', 'sy', 'my', 'tb', 'mfv']);

/**
 * Spelling variants of given names across transliterations, each group read as its first member.
 * Only pairs that the consonant skeleton does not already join are needed.
 */
const GIVEN_NAME_GROUPS: string[][] = [
  ['alexander', 'aleksandr', 'alexandre', 'alessandro', 'oleksandr', 'alejandro', 'aleksander', 'alexandr', 'iskandar', 'iskander', 'sasha'],
  ['muhammad', 'mohammed', 'mohamed', 'mohammad', 'muhammed', 'mohamad', 'mehmet', 'mehmed', 'mamadou', 'mohamud', 'mukhammad', 'magomed'],
  ['yusuf', 'youssef', 'yousef', 'yusef', 'yousuf', 'jusuf', 'yussuf', 'youcef', 'yossef'],
  ['husayn', 'hussein', 'hussain', 'husain', 'hossein', 'hosein', 'huseyin', 'husein', 'housseine'],
  ['uthman', 'osman', 'usman', 'othman', 'ousmane', 'usmon'],
  ['umar', 'omar', 'omer', 'oumar', 'umer'],
  ['mikhail', 'michael', 'mykhailo', 'michal', 'mikael', 'mihail'],
  ['sergey', 'sergei', 'serhiy', 'serhii', 'sergiy', 'serge', 'sergio'],
  ['dmitry', 'dmitri', 'dmytro', 'dimitri', 'dimitry', 'dimitrios'],
  ['yury', 'yuri', 'iurii', 'jurij', 'yuriy', 'juri'], ['georgy', 'georgiy', 'georgii', 'george', 'georgios'],
  ['nikolay', 'nikolai', 'mykola', 'nicolas', 'nikolaos', 'nicholas', 'nicola'],
  ['evgeny', 'yevgeny', 'evgeniy', 'yevgeniy', 'eugene', 'evgenii', 'yevhen'],
  ['andrey', 'andrei', 'andriy', 'andrii', 'andrej', 'andreas'],
  ['pyotr', 'petr', 'peter', 'petro', 'piotr', 'petros'],
  ['ivan', 'ioann', 'iwan'],
  ['elena', 'yelena', 'olena', 'helen', 'helena', 'eleni', 'hélène'],
  ['ekaterina', 'yekaterina', 'kateryna', 'katerina', 'catherine', 'katharina'],
  ['vladimir', 'volodymyr', 'wladimir', 'vladimer'],
  ['aleksey', 'alexei', 'alexey', 'oleksiy', 'oleksii', 'aleksei', 'alexis'],
  ['fyodor', 'fedor', 'theodore', 'fiodor', 'teodor', 'fedir'],
  ['yakov', 'jacob', 'jakob', 'yaakov', 'iakov'], ['yaqub', 'yakub', 'yacoub', 'yaqoob', 'yakoub'],
  ['fatima', 'fatemeh', 'fatma', 'fatimah', 'fatoumata'],
  ['zaynab', 'zainab', 'zeynab', 'zeinab'],
  ['maryam', 'mariam', 'mariyam', 'meryem'],
  ['jafar', 'jaafar', 'djafar', 'jafer', 'dzhafar'],
  ['jamal', 'gamal', 'djamal', 'cemal', 'dzhamal'],
  ['abdullah', 'abdallah', 'abdulla', 'abdoulaye', 'abdellah', 'abdalla'],
  ['ibrahim', 'ebrahim', 'ibragim', 'brahim', 'ibrohim'],
  ['ismail', 'ismael', 'esmail', 'ismayil', 'ismoil'],
  ['yahya', 'yahia', 'yehia', 'yahiya'],
  ['khalid', 'khaled', 'halid'],
  ['hasan', 'hassan', 'hasen'], ['ahmad', 'ahmed', 'ahmet'], ['mahmud', 'mahmoud', 'mahmood', 'makhmud'], ['hamid', 'hameed'], ['hamed', 'hamad'],
  ['mustafa', 'moustafa', 'mostafa', 'mustapha', 'mostapha'], ['walid', 'waleed', 'oualid'], ['rashid', 'rachid', 'rasheed'], ['karim', 'kareem'],
  ['said', 'saeed', 'saied', 'sayid', 'saiid'],
  ['zhang', 'chang'], ['zhou', 'chou'], ['zhao', 'chao'], ['zheng', 'cheng'], ['xu', 'hsu'], ['xie', 'hsieh'],
  ['deng', 'teng'], ['guo', 'kuo'], ['gao', 'kao'], ['jiang', 'chiang'], ['cai', 'tsai'], ['zeng', 'tseng'],
  ['zhu', 'chu'], ['guan', 'kuan'], ['dong', 'tung'], ['xiao', 'hsiao'], ['jian', 'chien'], ['jing', 'ching'],
  ['qiu', 'chiu'], ['de', 'te'], ['dao', 'tao'], ['tian', 'tien'], ['yong', 'yung'], ['ren', 'jen'],
  ['gang', 'kang'], ['biao', 'piao'], ['xing', 'hsing'], ['qi', 'chi'], ['rong', 'jung'], ['guang', 'kuang'], ['xin', 'hsin'], ['jun', 'chun'], ['zong', 'tsung'], ['long', 'lung'],
  ['bao', 'pao'], ['bo', 'po'], ['ze', 'tse'], ['zi', 'tzu', 'tsu'], ['xi', 'hsi'], ['xian', 'hsien'],
  ['xiang', 'hsiang'], ['zhong', 'chung'], ['zhi', 'chih'], ['jie', 'chieh'], ['jia', 'chia'],
  ['he', 'ho'], ['ge', 'ko'], ['kong', 'kung'], ['gong', 'kung'], ['bing', 'ping'], ['shi', 'shih'], ['ri', 'jih'],
  ['xue', 'hsueh'], ['jin', 'chin'], 
  ['lu', 'lü', 'lv'], ['nu', 'nü', 'nv'], ['hui', 'hwei'], ['zhuang', 'chuang'], ['cao', 'tsao'], ['cui', 'tsui'],
];

export const GIVEN_NAME_CANON = new Map<string, string>();
for (const group of GIVEN_NAME_GROUPS) for (const name of group) if (!GIVEN_NAME_CANON.has(name)) GIVEN_NAME_CANON.set(name, group[0]!);
