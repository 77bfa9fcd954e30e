/**
 * A second reporter for Node's test runner: after the run, the tests that failed, each with
 * its file and the first lines of its error. The TAP stream names a failure where it
 * happens, which a log cut to its last part may not show; this list comes last.
 */
import {relative} from 'node:path';

export default async function* failures(source) {
	const failed = [];
	for await (const event of source) {
		if (event.type !== 'test:fail') continue;
		const {name, file, details} = event.data;
		const error = details?.error;
		// A suite or test that failed because a subtest did is named by that subtest.
		if (error?.failureType === 'subtestsFailed') continue;
		const cause = error?.cause ?? error;
		const message = String(cause?.message ?? cause ?? 'failed')
			.split('\n')
			.slice(0, 12)
			.join('\n    ');
		failed.push(`not ok: ${name}${file ? `\n  in ${relative(process.cwd(), file)}` : ''}\n    ${message}\n`);
	}

	yield failed.length === 0 ? '# no test failed\n' : `# ${failed.length} failed:\n${failed.join('')}`;
}
