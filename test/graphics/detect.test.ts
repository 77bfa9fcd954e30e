import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {graphicsStart, needsKittyQuery, protocolInTmux, protocolOfProbe, protocolOfVersion} from '../../source/graphics/detect.js';
import {parseTmuxPane} from '../../source/graphics/tmux-facts.js';
import type {ImagesMode} from '../../source/render/colour-level.js';

/** With 24-bit colour. */
const start = (mode: ImagesMode, env: Record<string, string>) => graphicsStart(mode, env, 3);

describe('how the protocol is found out', () => {
	it('each terminal, in auto mode', () => {
		const cases: Array<[string, Record<string, string>, ReturnType<typeof graphicsStart>]> = [
			['kitty', {TERM: 'xterm-kitty', KITTY_WINDOW_ID: '1'}, {kind: 'known', protocol: 'kitty'}],
			['ghostty', {TERM: 'xterm-ghostty', TERM_PROGRAM: 'ghostty'}, {kind: 'known', protocol: 'kitty'}],
			['ghostty with TERM=xterm-256color', {TERM: 'xterm-256color', TERM_PROGRAM: 'ghostty'}, {kind: 'known', protocol: 'kitty'}],
			['iTerm2', {TERM: 'xterm-256color', TERM_PROGRAM: 'iTerm.app'}, {kind: 'known', protocol: 'iterm'}],
			['iTerm2 over ssh (LC_TERMINAL is sent along)', {TERM: 'xterm-256color', LC_TERMINAL: 'iTerm2'}, {kind: 'known', protocol: 'iterm'}],
			['WezTerm', {TERM: 'xterm-256color', TERM_PROGRAM: 'WezTerm'}, {kind: 'known', protocol: 'iterm'}],
			['kitty with TERM overridden: asked', {TERM: 'xterm-256color', KITTY_WINDOW_ID: '3'}, {kind: 'probe'}],
			['Konsole: asked', {TERM: 'xterm-256color', KONSOLE_VERSION: '230401'}, {kind: 'probe'}],
			['plain xterm: asked', {TERM: 'xterm-256color'}, {kind: 'probe'}],
			['Apple Terminal: no protocol to ask about', {TERM: 'xterm-256color', TERM_PROGRAM: 'Apple_Terminal'}, {kind: 'none'}],
			['tmux', {TERM: 'tmux-256color', TMUX: '/tmp/tmux-0/default,1,0', TERM_PROGRAM: 'tmux'}, {kind: 'tmux'}],
			['tmux over ssh (no TMUX): never asked, it would take the query for a title', {TERM: 'tmux-256color'}, {kind: 'none'}],
			['GNU screen', {TERM: 'screen-256color', STY: '1.pts-0.host'}, {kind: 'none'}],
			['the Linux console', {TERM: 'linux'}, {kind: 'none'}],
			['dumb', {TERM: 'dumb'}, {kind: 'none'}],
		];
		for (const [name, env, expected] of cases) assert.deepEqual(start('auto', env), expected, name);
	});

	it('no colour (NO_COLOR, --no-color) or alt text: no graphics sequence at all', () => {
		assert.deepEqual(graphicsStart('auto', {TERM: 'xterm-kitty'}, undefined), {kind: 'none'});
		assert.deepEqual(graphicsStart('kitty', {TERM: 'xterm-kitty'}, undefined), {kind: 'none'});
		assert.deepEqual(start('alt', {TERM: 'xterm-kitty'}), {kind: 'none'});
		assert.deepEqual(start('blocks', {TERM: 'xterm-kitty'}), {kind: 'none'});
	});

	it('forced by the flag: that protocol, through passthrough inside tmux', () => {
		assert.deepEqual(start('kitty', {TERM: 'xterm-256color'}), {kind: 'known', protocol: 'kitty'});
		assert.deepEqual(start('iterm', {TERM: 'xterm-kitty'}), {kind: 'known', protocol: 'iterm'});
		assert.deepEqual(start('kitty', {TERM: 'screen', TMUX: 'x'}), {kind: 'tmux', forced: 'kitty'});
	});
});

