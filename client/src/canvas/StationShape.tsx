// One station (area) on the canvas: its frame, title, Bylaws reference and text.
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import { GEOMETRY, type StationBox } from './layout.ts';
import { NOTE_FONT } from './NoteSticky.tsx';
import { textDirection } from './textDirection.ts';

export interface StationShapeProps {
  station: StationBox;
  number: number;
  /** The colour its notes have when notes are coloured by station: the header takes it too, as a legend. */
  tint?: string | undefined;
}

function StationShapeView({ station, number, tint }: StationShapeProps) {
  const { area, x, y, width, height } = station;
  const inner = width - 2 * GEOMETRY.padding;
  const align = (text: string) => (textDirection(text) === 'rtl' ? 'right' : 'left');
  return (
    <Group x={x} y={y} listening={false}>
      <Rect width={width} height={height} fill="#f7f7f4" stroke="#c9c9c0" strokeWidth={1} cornerRadius={8} />
      {tint && (
        <Rect
          x={1}
          y={1}
          width={width - 2}
          height={GEOMETRY.headerHeight - GEOMETRY.padding}
          fill={tint}
          opacity={0.55}
          cornerRadius={[7, 7, 0, 0]}
        />
      )}
      <Text
        x={GEOMETRY.padding}
        y={GEOMETRY.padding}
        width={inner}
        height={56}
        text={`${number}. ${area.title}`}
        fontFamily={NOTE_FONT}
        fontSize={17}
        ellipsis
        fontStyle="bold"
        fill="#1d1d1b"
        direction={textDirection(area.title)}
        align={align(area.title)}
      />
      {area.reference && (
        <Text
          x={GEOMETRY.padding}
          y={GEOMETRY.padding + 58}
          width={inner}
          text={area.reference}
          fontFamily={NOTE_FONT}
          fontSize={13}
          fontStyle="italic"
          fill="#5b5b55"
        />
      )}
      <Text
        x={GEOMETRY.padding}
        y={GEOMETRY.padding + 76}
        width={inner}
        height={GEOMETRY.headerHeight - GEOMETRY.padding - 84}
        text={area.description}
        fontFamily={NOTE_FONT}
        fontSize={12.5}
        lineHeight={1.25}
        fill="#3d3d38"
        ellipsis
        direction={textDirection(area.description)}
        align={align(area.description)}
      />
    </Group>
  );
}

export const StationShape = memo(StationShapeView);
