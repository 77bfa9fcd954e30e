/**
 * The one door to the `yaml` package. It is imported only when a deck has
 * YAML front matter, as its own chunk of the bundle, so that a deck without
 * front matter never loads it: the caller that does the I/O opens the door
 * (`openYaml`) before the pure parse, which then reads YAML synchronously.
 */
type YamlModule = typeof import('yaml');

let yaml: YamlModule | undefined;

/** Loads the YAML library (once). */
export async function openYaml(): Promise<void> {
	if (yaml) return;
	const loaded = await import('yaml');
	// Bundled, the package is CommonJS: its exports are the module's default.
	yaml = 'parseDocument' in loaded ? loaded : (loaded as unknown as {default: YamlModule}).default;
}

/**
 * True once `openYaml` has loaded the library (for the test that checks a deck
 * without front matter never loads it).
 * @public
 */
export function yamlIsOpen(): boolean {
	return yaml !== undefined;
}

export type YamlResult = {readonly ok: true; readonly value: unknown} | {readonly ok: false; readonly error: string; readonly line?: number};

/** Nesting deeper than this, or aliases that expand past it, are refused (a hostile header cannot take memory or time). */
const maxAliasCount = 100;

/**
 * Parses one YAML document. Never throws on bad YAML (the error says what and
 * where); throws only when the door was not opened, a mistake of the caller.
 */
export function readYaml(text: string): YamlResult {
	if (!yaml) throw new Error('readYaml: the YAML library is not loaded; call openYaml() first');
	const document = yaml.parseDocument(text, {uniqueKeys: false, prettyErrors: false, strict: false});
	const error = document.errors[0];
	if (error) {
		const line = error.linePos?.[0]?.line;
		return {ok: false, error: error.message.split('\n')[0]!, ...(line === undefined ? {} : {line})};
	}

	try {
		return {ok: true, value: document.toJS({maxAliasCount})};
	} catch (error) {
		return {ok: false, error: error instanceof Error ? error.message : String(error)};
	}
}
