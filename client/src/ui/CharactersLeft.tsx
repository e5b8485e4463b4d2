// The "N characters left" counter under a text box, which turns into "N characters too many" past the limit.

export interface CharactersLeftProps {
  /** Characters left; negative when the text is too long. */
  left: number;
  /** For the text box's aria-describedby. */
  id?: string;
  /** The element the layout wants (a span in a row of buttons, a paragraph on its own line). */
  as?: 'span' | 'p';
}

export function CharactersLeft({ left, id, as: Tag = 'span' }: CharactersLeftProps) {
  return (
    <Tag id={id} className={left < 0 ? 'counter over' : 'counter'}>
      {left >= 0 ? `${left} characters left` : `${-left} characters too many`}
    </Tag>
  );
}
