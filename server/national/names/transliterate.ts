/**
 * Script conversion to lower-case Latin for name matching: Cyrillic (ICAO 9303 / BGN-like), Greek,
 * Arabic and Persian (consonants plus the long vowels written in the script). Letters of other scripts
 * pass through and are dropped later by the normaliser.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u', ј: 'j',
  љ: 'lj', њ: 'nj', ћ: 'c', ђ: 'dj', џ: 'dz',
};

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/** Arabic and Persian letters; ع is a vowel carrier at the start of a word and silent inside it. */
const ARABIC: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ب: 'b', پ: 'p', ت: 't', ث: 'th', ج: 'j', چ: 'ch', ح: 'h', خ: 'kh',
  د: 'd', ذ: 'dh', ر: 'r', ز: 'z', ژ: 'zh', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh',
  ف: 'f', ق: 'q', ک: 'k', ك: 'k', گ: 'g', ل: 'l', م: 'm', ن: 'n', ه: 'h', ة: 'a', و: 'w', ؤ: '', ي: 'y',
  ی: 'y', ى: 'a', ئ: '', ء: '', 'ـ': '',
};

const ARABIC_WORD = /[\u0600-\u06FF]+/g;

/** Letters read otherwise in Persian and Dari than in Arabic (ض, ذ, ظ as z; ث as s; ق as gh). */
const PERSIAN: Record<string, string> = { ض: 'z', ذ: 'z', ظ: 'z', ث: 's', ق: 'gh' };
/** Letters that occur in Persian (and Dari, Urdu) but not in Arabic. */
const PERSIAN_LETTERS = /[پچژگکی]/;

function arabicWord(word: string, persian: boolean): string {
  // The definite article ال is written joined to the noun; it is dropped as the Latin "al-" is.
  const w = word.length > 3 && word.startsWith('ال') ? word.slice(2) : word;
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i]!;
    if (ch === 'ع') out += i === 0 ? 'a' : '';
    else if (ch === 'ي' || ch === 'ی') out += i === w.length - 1 ? 'i' : 'y';
    else if (ch === 'و') {
      // و is a consonant at the start of a word and, in Persian, before a vowel letter (جواد Javad, موسوی Mousavi).
      const next = w[i + 1];
      if (i === 0) out += persian ? 'v' : 'w';
      else if (persian && (next === 'ا' || next === 'ی') && i > 0) out += 'v';
      else out += 'u';
    } else out += (persian ? PERSIAN[ch] : undefined) ?? ARABIC[ch] ?? '';
  }
  return out;
}

export function transliterate(input: string): string {
  const persian = PERSIAN_LETTERS.test(input);
  const lower = input.toLowerCase().replace(ARABIC_WORD, (w) => ` ${arabicWord(w, persian)} `);
  let out = '';
  // Greek accents are removed before the table look-up; Cyrillic й and ё are looked up whole.
  for (const ch of lower) {
    const plain = /[\u0370-\u03FF\u1F00-\u1FFF]/.test(ch) ? ch.normalize('NFD').replace(/\p{M}/gu, '') : ch;
    out += CYRILLIC[ch] ?? GREEK[plain] ?? ch;
  }
  return out;
}
