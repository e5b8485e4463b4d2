// Picks a text direction from the first strong character, as dir="auto" does in HTML, for Konva's Text.

// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms.
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG = /[\p{L}]/u;

export function textDirection(text: string): 'rtl' | 'ltr' {
  for (const char of text) {
    if (RTL.test(char)) return 'rtl';
    if (STRONG.test(char)) return 'ltr';
  }
  return 'ltr';
}
