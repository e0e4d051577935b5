/**
 * Finds the `@example` of every export reachable from the package's entries (with the TypeScript
 * compiler API) and turns each into a runnable ES module. Used by doc-examples.test.ts.
 *
 * The example's code is every ```ts block of its `@example` tag, or, where the tag has no fenced
 * block, its whole text (as TypeDoc renders it). Imports of `cpi-gap` and `cpi-gap/<sub>` are
 * pointed at `src/`. An example may leave out imports of cpi-gap's own exports and of `node:fs`
 * and `node:assert`: the module gets them added for the names it uses and does not declare.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** The package's subpaths and the source file of each (as tsup.config.ts builds them). */
export const ENTRIES: Readonly<Record<string, string>> = {
  'cpi-gap': 'src/index.ts',
  'cpi-gap/plan': 'src/plan/index.ts',
  'cpi-gap/simulation': 'src/simulation/index.ts',
  'cpi-gap/charts': 'src/charts/index.ts',
  'cpi-gap/render': 'src/render/index.ts',
  'cpi-gap/expr': 'src/expr/index.ts',
  'cpi-gap/xlsx': 'src/ti/xlsx.ts',
  'cpi-gap/world': 'src/world/index.ts',
};

/** One exported declaration and the code of its examples. */
export interface DocExport {
  /** The exported name. */
  readonly name: string;
  /** The subpaths that export it, core first. */
  readonly entries: readonly string[];
  /** The file declaring it, relative to the root, e.g. `src/analysis/gaps.ts`. */
  readonly file: string;
  /** The code of each `@example` tag (empty when the export has none). */
  readonly examples: readonly string[];
}

function exampleCode(text: string): string | undefined {
  const fenced = [...text.matchAll(/```(\w*)[^\n]*\n([\s\S]*?)```/g)];
  if (fenced.length === 0) return text.trim() === '' ? undefined : text;
  const code = fenced.filter((m) => ['ts', 'typescript', 'js', 'javascript', 'mts'].includes(m[1] ?? '')).map((m) => m[2] ?? '');
  return code.length === 0 ? undefined : code.join('\n');
}

function examplesOf(declarations: readonly ts.Declaration[]): string[] {
  const out: string[] = [];
  for (const d of declarations) {
    for (const tag of ts.getJSDocTags(d)) {
      if (tag.tagName.text !== 'example') continue;
      const code = exampleCode(ts.getTextOfJSDocComment(tag.comment) ?? '');
      if (code !== undefined) out.push(code);
    }
  }
  return [...new Set(out)];
}

/** Every export of every entry, once, with its examples. */
export function docExports(root: string): DocExport[] {
  const files = Object.values(ENTRIES).map((f) => join(root, f));
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const byKey = new Map<string, { name: string; entries: string[]; file: string; examples: string[] }>();
  for (const [entry, file] of Object.entries(ENTRIES)) {
    const source = program.getSourceFile(join(root, file));
    if (source === undefined) throw new Error(`entry ${file} not found`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) continue; // an entry that exports nothing yet
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = symbol.declarations ?? [];
      const first = declarations[0];
      if (first === undefined) continue;
      const declFile = relative(root, first.getSourceFile().fileName);
      const key = `${declFile}:${exported.name}`;
      const known = byKey.get(key);
      if (known !== undefined) {
        known.entries.push(entry);
        continue;
      }
      byKey.set(key, { name: exported.name, entries: [entry], file: declFile, examples: examplesOf(declarations) });
    }
  }
  return [...byKey.values()].sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

/** Names an example declares itself (variables, functions, classes, imports). */
function declaredNames(code: string): Set<string> {
  const names = new Set<string>();
  const sf = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const addBinding = (n: ts.BindingName): void => {
    if (ts.isIdentifier(n)) names.add(n.text);
    else for (const e of n.elements) if (!ts.isOmittedExpression(e)) addBinding(e.name);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node)) addBinding(node.name);
    else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name !== undefined) names.add(node.name.text);
    else if (ts.isImportSpecifier(node) || ts.isNamespaceImport(node) || ts.isImportClause(node)) {
      if (node.name !== undefined) names.add(node.name.text);
    } else if (ts.isCatchClause(node) && node.variableDeclaration !== undefined) addBinding(node.variableDeclaration.name);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return names;
}

/** Identifiers an example uses as values or types (not property names). */
function usedNames(code: string): Set<string> {
  const names = new Set<string>();
  const sf = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const p = node.parent;
      const isMember = (ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isPropertyAssignment(p) && p.name === node) || (ts.isQualifiedName(p) && p.right === node) || (ts.isPropertySignature(p) && p.name === node) || (ts.isBindingElement(p) && p.propertyName === node);
      if (!isMember) names.add(node.text);
    } else if (ts.isShorthandPropertyAssignment(node)) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return names;
}

