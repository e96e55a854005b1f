// Soft hyphens in the long words of a narrow table header ("Fré­quence", "res­pi­ra­toire"), so a
// column sized for handwriting numbers breaks its heading between syllables, with a visible
// hyphen, instead of anywhere. A rough syllable rule that holds in French and English: break
// before a consonant that starts a vowel (V-CV), or between two consonants (VC-CV), never
// before the first three or the last four letters of a word, never inside ch, ph, th, gn, qu, or a
// consonant followed by l or r.
const SHY = '\u00ad';
const VOWEL = /[aeiouyàâäéèêëîïôöùûüÿœæ]/i;
const LETTER = /\p{L}/u;
const CLUSTERS = new Set(['ch', 'ph', 'th', 'gn', 'qu', 'bl', 'br', 'cl', 'cr', 'dr', 'fl', 'fr', 'gl', 'gr', 'pl', 'pr', 'tr', 'vr']);

function hyphenateWord(word: string): string {
  const chars = [...word];
  const cuts: number[] = [];
  for (let i = 3; i <= chars.length - 4; i++) {
    const [a, b, c] = [chars[i - 1]!, chars[i]!, chars[i + 1]!];
    const isV = (x: string) => VOWEL.test(x);
    if (!LETTER.test(a) || !LETTER.test(b) || !LETTER.test(c)) continue;
    const pair = (b + c).toLowerCase();
    // V-CV: "fré|quence", "ra|toire"
    if (isV(a) && !isV(b) && (isV(c) || CLUSTERS.has(pair)) && !CLUSTERS.has((a + b).toLowerCase())) cuts.push(i);
    // VC-CV: "res|pi", "tem|pé", "pres|crip"
    else if (!isV(a) && !isV(b) && isV(chars[i - 2] ?? '') && (isV(c) || CLUSTERS.has(pair)) && !CLUSTERS.has((a + b).toLowerCase())) cuts.push(i);
  }
  if (cuts.length === 0) return word;
  let out = '';
  chars.forEach((ch, i) => {
    if (cuts.includes(i)) out += SHY;
    out += ch;
  });
  return out;
}

/** The text with soft hyphens in every word of at least `minLength` letters. */
export function softHyphenate(text: string, minLength = 8): string {
  return text.replace(/\p{L}+/gu, (w) => (w.length >= minLength ? hyphenateWord(w) : w));
}
