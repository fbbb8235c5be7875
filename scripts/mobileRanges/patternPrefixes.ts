// Turns a numbering-plan pattern into the leading digits that decide it. The metadata writes a
// range as digit classes followed by `\d{n}`; this reads just that subset of regular expressions
// (digits, `\d`, `[...]`, `(?:...)`, `|`, `{n}`) and throws on anything else, so an
// upgrade that writes the pattern differently stops the generator instead of misreading it.

/** The digits allowed at one position, e.g. '0123456789'. */
type DigitSet = string;
type Sequence = DigitSet[];

const ALL_DIGITS = '0123456789';

class PatternReader {
  private pos = 0;

  constructor(private readonly source: string) {}

  read(): Sequence[] {
    const sequences = this.alternation();
    if (this.pos !== this.source.length) this.fail('unexpected character');
    return sequences;
  }

  private alternation(): Sequence[] {
    const sequences = this.sequence();
    while (this.source[this.pos] === '|') {
      this.pos += 1;
      sequences.push(...this.sequence());
    }
    return sequences;
  }

  private sequence(): Sequence[] {
    let sequences: Sequence[] = [[]];
    while (this.pos < this.source.length && !'|)'.includes(this.source[this.pos])) {
      const repeated = repeat(this.atom(), this.count());
      sequences = sequences.flatMap((head) => repeated.map((tail) => [...head, ...tail]));
    }
    return sequences;
  }

  private atom(): Sequence[] {
    const c = this.take();
    if (/\d/.test(c)) return [[c]];
    if (c === '\\' && this.take() === 'd') return [[ALL_DIGITS]];
    if (c === '[') return [[this.digitClass()]];
    if (c === '(' && this.take() === '?' && this.take() === ':') {
      const inner = this.alternation();
      if (this.take() !== ')') this.fail('unclosed group');
      return inner;
    }
    return this.fail('unsupported syntax');
  }

  private digitClass(): DigitSet {
    let digits = '';
    for (let first = this.take(); first !== ']'; first = this.take()) {
      const isRange = this.source[this.pos] === '-';
      if (isRange) this.pos += 1;
      const last = isRange ? this.take() : first;
      if (!/\d/.test(first) || !/\d/.test(last)) this.fail('unsupported class');
      for (let d = Number(first); d <= Number(last); d += 1) digits += String(d);
    }
    return digits;
  }

  private count(): number {
    const match = /^\{(\d+)\}/.exec(this.source.slice(this.pos));
    if (!match) return 1;
    this.pos += match[0].length;
    return Number(match[1]);
  }

  private take(): string {
    if (this.pos >= this.source.length) this.fail('unexpected end');
    return this.source[this.pos++];
  }

  private fail(what: string): never {
    throw new Error(`${what} at ${this.pos} in ${this.source}`);
  }
}

function repeat(atom: Sequence[], count: number): Sequence[] {
  if (count === 0) return [[]];
  return atom.flatMap((head) => repeat(atom, count - 1).map((tail) => [...head, ...tail]));
}

/** Every string of one digit from each set. */
const expand = (sets: DigitSet[]): string[] =>
  sets.reduce<string[]>((prefixes, set) => prefixes.flatMap((p) => [...set].map((d) => p + d)), ['']);

/** Merges ten siblings into their parent and drops prefixes a shorter one already covers. */
function minimize(prefixes: Set<string>): string[] {
  for (let merged = true; merged; ) {
    merged = false;
    for (const prefix of [...prefixes]) {
      const parent = prefix.slice(0, -1);
      const siblings = [...ALL_DIGITS].map((d) => parent + d);
      if (parent !== '' && siblings.every((s) => prefixes.has(s))) {
        siblings.forEach((s) => prefixes.delete(s));
        prefixes.add(parent);
        merged = true;
      }
    }
  }
  const sorted = [...prefixes].sort();
  return sorted.filter((p) => !sorted.some((q) => q !== p && p.startsWith(q)));
}

/** The shortest leading digits such that a number of `length` digits matches `pattern` exactly when it starts with one of them. */
export function patternPrefixes(pattern: string, length: number): string[] {
  const prefixes = new Set<string>();
  for (const sequence of new PatternReader(pattern).read()) {
    if (sequence.length !== length) throw new Error(`an alternative of ${pattern} matches ${sequence.length} digits, not ${length}`);
    let end = sequence.length;
    while (end > 0 && sequence[end - 1] === ALL_DIGITS) end -= 1;
    expand(sequence.slice(0, end)).forEach((p) => prefixes.add(p));
  }
  return minimize(prefixes);
}
