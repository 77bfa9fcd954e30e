/** The statistics of the bench: medians, percentiles, extremes of lists that may hold gaps. */

export const numbers = values => values.filter(v => typeof v === 'number' && Number.isFinite(v));

export function quantile(values, q) {
	const sorted = numbers(values).sort((a, b) => a - b);
	if (sorted.length === 0) return undefined;
	if (q === 0.5) {
		const mid = sorted.length >> 1;
		return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	}

	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

export const median = values => quantile(values, 0.5);
/** The median and 90th percentile of `values`. */
export const spread = values => ({median: median(values), p90: quantile(values, 0.9)});
export const min = values => (numbers(values).length ? Math.min(...numbers(values)) : undefined);
export const max = values => (numbers(values).length ? Math.max(...numbers(values)) : undefined);
