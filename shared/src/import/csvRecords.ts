// RFC 4180 CSV reader: quoted fields with commas, doubled quotes and embedded newlines; CRLF, LF or CR line ends.

export interface CsvRecord {
  /** 1-based line of the text where the record starts (what an editor shows). */
  lineNumber: number;
  fields: string[];
}

export interface CsvParse {
  records: CsvRecord[];
  /** Set when a quoted field never closes: the record starting at this line is dropped. */
  unterminatedAt: number | null;
}

/** Splits CSV text into records. Lenient where RFC 4180 is silent: a quote inside an unquoted field is kept as is. */
export function csvRecords(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedAt = 0;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ lineNumber: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') inQuotes = false;
      else {
        // Inner line ends are kept as "\n", the newline notes use.
        if (c === '\r' || c === '\n') {
          field += '\n';
          line += 1;
          if (c === '\r' && text[i + 1] === '\n') i += 1;
        } else field += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && field === '') {
      inQuotes = true;
      quotedAt = line;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else field += c;
    i += 1;
  }
  if (inQuotes) return { records, unterminatedAt: quotedAt };
  // The last record needs no line end; an empty last line is not a record.
  if (field !== '' || fields.length > 0) endRecord();
  return { records, unterminatedAt: null };
}
