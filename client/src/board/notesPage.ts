// How many notes the screen reader's notes list shows per station at first, and adds with each "Show more".
export const NOTES_PAGE = 50;
