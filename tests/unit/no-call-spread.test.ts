/**
 * A guard, so the pattern cannot come back: no list is spread into a call or a constructor
 * (`push(...items)`, `Math.max(...values)`, `new Highlight(...ranges)`, `fn.apply(this, items)`)
 * anywhere in the code that ships or runs on real input. Each item becomes an argument on the
 * stack, and a list a page or a file makes long enough throws RangeError (lib/arrays.ts has the
 * loops to use instead). Passing on a function's own rest parameter (`log(...args)`) is allowed:
 * it is no longer than the caller's own argument list.
 *
 * Read with the TypeScript parser, not a regular expression: strings, comments, rest parameters
 * and array or object spreads are told apart from spread arguments.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { appendAll } from '../../lib/arrays';

const ROOTS = ['lib', 'entrypoints', 'components', 'scripts'];

/** Spread calls in files other helpers own on this branches; fixed there. */

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) appendAll(out, sourceFiles(path));
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      out.push(path);
  }
  return out;
}

/** `args` or `args.map(f)` where args is a rest parameter of a function enclosing `at`. */
function isOwnRestParameter(spread: ts.Expression, at: ts.Node): boolean {
  let e = spread;
  while (
    ts.isCallExpression(e) &&
    ts.isPropertyAccessExpression(e.expression) &&
    e.expression.name.text === 'map'
  )
    e = e.expression.expression;
  if (!ts.isIdentifier(e)) return false;
  const name = e.text;
  for (let n: ts.Node | undefined = at.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) {
      for (const p of n.parameters) {
        if (p.dotDotDotToken && ts.isIdentifier(p.name) && p.name.text === name) return true;
      }
    }
  }
  return false;
}

/** "file: call text" of every spread argument and every .apply with an argument list. */
function spreadCalls(file: string, text: string): string[] {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const args = node.arguments ?? ts.factory.createNodeArray();
      const spread = args.some(
        (a) => ts.isSpreadElement(a) && !isOwnRestParameter(a.expression, a),
      );
      const apply =
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'apply' &&
        args.length >= 2;
      if (spread || apply) found.push(`${file}: ${node.getText(source).replace(/\s+/g, ' ')}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no list spread into a call', () => {
  it('finds spread arguments, and only those', () => {
    const code = `
      out.push(...items);
      const m = Math.max(0, ...values);
      new Highlight(...ranges);
      f.apply(null, list);
      const log = (...args: unknown[]) => console.warn('x', ...args);
      const warn = (...args: unknown[]) => console.warn('x', ...args.map(String));
      const other = (...args: unknown[]) => console.warn('x', ...list.map(String));
      const a = [...items, ...more];
      const o = { ...base };
      // push(...inComment)
      const s = 'push(...inString)';
    `;
    expect(spreadCalls('x.ts', code)).toEqual([
      'x.ts: out.push(...items)',
      'x.ts: Math.max(0, ...values)',
      'x.ts: new Highlight(...ranges)',
      'x.ts: f.apply(null, list)',
      "x.ts: console.warn('x', ...list.map(String))",
    ]);
  });

  it(`none in ${ROOTS.join('/, ')}/`, () => {
    const found = ROOTS.flatMap(sourceFiles).flatMap((file) =>
      spreadCalls(file.replaceAll('\\', '/'), readFileSync(file, 'utf8')),
    );
    expect(found).toEqual([]);
  }, 60_000); // parses every source file
});
