/**
 * An independent RFC 4180 reader for the specs, so that what the API writes is checked by reading it
 * back rather than by comparing it with the writer's own output. Returns the rows as arrays of fields.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      (row = []), (field = ''), i++;
    } else if (c === '\r' || c === '\n') throw new Error(`a bare line break at ${i}: records end with CRLF`);
    else field += c;
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

/** The records as objects keyed by the header row, checking every record has as many fields as the header. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row, i) => {
    if (row.length !== header.length) throw new Error(`record ${i + 1} has ${row.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, row[j]]));
  });
}
