/** One CSV field: its text, and whether it was quoted. */
export interface Field {
  text: string;
  quoted: boolean;
}

/**
 * Parses RFC 4180 CSV strictly (a quote inside an unquoted field, or text after a closing
 * quote, is an error), keeping whether each field was quoted. Line ends may be CRLF or LF;
 * a final line end is optional.
 */
export function parseCsv(csv: string, separator = ','): Field[][] {
  const rows: Field[][] = [];
  let row: Field[] = [];
  let i = 0;
  const body = csv.replace(/\r?\n$/, '');
  if (body === '') return rows;
  for (;;) {
    let field: Field;
    if (body[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        const end = body.indexOf('"', i);
        if (end < 0) throw new Error(`Unterminated quoted field in CSV: ${body.slice(i - 1, i + 40)}`);
        text += body.slice(i, end);
        i = end + 1;
        if (body[i] === '"') {
          text += '"';
          i++;
        } else break;
      }
      field = { text, quoted: true };
    } else {
      let end = i;
      while (end < body.length && body[end] !== separator && body[end] !== '\n' && body[end] !== '\r') end++;
      field = { text: body.slice(i, end), quoted: false };
      if (field.text.includes('"')) throw new Error(`A quote in an unquoted CSV field: ${field.text}`);
      i = end;
    }
    row.push(field);
    if (i >= body.length) {
      rows.push(row);
      return rows;
    }
    if (body[i] === separator) i++;
    else if (body[i] === '\n' || body.startsWith('\r\n', i)) {
      i += body[i] === '\n' ? 1 : 2;
      rows.push(row);
      row = [];
    } else throw new Error(`Text after a quoted CSV field: ${body.slice(i, i + 40)}`);
  }
}
