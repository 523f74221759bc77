/**
 * A small reader of the Go text/template subset the generator writes into labels and annotations, to check in tests
 * what an alert would print: text, string literals, variables ($labels, $values, $c), `index`, `printf "%.Nf"`,
 * `eq`/`ge`/`le`/`and`, `if`/`else if`/`else`/`end`, `with`/`end`. Anything else is an error, so a template the
 * generator writes outside this subset fails the test instead of passing unchecked.
 */

export interface TemplateData {
  labels: Record<string, string>;
  values: Record<string, { Value: number }>;
}

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'var'; name: string; fields: string[] }
  | { kind: 'field'; fields: string[] }
  | { kind: 'word'; value: string }
  | { kind: 'assign' }
  | { kind: 'open' }
  | { kind: 'close' };

type Part = { text: string } | { action: Token[] };

/** Splits a template into text and actions; string literals inside actions may hold "}}". */
export function lexTemplate(source: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('{{', at);
    if (open < 0) {
      parts.push({ text: source.slice(at) });
      break;
    }
    if (open > at) {
      parts.push({ text: source.slice(at, open) });
    }
    const { tokens, end } = lexAction(source, open + 2);
    parts.push({ action: tokens });
    at = end;
  }
  return parts;
}

function lexAction(source: string, start: number): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  let at = start;
  if (source[at] === '-' || source[at] === '/') {
    throw new Error(`unsupported action start at ${at}: ${source.slice(at, at + 10)}`);
  }
  for (;;) {
    if (at >= source.length) {
      throw new Error('unterminated action');
    }
    const char = source[at];
    if (source.startsWith('}}', at)) {
      return { tokens, end: at + 2 };
    }
    if (char === ' ') {
      at++;
    } else if (char === '"') {
      const { value, end } = readGoString(source, at);
      tokens.push({ kind: 'string', value });
      at = end;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'open' : 'close' });
      at++;
    } else if (source.startsWith(':=', at)) {
      tokens.push({ kind: 'assign' });
      at += 2;
    } else {
      const match =
        /^(\$?[A-Za-z_][A-Za-z0-9_]*|\.[A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)/.exec(
          source.slice(at)
        );
      if (!match) {
        throw new Error(`unexpected character in action: ${source.slice(at, at + 10)}`);
      }
      const [whole, head, rest] = match;
      const fields = rest ? rest.slice(1).split('.') : [];
      if (head.startsWith('$')) {
        tokens.push({ kind: 'var', name: head.slice(1), fields });
      } else if (head.startsWith('.')) {
        tokens.push({ kind: 'field', fields: [head.slice(1), ...fields] });
      } else if (/^-?\d/.test(head)) {
        tokens.push({ kind: 'number', value: Number(head) });
      } else {
        tokens.push({ kind: 'word', value: head });
      }
      at += whole.length;
    }
  }
}

/** Reads a Go interpreted string literal starting at the quote: the escapes Go allows. */
export function readGoString(source: string, start: number): { value: string; end: number } {
  let value = '';
  let at = start + 1;
  for (;;) {
    const char = source[at];
    if (char === undefined || char === '\n') {
      throw new Error('unterminated string literal');
    }
    if (char === '"') {
      return { value, end: at + 1 };
    }
    if (char !== '\\') {
      value += char;
      at++;
      continue;
    }
    const escape = source[at + 1];
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      '"': '"',
      '\\': '\\',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
    };
    if (escape in simple) {
      value += simple[escape];
      at += 2;
    } else if (escape === 'u' || escape === 'U' || escape === 'x') {
      const width = escape === 'u' ? 4 : escape === 'U' ? 8 : 2;
      const hex = source.slice(at + 2, at + 2 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) {
        throw new Error(`bad \\${escape} escape`);
      }
      const point = parseInt(hex, 16);
      if (escape !== 'x' && point >= 0xd800 && point <= 0xdfff) {
        throw new Error('escape sequence is invalid Unicode code point');
      }
      value += String.fromCodePoint(point);
      at += 2 + width;
    } else {
      throw new Error(`unknown escape sequence \\${escape}`);
    }
  }
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'print'; tokens: Token[] }
  | { kind: 'assign'; name: string; tokens: Token[] }
  | { kind: 'if'; branches: Array<{ condition: Token[]; body: Node[] }>; otherwise: Node[] }
  | { kind: 'with'; value: Token[]; body: Node[]; otherwise: Node[] };

