/**
 * The script of an exported HTML deck, as text put inline in the page: it
 * shows one slide at a time, reads keys (the player's keymap, handed over as
 * data), clicks, taps and swipes, keeps `#slide-N` in the address, plays a
 * terminal slide's typing on the player's schedule when it is reached going
 * forward (any key, click or tap finishes it), and switches the presenter
 * view, the overview, the help and the black screen. Without it the page
 * still shows every slide, one under the other.
 *
 * Plain ES2017 in a string: it runs in the browser, not in Node, and the page
 * has no other script and loads nothing.
 */
export const clientScript = String.raw`
(function () {
	'use strict';
	var root = document.documentElement;
	var data = JSON.parse(document.getElementById('lectern-data').textContent);
	var slides = Array.prototype.slice.call(document.querySelectorAll('section.slide'));
	if (slides.length === 0) return;
	root.classList.remove('nojs');
	root.classList.add('js');
	var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	var keyCommands = {};
	Object.keys(data.keys).forEach(function (command) {
		data.keys[command].forEach(function (name) { keyCommands[name] = command; });
	});
	var domKeys = {ArrowRight: 'right', ArrowLeft: 'left', ArrowUp: 'up', ArrowDown: 'down', ' ': 'space', Spacebar: 'space', PageDown: 'pagedown', PageUp: 'pageup', Enter: 'enter', Backspace: 'backspace', Home: 'home', End: 'end', Escape: 'escape', Esc: 'escape', Tab: 'tab'};
	var current = -1;
	var digits = '';
	var playing;
	var talkStart = Date.now();
	var slideStart = Date.now();
	var timer = document.getElementById('timer');
	var help = document.getElementById('help');
	var blackout = document.getElementById('blackout');
	var jump = document.getElementById('jump');

	function numberOf(position) { return Number(slides[position].getAttribute('data-number')); }

	function positionOfNumber(number) {
		for (var position = 0; position < slides.length; position++) if (numberOf(position) >= number) return position;
		return slides.length - 1;
	}

	function fromHash() {
		var match = /^#slide-(\d+)$/.exec(location.hash);
		return match ? positionOfNumber(Number(match[1])) : undefined;
	}

	function setHash(position) {
		var hash = '#slide-' + numberOf(position);
		if (location.hash === hash) return;
		try { history.replaceState(null, '', hash); } catch (error) { location.hash = hash; }
	}

	function rowsOf(position) { return slides[position].querySelectorAll('.screen > .r'); }

	function finishTyping() {
		if (!playing) return false;
		playing.timers.forEach(clearTimeout);
		var rows = rowsOf(playing.position);
		Object.keys(playing.saved).forEach(function (row) { rows[row].innerHTML = playing.saved[row]; });
		slides[playing.position].classList.remove('typing');
		playing = undefined;
		return true;
	}

	function playTyping(position) {
		var typing = data.typing[String(position)];
		if (!typing || reducedMotion) return;
		var rows = rowsOf(position);
		var saved = {};
		typing.steps.forEach(function (step) {
			step.rows.forEach(function (change) { if (!(change[0] in saved)) saved[change[0]] = rows[change[0]].innerHTML; });
		});
		playing = {position: position, saved: saved, timers: []};
		slides[position].classList.add('typing');
		var apply = function (step) {
			step.rows.forEach(function (change) { rows[change[0]].innerHTML = change[1]; });
		};
		apply(typing.steps[0]);
		typing.steps.slice(1).forEach(function (step) {
			playing.timers.push(setTimeout(function () { apply(step); }, step.at));
		});
		playing.timers.push(setTimeout(finishTyping, typing.duration));
	}

	function show(position, how) {
		position = Math.max(0, Math.min(slides.length - 1, position));
		finishTyping();
		var from = current;
		if (position !== current) slideStart = Date.now();
		current = position;
		slides.forEach(function (slide, index) {
			slide.classList.toggle('current', index === position);
			slide.classList.toggle('next', index === position + 1);
			if (index === position) slide.removeAttribute('aria-hidden');
			else slide.setAttribute('aria-hidden', 'true');
		});
		setHash(position);
		document.title = data.title + ' (' + numberOf(position) + '/' + data.count + ')';
		if (how === 'step' && from === position - 1) playTyping(position);
		tick();
	}

	function go(command) {
		switch (command) {
			case 'next': show(current + 1, 'step'); break;
			case 'previous': show(current - 1); break;
			case 'first': show(0); break;
			case 'last': show(slides.length - 1); break;
			case 'presenter': root.classList.toggle('presenter'); break;
			case 'overview': toggleOverview(); break;
			case 'blackout': blackout.hidden = false; break;
			case 'resetTimer': talkStart = Date.now(); slideStart = Date.now(); tick(); break;
			case 'help': help.hidden = !help.hidden; break;
			case 'quit': closeOverlays(); break;
		}
	}

	function closeOverlays() {
		help.hidden = true;
		blackout.hidden = true;
		root.classList.remove('overview');
	}

	function toggleOverview() {
		var opening = !root.classList.contains('overview');
		root.classList.toggle('overview', opening);
		if (opening) slides[current].scrollIntoView({block: 'center'});
	}

	function keyName(event) {
		if (event.ctrlKey && event.key.length === 1) return 'ctrl+' + event.key.toLowerCase();
		return domKeys[event.key] || event.key;
	}

	function showDigits() {
		jump.textContent = digits === '' ? '' : 'go to ' + digits;
		jump.hidden = digits === '';
	}

	document.addEventListener('keydown', function (event) {
		if (event.altKey || event.metaKey || (event.ctrlKey && event.key !== 'c')) return;
		var name = keyName(event);
		if (!blackout.hidden) { blackout.hidden = true; event.preventDefault(); return; }
		if (playing && name !== 'escape') { finishTyping(); event.preventDefault(); return; }
		if (/^[0-9]$/.test(name)) { digits = (digits + name).slice(-6); showDigits(); event.preventDefault(); return; }
		if (digits !== '' && name === 'enter') { show(positionOfNumber(Number(digits))); digits = ''; showDigits(); event.preventDefault(); return; }
		if (digits !== '' && (name === 'escape' || name === 'backspace')) { digits = ''; showDigits(); event.preventDefault(); return; }
		if (root.classList.contains('overview') && name === 'enter') { root.classList.remove('overview'); event.preventDefault(); return; }
		var command = keyCommands[name];
		if (!command) return;
		if (command === 'quit' && help.hidden && !root.classList.contains('overview')) return;
		event.preventDefault();
		go(command);
	});

	document.addEventListener('click', function (event) {
		var target = event.target;
		if (target.closest && target.closest('a, button, #help')) return;
		if (!blackout.hidden) { blackout.hidden = true; return; }
		if (root.classList.contains('overview')) {
			var slide = target.closest && target.closest('section.slide');
			if (slide) { root.classList.remove('overview'); show(slides.indexOf(slide)); }
			return;
		}

		if (finishTyping()) return;
		if (event.clientX < window.innerWidth / 3) show(current - 1);
		else show(current + 1, 'step');
	});

	var touch;
	document.addEventListener('touchstart', function (event) {
		touch = event.touches.length === 1 ? {x: event.touches[0].clientX, y: event.touches[0].clientY} : undefined;
	}, {passive: true});
	document.addEventListener('touchend', function (event) {
		if (!touch || root.classList.contains('overview')) return;
		var dx = event.changedTouches[0].clientX - touch.x;
		var dy = event.changedTouches[0].clientY - touch.y;
		touch = undefined;
		if (Math.abs(dx) < 40 || Math.abs(dx) < Math.abs(dy)) return;
		event.preventDefault();
		if (finishTyping()) return;
		if (dx < 0) show(current + 1, 'step');
		else show(current - 1);
	});

	window.addEventListener('hashchange', function () {
		var position = fromHash();
		if (position !== undefined && position !== current) show(position);
	});

	function clock(ms) {
		var seconds = Math.floor(ms / 1000);
		var minutes = Math.floor(seconds / 60);
		var pad = function (value) { return (value < 10 ? '0' : '') + value; };
		return (minutes >= 60 ? Math.floor(minutes / 60) + ':' + pad(minutes % 60) : pad(minutes)) + ':' + pad(seconds % 60);
	}

	function tick() {
		if (!timer) return;
		var now = Date.now();
		timer.textContent = clock(now - talkStart) + '  this slide ' + clock(now - slideStart) + '  ' + new Date(now).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
	}

	setInterval(function () { if (root.classList.contains('presenter')) tick(); }, 1000);
	var start = fromHash();
	show(start === undefined ? 0 : start);
})();
`;
