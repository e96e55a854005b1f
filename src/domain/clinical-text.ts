// Text a reader cannot see must not change what a reader sees. A bidi override can make a dose
// read backwards on screen and on paper ("01 mg" shown for "10 mg"); NUL and other control
// characters hide text from some readers and not others (a printout, the HIS export). They have
// no place in anything a person writes on a ward, so entries carrying them are refused, on the
// tablet before saving (the writer sees why) and again on the server.

// C0 controls but tab, line feed and carriage return; DEL and C1; zero-width and direction
// marks; bidi embeddings, overrides and isolates; invisible operators; the BOM; interlinear
// annotation marks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/u;

function describe(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first invisible control character in a string, as U+XXXX, or null. */
function invisibleCharIn(text: string): string | null {
  const m = INVISIBLE.exec(text);
  return m ? describe(m[0]) : null;
}

/**
 * Walks every string of a value (keys too) and names the first one that carries an invisible
 * control character. Iterative: run it after jsonLimitProblem has bounded the value.
 */
function invisibleTextProblem(value: unknown, where = 'body'): string | null {
  const stack: [unknown, string][] = [[value, where]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const ch = invisibleCharIn(v);
      if (ch) return `${path} contains an invisible control character (${ch}): remove it and save again`;
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    for (const [k, c] of Object.entries(v as Record<string, unknown>)) {
      const ch = invisibleCharIn(k);
      if (ch) return `${path} has a key with an invisible control character (${ch})`;
      stack.push([c, Array.isArray(v) ? `${path}[${k}]` : `${path}.${k}`]);
    }
  }
  return null;
}

/** The body and the byline of an entry: everything a person reads of it. */
export function entryTextProblem(e: { body: unknown; author: { name: string } }): string | null {
  return invisibleTextProblem(e.author.name, 'author.name') ?? invisibleTextProblem(e.body);
}
