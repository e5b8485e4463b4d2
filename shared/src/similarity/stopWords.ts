// Common function words that carry no idea of their own, dropped before comparing notes (English first, a few others).

/** Lowercase stop words; small on purpose: a note's own vocabulary matters more than a perfect list. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // English
  'a', 'about', 'all', 'also', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'being', 'but', 'by', 'can',
  'could', 'did', 'do', 'does', 'for', 'from', 'had', 'has', 'have', 'how', 'i', 'if', 'in', 'into', 'is', 'it',
  'its', 'may', 'more', 'most', 'much', 'must', 'my', 'no', 'not', 'of', 'on', 'or', 'our', 'should', 'so', 'some',
  'such', 'than', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'to', 'us',
  'very', 'was', 'we', 'were', 'what', 'when', 'where', 'which', 'while', 'who', 'whom', 'why', 'will', 'with',
  'would', 'you', 'your',
  // French, Spanish, German: the commonest only
  'le', 'la', 'les', 'de', 'des', 'du', 'un', 'une', 'et', 'est', 'en', 'que', 'qui', 'pour', 'dans', 'el', 'los',
  'las', 'y', 'por', 'con', 'para', 'del', 'der', 'die', 'das', 'und', 'ist', 'mit', 'von', 'zu', 'den', 'ein', 'eine',
]);
