// Yjs's text, XML and array types and its string, format, embed, binary, JSON and subdocument contents, for the
// browser bundle: a board holds only Y.Maps of plain JSON values (docs/board-format.md) and the server refuses every
// other kind of struct (server/src/guard/boardPlaces.ts), so no browser ever decodes one. Yet Yjs's decoder tables,
// Doc.getText and the like keep the real modules in every board view: about 4 KiB gzipped of a phone's first load.
// client/vite.config.ts resolves those modules of Yjs's sources here (same names); building one of these types
// throws, it does not break quietly.

function unsupported(name: string): never {
  throw new Error(`${name} is not in Scopeboard's browser build: a board holds only maps of JSON values`);
}

/** A class that cannot be built: `instanceof` against it is false, as for a type no board holds. */
const absent = (name: string) =>
  class {
    constructor() {
      unsupported(name);
    }
  };

export const YText = absent('Y.Text');
export const YXmlText = absent('Y.XmlText');
export const YXmlFragment = absent('Y.XmlFragment');
export const YXmlElement = absent('Y.XmlElement');
export const YXmlHook = absent('Y.XmlHook');
export const YArray = absent('Y.Array');
export const ContentString = absent('Text content');
export const ContentFormat = absent('Text formatting');
export const ContentEmbed = absent('An embed');
export const ContentBinary = absent('Binary content');
export const ContentJSON = absent('Legacy JSON content');
export const ContentDoc = absent('A subdocument');

// Only ever reached from the types above (their events, cursors and formatting clean-up).
export const YTextEvent = absent('Y.Text');
export const YArrayEvent = absent('Y.Array');
export const ItemTextListPosition = absent('Y.Text');
export const YXmlTreeWalker = absent('Y.XmlFragment');
export const cleanupYTextFormatting = () => unsupported('Text formatting');
export const cleanupYTextAfterTransaction = () => unsupported('Text formatting');

// The decoders Yjs looks up by a struct's content and type tags.
export const readYText = () => new YText();
export const readYXmlText = () => new YXmlText();
export const readYXmlFragment = () => new YXmlFragment();
export const readYXmlElement = () => new YXmlElement();
export const readYXmlHook = () => new YXmlHook();
export const readYArray = () => new YArray();
export const readContentString = () => new ContentString();
export const readContentFormat = () => new ContentFormat();
export const readContentEmbed = () => new ContentEmbed();
export const readContentBinary = () => new ContentBinary();
export const readContentJSON = () => new ContentJSON();
export const readContentDoc = () => new ContentDoc();
