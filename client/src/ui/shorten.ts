// Shortens text for a label or a control's name: a few words are enough to tell notes apart.
const SHORT = 60;

/** `text` cut to `max` characters (counting code points, not UTF-16 units), with an ellipsis when cut. */
export function shorten(text: string, max = SHORT): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
