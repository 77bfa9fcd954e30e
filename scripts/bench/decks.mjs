/**
 * Generated benchmark decks: a deterministic mix of title, text, terminal and image
 * slides in lectern's deck format. Terminal slides come in runs of 2-4 slides that
 * each add a command and its output to the same session, the way a talk steps through
 * a terminal. No text contains "digits/digits", so the status bar "K/N" is the only
 * match for the bench's markers.
 */

/** A small seeded PRNG (mulberry32), so every run benchmarks the same decks. */
function random(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

const words = `deploy container build release pipeline cache registry image rollout cluster service
	request latency budget queue worker schedule backup restore secret config network proxy
	gateway database migration index replica shard metric alert dashboard trace log incident
	review branch merge commit tag version artifact bundle module package runtime process
	memory thread signal socket terminal keyboard projector audience question answer`
	.split(/\s+/)
	.filter(Boolean);

const commands = [
	['npm ci', 'added 412 packages in 9s'],
	['npm run build', 'dist/main.js  184.2kb'],
	['docker build -t shop .', 'Successfully tagged shop:latest'],
	['docker push registry.example.com/shop', 'pushed: sha256 e3b0c44298fc'],
	['kubectl rollout status deploy/shop', 'deployment "shop" successfully rolled out'],
	['git tag -a release-two -m "release"', ''],
	['curl -s https://shop.example.com/health', '{"status":"ok","uptime":"3 days"}'],
	['ls dist', 'main.js  main.js.map  index.html'],
];

export function generateDeck(count, seed = 1) {
	const next = random(seed);
	const pick = list => list[Math.floor(next() * list.length)];
	const phrase = (min, max) => {
		const length = min + Math.floor(next() * (max - min + 1));
		return Array.from({length}, () => pick(words)).join(' ');
	};

	const capital = text => text[0].toUpperCase() + text.slice(1);
	const slides = [];
	while (slides.length < count) {
		const n = slides.length + 1;
		const roll = next();
		if (roll < 0.15) {
			slides.push(`#= ${capital(phrase(2, 4))}\n## ${capital(phrase(3, 6))}${next() < 0.3 ? `\n### part ${n}` : ''}`);
		} else if (roll < 0.65) {
			const lines = [`# ${capital(phrase(2, 5))} (${n})`, ''];
			const items = 2 + Math.floor(next() * 4);
			for (let i = 0; i < items; i++) {
				const style = next();
				const text = phrase(3, 8);
				if (style < 0.25) lines.push(`- **${text}**`);
				else if (style < 0.45) lines.push(`- ${text} \`${pick(words)}\``);
				else if (style < 0.6) lines.push(`- *${text}* [${pick(words)}](https://example.com/${pick(words)})`);
				else lines.push(`- ${text}`);
			}

			if (next() < 0.5) lines.push('', capital(phrase(8, 16)) + '.');
			if (next() < 0.4) lines.push('', `Note: ${capital(phrase(10, 25))}.`);
			slides.push(lines.join('\n'));
		} else if (roll < 0.8) {
			const steps = 2 + Math.floor(next() * 3);
			const title = `${pick(words)} ${n}`;
			const session = [];
			for (let step = 0; step < steps && slides.length < count; step++) {
				const [command, output] = pick(commands);
				session.push('$$prompt ~/shop', command);
				if (output) session.push(output);
				slides.push([`$$terminal ${title}`, ...session].join('\n'));
			}
		} else {
			const mode = pick(['@=', '~@', '@=']);
			const lines = [`${mode} ${pick(words)}-${n}.png`];
			if (next() < 0.5) lines.push(`vv [${capital(phrase(2, 4))}](https://example.com/${pick(words)}) ${phrase(2, 6)}`);
			// eslint-disable-next-line no-dupe-else-if -- a second draw of the random sequence, not the same test
			else if (next() < 0.5) lines.push(capital(phrase(4, 10)) + '.');
			slides.push(lines.join('\n'));
		}
	}

	return slides.join('\n---\n') + '\n';
}

/**
 * The same deck in a Markdown dialect: `---` between slides (tpp's `--newpage`
 * for tpp), `#=` titles as headings, terminal sessions as fenced code, images as
 * Markdown images, `Note:` lines as HTML comments (notes in patat and lookatme).
 * Same slides, same words, so every tool shows the same content. With `tagged`,
 * each slide ends with a line "slide mark K", which tells the bench that a player
 * with no "K/N" status shows slide K.
 */
export function generateMarkdownDeck(count, seed = 1, dialect = 'markdown', tagged = false) {
	const slides = generateDeck(count, seed).replace(/\n$/, '').split('\n---\n');
	const converted = slides.map((slide, index) => (tagged ? `${convert(slide)}\n\nslide mark ${index + 1}` : convert(slide)));
	function convert(slide) {
		const lines = slide.split('\n');
		if (lines[0].startsWith('$$terminal')) {
			const body = [];
			for (let index = 1; index < lines.length; index++) {
				if (lines[index].startsWith('$$prompt')) body.push(`$ ${lines[++index]}`);
				else body.push(lines[index]);
			}

			return [`# ${lines[0].replace('$$terminal ', '')}`, '', '```', ...body, '```'].join('\n');
		}

		return lines
			.map(line => {
				if (line.startsWith('#= ')) return `# ${line.slice(3)}`;
				if (/^(?:@=|~@) /.test(line)) return `![image](${line.replace(/^\S+ /, '')})`;
				if (line.startsWith('vv ')) return line.slice(3);
				if (line.startsWith('Note: ')) return dialect === 'tpp' ? '' : `<!-- ${line.slice(6)} -->`;
				return line;
			})
			.join('\n');
	}

	if (dialect === 'tpp')
		return (
			converted
				.map(slide =>
					slide
						.split('\n')
						.map(line => line.replace(/^#+ /, '--heading ').replace(/^```$/, ''))
						.join('\n'),
				)
				.join('\n--newpage\n') + '\n'
		);
	return converted.join('\n\n---\n\n') + '\n';
}

const html = text => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * The same deck in remark's format (as lectern reads it, fixtures/formats/): `---` between
 * slides, `#=` titles as `class: title, middle` slides with headings, terminal sessions as
 * remark's "shell-wrap" HTML terminals (a prompt, the command, its output, a closing prompt
 * with a cursor), images as Markdown images, `Note:` lines as `???` notes.
 */
export function generateRemarkDeck(count, seed = 1) {
	const prompt = '<ps>dev</ps> <dr>~/shop $</dr>';
	const slides = generateDeck(count, seed).replace(/\n$/, '').split('\n---\n');
	return (
		slides
			.map(slide => {
				const lines = slide.split('\n');
				if (lines[0].startsWith('$$terminal')) {
					const body = [];
					for (let index = 1; index < lines.length; index++) {
						if (lines[index].startsWith('$$prompt')) body.push(prompt, `${html(lines[++index])}<br>`);
						else body.push(`${html(lines[index])}<br>`);
					}

					const title = html(lines[0].replace('$$terminal ', ''));
					return [`<div class="shell-wrap"><p class="shell-top-bar">${title}</p><p class="shell-body">`, ...body, `${prompt} <w>&nbsp;</w>`, '</p></div>'].join(
						'\n',
					);
				}

				const notes = lines.filter(line => line.startsWith('Note: ')).map(line => line.slice(6));
				const content = lines
					.filter(line => !line.startsWith('Note: '))
					.map(line => {
						if (line.startsWith('#= ')) return `# ${line.slice(3)}`;
						if (/^(?:@=|~@) /.test(line)) return `![image](${line.replace(/^\S+ /, '')})`;
						if (line.startsWith('vv ')) return line.slice(3);
						return line;
					});
				const head = lines[0].startsWith('#= ') ? ['class: title, middle', ''] : [];
				return [...head, ...content, ...(notes.length > 0 ? ['', '???', ...notes] : [])].join('\n');
			})
			.join('\n---\n') + '\n'
	);
}
