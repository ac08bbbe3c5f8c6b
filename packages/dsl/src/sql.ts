/** A SQL string literal: single quotes doubled. */
export function sqlLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A dollar-quoted body whose tag does not occur in it. */
export function dollarQuote(body: string, tag = 'pgflow'): string {
  let candidate = tag;
  for (let n = 1; body.includes(`$${candidate}$`); n++) candidate = `${tag}_${n}`;
  return `$${candidate}$${body}$${candidate}$`;
}
