import { isIsoUtc } from '../../src-shared/index';
import { HttpError } from '../http/errors';

// The `$filter` subset Partner Center clients send: `field op literal` joined by `and` / `or`,
// with parentheses. It compiles to a SQL condition over alias `r` whose values are ALWAYS bound
// parameters: the filter text never reaches the SQL string.

const OPERATORS = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' } as const;
type Operator = keyof typeof OPERATORS;

type FieldKind = 'text' | 'boolean' | 'instant';
const FIELDS: Record<string, { column: string; kind: FieldKind }> = {
  status: { column: 'r.status', kind: 'text' },
  substatus: { column: 'r.substatus', kind: 'text' },
  qualification: { column: 'r.qualification', kind: 'text' },
  type: { column: 'r.type', kind: 'text' },
  direction: { column: 'r.direction', kind: 'text' },
  favorite: { column: 'r.favorite', kind: 'boolean' },
  updateddatetime: { column: 'r.updated_at', kind: 'instant' },
  createddatetime: { column: 'r.created_at', kind: 'instant' },
};

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: '(' | ')'; at: number };

const bad = (message: string): HttpError =>
  new HttpError(400, 'invalid_filter', `Invalid $filter: ${message}`, {
    details: [{ field: '$filter', message }],
  });

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch, at: i });
      i += 1;
    } else if (ch === "'") {
      // OData escapes a quote inside a string by doubling it.
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw bad(`unterminated string at position ${i}`);
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j += 1;
      }
      tokens.push({ kind: 'string', text: value, at: i });
      i = j + 1;
    } else {
      const match = /^[^\s()']+/.exec(text.slice(i));
      const word = match?.[0] ?? ch;
      tokens.push({ kind: 'word', text: word, at: i });
      i += word.length;
    }
  }
  return tokens;
}

export interface CompiledFilter {
  sql: string;
  params: unknown[];
}

class Parser {
  private pos = 0;
  readonly params: unknown[] = [];

  constructor(
    private readonly tokens: Token[],
    private readonly firstParam: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isWord(token: Token | undefined, word: string): boolean {
    return token?.kind === 'word' && token.text.toLowerCase() === word;
  }

  parse(): string {
    const sql = this.parseOr(0);
    const rest = this.peek();
    if (rest)
      throw bad(
        `unexpected ${rest.kind === 'word' || rest.kind === 'string' ? `"${rest.text}"` : `"${rest.kind}"`} at position ${rest.at}`,
      );
    return sql;
  }

  private parseOr(depth: number): string {
    const parts = [this.parseAnd(depth)];
    while (this.isWord(this.peek(), 'or')) {
      this.pos += 1;
      parts.push(this.parseAnd(depth));
    }
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
  }

  private parseAnd(depth: number): string {
    const parts = [this.parseTerm(depth)];
    while (this.isWord(this.peek(), 'and')) {
      this.pos += 1;
      parts.push(this.parseTerm(depth));
    }
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
  }

  private parseTerm(depth: number): string {
    const token = this.peek();
    if (!token) throw bad('the expression ends too early');
    if (token.kind === '(') {
      if (depth > 20) throw bad('too many nested parentheses');
      this.pos += 1;
      const inner = this.parseOr(depth + 1);
      if (this.peek()?.kind !== ')') throw bad(`missing ")" for the "(" at position ${token.at}`);
      this.pos += 1;
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): string {
    const fieldToken = this.tokens[this.pos];
    const opToken = this.tokens[this.pos + 1];
    const valueToken = this.tokens[this.pos + 2];
    if (fieldToken?.kind !== 'word')
      throw bad(`expected a field name at position ${fieldToken?.at ?? 'end'}`);
    const field = FIELDS[fieldToken.text.toLowerCase()];
    if (!field)
      throw bad(
        `unknown field "${fieldToken.text}" (filterable: status, substatus, qualification, type, direction, favorite, updatedDateTime, createdDateTime)`,
      );
    if (opToken?.kind !== 'word' || !Object.hasOwn(OPERATORS, opToken.text.toLowerCase())) {
      throw bad(`expected an operator (eq, ne, gt, ge, lt, le) after "${fieldToken.text}"`);
    }
    const op = opToken.text.toLowerCase() as Operator;
    if (!valueToken || !('text' in valueToken))
      throw bad(`expected a value after "${fieldToken.text} ${op}"`);
    this.pos += 3;
    const value = this.literal(fieldToken.text, field.kind, op, valueToken);
    this.params.push(value);
    const param = `$${this.firstParam + this.params.length - 1}`;
    const cast =
      field.kind === 'boolean' ? '::boolean' : field.kind === 'instant' ? '::timestamptz' : '::text';
    return `${field.column} ${OPERATORS[op]} ${param}${cast}`;
  }

  private literal(
    name: string,
    kind: FieldKind,
    op: Operator,
    token: Extract<Token, { text: string }>,
  ): unknown {
    if (kind === 'boolean') {
      const word = token.kind === 'word' ? token.text.toLowerCase() : '';
      if (word !== 'true' && word !== 'false') throw bad(`${name} compares with true or false`);
      if (op !== 'eq' && op !== 'ne') throw bad(`${name} supports only eq and ne`);
      return word === 'true';
    }
    if (kind === 'instant') {
      const text = token.text;
      if (!isIsoUtc(text))
        throw bad(`${name} needs an ISO-8601 UTC instant such as 2024-05-01T00:00:00Z, got "${text}"`);
      return new Date(Date.parse(text)).toISOString();
    }
    if (token.kind !== 'string') throw bad(`${name} compares with a quoted string, as in ${name} eq 'New'`);
    return token.text;
  }
}

/** Compiles `$filter` into a condition over alias `r`, parameters numbered from `firstParam`. */
export function compileFilter(text: string | undefined, firstParam: number): CompiledFilter {
  if (text === undefined || text.trim() === '') return { sql: 'true', params: [] };
  if (text.length > 2000) throw bad('the filter is longer than 2000 characters');
  const parser = new Parser(tokenize(text), firstParam);
  const sql = parser.parse();
  return { sql, params: parser.params };
}
