// V8 names the position of a JSON syntax error for some mistakes and not for
// others; a person fixing a 3 MB export needs the line either way. This
// scanner runs only after JSON.parse has failed, and finds where.

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** The offset of the first JSON syntax error in `text`, or -1 if none is found. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const skipWs = () => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(); // at the token's start: `tr` of `transaction` is not `true`
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail();
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail();
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail(); // at the backslash of a bad escape
      } else i++;
    }
    fail();
  };
  const number = () => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '-' || match[0] === '') fail();
    i += match![0].length;
  };
  const value = (depth: number): void => {
    skipWs();
    const c = text[i];
    if (c === '{') {
      i++;
      skipWs();
      if (text[i] === '}') return void i++;
      for (;;) {
        skipWs();
        if (text[i] !== '"') fail();
        string();
        skipWs();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        skipWs();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      skipWs();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        skipWs();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  try {
    value(0);
    skipWs();
    if (i < text.length) fail();
    return -1;
  } catch (offset) {
    if (typeof offset === 'number') return offset;
    return -1; // a stack overflow on absurd nesting: no position to give
  }
}
