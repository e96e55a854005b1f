// DESIGN.md: every string in the UI goes through the catalogs. This reads every .tsx file of the
// client with the TypeScript parser and lists any text a person would see that is written in
// the markup instead: JSX text, a string literal in braces, or a string in a visible attribute.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, it, expect } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CLIENT = join(ROOT, 'src', 'client');
// Attributes read out or shown to people; the others (className, to, type ...) are code.
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
const WORDS = /\p{L}{2,}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsxFiles(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  );
}

function hardCodedText(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (n: ts.Node, text: string) =>
    found.push(`${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1} ${JSON.stringify(text.trim())}`);
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && WORDS.test(n.text)) at(n, n.text);
    if (ts.isJsxExpression(n) && n.expression && ts.isStringLiteralLike(n.expression) && WORDS.test(n.expression.text)) {
      // {'...'} as a child is text; as an attribute value it is checked below.
      if (!ts.isJsxAttribute(n.parent)) at(n, n.expression.text);
    }
    if (ts.isJsxAttribute(n) && VISIBLE_ATTRIBUTES.has(n.name.getText(sf)) && n.initializer) {
      const init = n.initializer;
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
          ? init.expression
          : null;
      if (literal && WORDS.test(literal.text)) at(n, literal.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe('text on screen', () => {
  it('finds hard-coded text when there is some (the check itself works)', () => {
    const sample = `export const A = () => (<div title="Fermer" aria-label={t('x')}>Bonjour {'Madame'} {name} {'\\u00a0·\\u00a0'}<b>{t('y')}</b></div>);`;
    expect(hardCodedText(join(CLIENT, 'sample.tsx'), sample).map((l) => l.replace(/^.*:\d+ /, ''))).toEqual([
      '"Fermer"', '"Bonjour"', '"Madame"',
    ]);
  });

  it('comes from the catalogs in every screen of the client', () => {
    const found = tsxFiles(CLIENT).flatMap((f) => hardCodedText(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });
});
