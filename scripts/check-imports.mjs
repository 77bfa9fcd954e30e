/**
 * Fails when source/ has an import cycle, between files or between folders.
 *
 * Every import counts: static, dynamic (`import()`), re-exports and type-only
 * ones (a type import is still a dependency a reader has to follow). A folder
 * is a top-level folder of source/ (source/deck/formats/ belongs to deck/); a
 * file directly in source/ (cli.tsx, app.tsx, ...) stands for itself.
 *
 * Usage: node scripts/check-imports.mjs [root]   (root defaults to source)
 */
import {readdirSync, readFileSync, existsSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve, sep} from 'node:path';
import ts from 'typescript';

const root = resolve(process.argv[2] ?? 'source');

function sourceFiles(dir) {
	return readdirSync(dir, {withFileTypes: true}).flatMap(entry => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
	});
}

/** The source file a relative specifier names (`./x.js` is `./x.ts` or `./x.tsx`), or undefined. */
function resolveSpecifier(from, specifier) {
	if (!specifier.startsWith('.')) return undefined;
	const base = resolve(dirname(from), specifier);
	const stem = base.replace(/\.(m|c)?jsx?$/, '');
	const candidates = [base, `${stem}.ts`, `${stem}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
	return candidates.find(path => existsSync(path) && statSync(path).isFile() && /\.tsx?$/.test(path));
}

/** A file's name as shown: relative to the root, with forward slashes. */
const show = path => relative(root, path).split(sep).join('/');

/** The folder a file belongs to: its top-level folder under the root, or the file itself. */
function folderOf(path) {
	const parts = show(path).split('/');
	return parts.length > 1 ? `${parts[0]}/` : parts[0];
}

const files = sourceFiles(root).sort();
const rootName = relative(process.cwd(), root) || '.';
/** file -> the files it imports */
const fileGraph = new Map();
/** folder -> folder -> one import that makes the edge (for the message) */
const folderGraph = new Map();
const unresolved = [];

for (const file of files) {
	const {importedFiles} = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
	const targets = new Set();
	for (const {fileName} of importedFiles) {
		if (!fileName.startsWith('.')) continue;
		const target = resolveSpecifier(file, fileName);
		if (!target) {
			unresolved.push(`${show(file)}: ${fileName}`);
			continue;
		}

		targets.add(target);
		const from = folderOf(file);
		const to = folderOf(target);
		if (from === to) continue;
		if (!folderGraph.has(from)) folderGraph.set(from, new Map());
		const edges = folderGraph.get(from);
		if (!edges.has(to)) edges.set(to, `${show(file)} -> ${show(target)}`);
	}

	fileGraph.set(file, targets);
}

/** Strongly connected components with more than one node, or a node importing itself (Tarjan, iterative). */
function cycles(nodes, next) {
	let counter = 0;
	const index = new Map();
	const low = new Map();
	const stack = [];
	const onStack = new Set();
	const found = [];
	for (const start of nodes) {
		if (index.has(start)) continue;
		const work = [{node: start, edges: [...next(start)], at: 0}];
		index.set(start, counter);
		low.set(start, counter++);
		stack.push(start);
		onStack.add(start);
		while (work.length > 0) {
			const frame = work.at(-1);
			if (frame.at < frame.edges.length) {
				const target = frame.edges[frame.at++];
				if (!index.has(target)) {
					index.set(target, counter);
					low.set(target, counter++);
					stack.push(target);
					onStack.add(target);
					work.push({node: target, edges: [...next(target)], at: 0});
				} else if (onStack.has(target)) {
					low.set(frame.node, Math.min(low.get(frame.node), index.get(target)));
				}

				continue;
			}

			work.pop();
			const parent = work.at(-1);
			if (parent) low.set(parent.node, Math.min(low.get(parent.node), low.get(frame.node)));
			if (low.get(frame.node) !== index.get(frame.node)) continue;
			const component = [];
			let member;
			do {
				member = stack.pop();
				onStack.delete(member);
				component.push(member);
			} while (member !== frame.node);
			if (component.length > 1 || [...next(frame.node)].includes(frame.node)) found.push(component.reverse());
		}
	}

	return found;
}

const problems = [];
for (const component of cycles([...fileGraph.keys()], file => fileGraph.get(file) ?? [])) {
	const members = new Set(component);
	const lines = component.flatMap(file =>
		[...(fileGraph.get(file) ?? [])].filter(target => members.has(target)).map(target => `    ${show(file)} -> ${show(target)}`),
	);
	problems.push(`file cycle between ${component.map(show).join(', ')}:\n${lines.join('\n')}`);
}

for (const component of cycles([...folderGraph.keys()], folder => folderGraph.get(folder)?.keys() ?? [])) {
	const members = new Set(component);
	const lines = component.flatMap(folder =>
		[...(folderGraph.get(folder) ?? [])].filter(([target]) => members.has(target)).map(([, example]) => `    ${example}`),
	);
	problems.push(`folder cycle between ${component.join(', ')}:\n${lines.join('\n')}`);
}

for (const line of unresolved) problems.push(`import of a file that does not exist: ${line}`);

if (problems.length > 0) {
	process.stderr.write(`check-imports: ${problems.length} problem(s) in ${rootName}/\n${problems.join('\n')}\n`);
	process.exit(1);
}

const folders = new Set(files.map(file => folderOf(file)).filter(folder => folder.endsWith('/')));
process.stdout.write(`check-imports: no import cycles among the ${files.length} files and ${folders.size} folders of ${rootName}/\n`);
