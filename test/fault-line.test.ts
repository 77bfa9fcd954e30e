import assert from 'node:assert/strict';
import {test} from 'node:test';
import {errorSummary, internalErrorReport, oneLine} from '../source/fault-line.js';

test('oneLine neutralises controls and shows newlines as ␤', () => {
	assert.equal(oneLine('a\u001B]0;x\u0007\nb\u009Bc'), 'a␛]0;x␇␤b�c');
});

test('an internal error is one line with a --debug hint: no stack, no source, no raw controls', () => {
	const error = new RangeError('Maximum call stack size exceeded\u001B[2J\n    at x (file:///dist/cli.js:1:2)');
	const report = internalErrorReport(error, false);
	assert.equal(report.split('\n').length, 2, 'one line and its newline');
	assert.match(report, /^lectern: internal error \(RangeError: Maximum call stack size exceeded␛\[2J␤ {4}at x/);
	assert.match(report, /run again with --debug to see where, and please report it\n$/);
	assert.doesNotMatch(report, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
});

test('a long message is cut', () => {
	assert.ok(errorSummary(new Error('x'.repeat(100_000))).length < 400);
});

test('with --debug the stack is shown, neutralised', () => {
	const error = new TypeError('bad \u001B[31m');
	const report = internalErrorReport(error, true);
	assert.match(report, /^lectern: internal error: TypeError: bad ␛\[31m\n {4}at /);
	assert.doesNotMatch(report, /\u001B/);
});