describe('the terminal’s answers', () => {
	it('a name that says the protocol', () => {
		assert.equal(protocolOfVersion('kitty(0.35.2)'), 'kitty');
		assert.equal(protocolOfVersion('ghostty 1.1.0'), 'kitty');
		assert.equal(protocolOfVersion('WezTerm 20240203-110809-5046fc22'), 'iterm');
		assert.equal(protocolOfVersion('iTerm2 3.5.0'), 'iterm');
		assert.equal(protocolOfVersion('XTerm(390)'), undefined);
		assert.equal(protocolOfVersion(undefined), undefined);
	});

	it('the kitty query goes only to terminals whose name says nothing, never to a multiplexer', () => {
		assert.equal(needsKittyQuery(undefined), true);
		assert.equal(needsKittyQuery('Konsole 23.08'), true);
		assert.equal(needsKittyQuery('tmux 3.3a'), false);
		assert.equal(needsKittyQuery('XTerm(390)'), false);
		assert.equal(needsKittyQuery('kitty(0.35.2)'), false);
		assert.equal(needsKittyQuery('WezTerm 20240203'), false);
	});

	it('an OK to the query is kitty; a name decides first (WezTerm answers OK too, its iTerm2 images are better)', () => {
		assert.equal(protocolOfProbe({kittyOk: true}), 'kitty');
		assert.equal(protocolOfProbe({kittyOk: false}), undefined);
		assert.equal(protocolOfProbe({kittyOk: true, version: 'WezTerm 2024'}), 'iterm');
	});
});

describe('inside tmux', () => {
	it('half-blocks unless passthrough is on and the terminal outside draws pictures', () => {
		assert.equal(protocolInTmux({allowPassthrough: 'off', clientTermName: 'xterm-kitty'}, {}), undefined);
		assert.equal(protocolInTmux({clientTermName: 'xterm-kitty'}, {}), undefined, 'tmux did not say');
		assert.equal(protocolInTmux({allowPassthrough: 'on', clientTermName: 'xterm-256color'}, {}), undefined);
		assert.equal(protocolInTmux({allowPassthrough: 'on', clientTermName: 'xterm-kitty'}, {}), 'kitty');
		assert.equal(protocolInTmux({allowPassthrough: 'all', clientTermName: 'xterm-256color', clientTermType: 'kitty(0.35.2)'}, {}), 'kitty');
		assert.equal(protocolInTmux({allowPassthrough: 'on', clientTermName: 'xterm-256color', clientTermType: 'iTerm2 3.5.0'}, {}), 'iterm');
		assert.equal(protocolInTmux({allowPassthrough: 'on'}, {LC_TERMINAL: 'iTerm2'}), 'iterm', 'no client details: the environment');
		assert.equal(protocolInTmux({allowPassthrough: 'on'}, {}), undefined);
	});

	it('forced: used whatever tmux says', () => {
		assert.equal(protocolInTmux({allowPassthrough: 'off'}, {}, 'kitty'), 'kitty');
	});

	it('what tmux says, read', () => {
		const pane = parseTmuxPane('on\n', 'xterm-kitty\tkitty(0.35.2)\t3\t40\ton\ttop\t9\t18\n');
		assert.deepEqual(pane, {
			allowPassthrough: 'on',
			clientTermName: 'xterm-kitty',
			clientTermType: 'kitty(0.35.2)',
			offset: {top: 4, left: 40},
			cell: {width: 9, height: 18},
		});
		assert.deepEqual(parseTmuxPane('off\n', '\t\t0\t0\ton\tbottom\t\t\n'), {allowPassthrough: 'off', offset: {top: 0, left: 0}});
		assert.deepEqual(parseTmuxPane(undefined, undefined), {offset: {top: 0, left: 0}}, 'tmux did not answer');
	});
});