function parse(parts: Part[]): Node[] {
  let at = 0;
  function list(stops: string[]): { nodes: Node[]; stop: Token[] | null } {
    const nodes: Node[] = [];
    while (at < parts.length) {
      const part = parts[at++];
      if ('text' in part) {
        nodes.push({ kind: 'text', text: part.text });
        continue;
      }
      const [first, ...rest] = part.action;
      const word = first?.kind === 'word' ? first.value : '';
      if (stops.includes(word)) {
        return { nodes, stop: part.action };
      }
      if (word === 'if' || word === 'with') {
        nodes.push(control(word, rest));
      } else if (first?.kind === 'var' && rest[0]?.kind === 'assign') {
        nodes.push({ kind: 'assign', name: first.name, tokens: rest.slice(1) });
      } else if (['else', 'end', 'range', 'define', 'template', 'block'].includes(word)) {
        throw new Error(`unexpected {{ ${word} }}`);
      } else {
        nodes.push({ kind: 'print', tokens: part.action });
      }
    }
    if (stops.length > 0) {
      throw new Error('missing {{ end }}');
    }
    return { nodes, stop: null };
  }
  function control(word: 'if' | 'with', condition: Token[]): Node {
    const branches: Array<{ condition: Token[]; body: Node[] }> = [];
    let current = condition;
    for (;;) {
      const { nodes, stop } = list(['else', 'end']);
      branches.push({ condition: current, body: nodes });
      const [, next, ...more] = stop!;
      if (stop![0].kind === 'word' && stop![0].value === 'end') {
        return finish(word, branches, []);
      }
      if (next?.kind === 'word' && next.value === 'if' && word === 'if') {
        current = more;
        continue;
      }
      if (next !== undefined) {
        throw new Error('unsupported else form');
      }
      const tail = list(['end']);
      return finish(word, branches, tail.nodes);
    }
  }
  function finish(word: 'if' | 'with', branches: Array<{ condition: Token[]; body: Node[] }>, otherwise: Node[]): Node {
    if (word === 'with') {
      if (branches.length !== 1) {
        throw new Error('else with is not supported');
      }
      return { kind: 'with', value: branches[0].condition, body: branches[0].body, otherwise };
    }
    return { kind: 'if', branches, otherwise };
  }
  return list([]).nodes;
}

/** What the template prints for these labels and values, as Grafana would (its $labels and $values). */
export function renderTemplate(source: string, data: TemplateData): string {
  const vars = new Map<string, unknown>([
    ['labels', data.labels],
    ['values', data.values],
  ]);
  return run(parse(lexTemplate(source)), vars, undefined);
}

function run(nodes: Node[], vars: Map<string, unknown>, dot: unknown): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.text;
        break;
      case 'print':
        out += show(evaluate(node.tokens, vars, dot));
        break;
      case 'assign':
        vars.set(node.name, evaluate(node.tokens, vars, dot));
        break;
      case 'if': {
        const branch = node.branches.find((candidate) => truthy(evaluate(candidate.condition, vars, dot)));
        out += run(branch ? branch.body : node.otherwise, vars, dot);
        break;
      }
      case 'with': {
        const value = evaluate(node.value, vars, dot);
        out += truthy(value) ? run(node.body, vars, value) : run(node.otherwise, vars, dot);
        break;
      }
    }
  }
  return out;
}

function evaluate(tokens: Token[], vars: Map<string, unknown>, dot: unknown): unknown {
  let at = 0;
  function operand(): unknown {
    const token = tokens[at++];
    switch (token?.kind) {
      case 'string':
      case 'number':
        return token.value;
      case 'var':
        if (!vars.has(token.name)) {
          throw new Error(`undefined variable $${token.name}`);
        }
        return fields(vars.get(token.name), token.fields);
      case 'field':
        return fields(dot, token.fields);
      case 'open': {
        const value = command(true);
        if (tokens[at++]?.kind !== 'close') {
          throw new Error('missing )');
        }
        return value;
      }
      default:
        throw new Error(`unexpected token ${JSON.stringify(token)}`);
    }
  }
  function command(nested: boolean): unknown {
    const token = tokens[at];
    if (token?.kind === 'word') {
      at++;
      const args: unknown[] = [];
      while (at < tokens.length && !(nested && tokens[at].kind === 'close')) {
        args.push(operand());
      }
      return call(token.value, args);
    }
    return operand();
  }
  const value = command(false);
  if (at !== tokens.length) {
    throw new Error('extra tokens in action');
  }
  return value;
}

function fields(value: unknown, names: string[]): unknown {
  let current = value;
  for (const name of names) {
    current = current && typeof current === 'object' ? (current as Record<string, unknown>)[name] : undefined;
  }
  return current;
}

function call(name: string, args: unknown[]): unknown {
  switch (name) {
    case 'index':
      return (args[0] as Record<string, string>)[args[1] as string] ?? '';
    case 'printf': {
      const match = /^%\.(\d)f$/.exec(String(args[0]));
      if (!match) {
        throw new Error(`unsupported printf format ${String(args[0])}`);
      }
      return (args[1] as number).toFixed(Number(match[1]));
    }
    case 'eq':
      return args.slice(1).some((candidate) => candidate === args[0]);
    case 'ge':
      return (args[0] as string) >= (args[1] as string);
    case 'le':
      return (args[0] as string) <= (args[1] as string);
    case 'and':
      return args.every(truthy) ? args[args.length - 1] : args.find((arg) => !truthy(arg));
    default:
      throw new Error(`unsupported function ${name}`);
  }
}

function truthy(value: unknown): boolean {
  return !(value === undefined || value === null || value === false || value === 0 || value === '');
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/**
 * Grafana's provisioning interpolation of a plain string (labels, titles, folders): `$$` is a `$`, and any other
 * `$` would be an environment variable or a $__file{…}/$__env{…} expander. Throws when it would expand anything,
 * so a test sees a value that would not reach Grafana as written.
 */
export function provisioningValue(raw: string): string {
  const parts = raw.split('$$');
  for (const part of parts) {
    if (part.includes('$')) {
      throw new Error(`provisioning would interpolate "${part}"`);
    }
  }
  return parts.join('$');
}
