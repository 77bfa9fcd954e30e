import {afterEach, beforeEach, mock} from 'node:test';

/** Every test of the file runs with setTimeout under node:test's fake clock (`mock.timers.tick`). */
export function fakeTimeouts(): void {
	beforeEach(() => {
		mock.timers.enable({apis: ['setTimeout']});
	});
	afterEach(() => {
		mock.timers.reset();
	});
}
