/**
 * A small evaluator of Grafana's server-side math expressions on numbers, for checking in tests that the generated
 * conditions decide as the panel does. It follows the behaviour of grafana/grafana pkg/expr/mathexp as documented
 * in docs/alerting.md: variables are `$` and letters; `&&` gives 0 when its left side is 0 and `||` gives 1 when its
 * left side is not 0, before looking at NaN; otherwise a NaN operand gives NaN; comparisons give 1 or 0; `**` is
 * Go's math.Pow, which returns the square root for an exponent of 0.5. Precedence, lowest first: `||`, `&&`,
 * comparisons, `+ -`, `* / %`, `**`, unary `! -`.
 */

type Tok =
  | { kind: 'num'; value: number }
  | { kind: 'var'; name: string }
  | { kind: 'op'; op: string }
  | { kind: 'paren'; open: boolean };

const OPERATORS = ['||', '&&', '>=', '<=', '==', '!=', '**', '>', '<', '+', '-', '*', '/', '%', '!'];
const SYMBOLS = '!<>=&|+-*/%';

function tokenize(text: string): Tok[] {
  const tokens: Tok[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === ' ') {
      at++;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: 'paren', open: char === '(' });
      at++;
    } else if (char === '$') {
      const match = /^[A-Za-z]+/.exec(text.slice(at + 1));
      if (!match) {
        throw new Error('incomplete variable');
      }
      tokens.push({ kind: 'var', name: match[0] });
      at += 1 + match[0].length;
    } else if (/[0-9.]/.test(char)) {
      const match = /^[0-9]*\.?[0-9]*(?:[eE][+-]?[0-9]+)?/.exec(text.slice(at))!;
      tokens.push({ kind: 'num', value: Number(match[0]) });
      at += match[0].length;
    } else if (SYMBOLS.includes(char)) {
      // As Grafana's lexer: a run of symbol characters is one operator, or an error.
      let end = at;
      while (end < text.length && SYMBOLS.includes(text[end])) {
        end++;
      }
      const op = text.slice(at, end);
      if (!OPERATORS.includes(op)) {
        throw new Error(`invalid operator ${op}`);
      }
      tokens.push({ kind: 'op', op });
      at = end;
    } else {
      throw new Error(`invalid character: ${char}`);
    }
  }
  return tokens;
}

const LEVELS: string[][] = [['||'], ['&&'], ['==', '!=', '>', '>=', '<', '<='], ['+', '-'], ['*', '/', '%'], ['**']];

export function evaluateMath(text: string, vars: Record<string, number>): number {
  const tokens = tokenize(text);
  let at = 0;
  const peekOp = () => (tokens[at]?.kind === 'op' ? (tokens[at] as { op: string }).op : undefined);
  function level(depth: number): number {
    if (depth === LEVELS.length) {
      return unary();
    }
    let left = level(depth + 1);
    for (let op = peekOp(); op !== undefined && LEVELS[depth].includes(op); op = peekOp()) {
      at++;
      const right = level(depth + 1);
      left = binary(op, left, right);
    }
    return left;
  }
  function unary(): number {
    const op = peekOp();
    if (op === '!' || op === '-') {
      at++;
      const value = unary();
      if (Number.isNaN(value)) {
        return NaN;
      }
      return op === '!' ? Number(value === 0) : -value;
    }
    const token = tokens[at++];
    if (token?.kind === 'num') {
      return token.value;
    }
    if (token?.kind === 'var') {
      if (!(token.name in vars)) {
        throw new Error(`unknown variable $${token.name}`);
      }
      return vars[token.name];
    }
    if (token?.kind === 'paren' && token.open) {
      const value = level(0);
      const close = tokens[at++];
      if (close?.kind !== 'paren' || close.open) {
        throw new Error('missing )');
      }
      return value;
    }
    throw new Error(`unexpected token at ${at}`);
  }
  const result = level(0);
  if (at !== tokens.length) {
    throw new Error('unexpected tokens after the expression');
  }
  return result;
}

function binary(op: string, a: number, b: number): number {
  if (op === '||' && a !== 0) {
    return 1;
  }
  if (op === '&&' && a === 0) {
    return 0;
  }
  if (Number.isNaN(a) || Number.isNaN(b)) {
    return NaN;
  }
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
    case '**':
      return b === 0.5 ? Math.sqrt(a) : Math.pow(a, b);
    case '==':
      return Number(a === b);
    case '!=':
      return Number(a !== b);
    case '>':
      return Number(a > b);
    case '>=':
      return Number(a >= b);
    case '<':
      return Number(a < b);
    case '<=':
      return Number(a <= b);
    case '||':
      return Number(a !== 0 || b !== 0);
    case '&&':
      return Number(a !== 0 && b !== 0);
    default:
      throw new Error(`unknown operator ${op}`);
  }
}
