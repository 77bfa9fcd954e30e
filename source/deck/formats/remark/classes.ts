/**
 * Classes a remark deck may use without defining them: remark.js's own
 * (`remark.less`: text alignment and vertical placement), the classes of its
 * boilerplate and front-page deck, xaringan's default theme, and the span
 * classes lectern draws itself (`red`, `w`, ...).
 */
import {knownClasses} from '../../inline-tokens.js';

const builtIn: ReadonlySet<string> = new Set([
	// remark.js
	'left',
	'center',
	'right',
	'top',
	'middle',
	'bottom',
	'remark-code',
	'remark-inline-code',
	'remark-slide-content',
	'remark-slide-number',
	'remark-visible',
	'remark-fading',
	// remark's boilerplate and front-page deck
	'inverse',
	'left-column',
	'right-column',
	'footnote',
	'pull-left',
	'pull-right',
	'red',
	'large',
	'small',
	'title',
	'image',
	// xaringan's default theme and common additions
	'title-slide',
	'hide-count',
	'hide_logo',
	'kicker',
	'bg-main1',
	'huge',
	'tiny',
	'bold',
	'italic',
	'code',
	'font-small',
	'font-large',
	'highlight',
	'remark-code-line-highlighted',
]);

/** True for a class remark.js, its usual themes or lectern define. */
export function isKnownClass(name: string): boolean {
	return builtIn.has(name) || knownClasses.has(name) || name.startsWith('hljs-') || name.startsWith('remark-');
}
