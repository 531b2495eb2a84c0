/** Splits a command line the way a POSIX shell would (quotes and backslashes; no expansion). */

export type Split = { ok: true; argv: string[] } | { ok: false; message: string };

/** `a "b c" 'd e' f\ g` → ["a", "b c", "d e", "f g"]. */
export function splitCommandLine(text: string): Split {
  const argv: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else current += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) current += text[++i];
      else current += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 < text.length) current += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) argv.push(current);
      current = '';
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (quote) return { ok: false, message: `Unclosed ${quote === '"' ? 'double' : 'single'} quote: add the closing ${quote}.` };
  if (inWord) argv.push(current);
  return { ok: true, argv };
}
