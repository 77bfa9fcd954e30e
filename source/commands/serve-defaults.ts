/** Where `lectern serve` listens and how many it lets in, unless told otherwise. */
export const serveDefaults = {host: '127.0.0.1', port: 2222, maxViewers: 200} as const;
