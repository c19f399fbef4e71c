/**
 * Context rules for names that are also people, animals, rivers or ordinary words. Each rule sees the words
 * around a match (original case) and says whether the match is the place.
 */
export interface MatchContext {
  /** The folded name matched, e.g. "jordan". */
  key: string;
  /** The matched text as written. */
  surface: string;
  prev: string;
  prev2: string;
  next: string;
  /** The match begins a sentence (or the title), where every word is capitalised. */
  sentenceStart: boolean;
  /** The match is in a title written in Title Case, where capitals say nothing. */
  titleCase: boolean;
  language: string | undefined;
  /** Names already rejected as people in this item ("Michael Jordan" makes a later "Jordan" the man too). */
  people: Set<string>;
}

/** Words before a name that make it a place: "in Jordan", "to Chad", "from Nice". */
const PLACE_BEFORE = new Set(
  'in,at,to,from,into,via,across,near,of,off,towards,toward,through,with,and,for,by,against,between,en,au,aux,du,de,des,vers,à,a,le,la,depuis,par,et,pour,avec,neighbouring,neighboring,southern,northern,eastern,western,central,entre,sur'.split(','),
);
/** Capitalised words after a name that keep it a place: "Jordan Customs", "Chad Army", "Georgia Border Police". */
const PLACE_AFTER = new Set(
  'customs,police,army,border,borders,authority,authorities,government,ministry,airport,port,coast,guard,armed,forces,republic,revenue,security,directorate,agency,service,services,national,province,region,river,valley,delta,lake,city,state,officials,officers,prosecutors,court,navy,gendarmerie,douane,douanes,border-crossing,monday,tuesday,wednesday,thursday,friday,saturday,sunday,january,february,march,april,may,june,july,august,september,october,november,december'.split(','),
);
const SPEECH = new Set('said,says,told,added,scored,explained,declared,denied,insisted,stars,starred,plays,played,sang,wrote'.split(','));
const PERSON_NAMES = new Set('jordan,chad,georgia,israel,india,paris,kenya,santos,florence,austin,houston,jackson,washington,chelsea,victoria,sydney,tyrone,lorraine,nancy'.split(','));
const TURKEY_FOOD = new Set('frozen,roast,roasted,smoked,wild,thanksgiving,christmas,sliced,meat,breast,breasts,legs,drumsticks,sandwich,sandwiches,farm,farms,farmer,farmers,feathers,dinner,stuffing,carcasses,poultry,dindes,dinde'.split(','));

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
const lower = (w: string) => w.toLowerCase();

function looksLikePerson(c: MatchContext): boolean {
  if (SPEECH.has(lower(c.next))) return true;
  // A surname after the name makes it a person even after "of" ("the car of Jordan Henderson").
  if (c.next && isCapitalised(c.next) && !PLACE_AFTER.has(lower(c.next)) && !c.titleCase) return true;
  if (PLACE_BEFORE.has(lower(c.prev))) return false;
  if (c.people.has(c.key)) return true;
  return !c.titleCase && !!c.prev && isCapitalised(c.prev) && !c.sentenceStart;
}

/** Whether a match is the place. `key` rules first, then the person rule for names people carry. */
export function isPlace(c: MatchContext): boolean {
  if (c.key === 'turkey' && (TURKEY_FOOD.has(lower(c.prev)) || TURKEY_FOOD.has(lower(c.next)))) return false;
  if (c.key === 'nice') return niceIsTheCity(c);
  if (c.key === 'niger' && /^(river|delta)$/i.test(c.next)) return false;
  if (PERSON_NAMES.has(c.key) && looksLikePerson(c)) {
    c.people.add(c.key);
    return false;
  }
  return true;
}

/** "Nice" is the city in French text when capitalised; in English only with a place word around it. */
function niceIsTheCity(c: MatchContext): boolean {
  if (c.language === 'fr') return true;
  return PLACE_BEFORE.has(lower(c.prev)) || /^(airport|port|police|customs|prosecutors|court|france|côte)$/i.test(c.next);
}
