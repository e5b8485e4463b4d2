// The canvas's word for a group nobody has named yet, in a module without Konva: the phone view shows it too.

/** Shown where a group has no label yet. */
export const UNNAMED_GROUP = 'Unnamed group';
