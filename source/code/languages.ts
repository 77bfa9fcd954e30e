/**
 * The languages lectern highlights: each TextMate grammar (from
 * @shikijs/langs) is imported only when a deck has a block in it, so each is
 * a chunk of its own in the bundle. A fence's language is looked up through
 * `languageOf`, which knows the usual short names (`py`, `sh`, `yml`).
 */
import type {LanguageRegistration} from '@shikijs/core';

type Grammar = () => Promise<{default: LanguageRegistration[]}>;

const grammars: Readonly<Record<string, Grammar>> = {
	c: () => import('@shikijs/langs/c'),
	clojure: () => import('@shikijs/langs/clojure'),
	cmake: () => import('@shikijs/langs/cmake'),
	cpp: () => import('@shikijs/langs/cpp'),
	csharp: () => import('@shikijs/langs/csharp'),
	css: () => import('@shikijs/langs/css'),
	dart: () => import('@shikijs/langs/dart'),
	diff: () => import('@shikijs/langs/diff'),
	docker: () => import('@shikijs/langs/docker'),
	elixir: () => import('@shikijs/langs/elixir'),
	elm: () => import('@shikijs/langs/elm'),
	erlang: () => import('@shikijs/langs/erlang'),
	fish: () => import('@shikijs/langs/fish'),
	fsharp: () => import('@shikijs/langs/fsharp'),
	go: () => import('@shikijs/langs/go'),
	graphql: () => import('@shikijs/langs/graphql'),
	groovy: () => import('@shikijs/langs/groovy'),
	haskell: () => import('@shikijs/langs/haskell'),
	hcl: () => import('@shikijs/langs/hcl'),
	html: () => import('@shikijs/langs/html'),
	ini: () => import('@shikijs/langs/ini'),
	java: () => import('@shikijs/langs/java'),
	javascript: () => import('@shikijs/langs/javascript'),
	json: () => import('@shikijs/langs/json'),
	jsx: () => import('@shikijs/langs/jsx'),
	julia: () => import('@shikijs/langs/julia'),
	kotlin: () => import('@shikijs/langs/kotlin'),
	latex: () => import('@shikijs/langs/latex'),
	lua: () => import('@shikijs/langs/lua'),
	makefile: () => import('@shikijs/langs/makefile'),
	markdown: () => import('@shikijs/langs/markdown'),
	nginx: () => import('@shikijs/langs/nginx'),
	nix: () => import('@shikijs/langs/nix'),
	'objective-c': () => import('@shikijs/langs/objective-c'),
	ocaml: () => import('@shikijs/langs/ocaml'),
	perl: () => import('@shikijs/langs/perl'),
	php: () => import('@shikijs/langs/php'),
	powershell: () => import('@shikijs/langs/powershell'),
	proto: () => import('@shikijs/langs/proto'),
	python: () => import('@shikijs/langs/python'),
	r: () => import('@shikijs/langs/r'),
	ruby: () => import('@shikijs/langs/ruby'),
	rust: () => import('@shikijs/langs/rust'),
	scala: () => import('@shikijs/langs/scala'),
	scss: () => import('@shikijs/langs/scss'),
	shellscript: () => import('@shikijs/langs/shellscript'),
	solidity: () => import('@shikijs/langs/solidity'),
	sql: () => import('@shikijs/langs/sql'),
	svelte: () => import('@shikijs/langs/svelte'),
	swift: () => import('@shikijs/langs/swift'),
	terraform: () => import('@shikijs/langs/terraform'),
	toml: () => import('@shikijs/langs/toml'),
	tsx: () => import('@shikijs/langs/tsx'),
	typescript: () => import('@shikijs/langs/typescript'),
	verilog: () => import('@shikijs/langs/verilog'),
	vue: () => import('@shikijs/langs/vue'),
	xml: () => import('@shikijs/langs/xml'),
	yaml: () => import('@shikijs/langs/yaml'),
	zig: () => import('@shikijs/langs/zig'),
};

const aliases: Readonly<Record<string, string>> = {
	'c++': 'cpp',
	'c#': 'csharp',
	'f#': 'fsharp',
	bash: 'shellscript',
	clj: 'clojure',
	cs: 'csharp',
	dockerfile: 'docker',
	erl: 'erlang',
	fs: 'fsharp',
	gql: 'graphql',
	golang: 'go',
	h: 'c',
	hpp: 'cpp',
	hs: 'haskell',
	js: 'javascript',
	jl: 'julia',
	kt: 'kotlin',
	make: 'makefile',
	md: 'markdown',
	mjs: 'javascript',
	objc: 'objective-c',
	pl: 'perl',
	protobuf: 'proto',
	ps1: 'powershell',
	py: 'python',
	python3: 'python',
	rb: 'ruby',
	rs: 'rust',
	sh: 'shellscript',
	shell: 'shellscript',
	tex: 'latex',
	tf: 'terraform',
	ts: 'typescript',
	yml: 'yaml',
	zsh: 'shellscript',
};

/** The grammar's name for a fence's language (`py` is `python`), or undefined when lectern has none: such a block stays plain. */
export function languageOf(language: string): string | undefined {
	const name = aliases[language] ?? language;
	return Object.hasOwn(grammars, name) ? name : undefined;
}

export function loadGrammar(name: string): Promise<LanguageRegistration[]> {
	return grammars[name]!().then(module => module.default);
}
