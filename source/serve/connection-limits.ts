/**
 * How many connections `lectern serve` holds at once, in all and from one
 * address, counted from the moment a connection is accepted (before any SSH is
 * spoken) until it closes: a flood of half-open handshakes costs no more than
 * the caps allow.
 */
export type ConnectionLimits = {
	/** Counts a new connection from `address`, or says no (the caller drops it). */
	admit(address: string): boolean;
	/** A connection from `address` closed. */
	release(address: string): void;
	/** Connections open now. */
	readonly open: number;
};

export type LimitOptions = {
	/** Connections at once, in all. */
	readonly total: number;
	/** Connections at once from one address. */
	readonly perAddress: number;
};

export function connectionLimits({total, perAddress}: LimitOptions): ConnectionLimits {
	const byAddress = new Map<string, number>();
	let open = 0;
	return {
		admit(address) {
			const key = addressKey(address);
			const from = byAddress.get(key) ?? 0;
			if (open >= total || from >= perAddress) return false;
			byAddress.set(key, from + 1);
			open++;
			return true;
		},
		release(address) {
			const key = addressKey(address);
			const from = byAddress.get(key) ?? 0;
			if (from <= 0) return;
			if (from === 1) byAddress.delete(key);
			else byAddress.set(key, from - 1);
			open--;
		},
		get open() {
			return open;
		},
	};
}

/** An IPv4 address seen through an IPv6 socket (`::ffff:192.0.2.1`) counts as itself. */
function addressKey(address: string): string {
	return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