/** Whether `text` parses as one expression, without errors. */
function parsesAsExpression(text: string): ts.Expression | undefined {
  const sf = ts.createSourceFile('x.ts', `(${text});`, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const diagnostics = (sf as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics;
  const statement = sf.statements[0];
  if (diagnostics.length > 0 || sf.statements.length !== 1 || statement === undefined || !ts.isExpressionStatement(statement)) return undefined;
  let e = statement.expression;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** A literal a reader can check by eye: a number, string, boolean, null, or an array of them. */
function isPlainLiteral(e: ts.Expression): boolean {
  if (ts.isNumericLiteral(e) || ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return true;
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) return ts.isNumericLiteral(e.operand);
  if (ts.isArrayLiteralExpression(e)) return e.elements.every((x) => isPlainLiteral(x));
  return false;
}

/**
 * Turn each line `expression; // => literal` (a whole expression on one line, and a number, string,
 * boolean, null or array of them after the arrow, nothing more) into an assertion, so the values an
 * example promises are checked. Lines whose arrow is followed by prose are left as comments.
 */
export function checkArrows(code: string): { code: string; checks: number } {
  let checks = 0;
  const lines = code.split('\n').map((line) => {
    const m = /^(\s*)(.+?);\s*\/\/ => (.+?)\s*$/.exec(line);
    if (m === null) return line;
    const [, indent = '', left = '', right = ''] = m;
    const lhs = parsesAsExpression(left);
    const rhs = parsesAsExpression(right);
    if (lhs === undefined || rhs === undefined || !isPlainLiteral(rhs) || (ts.isBinaryExpression(lhs) && lhs.operatorToken.kind === ts.SyntaxKind.EqualsToken)) return line;
    checks += 1;
    return `${indent}__expect(${left}, ${right}); // => ${right}`;
  });
  return { code: lines.join('\n'), checks };
}

/**
 * What `// => value` is checked with: numbers equal within 1e-9 (relative), so `// => 130.5` holds
 * for a sum that comes out as 130.50000000000003; everything else strictly equal.
 */
const PRELUDE = `import __assert from 'node:assert/strict';
function __close(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => __close(x, b[i]));
  return Object.is(a, b);
}
function __expect(actual: unknown, expected: unknown): void {
  if (!__close(actual, expected)) __assert.deepStrictEqual(actual, expected);
}
`;

const NODE_IMPORTS: Readonly<Record<string, string>> = {
  readFileSync: 'node:fs',
  writeFileSync: 'node:fs',
  existsSync: 'node:fs',
  mkdirSync: 'node:fs',
  assert: 'node:assert/strict',
};

/**
 * The example as an ES module: `cpi-gap` specifiers pointed at the sources under `root`, and the
 * imports it leaves out added (`exportsByName`: each export name and the subpath to take it from).
 */
export function exampleModule(code: string, root: string, exportsByName: ReadonlyMap<string, string>): string {
  const toSource = (spec: string): string => {
    const file = ENTRIES[spec];
    if (file === undefined) throw new Error(`unknown cpi-gap subpath ${spec}`);
    return join(root, file);
  };
  const body = checkArrows(code).code.replace(/(['"])(cpi-gap(?:\/[a-z]+)?)\1/g, (_m, q: string, spec: string) => `${q}${toSource(spec)}${q}`);
  const declared = declaredNames(code);
  const missing = [...usedNames(code)].filter((n) => !declared.has(n));
  const imports = new Map<string, string[]>();
  for (const name of missing) {
    const from = exportsByName.get(name) ?? NODE_IMPORTS[name];
    if (from === undefined) continue;
    const list = imports.get(from) ?? [];
    list.push(name);
    imports.set(from, list);
  }
  const lines = [...imports].map(([from, names]) => {
    if (from === 'node:assert/strict') return `import assert from 'node:assert/strict';`;
    const spec = from.startsWith('node:') ? from : toSource(from);
    return `import { ${names.join(', ')} } from ${JSON.stringify(spec)};`;
  });
  return `${PRELUDE}${lines.join('\n')}\n${body}\nexport {};\n`;
}

/** The subpath to import each export name from (the core entry when several export it). */
export function exportIndex(exports: readonly DocExport[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const e of exports) {
    const entry = e.entries[0];
    if (entry === undefined) continue;
    if (!index.has(e.name) || entry === 'cpi-gap') index.set(e.name, entry);
  }
  return index;
}

/** The TI result files an example reads (`readFileSync('CPI2025_Results.csv', ...)`), looked up in the working folder. */
export function tiFilesUsed(code: string): string[] {
  const read = /readFileSync\(\s*['"]((?:CPI\d{4}_Results\.(?:csv|xlsx))|(?:cpi_historical_\d{4}_\d{4}\.csv))['"]/g;
  return [...new Set([...code.matchAll(read)].map((m) => m[1] ?? ''))];
}

/** Whether every TI file an example reads exists in `dir`. */
export function hasTiFiles(code: string, dir: string): boolean {
  return tiFilesUsed(code).every((f) => existsSync(join(dir, f)));
}
