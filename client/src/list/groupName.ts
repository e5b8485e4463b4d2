// A group's name as the views show it: its label, or a numbered stand-in while nobody has named it.
import type { Group } from '@shared/model/Group.ts';

/** `index` is the group's 0-based place in its station's list. */
export function groupName(group: Pick<Group, 'label'>, index: number): string {
  return group.label.trim() || `Unnamed group ${index + 1}`;
}
