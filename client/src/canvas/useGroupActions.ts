// The grouping actions every view offers (rename, ungroup, merge, tidy), bound to one doc: one implementation for
// the canvas's Groups panel, the list view and the phone view.
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { deleteGroup } from '@shared/doc/ops.ts';
import { mergeGroups } from '@shared/ideas/mergeGroups.ts';
import { moveNotes } from '@shared/ideas/moveNotes.ts';
import { tidyLayout } from '@shared/ideas/tidyLayout.ts';
import type { Area } from '@shared/model/Area.ts';
import type { Group } from '@shared/model/Group.ts';
import type { Note } from '@shared/model/Note.ts';
import type { GroupActions } from './GroupsPanel.tsx';
import { GEOMETRY, NOTE_GEOMETRY, layoutBoard, type BoardLayout } from './layout.ts';

export interface GroupActionsInput {
  doc: Y.Doc;
  areas: readonly Area[];
  notes: readonly Note[];
  groups: readonly Group[];
  /** Server epoch ms now: merges stamp the label they pass on. */
  serverNow: () => number;
  /** How this view renames a group (the canvas opens its label editor); left out where the view has its own. */
  rename?: ((groupId: string) => void) | undefined;
  /** The layout, when the caller has it already. */
  layout?: BoardLayout | undefined;
}

export function useGroupActions({ doc, areas, notes, groups, serverNow, rename, layout: given }: GroupActionsInput) {
  const layout = useMemo(() => given ?? layoutBoard(areas, notes), [given, areas, notes]);
  return useMemo<GroupActions>(
    () => ({
      ...(rename ? { rename } : {}),
      ungroup: (groupId) => void deleteGroup(doc, groupId),
      merge: (fromId, intoId) => void mergeGroups(doc, fromId, intoId, 'local', serverNow()),
      tidy: (areaId) => {
        const station = layout.stations.find((s) => s.area.id === areaId);
        if (!station) return;
        const inset = GEOMETRY.padding - GEOMETRY.framePadding;
        const placed = layout.notes.filter((p) => p.note.areaId === areaId);
        const { positions } = tidyLayout({
          area: {
            x: station.x + inset,
            y: station.y + GEOMETRY.headerHeight,
            width: station.width - 2 * inset,
            height: station.height,
          },
          groupIds: groups.filter((g) => g.areaId === areaId).map((g) => g.id),
          notes: placed.map((p) => ({ id: p.note.id, groupId: p.note.groupId, x: p.x, y: p.y })),
          geometry: NOTE_GEOMETRY,
        });
        const moves = placed.flatMap((p) => {
          const to = positions.get(p.note.id);
          // Only notes that change place are written: a tidy station stays untouched.
          return to && (to.x !== p.note.x || to.y !== p.note.y) ? [{ noteId: p.note.id, x: to.x, y: to.y }] : [];
        });
        if (moves.length > 0) moveNotes(doc, moves);
      },
    }),
    [doc, layout, groups, serverNow, rename],
  );
}
