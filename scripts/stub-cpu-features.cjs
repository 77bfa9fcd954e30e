// ssh2's optional native CPU probe is not bundled (see ssh2-bundling.mjs); ssh2 catches this.
throw new Error('cpu-features is not bundled with lectern');
