/**
 * Text inside Grafana alert templates. Annotations and labels are Go text/template; provisioning also puts labels
 * (and every other plain string of the file except annotations and query models) through environment-variable
 * interpolation, where `$$` stands for `$` (grafana/grafana pkg/services/provisioning/values). Team text must reach
 * the notification exactly as written and never run, so any of it that holds `{`, `}` or `$` becomes one Go string
 * literal action, `{{ "…" }}`, with those characters written as \u escapes: the file then holds no brace or dollar
 * of the team's at all, whatever the template engine or the interpolation does with them.
 */

const NEEDS_LITERAL = /[{}$]/;

/** `text` for a template: unchanged when nothing in it is special, else one string-literal action printing it. */
export function templateText(text: string): string {
  return NEEDS_LITERAL.test(text) ? `{{ ${goString(text)} }}` : text;
}

/**
 * A Go interpreted string literal with exactly `text` as its value. Quotes, backslashes and control characters are
 * escaped as Go reads them; `{`, `}` and `$` as \u escapes; lone surrogates (not representable in UTF-8) become
 * U+FFFD.
 */
export function goString(text: string): string {
  let out = '"';
  for (const char of wellFormed(text)) {
    const point = char.codePointAt(0)!;
    if (char === '"' || char === '\\') {
      out += `\\${char}`;
    } else if (char === '\n') {
      out += '\\n';
    } else if (char === '\t') {
      out += '\\t';
    } else if (char === '\r') {
      out += '\\r';
    } else if (char === '{' || char === '}' || char === '$' || point < 0x20 || point === 0x7f) {
      out += `\\u${point.toString(16).padStart(4, '0')}`;
    } else {
      out += char;
    }
  }
  return `${out}"`;
}

function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * A label value as the provisioning file must hold it: labels are interpolated, so every `$` of the template
 * ($labels, $c) is doubled. Only our own templates go into labels, never team text.
 */
export function labelValue(template: string): string {
  return template.replace(/\$/g, '$$$$');
}

/** A plain string field that provisioning interpolates (folder, group name): `$` doubled. */
export function interpolatedText(text: string): string {
  return text.replace(/\$/g, '$$$$');
}

/** `{{ index $labels "<field>" }}`: the value of a query label, also for dotted field names. */
export function labelOf(field: string): string {
  return `index $labels ${goString(field)}`;
}

/** A value of a reduce or math expression for the summary, or nothing when the evaluation had none. */
export function valueOf(refId: string, format = '%.0f'): string {
  return `{{ with $values.${refId} }}{{ printf ${goString(format)} .Value }}{{ end }}`;
}

/** One branch of a choice by code: the codes (or a class range) it covers and the template it prints. */
export interface CodeBranch {
  codes?: readonly number[];
  range?: { from: number; to: number };
  then: string;
}

/**
 * A template that prints a different text per code: `code` is the template expression of the code (a string
 * label); code-list branches are tried first, then range branches, then `otherwise`. Without `otherwise` the
 * branches must cover every code the template can meet, and the text most of them print becomes the `else`. Branches
 * that the `else` already prints are left out where that changes nothing, and the same text for several codes is one
 * branch, so a choice where every code prints the same is that text alone.
 */
export function chooseByCode(code: string, branches: readonly CodeBranch[], otherwise?: string): string {
  const kept = branches.filter((branch) => (branch.codes?.length ?? 0) > 0 || branch.range);
  const fallback = otherwise ?? mostCommon(kept.map((branch) => branch.then)) ?? '';
  // Ranges the else already prints are left out; then a code that prints the else needs its own branch only when a
  // remaining range would catch it.
  const ranges = kept.filter((branch) => !branch.codes && branch.range && branch.then !== fallback);
  const caughtByRange = (value: number) => ranges.some(({ range }) => value >= range!.from && value <= range!.to);
  const codeLists = kept
    .filter((branch) => branch.codes)
    .map((branch) => (branch.then === fallback ? { ...branch, codes: branch.codes!.filter(caughtByRange) } : branch))
    .filter((branch) => branch.codes!.length > 0);
  const needed = [...codeLists, ...ranges];
  if (needed.length === 0) {
    return fallback;
  }
  let out = `{{ $c := ${code} }}`;
  mergeBranches(needed).forEach((branch, index) => {
    out += `{{ ${index === 0 ? 'if' : 'else if'} ${condition(branch)} }}${branch.then}`;
  });
  return `${out}{{ else }}${fallback}{{ end }}`;
}

/** The most frequent text, the first of equals; undefined for none. */
function mostCommon(texts: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const text of texts) {
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [text, count] of counts) {
    if (best === undefined || count > counts.get(best)!) {
      best = text;
    }
  }
  return best;
}

function condition(branch: CodeBranch): string {
  if (branch.range) {
    return `and (ge $c "${branch.range.from}") (le $c "${branch.range.to}")`;
  }
  return `eq $c ${branch.codes!.map((value) => `"${value}"`).join(' ')}`;
}

/**
 * Code-list branches with the same text become one (`eq $c "408" "488"`), in the order of their first appearance;
 * range branches follow them, in order. Code lists never overlap, and a code's own entry always wins over its
 * class's range, so this order is the meaning.
 */
function mergeBranches(branches: readonly CodeBranch[]): CodeBranch[] {
  const byText = new Map<string, number[]>();
  for (const branch of branches) {
    if (branch.codes) {
      byText.set(branch.then, [...(byText.get(branch.then) ?? []), ...branch.codes]);
    }
  }
  const lists: CodeBranch[] = [...byText].map(([then, codes]) => ({ codes, then }));
  return [...lists, ...branches.filter((branch) => !branch.codes && branch.range)];
}
